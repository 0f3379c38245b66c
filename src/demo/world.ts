import { formatDay, isoWeekday } from './calendar.js'
import { CITIES, CITY_TABLE } from './people.js'
import { COMMUNITY_BLOCK } from './personas.js'
import { Prng } from './prng.js'
import { dayIntensity, isPromotionDay } from './seasonality.js'

/** Days of history before asOf: three years, enough for 双11 and 春节 to recur and for BTYD fits. */
export const HISTORY_DAYS = 1095

/** How much more (and less) a weekend shopper buys on Saturday and Sunday than on a weekday. */
const WEEKEND_HABIT = 2.2
const WEEKDAY_HABIT = 0.2

/**
 * Everything shared by all customers of one demo run, computed once: the calendar of the window (day
 * text, intensity, weekday, promotion flags) and the id width. Days are indexes 0 … HISTORY_DAYS − 1,
 * where index HISTORY_DAYS is asOf itself (no order is dated on or after it).
 */
export interface World {
  readonly seed: number
  readonly customers: number
  readonly asOf: string
  /** Day number of the first day of the window. */
  readonly startDay: number
  readonly days: number
  /** `YYYY-MM-DD ` prefix of each window day (with the trailing space of a timestamp). */
  readonly dayText: readonly string[]
  readonly intensity: Float64Array
  readonly weekday: Uint8Array
  readonly promotion: Uint8Array
  /**
   * Running sums of the day intensity (length days + 1), plain and for weekend shoppers: purchase times
   * are drawn by inverting them, one exponential draw per order instead of rejection sampling.
   */
  readonly cumIntensity: Float64Array
  readonly cumWeekend: Float64Array
  readonly idWidth: number
  /** Generator reused for per-customer streams (the run is single-threaded). */
  readonly rng: Prng
}

export function makeWorld(seed: number, customers: number, asOfDay: number): World {
  const days = HISTORY_DAYS
  const startDay = asOfDay - days
  // One extra slot so that asOf itself has text (used for birth dates and signup bounds).
  const dayText: string[] = []
  const intensity = new Float64Array(days)
  const weekday = new Uint8Array(days)
  const promotion = new Uint8Array(days)
  for (let i = 0; i < days; i++) {
    const n = startDay + i
    dayText.push(`${formatDay(n)} `)
    intensity[i] = dayIntensity(n)
    weekday[i] = isoWeekday(n)
    promotion[i] = isPromotionDay(n) ? 1 : 0
  }
  const cumIntensity = new Float64Array(days + 1)
  const cumWeekend = new Float64Array(days + 1)
  for (let i = 0; i < days; i++) {
    cumIntensity[i + 1] = cumIntensity[i]! + intensity[i]!
    cumWeekend[i + 1] = cumWeekend[i]! + intensity[i]! * (weekday[i]! >= 6 ? WEEKEND_HABIT : WEEKDAY_HABIT)
  }
  return {
    seed,
    customers,
    asOf: formatDay(asOfDay),
    startDay,
    days,
    dayText,
    intensity,
    weekday,
    promotion,
    cumIntensity,
    cumWeekend,
    idWidth: Math.max(7, String(Math.max(0, customers - 1)).length),
    rng: new Prng(seed),
  }
}

/** The community (社群) a customer position belongs to, its id and the city it is in. */
export function communityOf(world: World, index: number): { id: string; leader: number; city: number } {
  const block = Math.floor(index / COMMUNITY_BLOCK)
  // A separate stream (seed-derived, keyed by block) so every member agrees on the community's city.
  const rng = new Prng(world.seed ^ 0x5eed_c0de, block)
  return {
    id: `CM${String(block).padStart(5, '0')}`,
    leader: block * COMMUNITY_BLOCK,
    city: rng.weighted(CITY_TABLE),
  }
}

/** Store id of store `n` (1-based) in a city. */
export function storeId(city: number, n: number): string {
  return `ST-${CITIES[city]!.code}-${n < 10 ? '0' : ''}${n}`
}

/**
 * The window time (days, fractional) at which accumulated intensity reaches `target`, for running sums
 * `cum` (inverse of a piecewise-linear function); `days` when the target lies beyond the window.
 */
export function timeAtIntensity(cum: Float64Array, target: number): number {
  const last = cum.length - 1
  if (target >= cum[last]!) return last
  let lo = 0
  let hi = last
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1
    if (cum[mid]! <= target) lo = mid
    else hi = mid
  }
  return lo + (target - cum[lo]!) / (cum[lo + 1]! - cum[lo]!)
}

/** Accumulated intensity at window time `t` (fractional days). */
export function intensityAt(cum: Float64Array, t: number): number {
  const d = Math.min(cum.length - 2, Math.floor(t))
  return cum[d]! + (t - d) * (cum[d + 1]! - cum[d]!)
}

/**
 * `prefix` and the zero-padded position: the stem of every id that belongs to a customer position
 * (`DC0000042`, `DO0000042…`), fixed-width so ids sort like positions.
 */
export function positionId(world: World, prefix: string, index: number): string {
  return prefix + String(index).padStart(world.idWidth, '0')
}
