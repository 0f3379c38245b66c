import { describe, expect, it } from 'vitest'
import { duckdbDialect, ident, sql } from '../src/sql/index.js'
import { knownMigrations, openStore, storeVersion } from '../src/store/index.js'

describe('store', () => {
  it('creates every canonical table and records the schema version', async () => {
    const store = await openStore(':memory:')
    const tables = await store.conn.all<{ name: string }>(
      sql`SELECT table_name AS name FROM information_schema.tables ORDER BY 1`,
    )
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['customers', 'orders', 'order_items', 'events', 'feedback', 'imports']),
    )
    expect(await storeVersion(store.conn)).toBe(knownMigrations().at(-1)!.version)
    await store.close()
  })

  it('binds values as parameters, never as SQL text', () => {
    const evil = "x'; DROP TABLE orders; --"
    const q = duckdbDialect.compile(sql`SELECT * FROM ${ident('orders')} WHERE order_id = ${evil}`)
    expect(q.sql).toBe('SELECT * FROM "orders" WHERE order_id = $1')
    expect(q.parameters).toEqual([evil])
  })
})

describe('store versions', () => {
  it('refuses a store written by a newer strata', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const path = join(mkdtempSync(join(tmpdir(), 'strata-store-')), 'new.duckdb')
    const first = await openStore(path)
    await first.conn.run(sql`INSERT INTO schema_migrations VALUES (${9999}, ${'from the future'}, NULL)`)
    await first.close()
    await expect(openStore(path)).rejects.toMatchObject({ diagnostic: { code: 'store.too_new' } })
  })
})
