import type { BulkFormat, Connection } from './driver.js'
import { type Fragment, join, raw, sql } from './fragment.js'

/**
 * `query` with every text column passed through the dialect's `spreadsheetSafeText`, for CSV files a person
 * will open in a spreadsheet (see src/core/csv-cell.ts). Column names and order are kept; only the engine
 * is asked for the column types, nothing runs.
 *
 * @example
 * await conn.copyToFile(await spreadsheetSafeQuery(conn, query), 'list.csv', 'csv')
 */
export async function spreadsheetSafeQuery(conn: Connection, query: Fragment): Promise<Fragment> {
  const d = conn.dialect
  const columns = await conn.all<{ name: string; type: string }>(d.describeQuery(query))
  const list = columns.map((c) => {
    const name = raw(d.quoteIdent(c.name))
    return d.isTextType(c.type) ? sql`${d.spreadsheetSafeText(sql`q.${name}`)} AS ${name}` : sql`q.${name}`
  })
  return sql`SELECT ${join(list)} FROM (${query}) AS q`
}

/** Writes `query` to a file; CSV text cells are made formula-safe on the way. */
export async function exportToFile(
  conn: Connection,
  query: Fragment,
  path: string,
  format: BulkFormat,
): Promise<void> {
  await conn.copyToFile(format === 'csv' ? await spreadsheetSafeQuery(conn, query) : query, path, format)
}
