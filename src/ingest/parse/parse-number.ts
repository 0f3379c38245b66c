import type { RawValue } from '../read/types.js'
import { type DecimalMark, decimalText, numberText, signed } from './decimal-text.js'
import { cleanText, type ParseResult, parsed, rejected } from './parse-result.js'

/** Counting words written after quantities ('3件', '2 pcs'): they name no unit conversion, so they are dropped. */
const COUNT_WORDS = /\s*(件|个|個|份|只|瓶|盒|袋|箱|包|支|双|雙|套|张|張|本|pcs|pc|x)$/i

function signedDecimal(input: RawValue, decimal: DecimalMark | undefined, kind: string): ParseResult<string> {
  if (input === null || input === '') return rejected('empty')
  if (typeof input === 'boolean') return rejected(`${kind}_invalid`, { text: String(input) })
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return rejected(`${kind}_invalid`, { text: String(input) })
    const r = decimalText(numberText(input), '.', kind)
    return r.ok ? parsed(signed(r.value, input < 0)) : r
  }
  const text = cleanText(input).replace(/[−–]/g, '-').replace(COUNT_WORDS, '')
  if (text === '') return rejected('empty')
  const m = /^([-+])?\s*(\d(?:[\d.,' ]*\d)?|[.,]\d+)$/.exec(text)
  if (!m) return rejected(`${kind}_invalid`, { text: input })
  const r = decimalText(m[2]!, decimal, kind)
  if (!r.ok) return { ...r, params: { ...r.params, text: input } }
  return parsed(signed(r.value, m[1] === '-'))
}

/**
 * Parses a quantity into exact decimal text (up to 4 decimals; negative for returns). Thousands groups,
 * full-width digits and a trailing counting word ('3件', '2 pcs') are accepted.
 *
 * @example
 * parseQuantity('1,200件') // { ok: true, value: '1200' }
 * parseQuantity(-2.5) // { ok: true, value: '-2.5' }
 */
export function parseQuantity(input: RawValue, options: { decimal?: DecimalMark } = {}): ParseResult<string> {
  return signedDecimal(input, options.decimal, 'quantity')
}

/**
 * Parses a whole number ('1,234', '１２', '7.0', 42) into a safe JS integer; decimals other than zeros are refused.
 *
 * @example
 * parseInteger('1,234') // { ok: true, value: 1234 }
 * parseInteger('1.5').ok // false: ingest.parse.integer_invalid
 */
export function parseInteger(input: RawValue): ParseResult<number> {
  const r = signedDecimal(input, undefined, 'integer')
  if (!r.ok)
    return r.code === 'ingest.parse.integer_too_many_decimals' ? rejected('integer_invalid', r.params) : r
  const [whole, fraction = ''] = r.value.split('.')
  if (/[1-9]/.test(fraction)) return rejected('integer_invalid', { text: String(input) })
  const n = Number(whole)
  if (!Number.isSafeInteger(n)) return rejected('integer_too_large', { text: String(input) })
  return parsed(n === 0 ? 0 : n)
}
