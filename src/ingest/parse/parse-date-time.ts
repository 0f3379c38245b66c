import type { RawValue } from '../read/types.js'
import { compileDatePattern, type DatePattern } from './date-pattern.js'
import { excelSerialToParts } from './excel-serial.js'
import { cleanText, type ParseResult, parsed, rejected } from './parse-result.js'
import { wallClockIn } from './time-zone.js'

/** Order of day, month and year in dates written with numbers only. */
export type DateOrder = 'YMD' | 'MDY' | 'DMY'

/** How to read dates: the field order or a pattern ('YYYY/MM/DD HH:mm'), and the store's IANA time zone. */
export interface DateTimeOptions {
  readonly format?: DateOrder | (string & {})
  readonly timezone: string
}

/** Date-time fields as written; `offset` in minutes east of UTC when the text names one. */
export interface DateTimeParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  offset?: number
}

type Parsed<T> = ParseResult<T>

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const YEAR_FIRST = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/
const YEAR_LAST = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s,-]+(\d{4})/
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/
const TIME =
  /^(?:(上午|下午|AM|PM)\s*)?(\d{1,2})\s*[:时時点點]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:[.,]\d+)?)?\s*[分秒]?\s*(AM|PM|上午|下午)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

const patterns = new Map<string, DatePattern | undefined>()
const isOrder = (f: string | undefined): f is DateOrder => f === 'YMD' || f === 'MDY' || f === 'DMY'

function pivotYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function monthNumber(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase())
  return i === -1 ? undefined : i + 1
}

/** Hour, minute, second and zone offset from the text after the date. */
function parseTime(
  rest: string,
  text: string,
): Parsed<Pick<DateTimeParts, 'hour' | 'minute' | 'second' | 'offset'>> {
  const m = TIME.exec(rest)
  if (!m) return rejected('date_invalid', { text })
  let hour = Number(m[2])
  const ampm = (m[1] ?? m[5])?.toUpperCase()
  if (ampm) {
    if (hour < 1 || hour > 12) return rejected('date_invalid', { text })
    const pm = ampm === 'PM' || ampm === '下午'
    hour = (hour % 12) + (pm ? 12 : 0)
  }
  const zone = m[6]
  let offset: number | undefined
  if (zone) {
    if (zone.toUpperCase() === 'Z') offset = 0
    else {
      const digits = zone.slice(1).replace(':', '')
      const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)
      offset = zone[0] === '-' ? -minutes : minutes
    }
  }
  return parsed({
    hour,
    minute: Number(m[3]),
    second: Number(m[4] ?? 0),
    ...(offset === undefined ? {} : { offset }),
  })
}

/** Day-first or month-first numbers, resolved by the format or by a value above 12. */
function dayMonth(a: number, b: number, separator: string, order: DateOrder | undefined, text: string) {
  const resolved = order === 'MDY' || order === 'DMY' ? order : undefined
  if (resolved === 'MDY') return parsed({ month: a, day: b })
  if (resolved === 'DMY' || separator === '.') return parsed({ month: b, day: a })
  if (a > 12 && b <= 12) return parsed({ month: b, day: a })
  if (b > 12 && a <= 12) return parsed({ month: a, day: b })
  if (a === b) return parsed({ month: a, day: b })
  if (a > 12 && b > 12) return rejected<{ month: number; day: number }>('date_invalid', { text })
  return rejected<{ month: number; day: number }>('date_ambiguous', { text })
}

function fromPattern(text: string, pattern: DatePattern): Parsed<DateTimeParts> {
  const m = pattern.regex.exec(text)
  if (!m) return rejected('date_invalid', { text })
  const p: DateTimeParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  let ampm: string | undefined
  pattern.fields.forEach((field, i) => {
    const v = m[i + 1]!
    if (field === 'year') p.year = Number(v)
    else if (field === 'year2') p.year = pivotYear(Number(v))
    else if (field === 'hour' || field === 'hour12') p.hour = Number(v)
    else if (field === 'ampm') ampm = v.toUpperCase()
    else if (field !== 'fraction') p[field] = Number(v)
  })
  if (ampm) {
    if (p.hour < 1 || p.hour > 12) return rejected('date_invalid', { text })
    p.hour = (p.hour % 12) + (ampm === 'PM' || ampm === '下午' ? 12 : 0)
  }
  const rest = text.slice(m[0].length).replace(/^[T,\s]+/, '')
  if (rest === '') return parsed(p)
  if (pattern.hasTime && !/^(Z|[+-]\d{2}(:?\d{2})?)$/i.test(rest)) return rejected('date_invalid', { text })
  const time = parseTime(pattern.hasTime ? `${p.hour}:${p.minute}:${p.second}${rest}` : rest, text)
  return time.ok ? parsed({ ...p, ...time.value }) : time
}

