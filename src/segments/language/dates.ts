import type { Literal, TimeUnit } from './ast.js'
import { normaliseDate } from './lexer.js'

/**
 * `amount` units before `asOf` (`YYYY-MM-DD`). Months and years are calendar ones; a day that does not
 * exist in the target month is clamped to its last day (2024-03-31 − 1m = 2024-02-29).
 *
 * @example
 * dateBefore('2024-07-01', 30, 'd') // '2024-06-01'
 */
export function dateBefore(asOf: string, amount: number, unit: TimeUnit): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number]
  if (unit === 'd' || unit === 'w') {
    const days = unit === 'w' ? amount * 7 : amount
    return iso(new Date(Date.UTC(y, m - 1, d - days)))
  }
  const months = unit === 'm' ? amount : amount * 12
  const target = new Date(Date.UTC(y, m - 1 - months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  return iso(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay))))
}

/** The calendar day after `date`. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return iso(new Date(Date.UTC(y, m - 1, d + 1)))
}

function iso(date: Date): string {
  const y = date.getUTCFullYear()
  const sign = y < 0 ? '-' : ''
  return `${sign}${String(Math.abs(y)).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`
}

/** The calendar date a checked date literal stands for, given the as-of date. */
export function dateValue(l: Literal, asOf: string): string {
  switch (l.kind) {
    case 'date':
      return l.value
    case 'today':
      return asOf
    case 'relative':
      return dateBefore(asOf, l.amount, l.unit)
    case 'string':
      return normaliseDate(l.value)!
    default:
      throw new Error(`not a date literal: ${l.kind}`)
  }
}
