import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATEGORIES, CHANNELS } from '../../src/demo/index.js'
import type { Store } from '../../src/store/index.js'
import { AS_OF, demoStore, N, scalar, sql } from './demo-fixture.js'

describe('demo data shape', () => {
  let store: Store
  const q = (query: ReturnType<typeof sql>) => scalar(store.conn, query)
  beforeAll(async () => {
    store = await demoStore()
  })
  afterAll(() => store.close())

  it('has about 10% prospects with no order', async () => {
    const prospects = await q(sql`SELECT count(*) AS v FROM customers c
      WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id)`)
    expect(prospects / N).toBeGreaterThan(0.07)
    expect(prospects / N).toBeLessThan(0.13)
  })

  it('has about 2% guest orders and 3–5% returns', async () => {
    const orders = await q(sql`SELECT count(*) AS v FROM orders`)
    const guests = await q(sql`SELECT count(*) AS v FROM orders WHERE customer_id IS NULL`)
    const returns = await q(sql`SELECT count(*) AS v FROM orders WHERE amount < 0`)
    const refunded = await q(sql`SELECT count(*) AS v FROM orders WHERE status = 'refunded' AND amount > 0`)
    expect(guests / orders).toBeGreaterThan(0.01)
    expect(guests / orders).toBeLessThan(0.04)
    expect(returns / orders).toBeGreaterThan(0.02)
    expect(returns / orders).toBeLessThan(0.06)
    expect(refunded).toBeGreaterThan(0)
    // Every return points at an order of the same customer placed before it.
    const orphans = await q(sql`SELECT count(*) AS v FROM orders r
      LEFT JOIN orders o ON o.order_id = replace(r.order_id, '-R', '') AND o.ordered_at < r.ordered_at
        AND o.customer_id IS NOT DISTINCT FROM r.customer_id
      WHERE r.amount < 0 AND o.order_id IS NULL`)
    expect(orphans).toBe(0)
  })

  it('keeps money exact: amount = Σ quantity × unit price − discount, in whole fen', async () => {
    const mismatches = await q(sql`SELECT count(*) AS v FROM orders o
      JOIN (SELECT order_id, sum(quantity * unit_price) AS gross FROM order_items GROUP BY order_id) i
        ON i.order_id = o.order_id
      WHERE o.amount <> i.gross - o.discount`)
    expect(mismatches).toBe(0)
    const fractional = await q(
      sql`SELECT count(*) AS v FROM orders WHERE amount * 100 <> CAST(amount * 100 AS BIGINT)`,
    )
    expect(fractional).toBe(0)
    const withoutItems = await q(sql`SELECT count(*) AS v FROM orders o
      WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.order_id)`)
    expect(withoutItems).toBe(0)
    expect(await q(sql`SELECT count(*) AS v FROM orders WHERE currency <> 'CNY'`)).toBe(0)
    expect(
      await q(sql`SELECT count(*) AS v FROM orders WHERE amount > 0 AND discount >= amount + discount`),
    ).toBe(0)
  })

  it('dates everything before asOf, within three years', async () => {
    const asOf = store.conn.dialect.timestampLiteral(`${AS_OF} 00:00:00`)
    for (const [table, column] of [
      ['orders', 'ordered_at'],
      ['events', 'occurred_at'],
      ['feedback', 'answered_at'],
      ['customers', 'signup_at'],
    ] as const) {
      const late = await q(
        sql`SELECT count(*) AS v FROM ${sql([table] as never)} WHERE ${sql([column] as never)} >= ${asOf}`,
      )
      expect(late, table).toBe(0)
    }
    const first = await store.conn.one<{ v: string }>(
      sql`SELECT CAST(min(ordered_at) AS VARCHAR) AS v FROM orders`,
    )
    expect(first!.v >= '2023-07-01').toBe(true)
  })

  it('peaks in November (双11) and in June (618)', async () => {
    const months = await store.conn.all<{ m: number; revenue: number }>(sql`
      SELECT EXTRACT(MONTH FROM ordered_at) AS m, sum(amount) / count(DISTINCT EXTRACT(YEAR FROM ordered_at)) AS revenue
      FROM orders GROUP BY 1 ORDER BY 1`)
    const mean = months.reduce((s, r) => s + r.revenue, 0) / months.length
    const of = (m: number) => months.find((r) => r.m === m)!.revenue
    expect(of(11)).toBeGreaterThan(mean * 1.1)
    expect(of(11)).toBeGreaterThan(of(10))
    expect(of(6)).toBeGreaterThan(of(5))
    const singlesDay = await q(sql`SELECT count(*) AS v FROM orders
      WHERE EXTRACT(MONTH FROM ordered_at) = 11 AND EXTRACT(DAY FROM ordered_at) = 11`)
    const ordinaryDay = await q(sql`SELECT count(*) AS v FROM orders
      WHERE EXTRACT(MONTH FROM ordered_at) = 10 AND EXTRACT(DAY FROM ordered_at) = 22`)
    expect(singlesDay).toBeGreaterThan(ordinaryDay * 2)
  })

  it('uses every channel and category, stores and communities where they belong', async () => {
    const channels = await store.conn.all<{ channel: string }>(
      sql`SELECT DISTINCT channel FROM orders ORDER BY 1`,
    )
    expect(channels.map((r) => r.channel).sort()).toEqual([...CHANNELS].sort())
    const categories = await store.conn.all<{ category: string }>(
      sql`SELECT DISTINCT category FROM order_items`,
    )
    expect(categories.map((r) => r.category).sort()).toEqual(CATEGORIES.map((c) => c.name).sort())
    expect(await q(sql`SELECT count(*) AS v FROM orders WHERE channel = 'store' AND store_id IS NULL`)).toBe(
      0,
    )
    expect(
      await q(sql`SELECT count(*) AS v FROM orders WHERE channel <> 'store' AND store_id IS NOT NULL`),
    ).toBe(0)
    expect(
      await q(
        sql`SELECT count(*) AS v FROM orders WHERE channel = 'community_group_buy' AND community_id IS NULL`,
      ),
    ).toBe(0)
    // Every community has its leader (团长), who is a customer of the shop.
    const leaderless = await q(sql`SELECT count(DISTINCT o.community_id) AS v FROM orders o
      WHERE o.community_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM customers c WHERE ${store.conn.dialect.jsonText(sql`c.attributes`, 'community_id')} = o.community_id
          AND ${store.conn.dialect.jsonText(sql`c.attributes`, 'community_leader')} = 'true')`)
    expect(leaderless).toBe(0)
  })

  it('has realistic customers: unique valid phones, some e-mails, ~70% consent, tiers and regions', async () => {
    const d = store.conn.dialect
    expect(await q(sql`SELECT count(DISTINCT phone) AS v FROM customers`)).toBe(N)
    const phones = await store.conn.all<{ phone: string }>(sql`SELECT phone FROM customers`)
    expect(phones.every((r) => /^\+861[3-9]\d{9}$/.test(r.phone))).toBe(true)
    const emails = await q(sql`SELECT count(email) AS v FROM customers`)
    expect(await q(sql`SELECT count(DISTINCT email) AS v FROM customers`)).toBe(emails)
    expect(emails / N).toBeGreaterThan(0.3)
    const consent = await q(sql`SELECT count(*) AS v FROM customers WHERE consent_marketing`)
    expect(consent / N).toBeGreaterThan(0.64)
    expect(consent / N).toBeLessThan(0.76)
    const tiers = await store.conn.all<{ t: string }>(
      sql`SELECT DISTINCT ${d.jsonText(sql`attributes`, 'city_tier')} AS t FROM customers`,
    )
    expect(tiers.map((r) => r.t).sort()).toEqual(['一线', '三线及以下', '二线', '新一线'].sort())
    const regions = await q(sql`SELECT count(DISTINCT region) AS v FROM customers`)
    expect(regions).toBe(7)
    const ages = await store.conn.one<{ lo: number; hi: number }>(sql`
      SELECT min(${d.wholeYearsBetween(sql`birth_date`, d.dateLiteral(AS_OF))}) AS lo,
             max(${d.wholeYearsBetween(sql`birth_date`, d.dateLiteral(AS_OF))}) AS hi FROM customers`)
    expect(ages!.lo).toBeGreaterThanOrEqual(18)
    expect(ages!.hi).toBeLessThanOrEqual(75)
    expect(await q(sql`SELECT count(DISTINCT gender) AS v FROM customers`)).toBe(2)
    expect(await q(sql`SELECT count(DISTINCT source) AS v FROM customers`)).toBe(4)
  })

  it('has browse events (some anonymous) and survey answers', async () => {
    const events = await q(sql`SELECT count(*) AS v FROM events`)
    expect(events / N).toBeGreaterThan(3)
    expect(
      await q(sql`SELECT count(*) AS v FROM events WHERE customer_id IS NULL AND anonymous_id IS NOT NULL`),
    ).toBeGreaterThan(0)
    const types = await store.conn.all<{ type: string }>(sql`SELECT DISTINCT type FROM events ORDER BY 1`)
    expect(types.map((r) => r.type)).toEqual(['add_to_cart', 'click', 'search', 'view'])
    const d = store.conn.dialect
    expect(
      await q(
        sql`SELECT count(*) AS v FROM events WHERE type = 'search' AND ${d.jsonText(sql`properties`, 'query')} IS NULL`,
      ),
    ).toBe(0)
    const nps = await store.conn.one<{ n: number; lo: number; hi: number }>(
      sql`SELECT count(nps) AS n, min(nps) AS lo, max(nps) AS hi FROM feedback`,
    )
    expect(nps!.n).toBeGreaterThan(100)
    expect(nps!.lo).toBeGreaterThanOrEqual(0)
    expect(nps!.hi).toBeLessThanOrEqual(10)
    expect(
      await q(
        sql`SELECT count(*) AS v FROM feedback WHERE ${d.jsonText(sql`answers`, 'interests')} IS NOT NULL`,
      ),
    ).toBeGreaterThan(50)
  })

  it('records identities and one imports row', async () => {
    expect(
      await q(
        sql`SELECT count(*) AS v FROM customer_identities WHERE kind = 'source_id' AND source = 'demo'`,
      ),
    ).toBe(N)
    expect(await q(sql`SELECT count(*) AS v FROM customer_identities WHERE kind = 'phone'`)).toBe(N)
    const row = await store.conn.one<{ kind: string; status: string; rows_imported: number }>(
      sql`SELECT kind, status, rows_imported FROM imports`,
    )
    expect(row).toMatchObject({ kind: 'demo', status: 'imported' })
    expect(row!.rows_imported).toBeGreaterThan(N)
  })
})
