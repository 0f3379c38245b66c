import type { Connection } from '../../sql/driver.js'
import { type Fragment, join, raw, sql } from '../../sql/fragment.js'
import type { ImportKind } from '../fields.js'
import { ATTR_NAMES } from '../identity.js'

/** What the merge needs to know about the import it writes. */
export interface MergeContext {
  readonly kind: ImportKind
  readonly source: string
  readonly importId: string
  /** Wall-clock start of the import (`YYYY-MM-DD HH:MM:SS`), stamped on merge records. */
  readonly startedAt: string
  /** Customers files overwrite attributes with the file's values; other kinds only fill empty ones. */
  readonly overwriteCustomers: boolean
}

const ATTRS = ['email', 'phone', ...ATTR_NAMES]

/** Scratch table of the known customers a customers file changes (dropped after the update). */
export const CHANGED_CUSTOMERS = 'stg_customers_changed'

function typed(conn: Connection, column: string, value: Fragment): Fragment {
  const d = conn.dialect
  if (column === 'birth_date') return sql`CAST(${value} AS ${raw(d.columnType('date'))})`
  if (column === 'signup_at') return sql`CAST(${value} AS ${raw(d.columnType('timestamp'))})`
  if (column === 'attributes') return sql`CAST(${value} AS ${raw(d.columnType('json'))})`
  return value
}

/** Expression of the value a customer attribute takes after the merge. */
function mergedAttr(conn: Connection, column: string, overwrite: boolean): Fragment {
  const mine = raw(`c.${conn.dialect.quoteIdent(column)}`)
  const theirs = typed(conn, column, raw(`s.${conn.dialect.quoteIdent(column)}`))
  // Identifiers are never overwritten: the customer keeps the email / phone it was first known by.
  return overwrite && column !== 'email' && column !== 'phone'
    ? sql`COALESCE(${theirs}, ${mine})`
    : sql`COALESCE(${mine}, ${theirs})`
}

/** Number of existing customers the merge will change (for the report, computed before the merge). */
export async function customersToUpdate(conn: Connection, overwrite: boolean): Promise<number> {
  const changed = join(
    ATTRS.map(
      (a) => sql`${mergedAttr(conn, a, overwrite)} IS DISTINCT FROM c.${raw(conn.dialect.quoteIdent(a))}`,
    ),
    ' OR ',
  )
  const row = await conn.one<{ n: number }>(sql`
    SELECT count(*) AS n FROM stg_customers s JOIN customers c ON c.customer_id = s.customer_id
    WHERE NOT s.is_new AND (${changed})`)
  return Number(row?.n ?? 0)
}

/**
 * Writes the staged import into the store. Runs inside the caller's transaction: every statement inserts
 * only what the store lacks (source + id), so the same file twice changes nothing.
 *
 * @example
 * await conn.transaction(() => mergeStaged(conn, { kind: 'orders', source: 'shopify', … }))
 */
