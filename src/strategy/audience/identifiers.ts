import { createHash } from 'node:crypto'
import { normaliseEmail } from '../../ingest/parse/normalise-email.js'
import { normalisePhone } from '../../ingest/parse/normalise-phone.js'

export interface IdentifierOptions {
  /**
   * Gmail ignores dots and `+tags` in the local part (`j.doe+ads@gmail.com` is `jdoe@gmail.com`); some ad
   * platforms fold them before hashing, others do not. Off by default: folding when the platform does not
   * would make the hash match nobody.
   */
  readonly gmailDots?: boolean
  /** Country for numbers written without a country code (ISO code; default CN, i.e. +86). */
  readonly defaultCountry?: string
}

const GMAIL = new Set(['gmail.com', 'googlemail.com'])

/**
 * An email as ad platforms expect it before hashing: trimmed, lower-cased (full-width ＠ folded), shape
 * checked; null when it is not an email address. With `gmailDots`, Gmail local parts lose dots and tags.
 *
 * @example
 * normaliseEmailForAds('  Li.Wei@Example.COM ') // 'li.wei@example.com'
 */
export function normaliseEmailForAds(
  raw: string | null | undefined,
  options: IdentifierOptions = {},
): string | null {
  if (raw === null || raw === undefined) return null
  const result = normaliseEmail(raw)
  if (!result.ok) return null
  if (!options.gmailDots) return result.value
  const at = result.value.lastIndexOf('@')
  const domain = result.value.slice(at + 1)
  if (!GMAIL.has(domain)) return result.value
  const local = result.value.slice(0, at).split('+')[0]!.replaceAll('.', '')
  return local ? `${local}@gmail.com` : null
}

/**
 * A phone in E.164 (`+8613812345678`): spaces, dashes, brackets and extensions dropped, a national number
 * read in the default country (+86 unless told otherwise); null when it is not a valid number.
 *
 * @example
 * normalisePhoneForAds('138-1234 5678') // '+8613812345678'
 */
export function normalisePhoneForAds(
  raw: string | null | undefined,
  options: IdentifierOptions = {},
): string | null {
  if (raw === null || raw === undefined) return null
  const result = normalisePhone(raw, options.defaultCountry ?? 'CN')
  return result.ok ? result.value : null
}

/** Lower-case hex SHA-256 of the UTF-8 text: the form ad platforms match hashed identifiers in. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Normalised then hashed; null when there is nothing valid to hash (never the raw value). */
export function hashedEmail(raw: string | null | undefined, options: IdentifierOptions = {}): string | null {
  const email = normaliseEmailForAds(raw, options)
  return email === null ? null : sha256Hex(email)
}

export function hashedPhone(raw: string | null | undefined, options: IdentifierOptions = {}): string | null {
  const phone = normalisePhoneForAds(raw, options)
  return phone === null ? null : sha256Hex(phone)
}
