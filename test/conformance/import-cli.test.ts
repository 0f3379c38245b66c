import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'
import { UCI } from '../ingest/helpers.js'
import { cli } from '../support/run-cli.js'

// chdb binds one data directory per process: this file drives chdb only through this directory.
const dir = mkdtempSync(join(tmpdir(), 'strata-ch-import-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const ch = ['--engine', 'chdb', '--db', join(dir, 'ch')]

describe('[clickhouse] strata import of UCI Online Retail (541,909 rows) on embedded ClickHouse', () => {
  it('[clickhouse] stores the same orders, customers and items as DuckDB, one data part per table', async () => {
    const r = await cli(['import', 'orders', UCI, '--preset', 'line-items', ...ch, '--json'])
    expect(r.code, r.err).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.rows).toEqual({ read: 541_909, imported: 541_909, unchanged: 0, rejected: 0 })
    expect(report.customers.created).toBe(4_372)
    const again = await cli(['import', 'orders', UCI, '--preset', 'line-items', ...ch, '--json'])
    expect(JSON.parse(again.out).rows).toEqual({
      read: 541_909,
      imported: 0,
      unchanged: 541_909,
      rejected: 0,
    })

    const store = await openStore({ engine: 'chdb', path: join(dir, 'ch'), database: 'strata' })
    try {
      // The numbers of the ingest contract (src/ingest/CONTEXT.md), computed by ClickHouse.
      expect(
        await store.conn.one(sql`SELECT count(*) AS orders, sum(amount) AS net,
          count(DISTINCT customer_id) AS customers, countIf(order_id LIKE 'C%') AS cancelled FROM orders`),
      ).toEqual({ orders: 25_900, net: 9_747_747.934, customers: 4_372, cancelled: 3_836 })
      expect(await store.conn.one(sql`SELECT count(*) AS n FROM order_items`)).toEqual({ n: 541_909 })
      // Large batches: each table the import wrote holds one part (an INSERT … SELECT per table), and the
      // second import added none but its `imports` row.
      const parts = await store.conn.all(sql`SELECT table, count() AS parts FROM system.parts
        WHERE database = currentDatabase() AND active AND table IN ('orders', 'order_items', 'customers',
          'customer_identities', 'imports') GROUP BY table ORDER BY table`)
      expect(parts).toEqual([
        { table: 'customer_identities', parts: 1 },
        { table: 'customers', parts: 1 },
        { table: 'imports', parts: 2 },
        { table: 'order_items', parts: 1 },
        { table: 'orders', parts: 1 },
      ])
    } finally {
      await store.close()
    }
  })
})
