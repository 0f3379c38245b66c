import { addDaysIso } from '../analytics/analysis-window.js'
import { IS_PURCHASE, inList, inWindow } from '../analytics/purchase-rules.js'
import type { Dialect } from '../sql/dialect.js'
import { type Fragment, ident, sql } from '../sql/fragment.js'
import type { TagConfig, TagCutoffs } from './tag-config.js'

/** The `customer_scores` row of one customer, as read back for an explanation. */
export type ScoreRow = Record<string, unknown>

/**
 * A built-in tag: a condition over a snapshot's `customer_scores` row (alias `s`), the thresholds it
 * uses (for its description) and the numbers that explain it for one customer. `family` tags carry a
 * value after a colon (`category-lover:母婴`), computed by `tagText`.
 */
export interface BuiltinTag {
  readonly id: string
  readonly family?: boolean
  /** Message parameters of the description: the thresholds in force. */
  params(config: TagConfig, cutoffs: TagCutoffs): Record<string, unknown>
  condition(d: Dialect, config: TagConfig, cutoffs: TagCutoffs, asOf: string): Fragment
  /**
   * Numbers the score row does not hold, for the explanation: a SELECT of one row for `customerId`
   * (merged into the explanation's parameters). Tags computed from orders use it.
   */
  evidence?(d: Dialect, config: TagConfig, asOf: string, customerId: string): Fragment
  /** The tag text when it depends on the row (families). */
  tagText?(d: Dialect): Fragment
  /** The customer's own numbers for the explanation message. */
  explain(row: ScoreRow, tag: string, config: TagConfig, cutoffs: TagCutoffs): Record<string, unknown>
}

const num = (v: unknown): number => (v === null || v === undefined ? Number.NaN : Number(v))
const enough = (c: TagConfig) => sql`s.frequency >= ${c.minOrders}`
const pct = (x: number) => Math.round(x * 100)

/** A share-of-orders tag: `column ≥ threshold` with enough orders. */
function shareTag(
  id: string,
  column: 'discount_share' | 'night_share' | 'weekend_share' | 'community_share',
  pick: (c: TagConfig) => number,
): BuiltinTag {
  return {
    id,
    params: (c) => ({ threshold: pct(pick(c)), minOrders: c.minOrders }),
    condition: (_d, c) => sql`${enough(c)} AND ${ident('s', column)} >= ${pick(c)}`,
    explain: (row, _tag, c) => ({
      share: pct(num(row[column])),
      orders: num(row['frequency']),
      threshold: pct(pick(c)),
      minOrders: c.minOrders,
    }),
  }
}

/**
 * Per customer: purchases in the year before asOf, and how many of them had a baby-category line. Counted
 * on orders, not spend: formula and nappies are dear, so one tin would make an occasional buyer's spend
 * share look like a parent's; a parent comes back for them order after order.
 */
function babyOrders(d: Dialect, c: TagConfig, asOf: string, customerId?: string): Fragment {
  const only = customerId === undefined ? sql`TRUE` : sql`o.customer_id = ${customerId}`
  return sql`SELECT o.customer_id, count(*) AS orders, count(b.order_id) AS baby_orders
    FROM orders AS o
    LEFT JOIN (SELECT DISTINCT it.source, it.order_id FROM order_items AS it WHERE ${inList(sql`it.category`, c.babyCategories)}) AS b
      ON b.source = o.source AND b.order_id = o.order_id
    WHERE o.customer_id IS NOT NULL AND ${only} AND ${IS_PURCHASE} AND ${inWindow(d, asOf, addDaysIso(asOf, -365))}
    GROUP BY o.customer_id`
}

