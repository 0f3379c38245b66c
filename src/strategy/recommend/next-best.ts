import { IS_PURCHASE } from '../../analytics/purchase-rules.js'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import { itemExpr } from './baskets.js'
import { productCatalog } from './product-catalog.js'
import { type AssociationRule, defaultRuleOptions, loadRules, mineRules } from './rules.js'

export interface NextBestOptions {
  /** How many products to return. */
  readonly limit: number
  /** Price band: a product fits when its mean price is within [level / band, level × band]. */
  readonly priceBand: number
  /** How many of the customer's top categories (by spend) fill in when rules are not enough. */
  readonly topCategories: number
  /** Only orders dated before this day (YYYY-MM-DD). */
  readonly asOf?: string | null
  /** Rules to use; default: the stored product rules, else rules mined now with the defaults. */
  readonly rules?: readonly AssociationRule[]
}

export const DEFAULT_NEXT_BEST: NextBestOptions = { limit: 5, priceBand: 3, topCategories: 3 }

export type NextBestReason =
  | {
      readonly kind: 'rule'
      readonly antecedent: readonly string[]
      readonly confidence: number
      readonly lift: number
    }
  | {
      readonly kind: 'category'
      readonly category: string
      readonly categoryShare: number
      readonly lines: number
    }

export interface NextBestProduct {
  readonly item: string
  readonly name: string | null
  readonly category: string | null
  readonly price: number | null
  readonly score: number
  readonly reason: NextBestReason
}

export interface NextBest {
  readonly customerId: string
  /** Mean unit price the customer pays (quantity-weighted): the centre of the price band. */
  readonly priceLevel: number | null
  /** Mean purchase order value. */
  readonly aov: number | null
  readonly topCategories: readonly { readonly category: string; readonly share: number }[]
  readonly products: readonly NextBestProduct[]
}

/**
 * Next-best products for a customer, never one they already bought:
 * 1. rules fired by their history (antecedent ⊆ what they bought), scored lift × confidence × (1 + the
 *    share of their spend in the product's category), the best firing rule per product;
 * 2. then, to fill up, the most bought products of their top categories (by spend), scored by that
 *    category's share × the product's order lines;
 * both kept only when the product's mean price is within the price band around their own price level.
 */
export async function nextBestProducts(
  conn: Connection,
  customerId: string,
  options: Partial<NextBestOptions> = {},
): Promise<NextBest> {
  const o = { ...DEFAULT_NEXT_BEST, ...options }
  const d = conn.dialect
  const item = itemExpr('product')
  const before = o.asOf ? sql` AND o.ordered_at < ${d.timestampLiteral(`${o.asOf} 00:00:00`)}` : sql``
  const lines = sql`order_items i JOIN orders o ON o.source = i.source AND o.order_id = i.order_id
    WHERE o.customer_id = ${customerId} AND ${IS_PURCHASE}${before}`
  const bought = await conn.all<{ item: string }>(
    sql`SELECT DISTINCT ${item} AS item FROM ${lines} AND ${item} IS NOT NULL`,
  )
  const have = new Set(bought.map((r) => r.item))
  if (have.size === 0) {
    const known = await conn.one(sql`SELECT 1 AS hit FROM customers WHERE customer_id = ${customerId}`)
    if (!known)
      throw new StrataError(
        { code: 'strategy.customer_not_found', params: { customer: customerId } },
        EXIT.NOT_FOUND,
      )
  }
  const level = await conn.one<{ price_level: number | null; aov: number | null }>(sql`
    SELECT ${d.toDouble(sql`sum(i.quantity * i.unit_price)`)} / nullif(${d.toDouble(sql`sum(i.quantity)`)}, 0) AS price_level,
      (SELECT ${d.toDouble(sql`avg(o.amount)`)} FROM orders o WHERE o.customer_id = ${customerId} AND ${IS_PURCHASE}${before}) AS aov
    FROM ${lines}`)
  const categories = await conn.all<{ category: string; share: number }>(sql`
    SELECT i.category, ${d.toDouble(sql`sum(i.quantity * i.unit_price)`)}
      / nullif(${d.toDouble(sql`sum(sum(i.quantity * i.unit_price)) OVER ()`)}, 0) AS share
    FROM ${lines} AND i.category IS NOT NULL GROUP BY i.category ORDER BY share DESC, i.category`)
  const shareOf = new Map(categories.map((c) => [c.category, c.share ?? 0]))
  const priceLevel = level?.price_level ?? null
  const fits = (price: number | null) =>
    priceLevel === null ||
    price === null ||
    (price >= priceLevel / o.priceBand && price <= priceLevel * o.priceBand)

  const rules = o.rules ?? (await storedOrMinedRules(conn, o.asOf ?? null))
  const fired = new Map<string, AssociationRule>()
  for (const r of rules) {
    if (have.has(r.consequent) || !r.antecedent.every((a) => have.has(a))) continue
    const prev = fired.get(r.consequent)
    if (!prev || r.lift * r.confidence > prev.lift * prev.confidence) fired.set(r.consequent, r)
  }
  const top = categories.slice(0, o.topCategories)
  const topNames = new Set(top.map((c) => c.category))
  // Popularity and prices come from the product catalog (stored with the rules, else one scan of lines).
  const info = await productCatalog(conn)
  const popular = [...info.values()]
    .filter((p) => p.category !== null && topNames.has(p.category))
    .sort((a, b) => b.lines - a.lines || a.item.localeCompare(b.item, 'en'))
  const ruled: NextBestProduct[] = []
  for (const [candidate, rule] of fired) {
    const p = info.get(candidate)
    if (!fits(p?.price ?? null)) continue
    const share = shareOf.get(p?.category ?? '') ?? 0
    ruled.push({
      item: candidate,
      name: p?.name ?? null,
      category: p?.category ?? null,
      price: p?.price ?? null,
      score: rule.lift * rule.confidence * (1 + share),
      reason: { kind: 'rule', antecedent: rule.antecedent, confidence: rule.confidence, lift: rule.lift },
    })
  }
  ruled.sort((a, b) => b.score - a.score || a.item.localeCompare(b.item, 'en'))
  const filled: NextBestProduct[] = []
  for (const p of popular) {
    if (have.has(p.item) || fired.has(p.item) || !fits(p.price)) continue
    const share = shareOf.get(p.category!) ?? 0
    filled.push({
      item: p.item,
      name: p.name,
      category: p.category,
      price: p.price,
      score: share * p.lines,
      reason: { kind: 'category', category: p.category!, categoryShare: share, lines: p.lines },
    })
  }
  filled.sort((a, b) => b.score - a.score || a.item.localeCompare(b.item, 'en'))
  return {
    customerId,
    priceLevel,
    aov: level?.aov ?? null,
    topCategories: top.map((c) => ({ category: c.category, share: c.share ?? 0 })),
    products: [...ruled, ...filled].slice(0, o.limit),
  }
}

async function storedOrMinedRules(conn: Connection, asOf: string | null): Promise<AssociationRule[]> {
  const stored = await loadRules(conn, 'product')
  if (stored.length > 0) return stored
  return (await mineRules(conn, defaultRuleOptions('product'), { asOf })).rules
}
