import { IS_PURCHASE } from '../../analytics/purchase-rules.js'
import type { Dialect } from '../../sql/dialect.js'
import { type Fragment, sql } from '../../sql/fragment.js'

/** What an item of a basket is: the product (SKU, else its name) or its category. */
export type Basis = 'product' | 'category'

/** Which baskets to look at. A basket is one purchase order (DESIGN §4's purchase rule) with its items. */
export interface BasketScope {
  readonly by: Basis
  /** Orders dated before this day (YYYY-MM-DD); all when absent. */
  readonly asOf?: string | null
  /** Orders dated on or after this day; all history when absent. */
  readonly since?: string | null
  /** A query selecting `customer_id`: only these customers' baskets (a segment). */
  readonly customers?: Fragment | null
}

/** The item expression over `order_items i` for a basis. */
export function itemExpr(by: Basis): Fragment {
  return by === 'category' ? sql`i.category` : sql`coalesce(i.sku, i.product_name)`
}

/**
 * (source, order_id, item) once per basket and item: quantities and repeated lines do not matter to
 * "bought together". Returns and cancelled orders are not baskets.
 */
export function basketItemsQuery(d: Dialect, scope: BasketScope): Fragment {
  const item = itemExpr(scope.by)
  const before = scope.asOf ? sql` AND o.ordered_at < ${d.timestampLiteral(`${scope.asOf} 00:00:00`)}` : sql``
  const after = scope.since
    ? sql` AND o.ordered_at >= ${d.timestampLiteral(`${scope.since} 00:00:00`)}`
    : sql``
  const who = scope.customers ? sql` AND o.customer_id IN (${scope.customers})` : sql``
  return sql`
    SELECT DISTINCT i.source, i.order_id, ${item} AS item
    FROM order_items i JOIN orders o ON o.source = i.source AND o.order_id = i.order_id
    WHERE ${item} IS NOT NULL AND ${IS_PURCHASE}${before}${after}${who}`
}
