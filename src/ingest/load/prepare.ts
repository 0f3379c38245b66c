import type { Connection } from '../../sql/driver.js'
import { type Fragment, ident, join, raw, sql } from '../../sql/fragment.js'
import { CHANGED_CUSTOMERS } from './merge.js'
import { type StagingTable, stagingColumns } from './staging.js'

/**
 * The staged columns of `s`, each named explicitly (`s.line AS line`): a bare `s.*` over a join is named
 * `s.order_id` by engines that qualify names colliding with another joined relation's.
 */
function stagedColumns(staged: StagingTable): Fragment {
  return join(stagingColumns(staged).map((c) => sql`s.${ident(c)} AS ${ident(c)}`))
}

/**
 * Marks every staged record before the merge: its rank among records with the same id in this file
 * (1 = the one kept) and whether the store already holds that id for this source. These are reads only,
 * so they run before the transaction and keep it short.
 */
async function markRecords(
  conn: Connection,
  target: string,
  staged: StagingTable,
  table: string,
  idColumn: string,
  source: string,
  withCustomer: boolean,
): Promise<void> {
  const customer = withCustomer ? sql`, r.customer_id AS customer_id` : sql``
  const refJoin = withCustomer ? sql`LEFT JOIN stg_ref_customer r ON r.ref_no = s.ref_no` : sql``
  const id = ident(idColumn)
  const q: Fragment = sql`
    ${conn.dialect.replaceTempTable(target)} AS
    SELECT ${stagedColumns(staged)}${customer},
      row_number() OVER (PARTITION BY s.${id} ORDER BY s.line) AS dup_rank,
      k.${id} IS NOT NULL AS existed
    FROM ${ident(staged)} s
    ${refJoin}
    LEFT JOIN (SELECT DISTINCT ${id} FROM ${ident(table)} WHERE source = ${source}) k ON k.${id} = s.${id}`
  await conn.run(q)
  // Everything the merge and the report read is in the marked copy: free the staged rows now, so a big
  // file is not held twice while it is merged.
  await conn.run(raw(`DROP TABLE ${conn.dialect.quoteIdent(staged)}`))
}

/**
 * Builds the `*_final` tables the merge inserts from, for one kind.
 *
 * @example
 * await prepareMerge(conn, 'orders', 'shopify')
 */
export async function prepareMerge(conn: Connection, kind: string, source: string): Promise<void> {
  if (kind === 'orders') {
    await markRecords(conn, 'stg_orders_final', 'stg_orders', 'orders', 'order_id', source, true)
  } else if (kind === 'events') {
    await markRecords(conn, 'stg_events_final', 'stg_events', 'events', 'event_id', source, true)
  } else if (kind === 'feedback') {
    await markRecords(conn, 'stg_feedback_final', 'stg_feedback', 'feedback', 'feedback_id', source, true)
  } else if (kind === 'order-items') {
    await conn.run(sql`
      ${conn.dialect.replaceTempTable('stg_items_final')} AS
      SELECT i.line AS line, i.order_id AS order_id, i.line_no AS line_no, i.sku AS sku,
        i.product_name AS product_name, i.category AS category, i.brand AS brand, i.quantity AS quantity,
        i.unit_price AS unit_price, o.order_id IS NOT NULL AS order_known, x.order_id IS NOT NULL AS existed
      FROM (
        -- An item's number is its position within its order, in file order.
        SELECT line, order_id,
          CAST(row_number() OVER (PARTITION BY order_id ORDER BY line) AS INTEGER) AS line_no,
          sku, product_name, category, brand, quantity, unit_price
        FROM stg_items
      ) i
      LEFT JOIN (SELECT DISTINCT order_id FROM orders WHERE source = ${source}) o ON o.order_id = i.order_id
      LEFT JOIN (SELECT DISTINCT order_id, line_no FROM order_items WHERE source = ${source}) x
        ON x.order_id = i.order_id AND x.line_no = i.line_no`)
    await conn.run(sql`DROP TABLE stg_items`)
  }
}

/** Drops what `prepareMerge` made. */
export async function dropPrepared(conn: Connection): Promise<void> {
  const made = ['stg_orders_final', 'stg_events_final', 'stg_feedback_final', 'stg_items_final']
  for (const t of [...made, CHANGED_CUSTOMERS]) {
    await conn.run(raw(`DROP TABLE IF EXISTS ${conn.dialect.quoteIdent(t)}`))
  }
}
