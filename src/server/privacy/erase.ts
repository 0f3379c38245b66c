import type { Connection, Row } from '../../sql/driver.js'
import { ident, join, sql } from '../../sql/fragment.js'
import { rememberErased } from '../../store/erased-identities.js'
import { AUDIT_LOG } from '../server-tables.js'
import { customerTables, orderChildTables } from './customer-tables.js'

export interface ErasureResult {
  /** Rows removed per table (only tables that held something). */
  readonly tables: Record<string, number>
  readonly rows: number
}

async function countWhere(conn: Connection, table: string, customerId: string): Promise<number> {
  const r = await conn.one<{ n: number }>(
    sql`SELECT count(*) AS n FROM ${ident(table)} WHERE customer_id = ${customerId}`,
  )
  return r?.n ?? 0
}

/**
 * Erases one person (DESIGN §6): in one transaction, every row of every registered table with a
 * `customer_id` column (customers, identities, orders, events, feedback, scores of every snapshot, segment
 * stays, tags, webhook deliveries, …) plus rows keyed by their orders (order items). The audit log keeps
 * its rows — who read what, when — with the customer id cleared; the caller logs the erasure itself
 * without naming the person. The person's identifiers stay only as keyed digests (`erased_identities`),
 * which imports and live tracking consult so the person is not brought back.
 */
export async function eraseCustomer(
  conn: Connection,
  customerId: string,
  erasedAt: string,
): Promise<ErasureResult> {
  const d = conn.dialect
  const tables: Record<string, number> = {}
  await conn.transaction(async () => {
    const person = await conn.one<{ email: string | null; phone: string | null; name: string | null }>(
      sql`SELECT email, phone, name FROM customers WHERE customer_id = ${customerId}`,
    )
    // Kept as keyed digests so the next import or tracked event naming them again leaves them out.
    const known = await conn.all<{ kind: string; source: string; value: string }>(
      sql`SELECT kind, source, value FROM customer_identities WHERE customer_id = ${customerId}`,
    )
    const contact = [
      ...(person?.email ? [{ kind: 'email', source: '', value: person.email }] : []),
      ...(person?.phone ? [{ kind: 'phone', source: '', value: person.phone }] : []),
    ]
    await rememberErased(
      conn,
      [{ kind: 'customer_id', source: '', value: customerId }, ...known, ...contact],
      erasedAt,
    )
    const texts = [customerId, person?.email, person?.phone, person?.name].filter(
      (v): v is string => typeof v === 'string' && v.trim().length > 1,
    )
    for (const child of orderChildTables(d)) {
      // Not correlated: ClickHouse cannot filter a DELETE by a correlated subquery.
      const owned = sql`(source, order_id) IN
        (SELECT o.source, o.order_id FROM orders AS o WHERE o.customer_id = ${customerId})`
      const n = await conn.one<{ n: number }>(
        sql`SELECT count(*) AS n FROM ${ident(child.name)} WHERE ${owned}`,
      )
      if (n?.n) {
        await conn.run(sql`DELETE FROM ${ident(child.name)} WHERE ${owned}`)
        tables[child.name] = n.n
      }
    }
    // Delivery attempts belong to deliveries, which name the customer.
    await conn.run(sql`DELETE FROM server_webhook_attempts WHERE delivery_id IN
      (SELECT delivery_id FROM server_webhook_outbox WHERE customer_id = ${customerId})`)
    for (const table of customerTables(d)) {
      const n = await countWhere(conn, table.name, customerId)
      if (n === 0) continue
      if (table.name === AUDIT_LOG.name) {
        await conn.run(
          sql`UPDATE ${ident(table.name)} SET customer_id = NULL WHERE customer_id = ${customerId}`,
        )
      } else {
        await conn.run(sql`DELETE FROM ${ident(table.name)} WHERE customer_id = ${customerId}`)
      }
      tables[table.name] = n
    }
    // Stored weekly reports name at-risk customers (and, when asked, their contact details) inside their
    // HTML: the report is kept for the shop's history, with every trace of the person replaced.
    const hit = (text: string) => sql`${d.containsText(sql`html`, sql`${text}`)}`
    const touched = texts.length
      ? await conn.one<{ n: number }>(
          sql`SELECT count(*) AS n FROM reports WHERE ${join(texts.map(hit), ' OR ')}`,
        )
      : null
    const redacted = touched?.n ?? 0
    for (const text of redacted ? texts : []) {
      await conn.run(sql`UPDATE reports SET html = replace(html, ${text}, ${'[erased]'}) WHERE ${hit(text)}`)
    }
    if (redacted) tables['reports'] = redacted
  })
  return { tables, rows: Object.values(tables).reduce((a, b) => a + b, 0) }
}

/**
 * Everything stored about one person, table by table (an access request): rows of every table with a
 * `customer_id` column and their order items. Server bookkeeping (audit log, webhook outbox) is included:
 * it is data about them too.
 */
export async function accessExport(conn: Connection, customerId: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of customerTables(conn.dialect)) {
    const rows = await conn.all(sql`SELECT * FROM ${ident(table.name)} WHERE customer_id = ${customerId}`)
    if (rows.length) out[table.name] = stableOrder(rows)
  }
  for (const child of orderChildTables(conn.dialect)) {
    const rows = await conn.all(sql`SELECT c.* FROM ${ident(child.name)} AS c JOIN orders AS o
      ON o.source = c.source AND o.order_id = c.order_id WHERE o.customer_id = ${customerId}`)
    if (rows.length) out[child.name] = stableOrder(rows)
  }
  return out
}

/** One person's rows in a fixed order whatever the engine returned (their text sorts them; few rows). */
function stableOrder(rows: Row[]): Row[] {
  return rows
    .map((row) => [JSON.stringify(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row)
}
