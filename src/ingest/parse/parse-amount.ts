import type { RawValue } from '../read/types.js'
import { CURRENCY_PATTERN, currencyOf } from './currency-marks.js'
import { type DecimalMark, decimalText, numberText, signed } from './decimal-text.js'
import { cleanText, type ParseResult, parsed, rejected } from './parse-result.js'

/** An exact amount as decimal text, and the currency its mark names, if any. */
export interface Amount {
  /** '1234.50', '-3.2': digits as written (trailing zeros kept), no thousands separators. */
  readonly amount: string
  /** ISO 4217 code from a symbol or code next to the number ('¥' → 'CNY'), undefined when there is none. */
  readonly currency?: string
}

/** How to read amounts: which mark is the decimal one when the text does not show it. */
export interface AmountOptions {
  readonly decimal?: DecimalMark
}

const AMOUNT = new RegExp(
  `^([-+])?\\s*(${CURRENCY_PATTERN})?\\s*([-+])?\\s*(\\d(?:[\\d.,' ]*\\d)?|[.,]\\d+)\\s*(${CURRENCY_PATTERN})?\\s*(-)?$`,
  'i',
)

/**
 * Parses a money cell into exact decimal text plus the currency written with it. Accepts '¥1,234.50',
 * '￥1234.5', 'RMB 88', 'CN¥12', '$1,234.50', '1.234,50 €', '1 234,50', '88元', '(12.00)' and '12-' (accounting
 * negatives), '-12', full-width digits; numbers from typed files. More than 4 decimals is refused
 * (`ingest.parse.amount_too_many_decimals`), as is anything else (`ingest.parse.amount_invalid`).
 *
 * @example
 * parseAmount('¥1,234.50') // { ok: true, value: { amount: '1234.50', currency: 'CNY' } }
 * parseAmount('1.234,50 €') // { ok: true, value: { amount: '1234.50', currency: 'EUR' } }
 */
export function parseAmount(input: RawValue, options: AmountOptions = {}): ParseResult<Amount> {
  if (input === null || input === '') return rejected('empty')
  if (typeof input === 'boolean') return rejected('amount_invalid', { text: String(input) })
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return rejected('amount_invalid', { text: String(input) })
    const digits = decimalText(numberText(input), '.', 'amount')
    return digits.ok ? parsed({ amount: signed(digits.value, input < 0) }) : digits
  }
  let text = cleanText(input).replace(/[−–]/g, '-')
  if (text === '') return rejected('empty')
  let negative = false
  const parens = /^\((.*)\)$/.exec(text)
  if (parens) {
    negative = true
    text = parens[1]!.trim()
  }
  const m = AMOUNT.exec(text)
  if (!m) return rejected('amount_invalid', { text: input })
  const [, sign1, before, sign2, digits, after, trailingMinus] = m
  const signs = [sign1, sign2, trailingMinus].filter((s) => s !== undefined)
  if (signs.length > 1 || (parens && signs.length > 0)) return rejected('amount_invalid', { text: input })
  if (signs[0] === '-') negative = true
  const marks = [before, after].filter((s) => s !== undefined).map((s) => currencyOf(s!))
  if (marks.length === 2 && marks[0] !== marks[1]) return rejected('amount_invalid', { text: input })
  const value = decimalText(digits!, options.decimal, 'amount')
  if (!value.ok) return { ...value, params: { ...value.params, text: input } }
  const currency = marks[0]
  return parsed(
    currency
      ? { amount: signed(value.value, negative), currency }
      : { amount: signed(value.value, negative) },
  )
}
