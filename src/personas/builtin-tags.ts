import { inList } from '../analytics/purchase-rules.js'
import type { Dialect } from '../sql/dialect.js'
import { type Fragment, ident, join, sql } from '../sql/fragment.js'
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
  condition(d: Dialect, config: TagConfig, cutoffs: TagCutoffs): Fragment
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

/** The share of a customer's item spend in the listed categories, from the top-three columns. */
export function categoryShare(categories: readonly string[]): Fragment {
  return join(
    ['', '_2', '_3'].map(
      (rank) =>
        sql`CASE WHEN ${inList(sql`${ident('s', `top_category${rank}`)}`, categories)} THEN coalesce(${ident('s', `top_category${rank}_share`)}, 0) ELSE 0 END`,
    ),
    ' + ',
  )
}

function rowCategoryShare(row: ScoreRow, categories: readonly string[]): number {
  const wanted = new Set(categories.map((c) => c.toLowerCase()))
  let share = 0
  for (const rank of ['', '_2', '_3']) {
    const name = row[`top_category${rank}`]
    if (typeof name === 'string' && wanted.has(name.toLowerCase()))
      share += num(row[`top_category${rank}_share`])
  }
  return share
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
    params: (c) => ({ threshold: pct(c.newParentShare), categories: c.babyCategories[0] ?? '' }),
    condition: (_d, c) => sql`(${categoryShare(c.babyCategories)}) >= ${c.newParentShare}`,
    explain: (row, _tag, c) => ({
      share: pct(rowCategoryShare(row, c.babyCategories)),
      threshold: pct(c.newParentShare),
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
