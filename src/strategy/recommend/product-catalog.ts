import { EXIT, StrataError } from '../../core/diagnostics.js'
import type { Dialect } from '../../sql/dialect.js'
import type { Connection } from '../../sql/driver.js'
import { type Fragment, join, sql } from '../../sql/fragment.js'
import '../strategy-tables.js'
import { type Basis, itemExpr } from './baskets.js'

/** What the store knows about a product from its order lines (there is no product table). */
export interface ProductInfo {
  readonly item: string
  readonly name: string | null
  readonly category: string | null
  /** Mean unit price paid over all its lines. */
  readonly price: number | null
  /** Order lines naming it: how popular it is. */
  readonly lines: number
}

/** One scan of the order lines, grouped by product. */
function catalogQuery(d: Dialect, where: Fragment = sql`TRUE`): Fragment {
  const item = itemExpr('product')
  return sql`
    SELECT ${item} AS item, min(i.product_name) AS name, min(i.category) AS category,
      ${d.toDouble(sql`avg(i.unit_price)`)} AS price, count(*) AS lines
    FROM order_items i WHERE ${item} IS NOT NULL AND ${where} GROUP BY ${item}`
}

/** Rewrites the stored product catalog from the order lines (one statement, in the store). */
export async function refreshProductCatalog(conn: Connection, computedAt: string): Promise<number> {
  return conn.transaction(async () => {
    await conn.run(sql`DELETE FROM product_catalog`)
    await conn.run(sql`INSERT INTO product_catalog (item, name, category, price, lines, computed_at)
      SELECT item, name, category, price, lines, CAST(${computedAt} AS TIMESTAMP) FROM (${catalogQuery(conn.dialect)}) c`)
    const n = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM product_catalog`)
    return n?.n ?? 0
  })
}

/**
 * Every product: the stored catalog when `recommend rules` wrote one, else computed now from the order
 * lines (one scan).
 */
export async function productCatalog(conn: Connection): Promise<Map<string, ProductInfo>> {
  const stored = await conn.all<ProductInfo & Record<string, unknown>>(
    sql`SELECT item, name, category, price, lines FROM product_catalog`,
  )
  const rows = stored.length
    ? stored
    : await conn.all<ProductInfo & Record<string, unknown>>(catalogQuery(conn.dialect))
  return new Map(rows.map((r) => [r.item, r]))
}

/** Name, category and mean price of the given products (SKUs). */
export async function productInfo(
  conn: Connection,
  items: readonly string[],
): Promise<Map<string, ProductInfo>> {
  if (items.length === 0) return new Map()
  const stored = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM product_catalog`)
  if (stored?.n) {
    const all = await productCatalog(conn)
    return new Map(items.filter((i) => all.has(i)).map((i) => [i, all.get(i)!]))
  }
  const wanted = sql`${itemExpr('product')} IN (${join(items.map((x) => sql`${x}`))})`
  const rows = await conn.all<ProductInfo & Record<string, unknown>>(catalogQuery(conn.dialect, wanted))
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
