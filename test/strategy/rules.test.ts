import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import '../../src/tables.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'
import {
  boughtTogether,
  countItemsets,
  itemsetKey,
  loadRules,
  mineRules,
  nextBestProducts,
  type RuleOptions,
  resolveSelection,
  saveRules,
  segmentCrossSell,
} from '../../src/strategy/index.js'
import { loadBaskets } from './basket-fixture.js'

let store: Store
beforeAll(async () => {
  store = await openStore(':memory:')
  await loadBaskets(store.conn)
})
afterAll(() => store.close())

const everything: RuleOptions = {
  by: 'product',
  minSupport: 0,
  minConfidence: 0,
  minLift: 0,
  minCount: 1,
  maxSize: 3,
}
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 12)

describe('itemset counts (SQL)', () => {
  it('count each basket once per item; returns and cancelled orders are not baskets', async () => {
    const c = await countItemsets(store.conn, { by: 'product' }, { minCount: 1, maxSize: 3 })
    expect(c.baskets).toBe(10)
    expect(Object.fromEntries(c.singles)).toEqual({ A: 7, B: 7, C: 5, D: 2, E: 3 })
    expect(c.pairs.get(itemsetKey(['A', 'B']))).toBe(5)
    expect(c.pairs.get(itemsetKey(['A', 'C']))).toBe(4)
    expect(c.pairs.get(itemsetKey(['B', 'C']))).toBe(4)
    expect(c.pairs.get(itemsetKey(['B', 'E']))).toBe(2)
    expect(c.pairs.size).toBe(9)
    expect(c.triples.get(itemsetKey(['A', 'B', 'C']))).toBe(3)
    expect(c.triples.size).toBe(5)
  })

  it('prunes Apriori-style: nothing below the floor comes back', async () => {
    const c = await countItemsets(store.conn, { by: 'product' }, { minCount: 3, maxSize: 3 })
    expect([...c.singles.keys()].sort()).toEqual(['A', 'B', 'C', 'E'])
    expect([...c.pairs.keys()].sort()).toEqual(
      [itemsetKey(['A', 'B']), itemsetKey(['A', 'C']), itemsetKey(['B', 'C'])].sort(),
    )
    expect([...c.triples.entries()]).toEqual([[itemsetKey(['A', 'B', 'C']), 3]])
  })
})

