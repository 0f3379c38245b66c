import type { Dialect } from '../sql/dialect.js'
import { type Fragment, join, sql } from '../sql/fragment.js'

/**
 * The order rules every analytic shares (stated in CONTEXT.md), as SQL over an `orders` row aliased `o`.
 * Kept in one place so R, F, M, the features and the direct cross-check cannot drift apart.
 */

/** Orders that never happened (cancelled) or whose money went back (refunded) count for nothing. */
const VOID = sql`coalesce(o.status, '') IN ('cancelled', 'refunded')`

/**
 * A purchase: positive net amount, not cancelled, not refunded. `includeZeroAmount` also counts free
 * orders (amount 0), which the published CDNOW figures need; DESIGN §4 leaves it off.
 */
export function isPurchase(options: { includeZeroAmount?: boolean } = {}): Fragment {
  const amount = options.includeZeroAmount ? sql`o.amount >= 0` : sql`o.amount > 0`
  return sql`(${amount} AND NOT ${VOID})`
}

/** A purchase by the default rule. */
export const IS_PURCHASE: Fragment = isPurchase()

/**
 * A return: any row with a non-positive amount, whatever its status. Importers write credit notes this
 * way (a UCI `C…` invoice is status 'cancelled' with the negative amount it takes back), and that money
 * must come off net spend; an amount of 0 changes nothing.
 */
export const IS_RETURN: Fragment = sql`(o.amount <= 0)`

/** Counted as a refund: money going back — a negative row, or an order marked refunded. */
export const IS_REFUND: Fragment = sql`(o.amount < 0 OR coalesce(o.status, '') = 'refunded')`

/**
 * What an order adds to net spend: purchases add their amount, returns subtract theirs; a positive
 * amount on a cancelled or refunded order nets to 0 (the money never arrived or went back).
 */
export const NET_CONTRIBUTION: Fragment = sql`(CASE WHEN o.amount > 0 AND ${VOID} THEN 0 ELSE o.amount END)`

/** A purchase made with a discount or a coupon (price sensitivity). */
export const IS_DISCOUNTED: Fragment = sql`(coalesce(o.discount, 0) > 0 OR coalesce(o.coupon_code, '') <> '')`

/**
 * The analysis window over `o.ordered_at`: dates before `asOf` (and from `windowStart`). Compared as
 * timestamps at midnight so the engine can use min/max statistics: date(t) < d ⇔ t < d 00:00.
 */
export function inWindow(d: Dialect, asOf: string, windowStart: string | null): Fragment {
  const before = sql`o.ordered_at < ${d.timestampLiteral(`${asOf} 00:00:00`)}`
  if (!windowStart) return before
  return sql`${before} AND o.ordered_at >= ${d.timestampLiteral(`${windowStart} 00:00:00`)}`
}

/** `lower(expr) IN (values…)` with every value bound; false for an empty list. */
export function inList(expr: Fragment, values: readonly string[]): Fragment {
  if (values.length === 0) return sql`FALSE`
  return sql`lower(${expr}) IN (${join(values.map((v) => sql`${v.toLowerCase()}`))})`
}