export async function mergeStaged(conn: Connection, m: MergeContext): Promise<void> {
  const q = (c: string) => raw(conn.dialect.quoteIdent(c))
  const d = conn.dialect

  if (m.kind !== 'order-items') {
    const updates = await customersToUpdate(conn, m.overwriteCustomers)
    if (updates > 0) {
      const changed = join(
        ATTRS.map((a) => sql`${mergedAttr(conn, a, m.overwriteCustomers)} IS DISTINCT FROM c.${q(a)}`),
        ' OR ',
      )
      // The changed customers with their merged attributes (one row each), then one keyed update: the
      // target is aliased `c` so the merged-value expressions read the same here and in the count.
      const merged = join(ATTRS.map((a) => sql`${mergedAttr(conn, a, m.overwriteCustomers)} AS ${q(a)}`))
      await conn.run(sql`
        ${d.replaceTempTable(CHANGED_CUSTOMERS)} AS
        SELECT c.customer_id AS customer_id, ${merged}
        FROM stg_customers s JOIN customers c ON c.customer_id = s.customer_id
        WHERE NOT s.is_new AND (${changed})`)
      for (const statement of d.updateFromScratch('customers', 'customer_id', ATTRS, CHANGED_CUSTOMERS))
        await conn.run(statement)
      await conn.run(raw(`DROP TABLE IF EXISTS ${d.quoteIdent(CHANGED_CUSTOMERS)}`))
    }
    await conn.run(sql`
      INSERT INTO customers (customer_id, email, phone, name, gender, birth_date, city, region, country,
        signup_at, source, consent_marketing, attributes, import_id)
      SELECT customer_id, email, phone, name, gender, ${typed(conn, 'birth_date', sql`birth_date`)}, city, region,
        country, ${typed(conn, 'signup_at', sql`signup_at`)}, ${m.source}, consent_marketing,
        ${typed(conn, 'attributes', sql`attributes`)}, ${m.importId}
      FROM stg_customers WHERE is_new ORDER BY line`)
    await conn.run(sql`
      INSERT INTO customer_identities (customer_id, kind, source, value, import_id)
      SELECT customer_id, kind, source, value, ${m.importId} FROM stg_identities`)
    await conn.run(sql`
      INSERT INTO identity_merges (import_id, source, source_customer_id, customer_id, matched_kind, matched_value, merged_at)
      SELECT ${m.importId}, ${m.source}, source_customer_id, customer_id, matched_kind, matched_value,
        ${d.timestampLiteral(m.startedAt)}
      FROM stg_merges`)
  }

  const money = (c: string) => d.toMoney(raw(c))
  const quantity = (c: string) => sql`CAST(${raw(c)} AS ${raw(d.columnType('quantity'))})`
  const ts = (c: string) => sql`CAST(${raw(c)} AS ${raw(d.columnType('timestamp'))})`

  if (m.kind === 'orders') {
    await conn.run(sql`
      INSERT INTO orders (source, order_id, customer_id, ordered_at, amount, currency, discount, status, channel,
        store_id, community_id, coupon_code, import_id)
      SELECT ${m.source}, order_id, customer_id, ${ts('ordered_at')}, ${money('amount')}, currency, ${money('discount')},
        status, channel, store_id, community_id, coupon_code, ${m.importId}
      FROM stg_orders_final WHERE dup_rank = 1 AND NOT existed ORDER BY line`)
    await conn.run(sql`
      INSERT INTO order_items (source, order_id, line_no, sku, product_name, category, brand, quantity, unit_price)
      SELECT ${m.source}, i.order_id, i.line_no, i.sku, i.product_name, i.category, i.brand, ${quantity('i.quantity')},
        ${money('i.unit_price')}
      FROM stg_items i JOIN stg_orders_final f ON f.order_id = i.order_id AND f.dup_rank = 1 AND NOT f.existed
      ORDER BY i.line, i.line_no`)
  } else if (m.kind === 'order-items') {
    await conn.run(sql`
      INSERT INTO order_items (source, order_id, line_no, sku, product_name, category, brand, quantity, unit_price)
      SELECT ${m.source}, order_id, line_no, sku, product_name, category, brand, ${quantity('quantity')},
        ${money('unit_price')}
      FROM stg_items_final WHERE order_known AND NOT existed ORDER BY line`)
  } else if (m.kind === 'events') {
    await conn.run(sql`
      INSERT INTO events (source, event_id, customer_id, anonymous_id, occurred_at, type, properties, import_id)
      SELECT ${m.source}, event_id, customer_id, anonymous_id, ${ts('occurred_at')}, type,
        CAST(properties AS ${raw(d.columnType('json'))}), ${m.importId}
      FROM stg_events_final WHERE dup_rank = 1 AND NOT existed ORDER BY line`)
  } else if (m.kind === 'feedback') {
    await conn.run(sql`
      INSERT INTO feedback (source, feedback_id, customer_id, answered_at, channel, score, nps, answers, text, import_id)
      SELECT ${m.source}, feedback_id, customer_id, ${ts('answered_at')}, channel, score, nps,
        CAST(answers AS ${raw(d.columnType('json'))}), text, ${m.importId}
      FROM stg_feedback_final WHERE dup_rank = 1 AND NOT existed ORDER BY line`)
  }
}
