import { EXIT, StrataError } from '../../core/diagnostics.js'
import type { Connection } from '../../sql/driver.js'
import { join, sql } from '../../sql/fragment.js'
import { type Basis, itemExpr } from './baskets.js'

/** What the store knows about a product from its order lines (there is no product table). */
export interface ProductInfo {
  readonly item: string
  readonly name: string | null
  readonly category: string | null
  /** Mean unit price paid over all its lines. */
  readonly price: number | null
}

/** Name, category and mean price of the given products (SKUs), from `order_items`. */
export async function productInfo(
  conn: Connection,
  items: readonly string[],
): Promise<Map<string, ProductInfo>> {
  if (items.length === 0) return new Map()
  const item = itemExpr('product')
  const rows = await conn.all<{
    item: string
    name: string | null
    category: string | null
    price: number | null
  }>(sql`
    SELECT ${item} AS item, min(i.product_name) AS name, min(i.category) AS category,
      ${conn.dialect.toDouble(sql`avg(i.unit_price)`)} AS price
    FROM order_items i WHERE ${item} IN (${join(items.map((x) => sql`${x}`))}) GROUP BY ${item}`)
  return new Map(rows.map((r) => [r.item, r]))
}

/**
 * The item a person means: for products a SKU, or else an exact product name (→ its SKU); for categories
 * the category name. Unknown → not found (exit 4).
 */
export async function resolveItem(conn: Connection, text: string, by: Basis): Promise<string> {
  const item = itemExpr(by)
  const exact = await conn.one(sql`SELECT 1 AS hit FROM order_items i WHERE ${item} = ${text} LIMIT 1`)
  if (exact) return text
  if (by === 'product') {
    const named = await conn.one<{ item: string }>(sql`
      SELECT min(${item}) AS item FROM order_items i WHERE i.product_name = ${text} HAVING count(*) > 0`)
    if (named?.item) return named.item
  }
  throw new StrataError({ code: 'strategy.item_not_found', params: { item: text, by } }, EXIT.NOT_FOUND)
}
