import type { RawValue } from '../read/types.js'

/** The outcome of parsing one cell: the value, or a reason (an `ingest.parse.*` code, also the i18n key). */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: string; readonly params?: Record<string, unknown> }

/** A successful parse. */
export const parsed = <T>(value: T): ParseResult<T> => ({ ok: true, value })

/**
 * A failed parse with code `ingest.parse.<what>`.
 *
 * @example
 * rejected('amount_invalid', { text: 'abc' }) // { ok: false, code: 'ingest.parse.amount_invalid', params: { text: 'abc' } }
 */
export const rejected = <T = never>(what: string, params?: Record<string, unknown>): ParseResult<T> =>
  params ? { ok: false, code: `ingest.parse.${what}`, params } : { ok: false, code: `ingest.parse.${what}` }

/**
 * Whether a cell holds nothing (null, undefined, empty or only spaces). Parsers reject blank input with
 * `ingest.parse.empty`; a caller for an optional field checks this first and stores null.
 *
 * @example
 * isBlank('  ') // true
 */
export function isBlank(value: RawValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && cleanText(value) === '')
}

/**
 * Text as typed by people and spreadsheets, made regular: full-width digits, letters and punctuation folded to
 * ASCII (NFKC: '１２３' → '123', '￥' → '¥', '：' → ':'), every kind of space made a plain space, runs of spaces
 * collapsed and the ends trimmed.
 *
 * @example
 * cleanText(' １２３\u00A0元 ') // '123 元'
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g, ' ')
    .trim()
}