describe('association rules', () => {
  it('support, confidence and lift equal the hand computation', async () => {
    const { rules, baskets } = await mineRules(store.conn, { ...everything, minCount: 3 })
    expect(baskets).toBe(10)
    const find = (x: string[], y: string) =>
      rules.find((r) => r.antecedent.join() === x.join() && r.consequent === y)!
    // A → B: 5 of 10 baskets, 5 of A's 7, B in 7 of 10 → lift (5/7) / (7/10) = 50/49.
    close(find(['A'], 'B').support, 0.5)
    close(find(['A'], 'B').confidence, 5 / 7)
    close(find(['A'], 'B').lift, 50 / 49)
    // C → A: 4 of C's 5 baskets; A in 7 of 10 → 0.8 / 0.7.
    close(find(['C'], 'A').confidence, 0.8)
    close(find(['C'], 'A').lift, 8 / 7)
    // {A, B} → C: 3 of 10; 3 of AB's 5; C in 5 of 10 → lift 1.2.
    const abc = find(['A', 'B'], 'C')
    expect([abc.bothCount, abc.antecedentCount, abc.consequentCount]).toEqual([3, 5, 5])
    close(abc.support, 0.3)
    close(abc.confidence, 0.6)
    close(abc.lift, 1.2)
    // {A, C} → B: 3 of AC's 4 → 0.75 / 0.7.
    close(find(['A', 'C'], 'B').lift, 0.75 / 0.7)
    // 3 pairs × 2 directions + 1 triple × 3 consequents.
    expect(rules).toHaveLength(9)
  })

  it('minimums filter and the order is lift, confidence, support, names', async () => {
    const { rules } = await mineRules(store.conn, {
      ...everything,
      minSupport: 0.2,
      minCount: 3,
      minLift: 1.1,
    })
    expect(rules.map((r) => `${r.antecedent.join('+')}>${r.consequent}`)).toEqual([
      'A+B>C',
      'C>A',
      'C>B',
      'A>C',
      'B>C',
    ])
    const strict = await mineRules(store.conn, {
      ...everything,
      minCount: 1,
      minSupport: 0.35,
      minConfidence: 0.7,
    })
    // support ≥ 0.35 keeps AB (0.5), AC and BC (0.4); confidence ≥ 0.7 keeps A→B, B→A (5/7), C→A, C→B (0.8).
    expect(strict.rules.map((r) => `${r.antecedent.join('+')}>${r.consequent}`).sort()).toEqual([
      'A>B',
      'B>A',
      'C>A',
      'C>B',
    ])
  })

  it('0.2 of 10 baskets is 2 baskets, not 3 (no floating-point overshoot)', async () => {
    const { rules } = await mineRules(store.conn, { ...everything, minSupport: 0.2, minCount: 1, maxSize: 2 })
    expect(rules.some((r) => r.antecedent[0] === 'B' && r.consequent === 'E')).toBe(true)
    expect(rules.some((r) => r.antecedent[0] === 'A' && r.consequent === 'D')).toBe(false)
  })

  it('by category: X → Y from 6 of 10 baskets', async () => {
    const { rules } = await mineRules(store.conn, { ...everything, by: 'category' })
    const xy = rules.find((r) => r.antecedent[0] === 'X' && r.consequent === 'Y')!
    close(xy.support, 0.6)
    close(xy.confidence, 6 / 9)
    close(xy.lift, 6 / 9 / 0.7)
    const zy = rules.find((r) => r.antecedent[0] === 'Z' && r.consequent === 'Y')!
    close(zy.confidence, 0.5)
    close(zy.lift, 0.5 / 0.7)
    expect(rules.filter((r) => r.antecedent.length > 1)).toHaveLength(0)
  })

  it('a window of dates limits the baskets', async () => {
    const { baskets } = await mineRules(store.conn, everything, { asOf: '2026-01-06', since: '2026-01-02' })
    expect(baskets).toBe(4) // o2 … o5
  })

  it('stored rules read back identical, replacing the earlier set of the basis', async () => {
    const options = { ...everything, minCount: 3, minLift: 1.1 }
    const { rules } = await mineRules(store.conn, options)
    await saveRules(store.conn, rules, { ...options, computedAt: '2026-02-01 00:00:00' })
    await saveRules(store.conn, rules, { ...options, computedAt: '2026-02-02 00:00:00' })
    expect(await loadRules(store.conn, 'product')).toEqual(rules)
    const n = await store.conn.one<{ n: number }>(
      sql`SELECT count(*) AS n FROM association_rules WHERE basis = 'product'`,
    )
    expect(n?.n).toBe(rules.length)
    // product rules refresh the catalog: A is named on 10 lines (o2 twice, the return and the cancelled order too)
    const a = await store.conn.one(
      sql`SELECT name, category, price, lines FROM product_catalog WHERE item = 'A'`,
    )
    expect(a).toEqual({ name: 'product A', category: 'X', price: 10, lines: 10 })
  })
})

