import type { FieldType } from './fields.js'
import { normaliseEmail } from './parse/normalise-email.js'
import { normalisePhone } from './parse/normalise-phone.js'
import { parseAmount } from './parse/parse-amount.js'
import { parseBoolean } from './parse/parse-boolean.js'
import { parseDate, parseDateTime } from './parse/parse-date-time.js'
import { parseGender } from './parse/parse-gender.js'
import { parseInteger, parseQuantity } from './parse/parse-number.js'
import { cleanText } from './parse/parse-result.js'

/** How cells of one file are read. */
export interface CellOptions {
  /** `YMD` / `MDY` / `DMY` or a pattern, for dates whose order cannot be told. */
  readonly dateFormat?: string
  /** The store's zone: timestamps with an offset are converted to it. */
  readonly timezone: string
  /** Zone of this file's timestamps written without an offset, when not the store's (Stripe: UTC). */
  readonly fileTimezone?: string
  /** Country for phone numbers written without a country code. */
  readonly phoneRegion?: string
}

export type CellResult =
  | {
      readonly ok: true
      readonly value: string | number | boolean | null
      readonly extra?: Record<string, string>
    }
  | { readonly ok: false; readonly code: string; readonly params?: Record<string, unknown> }

const CURRENCY_WORDS: Record<string, string> = {
  '¥': 'CNY',
  '￥': 'CNY',
  rmb: 'CNY',
  元: 'CNY',
  人民币: 'CNY',
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  nt$: 'TWD',
  新台币: 'TWD',
  新臺幣: 'TWD',
  hk$: 'HKD',
}

/** Order statuses as exports write them → the canonical few (paid / refunded / cancelled / pending). */
const STATUS_WORDS: Record<string, string> = {
  paid: 'paid',
  completed: 'paid',
  complete: 'paid',
  succeeded: 'paid',
  success: 'paid',
  fulfilled: 'paid',
  delivered: 'paid',
  shipped: 'paid',
  processing: 'paid',
  已支付: 'paid',
  已付款: 'paid',
  已完成: 'paid',
  交易成功: 'paid',
  已发货: 'paid',
  已發貨: 'paid',
  已签收: 'paid',
  refunded: 'refunded',
  returned: 'refunded',
  已退款: 'refunded',
  退款成功: 'refunded',
  已退货: 'refunded',
  已退貨: 'refunded',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  voided: 'cancelled',
  failed: 'cancelled',
  已取消: 'cancelled',
  交易关闭: 'cancelled',
  交易關閉: 'cancelled',
  pending: 'pending',
  unpaid: 'pending',
  'on-hold': 'pending',
  待付款: 'pending',
  待支付: 'pending',
}

/** A timestamp written without an offset, in a file whose zone is known: make the zone explicit. */
function withFileZone(text: string, zone: string | undefined): string {
  if (zone !== 'UTC' || !/\d:\d\d/.test(text) || /(Z|[+-]\d\d:?\d\d)$/i.test(text.trim())) return text
  return `${text.trim()}Z`
}

/** Types whose parse depends only on the text and the file's options, so results can be reused. */
const CACHED = new Set<FieldType>([
  'timestamp',
  'date',
  'money',
  'quantity',
  'integer',
  'email',
  'phone',
  'status',
  'currency',
  'boolean',
  'gender',
])
const CACHE_LIMIT = 50_000
/** Lookups after which a column's memory is judged; below this share of hits it is dropped. */
const CACHE_TRIAL = 20_000
const CACHE_MIN_HIT_RATE = 0.3

const isDigit = (c: number) => c >= 48 && c <= 57
const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9]
const TIME_DIGITS = [11, 12, 14, 15, 17, 18]
const SHORT_TIME_DIGITS = [11, 12, 14, 15]
const twoDigits = (t: string, at: number) => (t.charCodeAt(at) - 48) * 10 + (t.charCodeAt(at + 1) - 48)

/**
 * The wall-clock text of a timestamp already written the canonical way (`YYYY-MM-DD HH:MM:SS`, `T` allowed,
 * or `YYYY-MM-DD` / `YYYY-MM-DD HH:MM`), checked against the calendar; undefined for anything else, which
 * then takes the full parser. Exports write most timestamps like this, each one different (a cache cannot
 * help), and the general parser's regular expressions cost far more than these few character tests.
 */
