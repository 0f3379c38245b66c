import type { ColumnType } from '../../sql/dialect.js'
import type { Connection } from '../../sql/driver.js'
import { raw, type SqlValue, sql } from '../../sql/fragment.js'

/**
 * Temporary tables an import fills before it touches the store. They live in the connection's temp
 * schema, so a crash or a rejected file leaves nothing behind; the merge reads them in one transaction.
 * Money and timestamps are staged as text and cast in SQL, so no value passes through a float.
 */
export const STAGING = {
  stg_orders: [
    ['line', 'integer'],
    ['row_count', 'integer'],
    ['order_id', 'text'],
    ['ref_no', 'integer'],
    ['ordered_at', 'text'],
    ['amount', 'text'],
    ['currency', 'text'],
    ['discount', 'text'],
    ['status', 'text'],
    ['channel', 'text'],
    ['store_id', 'text'],
    ['community_id', 'text'],
    ['coupon_code', 'text'],
  ],
  stg_items: [
    ['line', 'integer'],
    ['order_id', 'text'],
    ['line_no', 'integer'],
    ['sku', 'text'],
    ['product_name', 'text'],
    ['category', 'text'],
    ['brand', 'text'],
    ['quantity', 'text'],
    ['unit_price', 'text'],
  ],
  stg_events: [
    ['line', 'integer'],
    ['event_id', 'text'],
    ['ref_no', 'integer'],
    ['anonymous_id', 'text'],
    ['occurred_at', 'text'],
    ['type', 'text'],
    ['properties', 'text'],
  ],
  stg_feedback: [
    ['line', 'integer'],
    ['feedback_id', 'text'],
    ['ref_no', 'integer'],
    ['answered_at', 'text'],
    ['channel', 'text'],
    ['score', 'double'],
    ['nps', 'integer'],
    ['answers', 'text'],
    ['text', 'text'],
  ],
  stg_keys: [
    ['kind', 'text'],
    ['source', 'text'],
    ['value', 'text'],
  ],
  stg_ids: [['customer_id', 'text']],
  stg_refused: [
    ['line', 'integer'],
    ['id', 'text'],
  ],
  stg_ref_customer: [
    ['ref_no', 'integer'],
    ['customer_id', 'text'],
  ],
  stg_customers: [
    ['customer_id', 'text'],
    ['is_new', 'boolean'],
    ['line', 'integer'],
    ['email', 'text'],
    ['phone', 'text'],
    ['name', 'text'],
    ['gender', 'text'],
    ['birth_date', 'text'],
    ['city', 'text'],
    ['region', 'text'],
    ['country', 'text'],
    ['signup_at', 'text'],
    ['consent_marketing', 'boolean'],
    ['attributes', 'text'],
  ],
  stg_identities: [
    ['customer_id', 'text'],
    ['kind', 'text'],
    ['source', 'text'],
    ['value', 'text'],
  ],
  stg_merges: [
    ['source_customer_id', 'text'],
    ['customer_id', 'text'],
    ['matched_kind', 'text'],
    ['matched_value', 'text'],
  ],
} as const satisfies Record<string, readonly (readonly [string, ColumnType])[]>

export type StagingTable = keyof typeof STAGING

/** Column names of a staging table, in order. */
export function stagingColumns(table: StagingTable): string[] {
  return STAGING[table].map(([name]) => name)
}

/** (Re)creates every staging table, empty. */
export async function createStaging(conn: Connection): Promise<void> {
  const d = conn.dialect
  for (const [table, columns] of Object.entries(STAGING)) {
    // Every staged value may be missing: declared nullable on every engine (ClickHouse would store '' / 0).
    const cols = columns
      .map(([name, type]) => `${d.quoteIdent(name)} ${d.nullableColumnType(type)}`)
      .join(', ')
    await conn.run(sql`${d.replaceTempTable(table)} (${raw(cols)})`)
  }
}

/** Drops the staging tables (the connection may serve other commands afterwards). */
export async function dropStaging(conn: Connection): Promise<void> {
  for (const table of Object.keys(STAGING)) {
    await conn.run(raw(`DROP TABLE IF EXISTS ${conn.dialect.quoteIdent(table)}`))
  }
}

/**
 * Buffers rows for one staging table and appends them in batches (the engine's bulk path).
 *
 * @example
 * const items = new StagingWriter(conn, 'stg_items'); items.push([2, 'A1', 1, …]); await items.flush()
 */
export class StagingWriter {
  private rows: SqlValue[][] = []
  private readonly columns: string[]
  count = 0

  constructor(
    private readonly conn: Connection,
    private readonly table: StagingTable,
    // Small batches: rows die young (cheap to collect) instead of piling up into the old generation.
    private readonly batch = 10_000,
  ) {
    this.columns = stagingColumns(table)
  }

  /** Adds a row; returns a promise only when a batch had to be written (await it to keep memory flat). */
  push(row: SqlValue[]): Promise<void> | undefined {
    this.rows.push(row)
    this.count++
    return this.rows.length >= this.batch ? this.flush() : undefined
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return
    const rows = this.rows
    this.rows = []
    await this.conn.append(this.table, this.columns, rows)
  }
}
