import type { Connection } from '../../sql/driver.js'
import { join, sql } from '../../sql/fragment.js'
import '../strategy-tables.js'
import type { Basis, BasketScope } from './baskets.js'
import { countItemsets, ITEM_SEPARATOR, type ItemsetCounts, itemsetKey, supportFloor } from './itemsets.js'
import { refreshProductCatalog } from './product-catalog.js'

/** A rule "baskets with `antecedent` also hold `consequent`", with its basket counts and measures. */
export interface AssociationRule {
  readonly antecedent: readonly string[]
  readonly consequent: string
  /** Baskets holding the antecedent and the consequent. */
  readonly bothCount: number
  readonly antecedentCount: number
  readonly consequentCount: number
  readonly baskets: number
  /** P(antecedent ∪ consequent) = bothCount / baskets. */
  readonly support: number
  /** P(consequent | antecedent) = bothCount / antecedentCount. */
  readonly confidence: number
  /** confidence / P(consequent): above 1, the antecedent makes the consequent more likely. */
  readonly lift: number
}

export interface RuleOptions {
  readonly by: Basis
  /** Smallest share of baskets an itemset (and so a rule) must appear in. */
  readonly minSupport: number
  /** Smallest confidence of a rule. */
  readonly minConfidence: number
  /** Smallest lift of a rule. */
  readonly minLift: number
  /** Whatever the store's size, an itemset must appear in at least this many baskets. */
  readonly minCount: number
  /** Largest itemset: 2 (pairs: A → B) or 3 (also A, B → C). */
  readonly maxSize: 2 | 3
}

/**
 * Defaults: products are many and each basket holds few, so their itemsets are rare — 0.05% of baskets
 * is already a pattern on a big store; categories are few, so 1%. A lift of 1.2 keeps only rules where the
 * antecedent raises the chance of the consequent by a fifth; 3 baskets at least keep a tiny store from
 * producing rules out of one coincidence.
 */
export function defaultRuleOptions(by: Basis): RuleOptions {
  return by === 'category'
    ? { by, minSupport: 0.01, minConfidence: 0.1, minLift: 1.2, minCount: 3, maxSize: 3 }
    : { by, minSupport: 0.0005, minConfidence: 0.05, minLift: 1.2, minCount: 3, maxSize: 3 }
}

/** Rule ordering: lift, then confidence, then support, then the item names (deterministic). */
export function compareRules(a: AssociationRule, b: AssociationRule): number {
  return (
    b.lift - a.lift ||
    b.confidence - a.confidence ||
    b.support - a.support ||
    ruleText(a).localeCompare(ruleText(b), 'en')
  )
}

function ruleText(r: AssociationRule): string {
  return `${r.antecedent.join(ITEM_SEPARATOR)}→${r.consequent}`
}

/**
 * Every rule with one consequent that the itemset counts support: A → B and B → A from each pair,
 * {A, B} → C, {A, C} → B and {B, C} → A from each triple; kept when they pass the minimums.
 */
export function rulesFromCounts(counts: ItemsetCounts, options: RuleOptions): AssociationRule[] {
  const n = counts.baskets
  if (n === 0) return []
  const minBoth = Math.max(options.minCount, supportFloor(options.minSupport, n))
  const countOf = (items: readonly string[]) =>
    items.length === 1 ? counts.singles.get(items[0]!) : counts.pairs.get(itemsetKey(items))
  const rules: AssociationRule[] = []
  const consider = (itemset: readonly string[], both: number) => {
    if (both < minBoth) return
    for (const consequent of itemset) {
      const antecedent = itemset.filter((i) => i !== consequent)
      const antecedentCount = countOf(antecedent)
      const consequentCount = counts.singles.get(consequent)
      if (!antecedentCount || !consequentCount) continue
      const confidence = both / antecedentCount
      const lift = confidence / (consequentCount / n)
      if (confidence < options.minConfidence || lift < options.minLift) continue
      rules.push({
        antecedent: [...antecedent].sort(),
        consequent,
        bothCount: both,
        antecedentCount,
        consequentCount,
        baskets: n,
        support: both / n,
        confidence,
        lift,
      })
    }
  }
  for (const [key, both] of counts.pairs) consider(key.split(ITEM_SEPARATOR), both)
  for (const [key, both] of counts.triples) consider(key.split(ITEM_SEPARATOR), both)
  return rules.sort(compareRules)
}

/**
 * Mines association rules over the store's baskets: itemset counting in SQL (see `countItemsets`), rule
 * measures in TypeScript.
 *
 * @example
 * const { rules, baskets } = await mineRules(conn, { ...defaultRuleOptions('category'), minSupport: 0.02 })
 */
export async function mineRules(
  conn: Connection,
  options: RuleOptions,
  scope: Omit<BasketScope, 'by'> = {},
): Promise<{ rules: AssociationRule[]; baskets: number }> {
  const counts = await countItemsets(
    conn,
    { ...scope, by: options.by },
    { minCount: options.minCount, minSupport: options.minSupport, maxSize: options.maxSize },
  )
  return { rules: rulesFromCounts(counts, options), baskets: counts.baskets }
}

/**
 * Replaces the stored rules of a basis (one transaction), for per-customer and per-segment use; product
 * rules also refresh the product catalog next-best lookups read.
 */
export async function saveRules(
  conn: Connection,
  rules: readonly AssociationRule[],
  options: RuleOptions & { computedAt: string; asOf?: string | null },
): Promise<void> {
  const { computedAt, asOf, ...settings } = options
  await conn.transaction(async () => {
    await conn.run(sql`DELETE FROM association_rules WHERE basis = ${options.by}`)
    for (let i = 0; i < rules.length; i += 200) {
      const values = rules.slice(i, i + 200).map(
        (r) => sql`(${options.by}, ${JSON.stringify(r.antecedent)}, ${r.consequent}, ${r.bothCount},
          ${r.antecedentCount}, ${r.consequentCount}, ${r.baskets}, ${r.support}, ${r.confidence}, ${r.lift},
          CAST(${computedAt} AS TIMESTAMP), CAST(${asOf ?? null} AS DATE), ${JSON.stringify(settings)})`,
      )
      await conn.run(sql`INSERT INTO association_rules (basis, antecedent, consequent, both_count,
        antecedent_count, consequent_count, baskets, support, confidence, lift, computed_at, as_of, options)
        VALUES ${join(values)}`)
    }
    if (options.by === 'product') await refreshProductCatalog(conn, computedAt)
  })
}

/** The stored rules of a basis, best first; empty when `recommend rules --save` never ran. */
export async function loadRules(conn: Connection, by: Basis): Promise<AssociationRule[]> {
  const rows = await conn.all<Record<string, unknown>>(sql`
    SELECT CAST(antecedent AS VARCHAR) AS antecedent, consequent, both_count, antecedent_count,
      consequent_count, baskets, support, confidence, lift
    FROM association_rules WHERE basis = ${by}`)
  return rows
    .map((r) => ({
      antecedent: JSON.parse(String(r['antecedent'])) as string[],
      consequent: String(r['consequent']),
      bothCount: Number(r['both_count']),
      antecedentCount: Number(r['antecedent_count']),
      consequentCount: Number(r['consequent_count']),
      baskets: Number(r['baskets']),
      support: Number(r['support']),
      confidence: Number(r['confidence']),
      lift: Number(r['lift']),
    }))
    .sort(compareRules)
}