function canonicalTimestamp(t: string): string | undefined {
  const n = t.length
  if ((n !== 19 && n !== 16 && n !== 10) || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined
  for (const i of DATE_DIGITS) if (!isDigit(t.charCodeAt(i))) return undefined
  const year = twoDigits(t, 0) * 100 + twoDigits(t, 2)
  const month = twoDigits(t, 5)
  const day = twoDigits(t, 8)
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined
  const days =
    month === 2
      ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
        ? 29
        : 28
      : 30 + ((month + (month >> 3)) & 1)
  if (day > days) return undefined
  if (n === 10) return `${t} 00:00:00`
  const sep = t.charCodeAt(10)
  if (sep !== 32 && sep !== 84) return undefined
  for (const i of n === 19 ? TIME_DIGITS : SHORT_TIME_DIGITS) if (!isDigit(t.charCodeAt(i))) return undefined
  if (t.charCodeAt(13) !== 58 || (n === 19 && t.charCodeAt(16) !== 58)) return undefined
  if (twoDigits(t, 11) > 23 || twoDigits(t, 14) > 59 || (n === 19 && twoDigits(t, 17) > 59)) return undefined
  const date = t.slice(0, 10)
  return n === 19 ? `${date} ${t.slice(11)}` : `${date} ${t.slice(11)}:00`
}

/**
 * Plain decimal text the money / quantity parsers would return unchanged (`129.00`, `-3`, `0.5`): digits, at
 * most one dot and four decimals, no leading zero, no thousands marks, no sign on a zero. Anything else
 * (currency marks, groups, full-width digits, …) takes the full parser.
 */
function isPlainDecimal(t: string): boolean {
  const n = t.length
  let i = t.charCodeAt(0) === 45 ? 1 : 0
  const first = i
  let nonZero = false
  while (i < n && isDigit(t.charCodeAt(i))) {
    if (t.charCodeAt(i) !== 48) nonZero = true
    i++
  }
  const whole = i - first
  if (whole === 0 || whole > 14 || (whole > 1 && t.charCodeAt(first) === 48)) return false
  if (i < n) {
    if (t.charCodeAt(i) !== 46) return false
    const dot = i++
    while (i < n && isDigit(t.charCodeAt(i))) {
      if (t.charCodeAt(i) !== 48) nonZero = true
      i++
    }
    const decimals = i - dot - 1
    if (i < n || decimals < 1 || decimals > 4) return false
  }
  return first === 0 || nonZero
}

/**
 * The parser of one column: `parseCell` for its field type, with a fast path for text already in canonical
 * form and a memory of results per distinct text. Exports repeat the same prices, quantities, statuses and
 * (UCI: 541,909 rows, 23,260 distinct) timestamps row after row, and a map lookup is far cheaper than a parse.
 * A column whose values hardly repeat (order timestamps, emails) drops its memory after a trial, so it costs
 * neither time nor memory; the memory is also emptied when it grows past a limit.
 *
 * @example
 * const parse = columnParser('timestamp', { timezone: 'UTC' }); parse('2024-03-05 14:03')
 */
export function columnParser(
  type: FieldType,
  options: CellOptions,
): (raw: string | number | boolean) => CellResult {
  const plainTimes =
    (type === 'timestamp' || type === 'date') &&
    options.fileTimezone !== 'UTC' &&
    (options.dateFormat === undefined || ['YMD', 'MDY', 'DMY'].includes(options.dateFormat))
  const plainDecimals = type === 'money' || type === 'quantity'
  let cache: Map<string | number | boolean, CellResult> | undefined = CACHED.has(type) ? new Map() : undefined
  let lookups = 0
  let hits = 0
  return (raw) => {
    if (typeof raw === 'string') {
      if (plainTimes) {
        const wall = canonicalTimestamp(raw)
        if (wall !== undefined) return { ok: true, value: type === 'date' ? wall.slice(0, 10) : wall }
      } else if (plainDecimals && isPlainDecimal(raw)) return { ok: true, value: raw }
    }
    if (!cache) return parseCell(type, raw, options)
    const hit = cache.get(raw)
    lookups++
    if (hit) {
      hits++
      return hit
    }
    const result = parseCell(type, raw, options)
    if (lookups === CACHE_TRIAL && hits < lookups * CACHE_MIN_HIT_RATE) cache = undefined
    else {
      if (cache.size >= CACHE_LIMIT) cache.clear()
      cache.set(raw, result)
    }
    return result
  }
}

/**
 * `parseCell` with a memory per field type (see `columnParser`).
 *
 * @example
 * const parse = cachedCellParser({ timezone: 'UTC' }); parse('timestamp', '2024-03-05 14:03')
 */
export function cachedCellParser(
  options: CellOptions,
): (type: FieldType, raw: string | number | boolean) => CellResult {
  const parsers = new Map<FieldType, (raw: string | number | boolean) => CellResult>()
  return (type, raw) => {
    let parse = parsers.get(type)
    if (!parse) {
      parse = columnParser(type, options)
      parsers.set(type, parse)
    }
    return parse(raw)
  }
}

/**
 * Parses one non-blank cell by its field's type, with the reading rules of the parse layer. Money and
 * quantities come back as exact decimal text; an amount written with a currency mark also gives
 * `extra.currency`.
 *
 * @example
 * parseCell('money', '¥1,234.50', { timezone: 'Asia/Shanghai' }) // { ok: true, value: '1234.50', extra: { currency: 'CNY' } }
 */
export function parseCell(type: FieldType, raw: string | number | boolean, options: CellOptions): CellResult {
  switch (type) {
    case 'id':
    case 'text':
      return { ok: true, value: typeof raw === 'string' ? raw.trim() : String(raw) }
    case 'timestamp': {
      const input = typeof raw === 'string' ? withFileZone(raw, options.fileTimezone) : raw
      return parseDateTime(input, { format: options.dateFormat, timezone: options.timezone })
    }
    case 'date':
      return parseDate(raw, { format: options.dateFormat, timezone: options.timezone })
    case 'money': {
      const r = parseAmount(raw)
      if (!r.ok) return r
      return r.value.currency
        ? { ok: true, value: r.value.amount, extra: { currency: r.value.currency } }
        : { ok: true, value: r.value.amount }
    }
    case 'quantity':
      return parseQuantity(raw)
    case 'integer':
      return parseInteger(raw)
    case 'nps': {
      const n = parseInteger(raw)
      return n.ok && (n.value < 0 || n.value > 10) ? { ok: false, code: 'ingest.cell.bad_nps' } : n
    }
    case 'double': {
      const n = typeof raw === 'number' ? raw : Number(cleanText(String(raw)).replace(/,/g, ''))
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, code: 'ingest.cell.bad_number' }
    }
    case 'boolean':
      return parseBoolean(raw)
    case 'email':
      return normaliseEmail(raw)
    case 'phone':
      return normalisePhone(raw, options.phoneRegion ?? 'CN')
    case 'gender':
      return { ok: true, value: parseGender(raw) }
    case 'currency': {
      const text = cleanText(String(raw))
      const word = CURRENCY_WORDS[text.toLowerCase()]
      if (word) return { ok: true, value: word }
      return /^[a-z]{3}$/i.test(text)
        ? { ok: true, value: text.toUpperCase() }
        : { ok: false, code: 'ingest.cell.bad_currency' }
    }
    case 'status': {
      const text = cleanText(String(raw)).toLowerCase()
      const known = STATUS_WORDS[text.replace(/^wc-/, '')]
      return { ok: true, value: known ?? text, extra: { raw: text } }
    }
    case 'json': {
      if (typeof raw !== 'string') return { ok: true, value: JSON.stringify(raw) }
      try {
        JSON.parse(raw)
        return { ok: true, value: raw }
      } catch {
        return { ok: false, code: 'ingest.cell.bad_json' }
      }
    }
    default: {
      const never: never = type
      throw new Error(`no parser for field type ${String(never)}`)
    }
  }
}