describe('bought together, next best, segment cross-sell', () => {
  it('frequently bought together with A: counts, confidence and lift by hand', async () => {
    const t = await boughtTogether(store.conn, 'A', { minCount: 1 })
    expect([t.baskets, t.anchorBaskets]).toEqual([10, 7])
    // By baskets shared, then lift: D (1/7) / (2/10) = 0.71 before E (1/7) / (3/10) = 0.48.
    expect(t.items.map((i) => [i.item, i.both])).toEqual([
      ['B', 5],
      ['C', 4],
      ['D', 1],
      ['E', 1],
    ])
    const c = t.items.find((i) => i.item === 'C')!
    close(c.confidence, 4 / 7)
    close(c.lift, 4 / 7 / 0.5)
    expect((await boughtTogether(store.conn, 'A', { minCount: 2 })).items.map((i) => i.item)).toEqual([
      'B',
      'C',
    ])
  })

  it('next best for c3 (bought A B D E): C, fired by A + B → C, within the price band', async () => {
    const options = { ...everything, minCount: 3, minLift: 1.1 }
    const { rules } = await mineRules(store.conn, options)
    const nb = await nextBestProducts(store.conn, 'c3', { rules })
    close(nb.priceLevel!, 52) // (200 + 15 + 10 + 20 + 15) / 5
    expect(nb.products.map((p) => p.item)).toEqual(['C'])
    const reason = nb.products[0]!.reason
    expect(reason).toMatchObject({ kind: 'rule', antecedent: ['A', 'B'] })
    // the best firing rule: lift × confidence 1.2 × 0.6 beats A → C's 8/7 × 4/7
    // × (1 + share of their spend in C's category Y: E twice, 30 of 260)
    close(nb.products[0]!.score, 1.2 * 0.6 * (1 + 30 / 260))
  })

  it('next best never repeats a purchase, and the price band decides E for c2', async () => {
    const { rules } = await mineRules(store.conn, { ...everything, minCount: 3, minLift: 1.1 })
    const narrow = await nextBestProducts(store.conn, 'c2', { rules })
    close(narrow.priceLevel!, 320 / 7)
    expect(narrow.products).toEqual([]) // E at 15 is below 45.71 / 3
    const wide = await nextBestProducts(store.conn, 'c2', { rules, priceBand: 4 })
    expect(wide.products.map((p) => [p.item, p.reason.kind])).toEqual([['E', 'category']])
    expect(wide.topCategories.map((c) => c.category)).toEqual(['Z', 'X', 'Y'])
    const c4 = await nextBestProducts(store.conn, 'c4', { rules, priceBand: 100 })
    expect(c4.products.map((p) => p.item)).not.toContain('A')
  })

  it('segment cross-sell: rules over-represented in a saved segment (c1: o1–o3)', async () => {
    await store.conn.run(sql`INSERT INTO segments (segment_id, name, kind, created_at, updated_at)
      VALUES ('vip', 'VIP', 'static', TIMESTAMP '2026-02-01 00:00:00', TIMESTAMP '2026-02-01 00:00:00')`)
    await store.conn.run(sql`INSERT INTO segment_members (segment_id, customer_id, entered_at, exited_at) VALUES
      ('vip', 'c1', TIMESTAMP '2026-02-01 00:00:00', NULL),
      ('vip', 'c2', TIMESTAMP '2026-02-01 00:00:00', TIMESTAMP '2026-02-02 00:00:00')`)
    const { rules } = await mineRules(store.conn, { ...everything, minCount: 3, minLift: 1.1 })
    const selection = await resolveSelection(store.conn, { kind: 'segment', ref: 'VIP' })
    const x = await segmentCrossSell(store.conn, selection, { rules, minSegmentCount: 2 })
    expect(x.segmentBaskets).toBe(3)
    expect(x.rules.map((r) => `${r.rule.antecedent.join('+')}>${r.rule.consequent}`)).toEqual([
      'A+B>C',
      'C>A',
      'C>B',
      'A>C',
      'B>C',
    ])
    // A + B → C: 2 of the segment's 3 baskets against 0.3 overall → index (2/3) / 0.3; confidence 2 of AB's 3.
    close(x.rules[0]!.index, 2 / 3 / 0.3)
    close(x.rules[0]!.segmentConfidence, 2 / 3)
    close(x.rules[1]!.index, 2 / 3 / 0.4)
    close(x.rules[1]!.segmentConfidence, 1)
    expect((await segmentCrossSell(store.conn, selection, { rules, minSegmentCount: 3 })).rules).toEqual([])
  })
})
