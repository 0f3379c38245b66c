import { type ParseResult, parsed, rejected } from './parse-result.js'

/** Most decimals the store keeps (DECIMAL(18,4)); more is refused rather than silently rounded. */
export const MAX_DECIMALS = 4
/** Integer digits that fit DECIMAL(18,4). */
const MAX_INTEGER_DIGITS = 14

/** Which separator marks decimals when the text does not make it clear. */
export type DecimalMark = '.' | ','

/**
 * Which of '.' and ',' is the decimal mark in `digits`: the option if given; else the last of them when both
 * appear; a single comma followed by 1–2 digits at the end is decimal ('12,50'), by 3 it groups thousands
 * ('1,234'); several of the same mark group thousands ('1.234.567').
 */
function decimalMarkOf(digits: string, option: DecimalMark | undefined): DecimalMark | undefined {
  if (option) return option
  const dot = digits.lastIndexOf('.')
  const comma = digits.lastIndexOf(',')
  if (dot !== -1 && comma !== -1) return dot > comma ? '.' : ','
  if (comma !== -1) {
    if (digits.indexOf(',') !== comma) return '.'
    const after = digits.length - comma - 1
    return after === 1 || after === 2 ? ',' : after === 3 ? '.' : undefined
  }
  if (dot !== -1 && digits.indexOf('.') !== dot) return ','
  return '.'
}

/**
 * Exact decimal text of an unsigned number written with thousands groups (',', '.', space or apostrophe, groups of
 * three) and a decimal mark: '1.234,50' → '1234.50', '.5' → '0.5'. Never goes through a float.
 *
 * @example
 * decimalText('1 234,50', undefined, 'amount') // { ok: true, value: '1234.50' }
 */
export function decimalText(
  digits: string,
  option: DecimalMark | undefined,
  kind: string,
): ParseResult<string> {
  const text = digits
  const mark = decimalMarkOf(digits, option)
  if (!mark) return rejected(`${kind}_invalid`, { text })
  const at = digits.indexOf(mark)
  if (at !== -1 && digits.indexOf(mark, at + 1) !== -1) return rejected(`${kind}_invalid`, { text })
  const whole = at === -1 ? digits : digits.slice(0, at)
  const fraction = at === -1 ? '' : digits.slice(at + 1)
  if (!/^\d*$/.test(fraction) || (at !== -1 && fraction === '' && whole === '')) {
    return rejected(`${kind}_invalid`, { text })
  }
  const groups = whole.split(/[.,' ]/)
  if (
    groups.length > 1 &&
    !(/^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g)))
  ) {
    return rejected(`${kind}_invalid`, { text })
  }
  if (!groups.every((g) => /^\d*$/.test(g))) return rejected(`${kind}_invalid`, { text })
  if (fraction.length > MAX_DECIMALS)
    return rejected(`${kind}_too_many_decimals`, { text, max: MAX_DECIMALS })
  const integer = groups.join('').replace(/^0+(?=\d)/, '') || '0'
  if (integer.length > MAX_INTEGER_DIGITS) return rejected(`${kind}_too_large`, { text })
  return parsed(fraction ? `${integer}.${fraction}` : integer)
}

/**
 * Decimal text of a JS number from a typed file (JSON, Parquet, XLSX), dropping binary noise beyond 15
 * significant digits (36.900000000000006 → '36.9') but keeping real decimals so the 4-decimal rule still applies.
 *
 * @example
 * numberText(0.1 + 0.2) // '0.3'
 */
export function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(Math.abs(value))
  const rounded = Math.abs(Number(value.toPrecision(15)))
  const fixed = rounded.toFixed(10)
  return fixed.replace(/\.?0+$/, '')
}

/** '-' in front unless the amount is zero ('-0.00' reads '0.00'). */
export function signed(text: string, negative: boolean): string {
  return negative && /[1-9]/.test(text) ? `-${text}` : text
}
