import type { Dialect } from './dialect.js'
import type { Fragment, SqlValue } from './fragment.js'

/** A row as plain JSON-safe values: numbers, strings, booleans, null (decimals and bigints normalised). */
export type Row = Record<string, unknown>

/** File formats an engine can read or write in bulk. */
export type BulkFormat = 'csv' | 'parquet' | 'json'

/**
 * Everything engine-specific about *running* SQL. One connection per store; callers hand it fragments
 * and never see placeholders or engine types.
 *
 * @example
 * const rows = await conn.all<{ n: number }>(sql`SELECT count(*) AS n FROM orders`)
 */
export interface Connection {
  readonly dialect: Dialect
  /** Runs a statement, discarding rows. */
  run(query: Fragment): Promise<void>
  /** Runs a query and returns its rows with values normalised to JSON types. */
  all<T extends Row = Row>(query: Fragment): Promise<T[]>
  /** First row or undefined. */
  one<T extends Row = Row>(query: Fragment): Promise<T | undefined>
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. A process that
   * dies inside leaves the store as before (the engine never replays an uncommitted transaction).
   */
  transaction<T>(work: () => Promise<T>): Promise<T>
  /**
   * Appends rows to a table quickly (the engine's bulk path). Values must match `columns` in order.
   * Meant for staging tables; not transactional on its own — wrap in `transaction` or append to temp tables.
   */
  append(table: string, columns: readonly string[], rows: Iterable<readonly SqlValue[]>): Promise<number>
  /**
   * Runs a query and yields its rows a batch at a time (the engine's chunks, ~2,048 rows), normalised like
   * `all`: a result of any size passes through JavaScript in bounded memory. Added by segments (member
   * export to stdout, NDJSON). Do not run other statements on the connection until the iteration ends.
   */
  stream<T extends Row = Row>(query: Fragment): AsyncIterable<T[]>
  /** Writes the rows of a query to a file in the engine's bulk format. */
  copyToFile(query: Fragment, path: string, format: BulkFormat): Promise<void>
  /** Reads a file into a (temporary) table using the engine's own reader; used for Parquet. */
  readFileAsTable(path: string, format: BulkFormat, table: string): Promise<void>
  /**
   * Stops the statement this connection is running now, which then fails; harmless when idle. Optional
   * (engines without it never stop early). Added by the server: a preview whose caller hung up.
   */
  interrupt?(): void
  /**
   * Optional: a second connection to the same store, for reads that must not queue behind this one's long
   * work (an analysis). It sees committed data only; closing it leaves this one open. Engines without
   * it leave it undefined (callers then read on this connection).
   */
  openReader?(): Promise<Connection>
  close(): Promise<void>
}
