import type { RawValue } from '../read/types.js'
import { type ParseResult, parsed, rejected } from './parse-result.js'

// Deliberately plain: one @, a local part without spaces, a domain with a dot and a 2+ letter top level.
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/

/**
 * Trims and lower-cases an email address and checks its shape (full-width '＠' and '．' folded first).
 *
 * @example
 * normaliseEmail(' Li.Wei@Example.COM ') // { ok: true, value: 'li.wei@example.com' }
 */
export function normaliseEmail(input: RawValue): ParseResult<string> {
  if (input === null || input === '') return rejected('empty')
  const text = String(input).normalize('NFKC').trim().toLowerCase()
  if (text === '') return rejected('empty')
  if (!EMAIL.test(text) || text.includes('..')) return rejected('email_invalid', { text: String(input) })
  return parsed(text)
}
