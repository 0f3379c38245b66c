import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * `strata-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. Signing the timestamp with
 * the body lets a receiver refuse replays of an old delivery (check `t` is recent).
 */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')
  return `t=${unixSeconds},v1=${mac}`
}

/**
 * What a receiver runs: true when the header's MAC matches the body and its time is within `toleranceSeconds`.
 *
 * @example
 * verifySignature(secret, req.headers['strata-signature'], rawBody, Date.now() / 1000)
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]))
  const t = Number(parts['t'])
  const given = parts['v1']
  if (!Number.isFinite(t) || !given || Math.abs(nowSeconds - t) > toleranceSeconds) return false
  const expected = signatureHeader(secret, t, body).split('v1=')[1]!
  const a = Buffer.from(given, 'hex')
  const b = Buffer.from(expected, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
