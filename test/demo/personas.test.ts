import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/index.js'
import { AS_OF, demoStore, scalar, sql } from './demo-fixture.js'

/**
 * The behaviours the segments look for must be present in the data itself (found by SQL on orders, not
 * read from the persona label): each query below is how an analyst would spot the group.
 */
describe('demo personas show up in the behaviour', () => {
  let store: Store
  beforeAll(async () => {
    store = await demoStore()
    const d = store.conn.dialect
    const asOf = d.dateLiteral(AS_OF)
    // Per-customer purchase features (purchases = orders with a positive net amount).
    await store.conn.run(sql`CREATE TEMP TABLE f AS
      SELECT o.customer_id,
             count(*) FILTER (WHERE o.amount > 0) AS purchases,
             sum(o.amount) AS monetary,
             sum(o.amount) FILTER (WHERE o.amount > 0) / count(*) FILTER (WHERE o.amount > 0) AS aov,
             ${d.daysBetween(d.dateOf(sql`max(o.ordered_at)`), asOf)} AS recency,
             ${d.daysBetween(d.dateOf(sql`min(o.ordered_at)`), asOf)} AS first_ago,
             avg(CASE WHEN o.discount > 0 THEN 1.0 ELSE 0.0 END) FILTER (WHERE o.amount > 0) AS discount_share,
             avg(CASE WHEN ${d.hourOf(sql`o.ordered_at`)} >= 22 OR ${d.hourOf(sql`o.ordered_at`)} < 3 THEN 1.0 ELSE 0.0 END) AS night_share,
             avg(CASE WHEN ${d.isoDayOfWeek(sql`o.ordered_at`)} >= 6 THEN 1.0 ELSE 0.0 END) AS weekend_share,
             count(*) FILTER (WHERE o.channel = 'community_group_buy') AS community_orders
      FROM orders o WHERE o.customer_id IS NOT NULL GROUP BY o.customer_id`)
    await store.conn.run(sql`CREATE TEMP TABLE cat AS
      SELECT o.customer_id,
             avg(CASE WHEN i.category = '母婴' THEN 1.0 ELSE 0.0 END) AS baby_share,
             count(*) FILTER (WHERE i.category = '家电') AS appliance_lines
      FROM orders o JOIN order_items i ON i.order_id = o.order_id
      WHERE o.customer_id IS NOT NULL AND o.amount > 0 GROUP BY o.customer_id`)
  })
  afterAll(() => store.close())

  const count = (where: ReturnType<typeof sql>) =>
    scalar(store.conn, sql`SELECT count(*) AS v FROM f LEFT JOIN cat USING (customer_id) WHERE ${where}`)

  it('champions: frequent, recent, high spend', async () => {
    expect(await count(sql`purchases >= 40 AND recency <= 30 AND monetary >= 15000`)).toBeGreaterThanOrEqual(
      20,
    )
  })

  it('loyal regulars and one-timers', async () => {
    expect(await count(sql`purchases BETWEEN 10 AND 39 AND recency <= 60`)).toBeGreaterThanOrEqual(100)
    expect(await count(sql`purchases = 1`)).toBeGreaterThanOrEqual(200)
  })

  it('new customers: first order in the last six weeks', async () => {
    expect(await count(sql`first_ago <= 45`)).toBeGreaterThanOrEqual(60)
  })

  it('lapsed VIPs: high spend, nothing for more than 180 days', async () => {
    const p80 = await scalar(
      store.conn,
      sql`SELECT ${store.conn.dialect.quantileCont(sql`monetary`, 0.8)} AS v FROM f`,
    )
    expect(await count(sql`monetary >= ${p80} AND recency > 180`)).toBeGreaterThanOrEqual(15)
  })

  it('at-risk and hibernating customers', async () => {
    expect(await count(sql`purchases >= 5 AND recency BETWEEN 75 AND 180`)).toBeGreaterThanOrEqual(40)
    expect(await count(sql`purchases BETWEEN 1 AND 4 AND recency > 240`)).toBeGreaterThanOrEqual(100)
  })

  it('price hunters: almost every purchase discounted', async () => {
    expect(await count(sql`purchases >= 5 AND discount_share > 0.8`)).toBeGreaterThanOrEqual(40)
  })

  it('night owls and weekend shoppers', async () => {
    expect(await count(sql`purchases >= 5 AND night_share > 0.5`)).toBeGreaterThanOrEqual(15)
    expect(await count(sql`purchases >= 5 AND weekend_share > 0.7`)).toBeGreaterThanOrEqual(15)
  })

  it('community group-buy regulars, new parents and high-AOV appliance buyers', async () => {
    expect(await count(sql`community_orders >= 10`)).toBeGreaterThanOrEqual(40)
    expect(await count(sql`purchases >= 3 AND baby_share > 0.3`)).toBeGreaterThanOrEqual(20)
    expect(await count(sql`appliance_lines >= 1 AND aov > 1500`)).toBeGreaterThanOrEqual(20)
  })
})
