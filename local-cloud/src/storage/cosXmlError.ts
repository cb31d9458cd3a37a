/**
 * The XML body COS answers a failed PUT with. node-sdk parses the upload response as XML and
 * needs all four of Code, Message, RequestId and TraceId (it destructures them), then reports
 * `uploadFile:fail [Code]: Message` (local-cloud/PROTOCOL.md「Storage: uploadFile」).
 */
import { randomBytes } from 'node:crypto'
import { type RawResponse } from '../protocol/types'

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

export function cosXmlError(
  status: number,
  code: string,
  message: string,
  resource: string,
): RawResponse {
  const requestId = randomBytes(12).toString('hex')
  const body = [
    "<?xml version='1.0' encoding='utf-8' ?>",
    '<Error>',
    `  <Code>${escapeXml(code)}</Code>`,
    `  <Message>${escapeXml(message)}</Message>`,
    `  <Resource>${escapeXml(resource)}</Resource>`,
    `  <RequestId>${requestId}</RequestId>`,
    `  <TraceId>${randomBytes(24).toString('base64')}</TraceId>`,
    '</Error>',
    '',
  ].join('\n')
  return { status, headers: { 'content-type': 'application/xml' }, body }
}
