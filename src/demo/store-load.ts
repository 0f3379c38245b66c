import type { Connection } from '../sql/driver.js'
import { type Fragment, ident, join, raw, sql } from '../sql/fragment.js'
import { CATEGORIES } from './catalog.js'
import { CATALOGUE_COLUMNS, DEMO_TABLE_NAMES, DEMO_TABLES, type DemoTable } from './demo-tables.js'

/** The `source` of every demo row (orders, items, events, feedback) and the `kind` of its import. */
export const DEMO_SOURCE = 'demo'

/**
 * Removes everything an earlier demo run wrote, so a rerun replaces instead of duplicating. Customers and
 * identities are found through the import ids of demo runs (their `source` column means something else).
 */
export async function deleteDemoData(conn: Connection): Promise<void> {
  const demoImports = sql`SELECT import_id FROM imports WHERE kind = ${DEMO_SOURCE}`
  for (const table of ['order_items', 'orders', 'events', 'feedback'] as const) {
    await conn.run(sql`DELETE FROM ${ident(table)} WHERE source = ${DEMO_SOURCE}`)
  }
  await conn.run(sql`DELETE FROM customer_identities WHERE import_id IN (${demoImports})`)
  await conn.run(sql`DELETE FROM customers WHERE import_id IN (${demoImports})`)
  await conn.run(sql`DELETE FROM imports WHERE kind = ${DEMO_SOURCE}`)
}

/** The catalogue as a temporary table, so item files need to carry only the sku. */
export async function createCatalogueTable(conn: Connection): Promise<void> {
  const rows = CATEGORIES.flatMap((c) =>
    c.products.map((p) => sql`(${p.sku}, ${p.name}, ${c.name}, ${p.brand})`),
  )
  await conn.run(sql`DROP TABLE IF EXISTS demo_catalogue`)
  await conn.run(sql`CREATE TEMPORARY TABLE demo_catalogue AS
    SELECT * FROM (VALUES ${join(rows)}) AS t (sku, product_name, category, brand)`)
}

export async function dropCatalogueTable(conn: Connection): Promise<void> {
  await conn.run(sql`DROP TABLE IF EXISTS demo_catalogue`)
}

/** INSERT … SELECT from one generated bulk file, adding the columns the file does not carry. */
function insertFromFile(conn: Connection, table: DemoTable, path: string, importId: string): Promise<void> {
  const spec = DEMO_TABLES[table]
  const inFile = spec.bulk.map((i) => spec.columns[i]!)
  const target = new Set(spec.def.columns.map((c) => c.name))
  const names: string[] = []
  const values: Fragment[] = []
  for (const c of spec.columns) {
    names.push(c.name)
    values.push(
      CATALOGUE_COLUMNS.includes(c.name) && table === 'order_items'
        ? sql`c.${ident(c.name)}`
        : sql`f.${ident(c.name)}`,
    )
  }
  if (table !== 'customers' && target.has('source')) {
    names.push('source')
    values.push(sql`${DEMO_SOURCE}`)
  }
  if (target.has('import_id')) {
    names.push('import_id')
    values.push(sql`${importId}`)
  }
  const file = sql`${conn.dialect.delimitedFileRelation(path, inFile, 'tsv-raw')} AS f`
  const from = table === 'order_items' ? sql`${file} JOIN demo_catalogue c ON c.sku = f.sku` : file
  return conn.run(
    sql`INSERT INTO ${ident(table)} (${join(names.map((n) => sql`${ident(n)}`))}) SELECT ${join(values)} FROM ${from}`,
  )
}

/** Loads one batch of generated files (one per table) into the store. */
export async function loadBatch(
  conn: Connection,
  paths: Readonly<Record<DemoTable, string>>,
  importId: string,
) {
  for (const table of DEMO_TABLE_NAMES) await insertFromFile(conn, table, paths[table], importId)
}

/**
 * The identities importers merge on: the demo id itself, and the (already normalised) phone and e-mail,
 * so that a later import of the same people joins them instead of creating duplicates.
 */
export async function writeIdentities(conn: Connection, importId: string): Promise<void> {
  await conn.run(sql`
    INSERT INTO customer_identities (customer_id, kind, source, value, import_id)
    SELECT customer_id, 'source_id', ${DEMO_SOURCE}, customer_id AS value, import_id FROM customers WHERE import_id = ${importId}
    UNION ALL
    SELECT customer_id, 'phone', '', phone, import_id FROM customers WHERE import_id = ${importId} AND phone IS NOT NULL
    UNION ALL
    SELECT customer_id, 'email', '', email, import_id FROM customers WHERE import_id = ${importId} AND email IS NOT NULL`)
}

/** The `imports` row of a demo run, with the run's counts as its report. */
export async function writeImportRow(
  conn: Connection,
  row: {
    importId: string
    startedAt: string | null
    finishedAt: string | null
    rows: number
    report: unknown
  },
): Promise<void> {
  const ts = (v: string | null) => (v === null ? raw('NULL') : conn.dialect.timestampLiteral(v))
  await conn.run(sql`
    INSERT INTO imports (import_id, kind, source, file, format, preset, started_at, finished_at, status,
                         rows_read, rows_imported, rows_rejected, rows_unchanged, report)
    VALUES (${row.importId}, ${DEMO_SOURCE}, ${DEMO_SOURCE}, NULL, 'generated', NULL, ${ts(row.startedAt)},
            ${ts(row.finishedAt)}, 'imported', ${row.rows}, ${row.rows}, 0, 0, ${JSON.stringify(row.report)})`)
}
