import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach } from 'vitest'
import type { ImportKind } from '../../src/ingest/fields.js'
import { type ImportOptions, importFile } from '../../src/ingest/import-file.js'
import type { Connection } from '../../src/sql/driver.js'
import { raw } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/index.js'
import { IMPORT_TABLES } from '../support/import-tables.js'
import '../../src/i18n/messages/index.js'

/** Absolute path of a fixture file. */
export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

/** The UCI Online Retail file, shared by the team and never copied into the repo. */
export const UCI = fileURLToPath(
  new URL('../../../shared/data/online-retail/online_retail.csv.gz', import.meta.url),
)

/** Every table an import writes but `imports`, which gains one row per run by design (the record of the attempt). */
export const DATA_TABLES = IMPORT_TABLES.filter((t) => t !== 'imports')

/** Every row of every table, in a stable order, as JSON text per row: for exact before/after comparisons. */
export async function dumpStore(
  conn: Connection,
  tables: readonly string[] = IMPORT_TABLES,
): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {}
  for (const table of tables) {
    const rows = await conn.all(raw(`SELECT * FROM "${table}"`))
    dump[table] = rows.map((r) => JSON.stringify(r)).sort()
  }
  return dump
}

/** importFile with the clock fixed. */
export function importWith(
  conn: Connection,
  options: Omit<ImportOptions, 'today' | 'startedAt'> & Partial<ImportOptions>,
) {
  return importFile(conn, { today: '2026-11-23', startedAt: '2026-11-23 10:00:00', ...options })
}

/** importWith for a fixture file. */
export function importFixture(
  conn: Connection,
  kind: ImportKind,
  name: string,
  options: Omit<Partial<ImportOptions>, 'kind' | 'file'> = {},
) {
  return importWith(conn, { kind, file: fixture(name), ...options })
}

/**
 * A fresh in-memory store for every test of the calling file: opened before each test, closed after it.
 * Call at the top of the file; read `.conn` inside the tests.
 */
export function storePerTest(): { readonly conn: Connection } {
  let store: Store | undefined
  beforeEach(async () => {
    store = await openStore(':memory:')
  })
  afterEach(async () => {
    await store?.close()
    store = undefined
  })
  return {
    get conn() {
      if (!store) throw new Error('storePerTest: the store is open only while a test runs')
      return store.conn
    },
  }
}