/** Every built-in tag, in the order they are listed. */
export const BUILTIN_TAGS: readonly BuiltinTag[] = [
  shareTag('price-sensitive', 'discount_share', (c) => c.priceSensitiveShare),
  shareTag('night-owl', 'night_share', (c) => c.nightShare),
  shareTag('weekend-shopper', 'weekend_share', (c) => c.weekendShare),
  shareTag('community-regular', 'community_share', (c) => c.communityShare),
  {
    id: 'high-aov',
    params: (c, q) => ({ quantile: pct(c.highAovQuantile), cutoff: q.highAov ?? '—' }),
    condition: (_d, _c, q) => (q.highAov === null ? sql`FALSE` : sql`s.aov >= ${q.highAov}`),
    explain: (row, _tag, c, q) => ({
      aov: num(row['aov']),
      cutoff: q.highAov ?? '—',
      quantile: pct(c.highAovQuantile),
    }),
  },
  {
    id: 'big-spender',
    params: (c, q) => ({ quantile: pct(c.bigSpenderQuantile), cutoff: q.bigSpender ?? '—' }),
    condition: (_d, _c, q) => (q.bigSpender === null ? sql`FALSE` : sql`s.monetary >= ${q.bigSpender}`),
    explain: (row, _tag, c, q) => ({
      monetary: num(row['monetary']),
      cutoff: q.bigSpender ?? '—',
      quantile: pct(c.bigSpenderQuantile),
    }),
  },
  {
    id: 'lapsed-vip',
    params: (c, q) => ({
      quantile: pct(c.lapsedVipQuantile),
      cutoff: q.lapsedVip ?? '—',
      days: c.lapsedDays,
    }),
    condition: (_d, c, q) =>
      q.lapsedVip === null
        ? sql`FALSE`
        : sql`s.monetary >= ${q.lapsedVip} AND s.recency_days > ${c.lapsedDays}`,
    explain: (row, _tag, c, q) => ({
      monetary: num(row['monetary']),
      cutoff: q.lapsedVip ?? '—',
      quantile: pct(c.lapsedVipQuantile),
      recency: num(row['recency_days']),
      days: c.lapsedDays,
    }),
  },
  {
    id: 'new-parent',
    params: (c) => ({
      threshold: pct(c.newParentShare),
      minOrders: c.newParentMinOrders,
      categories: c.babyCategories[0] ?? '',
    }),
    condition: (d, c, _q, asOf) => sql`s.customer_id IN (
      SELECT b.customer_id FROM (${babyOrders(d, c, asOf)}) AS b
      WHERE b.baby_orders >= ${c.newParentMinOrders} AND b.baby_orders >= ${c.newParentShare} * b.orders)`,
    evidence: (d, c, asOf, customerId) =>
      sql`SELECT b.baby_orders, b.orders FROM (${babyOrders(d, c, asOf, customerId)}) AS b`,
    explain: (row, _tag, c) => ({
      share: pct(num(row['baby_orders']) / Math.max(1, num(row['orders']))),
      babyOrders: num(row['baby_orders']),
      orders: num(row['orders']),
      threshold: pct(c.newParentShare),
      minOrders: c.newParentMinOrders,
      categories: c.babyCategories[0] ?? '',
    }),
  },
  {
    id: 'one-time-buyer',
    params: () => ({}),
    condition: () => sql`s.frequency = 1`,
    explain: (row) => ({ recency: num(row['recency_days']) }),
  },
  {
    id: 'refund-prone',
    params: (c) => ({ threshold: pct(c.refundShare), minRefunds: c.minRefunds }),
    condition: (_d, c) => sql`s.refund_count >= ${c.minRefunds} AND s.refund_share >= ${c.refundShare}`,
    explain: (row, _tag, c) => ({
      share: pct(num(row['refund_share'])),
      refunds: num(row['refund_count']),
      threshold: pct(c.refundShare),
      minRefunds: c.minRefunds,
    }),
  },
  {
    id: 'category-lover',
    family: true,
    params: (c) => ({ threshold: pct(c.categoryLoverShare), minOrders: c.minOrders }),
    condition: (_d, c) =>
      sql`${enough(c)} AND s.top_category IS NOT NULL AND s.top_category_share >= ${c.categoryLoverShare}`,
    tagText: () => sql`${'category-lover:'} || s.top_category`,
    explain: (row, _tag, c) => ({
      category: String(row['top_category'] ?? ''),
      share: pct(num(row['top_category_share'])),
      threshold: pct(c.categoryLoverShare),
      orders: num(row['frequency']),
      minOrders: c.minOrders,
    }),
  },
]

/** The built-in tag a stored tag text belongs to (`category-lover:母婴` → category-lover). */
export function builtinOf(tag: string): BuiltinTag | undefined {
  const id = tag.includes(':') ? tag.slice(0, tag.indexOf(':')) : tag
  return BUILTIN_TAGS.find((b) => b.id === id && Boolean(b.family) === tag.includes(':'))
}
