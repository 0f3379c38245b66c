import { EXIT, StrataError } from '../core/diagnostics.js'
import { parseDay } from './calendar.js'
import { seedFrom } from './prng.js'

/**
 * The default end of the demo history. Fixed on purpose — not "today" — so that the same seed gives the
 * same data on every machine and every day (tests, screenshots and benchmarks compare runs byte for byte).
 */
export const DEFAULT_AS_OF = '2026-06-30'
export const DEFAULT_CUSTOMERS = 50_000
export const DEFAULT_SEED = 42
/** Unique phone numbers are a bijection of the position onto 8 digits: at most 10^8; ids use 7+ digits. */
export const MAX_CUSTOMERS = 10_000_000

/** What to generate: size, seed and the day the history ends (exclusive). */
export interface DemoSpec {
  /** Number of customers (known people, prospects included). Default 50,000. */
  readonly customers?: number
  /** Any integer or text; text is hashed. Default 42. */
  readonly seed?: number | string
  /** `YYYY-MM-DD`; every order, event and answer is dated before it. Default 2026-06-30. */
  readonly asOf?: string
}

export interface ResolvedSpec {
  readonly customers: number
  readonly seed: number
  readonly asOf: string
  readonly asOfDay: number
}

/**
 * Checks and completes a demo spec; a bad value stops the command with a diagnostic naming it.
 *
 * @example
 * resolveDemoSpec({ customers: 2000 }) // { customers: 2000, seed: 42, asOf: '2026-06-30', … }
 */
export function resolveDemoSpec(spec: DemoSpec): ResolvedSpec {
  const customers = spec.customers ?? DEFAULT_CUSTOMERS
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS) {
    throw new StrataError(
      { code: 'demo.bad_customers', params: { value: String(spec.customers), max: MAX_CUSTOMERS } },
      EXIT.USAGE,
    )
  }
  const asOf = spec.asOf ?? DEFAULT_AS_OF
  const asOfDay = parseDay(asOf)
  if (asOfDay === undefined) {
    throw new StrataError({ code: 'demo.bad_as_of', params: { value: asOf } }, EXIT.USAGE)
  }
  return { customers, seed: seedFrom(spec.seed ?? DEFAULT_SEED), asOf, asOfDay }
}
