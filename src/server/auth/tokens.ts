import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 32 random bytes as base64url, with an optional readable prefix (`sk_…` for API keys). */
export function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url')
}

/** Short random id for rows (users, keys, deliveries). */
export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`
}

/** What is stored instead of a secret: its SHA-256, hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Constant-time string comparison (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