/** Reads the fields of a date-time written in any of the accepted forms, without checking the calendar. */
function readParts(text: string, format: string | undefined): Parsed<DateTimeParts> {
  if (format !== undefined && !isOrder(format)) {
    if (!patterns.has(format)) patterns.set(format, compileDatePattern(format))
    const pattern = patterns.get(format)
    if (!pattern) return rejected('bad_date_format', { format })
    return fromPattern(text, pattern)
  }
  const order = isOrder(format) ? format : undefined
  const compact = COMPACT.exec(text)
  if (compact) {
    const [, w, x, y, h, mi, s] = compact
    // eight digits: YYYYMMDD unless the format says the year comes last (DDMMYYYY / MMDDYYYY)
    const digits = `${w}${x}${y}`
    const date =
      order === 'DMY'
        ? {
            year: Number(digits.slice(4)),
            month: Number(digits.slice(2, 4)),
            day: Number(digits.slice(0, 2)),
          }
        : order === 'MDY'
          ? {
              year: Number(digits.slice(4)),
              month: Number(digits.slice(0, 2)),
              day: Number(digits.slice(2, 4)),
            }
          : { year: Number(w), month: Number(x), day: Number(y) }
    return parsed({ ...date, hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0) })
  }
  let date: { year: number; month: number; day: number } | undefined
  let length = 0
  const yearFirst = YEAR_FIRST.exec(text)
  const yearLast = yearFirst ? null : YEAR_LAST.exec(text)
  if (yearFirst) {
    date = { year: Number(yearFirst[1]), month: Number(yearFirst[2]), day: Number(yearFirst[3]) }
    length = yearFirst[0].length
  } else if (yearLast) {
    const [whole, a, separator, b, y] = yearLast
    if (y!.length === 2 && !order) return rejected('date_ambiguous', { text })
    const year = y!.length === 2 ? pivotYear(Number(y)) : Number(y)
    if (order === 'YMD' && y!.length === 2) {
      // '24/03/05' read year first
      date = { year: pivotYear(Number(a)), month: Number(b), day: Number(y) }
    } else {
      const dm = dayMonth(Number(a), Number(b), separator!, order, text)
      if (!dm.ok) return dm
      date = { year, ...dm.value }
    }
    length = whole.length
  } else {
    const dmn = DAY_MONTH_NAME.exec(text)
    const mnd = dmn ? null : MONTH_NAME_DAY.exec(text)
    const named = dmn
      ? { day: dmn[1], month: dmn[2], year: dmn[3], whole: dmn[0] }
      : mnd
        ? { month: mnd[1], day: mnd[2], year: mnd[3], whole: mnd[0] }
        : undefined
    const month = named && monthNumber(named.month!)
    if (!named || !month) return rejected('date_invalid', { text })
    date = { year: Number(named.year), month, day: Number(named.day) }
    length = named.whole.length
  }
  const rest = text.slice(length).replace(/^[T,\s]+/, '')
  if (rest === '') return parsed({ ...date, hour: 0, minute: 0, second: 0 })
  const time = parseTime(rest, text)
  return time.ok ? parsed({ ...date, ...time.value }) : time
}

function isValid(p: DateTimeParts): boolean {
  return (
    p.year >= 1000 &&
    p.year <= 9999 &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month) &&
    p.hour <= 23 &&
    p.minute <= 59 &&
    p.second <= 59
  )
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/**
 * Parses a date-time cell into wall-clock text 'YYYY-MM-DD HH:MM:SS' in the store's zone. Accepts ISO 8601
 * (T or space, fractional seconds dropped, Z or ±hh:mm offsets converted to `timezone`), '2024/3/5 14:03',
 * '2024-3-5', '20240305', '20240305143000', '2024年3月5日 14:03', '3/5/2024 2:03 PM', '5.3.2024' (dots are
 * day-first by convention), '5 Mar 2024', and Excel serial numbers (45356.58). Day/month order that cannot be
 * told (both ≤ 12) needs `format` 'MDY' or 'DMY'; two-digit years need a format too.
 *
 * @example
 * parseDateTime('2024-03-05T06:03:00Z', { timezone: 'Asia/Shanghai' }) // { ok: true, value: '2024-03-05 14:03:00' }
 * parseDateTime('3/5/2024', { timezone: 'UTC' }).ok // false: ingest.parse.date_ambiguous
 */
export function parseDateTime(input: RawValue, options: DateTimeOptions): ParseResult<string> {
  const parts = dateTimeParts(input, options.format)
  if (!parts.ok) return parts
  let p = parts.value
  if (p.offset !== undefined) {
    const instant = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - p.offset * 60_000
    const wall = wallClockIn(instant, options.timezone)
    if (!wall) return rejected('bad_timezone', { timezone: options.timezone })
    p = wall
  }
  return parsed(
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`,
  )
}

/**
 * Parses a date cell into 'YYYY-MM-DD' (the calendar date in the store's zone); accepts everything
 * `parseDateTime` does, a time part included.
 *
 * @example
 * parseDate('2024年3月5日', { timezone: 'Asia/Shanghai' }) // { ok: true, value: '2024-03-05' }
 */
export function parseDate(input: RawValue, options: DateTimeOptions): ParseResult<string> {
  const r = parseDateTime(input, options)
  return r.ok ? parsed(r.value.slice(0, 10)) : r
}

/**
 * The calendar-checked fields of a date-time cell, before any zone conversion.
 *
 * @example
 * dateTimeParts('2024-02-30', undefined).ok // false: ingest.parse.date_invalid
 */
export function dateTimeParts(input: RawValue, format?: string): ParseResult<DateTimeParts> {
  if (input === null || input === '') return rejected('empty')
  if (typeof input === 'boolean') return rejected('date_invalid', { text: String(input) })
  let parts: ParseResult<DateTimeParts>
  if (typeof input === 'number') {
    const digits = Number.isInteger(input) ? String(input) : ''
    if (digits.length === 8 || digits.length === 14) parts = readParts(digits, format)
    else {
      const serial = excelSerialToParts(input)
      if (!serial) return rejected('date_invalid', { text: String(input) })
      parts = parsed(serial)
    }
  } else {
    const text = cleanText(input)
    if (text === '') return rejected('empty')
    parts = readParts(text, format)
  }
  if (!parts.ok) return parts
  const text = typeof input === 'number' ? String(input) : input
  if (!isValid(parts.value)) return rejected('date_invalid', { text })
  if (parts.value.offset !== undefined && Math.abs(parts.value.offset) > 18 * 60) {
    return rejected('date_invalid', { text })
  }
  return parts
}
