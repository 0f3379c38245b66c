import { StrataError } from '../../core/diagnostics.js'
import type { CliContext } from '../context.js'

/** Number formatting shared by the evaluation commands (the user's locale; '—' for missing). */
export function fmtNum(cx: CliContext, v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : v.toLocaleString(cx.lang, { maximumFractionDigits: digits })
}

export function fmtPct(cx: CliContext, v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : v.toLocaleString(cx.lang, {
        style: 'percent',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
}

/** `NaN` and `±Infinity` are not JSON: printed as null. */
export function jsonSafe<T>(value: T): unknown {
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)),
  )
}

/** A flag that must be a number within [min, max]; anything else is a usage error naming the flag. */
export function numberFlag(value: string, field: string, min: number, max: number): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new StrataError({ code: 'analytics.bad_number', params: { field, value }, at: { field, value } })
  }
  return n
}
