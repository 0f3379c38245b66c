import type { Connection } from '../../sql/driver.js'
import type { Selection } from '../audience/selection.js'
import type { Basis } from './baskets.js'
import { countItemsets, itemsetKey } from './itemsets.js'
import { type AssociationRule, defaultRuleOptions, loadRules, mineRules } from './rules.js'

export interface SegmentRule {
  readonly rule: AssociationRule
  /** Segment baskets holding the whole rule (antecedent and consequent). */
  readonly segmentBoth: number
  readonly segmentSupport: number
  readonly segmentConfidence: number
  /** segmentSupport / overall support: how much more common the rule is inside the segment. */
  readonly index: number
}

export interface SegmentCrossSell {
  readonly selection: Selection
  readonly by: Basis
  readonly segmentBaskets: number
  readonly rules: readonly SegmentRule[]
}

/**
 * The cross-sell list of a segment: the store's rules (stored, else mined now) counted again over the
 * segment's own baskets, ranked by how over-represented they are there (segment support ÷ overall
 * support), then by confidence inside the segment. A rule needs `minSegmentCount` segment baskets.
 */
export async function segmentCrossSell(
  conn: Connection,
  selection: Selection,
  options: { by?: Basis; limit?: number; minSegmentCount?: number; rules?: readonly AssociationRule[] } = {},
): Promise<SegmentCrossSell> {
  const by = options.by ?? 'product'
  const minSegmentCount = options.minSegmentCount ?? 5
  let rules = options.rules
  if (!rules) {
    const stored = await loadRules(conn, by)
    rules = stored.length ? stored : (await mineRules(conn, defaultRuleOptions(by))).rules
  }
  const items = [...new Set(rules.flatMap((r) => [...r.antecedent, r.consequent]))]
  const counts = await countItemsets(
    conn,
    { by, customers: selection.query },
    { minCount: 1, maxSize: rules.some((r) => r.antecedent.length > 1) ? 3 : 2, onlyItems: items },
  )
  const n = counts.baskets
  const out: SegmentRule[] = []
  for (const rule of rules) {
    const all = [...rule.antecedent, rule.consequent]
    const both = (all.length === 2 ? counts.pairs : counts.triples).get(itemsetKey(all)) ?? 0
    if (both < minSegmentCount || n === 0) continue
    const x =
      rule.antecedent.length === 1
        ? counts.singles.get(rule.antecedent[0]!)
        : counts.pairs.get(itemsetKey(rule.antecedent))
    const segmentSupport = both / n
    out.push({
      rule,
      segmentBoth: both,
      segmentSupport,
      segmentConfidence: x ? both / x : 0,
      index: segmentSupport / rule.support,
    })
  }
  out.sort(
    (a, b) =>
      b.index - a.index ||
      b.segmentConfidence - a.segmentConfidence ||
      `${a.rule.antecedent}>${a.rule.consequent}`.localeCompare(
        `${b.rule.antecedent}>${b.rule.consequent}`,
        'en',
      ),
  )
  return { selection, by, segmentBaskets: n, rules: out.slice(0, options.limit ?? 20) }
}
