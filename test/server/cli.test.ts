import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { sql } from '../../src/sql/fragment.js'
import { openStore } from '../../src/store/store.js'
import { cli } from '../support/run-cli.js'
import { tenCustomers } from './fixture.js'

const dir = mkdtempSync(join(tmpdir(), 'strata-server-cli-'))
const db = join(dir, 'strata.duckdb')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('strata user / apikey / erase / access-export', () => {
  it('creates the first admin and API keys from the command line, then erases a customer', async () => {
    const store = await openStore(db)
    await tenCustomers(store)
    await store.close()
    const noPw = await cli(['--db', db, 'user', 'create-admin', 'ada'], { STRATA_PASSWORD: 'short' })
    expect(noPw.code).toBe(2)
    expect(noPw.err).toContain('10')
    const admin = await cli(['--db', db, 'user', 'create-admin', 'ada'], {
      STRATA_PASSWORD: 'long enough password',
    })
    expect(admin.code).toBe(0)
    const list = await cli(['--db', db, 'user', 'list', '--json'])
    expect(JSON.parse(list.out)).toMatchObject([{ username: 'ada', role: 'admin' }])
    const key = await cli(['--db', db, 'apikey', 'create', 'shop', '--scopes', 'track'])
    expect(key.out.trim()).toMatch(/^sk_[\w-]{43}$/)
    const bad = await cli(['--db', db, 'apikey', 'create', 'x', '--scopes', 'everything'])
    expect(bad.code).toBe(2)
    const access = await cli(['--db', db, 'access-export', 'c02'])
    expect(access.code).toBe(0)
    expect(Object.keys(JSON.parse(access.out).tables)).toEqual(
      expect.arrayContaining(['customers', 'orders', 'customer_scores']),
    )
    const erased = await cli(['--db', db, 'erase', 'c02', '--json'])
    expect(erased.code).toBe(0)
    expect(JSON.parse(erased.out).tables).toMatchObject({ customers: 1, orders: 2, customer_scores: 1 })
    expect((await cli(['--db', db, 'erase', 'c02'])).code).toBe(4)
    const check = await openStore(db)
    expect(await check.conn.all(sql`SELECT customer_id FROM orders WHERE customer_id = 'c02'`)).toEqual([])
    const log = await check.conn.all(
      sql`SELECT action, customer_id FROM server_audit_log ORDER BY occurred_at`,
    )
    expect(log).toEqual([
      { action: 'privacy.access_export', customer_id: null },
      { action: 'privacy.erase', customer_id: null },
    ])
    await check.close()
  })
})
