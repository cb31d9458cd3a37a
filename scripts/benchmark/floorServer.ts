/**
 * THE FLOOR: a plain HTTP server that does no work. It reads each request to the end and answers
 * a canned, valid CloudBase response for the action (or for `/callFunction`), so what remains is
 * the cost of wx-server-sdk, HTTP and loopback.
 */
import { createServer, type Server } from 'node:http'

const ANSWERS: Array<[string, string]> = [
  ['database.getDocument', '{"requestId":"r","data":{"list":["{\\"_id\\":\\"x\\",\\"n\\":1}"]}}'],
  ['database.insertDocument', '{"requestId":"r","data":{"insertedIds":["x"]}}'],
  ['database.modifyDocument', '{"requestId":"r","data":{"updated":1}}'],
]
const CALL_FUNCTION = '{"result":{"ok":true},"requestID":"r","errMsg":"cloud.callFunction:ok"}'
const UNKNOWN = '{"code":"INVALID_ACTION","message":"not canned","requestId":"r"}'

export function createFloorServer(): Server {
  return createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      const text = request.url?.startsWith('/callFunction')
        ? CALL_FUNCTION
        : (ANSWERS.find(([action]) => body.includes(`"action":"${action}"`))?.[1] ?? UNKNOWN)
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      })
      response.end(text)
    })
  })
}
