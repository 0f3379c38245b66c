import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import { type Basis, type BasketScope, basketItemsQuery } from './baskets.js'

export interface TogetherRow {
  readonly item: string
  /** Baskets holding both the anchor and this item. */
  readonly both: number
  /** P(item | anchor). */
  readonly confidence: number
  /** confidence / P(item). */
  readonly lift: number
  /** Share of all baskets holding both. */
  readonly support: number
}

export interface BoughtTogether {
  readonly anchor: string
  readonly by: Basis
  readonly baskets: number
  readonly anchorBaskets: number
  readonly items: readonly TogetherRow[]
}

/**
 * Frequently bought together with one product (or category): every item sharing at least `minCount`
 * baskets with it, ranked by how often (then lift). One SQL statement over the baskets; no stored rules
 * needed, so it answers for any product, however rare.
 *
 * @example
 * await boughtTogether(conn, 'MB-003', { limit: 5 })
 */
export async function boughtTogether(
  conn: Connection,
  anchor: string,
  options: { by?: Basis; limit?: number; minCount?: number } & Omit<BasketScope, 'by'> = {},
): Promise<BoughtTogether> {
  const d = conn.dialect
  const by = options.by ?? 'product'
  const minCount = options.minCount ?? 2
  const rows = await conn.all<{
    item: string | null
    both: number
    item_baskets: number
    anchor_baskets: number
    baskets: number
  }>(sql`
    WITH bi AS (${basketItemsQuery(d, { ...options, by })}),
    x AS (SELECT source, order_id FROM bi WHERE item = ${anchor}),
    co AS (
      SELECT bi.item, count(*) AS both FROM bi JOIN x ON x.source = bi.source AND x.order_id = bi.order_id
      WHERE bi.item <> ${anchor} GROUP BY bi.item HAVING count(*) >= ${minCount}),
    tot AS (SELECT item, count(*) AS n FROM bi WHERE item IN (SELECT item FROM co) GROUP BY item),
    sizes AS (
      SELECT (SELECT count(*) FROM x) AS anchor_baskets,
        (SELECT count(*) FROM (SELECT DISTINCT source, order_id FROM bi) b) AS baskets)
    SELECT co.item, co.both, tot.n AS item_baskets, sizes.anchor_baskets, sizes.baskets
    FROM sizes LEFT JOIN (co JOIN tot ON tot.item = co.item) ON TRUE`)
  const first = rows[0]
  const baskets = first?.baskets ?? 0
  const anchorBaskets = first?.anchor_baskets ?? 0
  const items = rows
    .filter((r) => r.item !== null)
    .map((r) => {
      const confidence = r.both / anchorBaskets
      return {
        item: r.item!,
        both: r.both,
        confidence,
        lift: confidence / (r.item_baskets / baskets),
        support: r.both / baskets,
      }
    })
    .sort((a, b) => b.both - a.both || b.lift - a.lift || a.item.localeCompare(b.item, 'en'))
    .slice(0, options.limit ?? 10)
  return { anchor, by, baskets, anchorBaskets, items }
}
