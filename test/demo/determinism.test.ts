import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ident, raw, sql } from '../../src/sql/index.js'
import type { Store } from '../../src/store/index.js'
import { demoStore } from './demo-fixture.js'

// Every demo table with the key that orders its rows.
const TABLES: readonly [string, string][] = [
  ['customers', 'customer_id'],
  ['customer_identities', 'kind, value'],
  ['orders', 'order_id'],
  ['order_items', 'order_id, line_no'],
  ['events', 'event_id'],
  ['feedback', 'feedback_id'],
]

/** SHA-256 over every row of a table in key order (values as the store returns them). */
async function digest(store: Store, table: string, key: string): Promise<string> {
  const rows = await store.conn.all(sql`SELECT * FROM ${ident(table)} ORDER BY ${raw(key)}`)
  const hash = createHash('sha256')
  for (const row of rows) hash.update(`${JSON.stringify(row)}\n`)
  return `${rows.length}:${hash.digest('hex')}`
}

describe('demo determinism', () => {
  let a: Store
  let b: Store
  let c: Store
  beforeAll(async () => {
    ;[a, b, c] = await Promise.all([demoStore(42), demoStore(42), demoStore(7)])
  })
  afterAll(async () => {
    await Promise.all([a.close(), b.close(), c.close()])
  })

  it('gives identical tables for the same seed and size', async () => {
    for (const [table, key] of TABLES) {
      expect(await digest(a, table, key), table).toBe(await digest(b, table, key))
    }
  })

  it('gives different tables for a different seed', async () => {
    for (const [table, key] of TABLES.filter(([t]) => t === 'customers' || t === 'orders')) {
      expect(await digest(a, table, key), table).not.toBe(await digest(c, table, key))
    }
  })

  it('treats a text seed as a seed', async () => {
    const s1 = await demoStore('spring-2026', 300)
    const s2 = await demoStore('spring-2026', 300)
    expect(await digest(s1, 'orders', 'order_id')).toBe(await digest(s2, 'orders', 'order_id'))
    await Promise.all([s1.close(), s2.close()])
  })
})
