import { StrataError } from '../../core/diagnostics.js'

/** A whole number ≥ 1 from a flag, else a usage error naming the flag. */
export function positiveInt(flag: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new StrataError({ code: 'strategy.bad_number', params: { flag, value, rule: '≥ 1' } })
  return n
}

/** A number in [0, 1] from a flag. */
export function fraction(flag: string, value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new StrataError({ code: 'strategy.bad_number', params: { flag, value, rule: '0 … 1' } })
  return n
}

/** A number ≥ `min` from a flag. */
export function atLeast(flag: string, value: string, min: number): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < min)
    throw new StrataError({ code: 'strategy.bad_number', params: { flag, value, rule: `≥ ${min}` } })
  return n
}
