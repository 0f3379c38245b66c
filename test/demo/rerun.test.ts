import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemo } from '../../src/demo/index.js'
import { openStore, type Store } from '../../src/store/index.js'
import { AS_OF, demoCounts, scalar, sql } from './demo-fixture.js'

describe('demo rerun', () => {
  let store: Store
  const q = (query: ReturnType<typeof sql>) => scalar(store.conn, query)
  beforeAll(async () => {
    store = await openStore(':memory:')
    // Data from a real import must survive demo runs.
    await store.conn.run(
      sql`INSERT INTO customers (customer_id, name, import_id) VALUES ('real-1', '真实客户', 'imp-1')`,
    )
    await store.conn.run(sql`INSERT INTO orders (source, order_id, customer_id, ordered_at, amount, currency)
      VALUES ('shop', 'A-1', 'real-1', CAST('2025-01-02 10:00:00' AS TIMESTAMP), 88.5, 'CNY')`)
  })
  afterAll(() => store.close())

  it('replaces earlier demo data instead of adding to it, and keeps other data', async () => {
    const first = await generateDemo(store.conn, { customers: 500, seed: 3, asOf: AS_OF })
    const counts = () => demoCounts(store.conn)
    const once = await counts()
    expect(once.customers).toBe(501)
    expect(once.orders).toBe(first.orders + 1)
    await generateDemo(store.conn, { customers: 500, seed: 3, asOf: AS_OF })
    expect(await counts()).toEqual(once)
    // A different size replaces the previous demo entirely.
    await generateDemo(store.conn, { customers: 200, seed: 3, asOf: AS_OF })
    expect(await q(sql`SELECT count(*) AS v FROM customers`)).toBe(201)
    expect(await q(sql`SELECT count(*) AS v FROM imports`)).toBe(1)
    expect(await q(sql`SELECT count(*) AS v FROM orders WHERE source = 'shop'`)).toBe(1)
  })

  it('rejects a bad size or date with a diagnostic', async () => {
    await expect(generateDemo(store.conn, { customers: 0 })).rejects.toMatchObject({
      diagnostic: { code: 'demo.bad_customers' },
    })
    await expect(generateDemo(store.conn, { asOf: '2026-02-30' })).rejects.toMatchObject({
      diagnostic: { code: 'demo.bad_as_of' },
    })
  })
})
