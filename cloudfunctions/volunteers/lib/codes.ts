/**
 * The rotating check-in code and the volunteer's pass. Both are HMACs of the project's secret
 * (kept server-side) with the current minute, so a code is good for the minute it is shown and
 * the next one: a photo of the screen sent to a friend at home stops working within two minutes.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const MINUTE = 60_000

export function minuteOf(instant: Date): number {
  return Math.floor(instant.getTime() / MINUTE)
}

/** When a code shown at `instant` stops being accepted. */
export function expiresAt(instant: Date): Date {
  return new Date((minuteOf(instant) + 2) * MINUTE)
}

export function newSecret(): string {
  return randomBytes(32).toString('hex')
}

/** A new pass code: 8 characters of [a-z0-9]. */
export function newPassCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return [...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('')
}

function sixDigits(secret: string, message: string): string {
  const digest = createHmac('sha256', Buffer.from(secret, 'hex')).update(message).digest()
  // Dynamic truncation as in HOTP (RFC 4226).
  const offset = digest[digest.length - 1]! & 0x0f
  const value = digest.readUInt32BE(offset) & 0x7fffffff
  return String(value % 1_000_000).padStart(6, '0')
}

export function checkInCode(secret: string, projectId: string, minute: number): string {
  return sixDigits(secret, `checkin|${projectId}|${minute}`)
}

export function passSignature(secret: string, passCode: string, minute: number): string {
  return sixDigits(secret, `pass|${passCode}|${minute}`)
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/** The code of this minute or the previous one. */
export function acceptsCheckInCode(
  secret: string,
  projectId: string,
  code: string,
  now: Date,
): boolean {
  const minute = minuteOf(now)
  return [minute, minute - 1].some((m) => same(checkInCode(secret, projectId, m), code))
}

/** A pass is `<passCode><signature>`: 8 + 6 characters. */
export function parsePass(
  secret: string,
  pass: string,
  now: Date,
): { passCode: string; valid: boolean } {
  const passCode = pass.slice(0, 8)
  const signature = pass.slice(8)
  const minute = minuteOf(now)
  const valid = [minute, minute - 1].some((m) =>
    same(passSignature(secret, passCode, m), signature),
  )
  return { passCode, valid }
}
