import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { importFile } from '../../src/ingest/import-file.js'
import { sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/store.js'
import { ENGINES } from '../support/engine-stores.js'
import { IMPORT_TABLES } from '../support/import-tables.js'
import { dumpTables } from './dump-tables.js'
import { own } from './import-steps.js'
import '../../src/i18n/messages/index.js'

/**
 * An import that fails after its merge has written (new customers inserted, known customers' attributes
 * updated, identities and merge records inserted, the `imports` row written) leaves every table exactly
 * as before on every engine: a transaction on DuckDB; on ClickHouse, the parts the merge wrote (inserts
 * and the update's patch parts) are dropped.
 */
const today = '2026-11-23'
const scratch = mkdtempSync(join(tmpdir(), 'strata-failed-import-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

for (const engine of ENGINES) {
  describe(`[${engine.name}] a failed import leaves nothing behind`, () => {
    let store: Store
    beforeAll(async () => {
      store = await engine.open()
      await importFile(store.conn, {
        kind: 'customers',
        file: own('customers-zh.csv'),
        source: 'crm',
        today,
        startedAt: '2026-11-23 09:00:00',
      })
    })
    afterAll(() => store?.close())

    test(`[${engine.name}] customers file failing after its update and inserts`, async () => {
      const before = await dumpTables(store.conn, IMPORT_TABLES)
      const boom = new Error('injected failure after the merge')
      const failing = importFile(store.conn, {
        kind: 'customers',
        file: own('customers-update.csv'),
        source: 'crm',
        today,
        startedAt: '2026-11-23 09:10:00',
        hooks: {
          beforeCommit: async () => {
            // The merge did write: the update is visible inside the work, then the work fails.
            const z1 = await store.conn.one(sql`SELECT city FROM customers WHERE customer_id = 'crm:Z001'`)
            expect(z1).toEqual({ city: '上海' })
            throw boom
          },
        },
      })
      await expect(failing).rejects.toBe(boom)
      expect(await dumpTables(store.conn, IMPORT_TABLES)).toEqual(before)

      // The same import then succeeds, and writes what it should.
      const ok = await importFile(store.conn, {
        kind: 'customers',
        file: own('customers-update.csv'),
        source: 'crm',
        today,
        startedAt: '2026-11-23 09:20:00',
      })
      expect(ok.report.customers).toEqual({ created: 1, merged: 0, updated: 2 })
      const rows = await store.conn.all(
        sql`SELECT customer_id, city, phone FROM customers ORDER BY customer_id`,
      )
      expect(rows).toEqual([
        { customer_id: 'crm:Z001', city: '上海', phone: '+8613912345678' },
        { customer_id: 'crm:Z002', city: '杭州', phone: '+8613900139000' },
        { customer_id: 'crm:Z003', city: '深圳', phone: '+8613300133000' },
        { customer_id: 'crm:Z004', city: '台北', phone: '+8613500135000' },
        { customer_id: 'crm:Z005', city: '成都', phone: null },
      ])
    })

    test(`[${engine.name}] orders file failing after its inserts`, async () => {
      const before = await dumpTables(store.conn, IMPORT_TABLES)
      const failing = importFile(store.conn, {
        kind: 'orders',
        file: own('orders-mixed.csv'),
        source: 'mixed',
        skipInvalid: true,
        rejectsPath: join(scratch, 'orders-mixed.rejects.csv'),
        today,
        startedAt: '2026-11-23 09:30:00',
        hooks: {
          beforeCommit: () => {
            throw new Error('disk full')
          },
        },
      })
      await expect(failing).rejects.toThrow('disk full')
      expect(await dumpTables(store.conn, IMPORT_TABLES)).toEqual(before)
    })
  })
}
