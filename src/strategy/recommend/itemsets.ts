import type { Connection } from '../../sql/driver.js'
import { ident, join, sql } from '../../sql/fragment.js'
import { type BasketScope, basketItemsQuery } from './baskets.js'

/** Basket counts of single items, pairs and triples (items of an itemset sorted ascending). */
export interface ItemsetCounts {
  readonly baskets: number
  readonly singles: ReadonlyMap<string, number>
  /** key: items joined by ITEM_SEPARATOR. */
  readonly pairs: ReadonlyMap<string, number>
  readonly triples: ReadonlyMap<string, number>
}

/** Joins the items of an itemset into a map key (a control character no product name contains). */
export const ITEM_SEPARATOR = '\u001f'
export const itemsetKey = (items: readonly string[]) => [...items].sort().join(ITEM_SEPARATOR)

const BI = 'strategy_basket_items'
const BF = 'strategy_frequent_items'
const FP = 'strategy_frequent_pairs'

/**
 * Counts, in SQL, the baskets holding each item, each pair and each triple that reach `minCount`
 * and `minSupport` × baskets (Apriori: a pair is counted only over frequent items, a triple only over frequent pairs, in baskets with
 * at least three frequent items). The pair and triple self-joins are the heavy part and stay in the store;
 * only the frequent itemsets come back to TypeScript. `onlyItems` restricts counting to those items (used
 * to count a known rule set inside a segment).
 */
export async function countItemsets(
  conn: Connection,
  scope: BasketScope,
  options: { minCount: number; minSupport?: number; maxSize: 2 | 3; onlyItems?: readonly string[] },
): Promise<ItemsetCounts> {
  const d = conn.dialect
  try {
    await conn.run(sql`${d.replaceTempTable(BI)} AS ${basketItemsQuery(d, scope)}`)
    const total = await conn.one<{ n: number }>(
      sql`SELECT count(*) AS n FROM (SELECT DISTINCT source, order_id FROM ${ident(BI)}) b`,
    )
    const baskets = total?.n ?? 0
    // An itemset is kept when it reaches both floors: a count and a share of the baskets.
    const minCount = Math.max(1, Math.ceil(options.minCount), supportFloor(options.minSupport ?? 0, baskets))
    const only =
      options.onlyItems === undefined
        ? sql``
        : options.onlyItems.length === 0
          ? sql` AND FALSE`
          : sql` AND item IN (${join(options.onlyItems.map((i) => sql`${i}`))})`
    const singleRows = await conn.all<{ item: string; n: number }>(sql`
      SELECT item, count(*) AS n FROM ${ident(BI)} WHERE TRUE${only}
      GROUP BY item HAVING count(*) >= ${minCount} ORDER BY item`)
    const singles = new Map(singleRows.map((r) => [r.item, r.n]))
    await conn.run(sql`${d.replaceTempTable(BF)} AS
      SELECT b.source, b.order_id, b.item FROM ${ident(BI)} b
      WHERE b.item IN (SELECT item FROM ${ident(BI)} WHERE TRUE${only} GROUP BY item HAVING count(*) >= ${minCount})`)
    await conn.run(sql`${d.replaceTempTable(FP)} AS
      SELECT x.item AS a, y.item AS b, count(*) AS n
      FROM ${ident(BF)} x JOIN ${ident(BF)} y ON y.source = x.source AND y.order_id = x.order_id AND x.item < y.item
      GROUP BY x.item, y.item HAVING count(*) >= ${minCount}`)
    const pairRows = await conn.all<{ a: string; b: string; n: number }>(
      sql`SELECT a, b, n FROM ${ident(FP)}`,
    )
    const pairs = new Map(pairRows.map((r) => [itemsetKey([r.a, r.b]), r.n]))
    const triples = new Map<string, number>()
    if (options.maxSize === 3 && pairRows.length > 0) {
      const tripleRows = await conn.all<{ a: string; b: string; c: string; n: number }>(sql`
        WITH big AS (
          SELECT source, order_id, item FROM (
            SELECT source, order_id, item, count(*) OVER (PARTITION BY source, order_id) AS size FROM ${ident(BF)}
          ) s WHERE size >= 3)
        SELECT x.item AS a, y.item AS b, z.item AS c, count(*) AS n
        FROM big x
          JOIN big y ON y.source = x.source AND y.order_id = x.order_id AND x.item < y.item
          JOIN ${ident(FP)} p ON p.a = x.item AND p.b = y.item
          JOIN big z ON z.source = x.source AND z.order_id = x.order_id AND y.item < z.item
        GROUP BY x.item, y.item, z.item HAVING count(*) >= ${minCount}`)
      for (const r of tripleRows) {
        // Apriori: every sub-pair must be frequent (a, b is by the join; check a, c and b, c here).
        if (pairs.has(itemsetKey([r.a, r.c])) && pairs.has(itemsetKey([r.b, r.c])))
          triples.set(itemsetKey([r.a, r.b, r.c]), r.n)
      }
    }
    return { baskets, singles, pairs, triples }
  } finally {
    for (const t of [BI, BF, FP]) await conn.run(sql`DROP TABLE IF EXISTS ${ident(t)}`)
  }
}

/** The fewest baskets that make `minSupport` of `baskets` (0.2 × 10 is 2, not 3: binary fractions overshoot). */
export function supportFloor(minSupport: number, baskets: number): number {
  return Math.ceil(minSupport * baskets - 1e-9)
}
