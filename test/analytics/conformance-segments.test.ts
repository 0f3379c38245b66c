import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Store } from '../../src/store/store.js'
import { members, openFixtureStore } from '../segments-language/store-fixture.js'
import { copyTables, ENGINES } from '../support/engine-stores.js'

/**
 * The segment language on every engine: definitions compiled by `compileSegment` for each engine's
 * dialect select exactly the customers they select on DuckDB, on the language's hand-made fixture
 * (test/segments-language/store-fixture.ts: Chinese text, NULL profiles, returns, cancelled orders,
 * prospects only in the snapshot, an older snapshot that must not leak, memberships with exits).
 */
const TABLES = [
  'customers',
  'orders',
  'order_items',
  'events',
  'customer_tags',
  'segments',
  'segment_members',
  'customer_scores',
]

const DEFINITIONS = [
  "city = '上海'",
  "NOT city = '上海'",
  "city NOT IN ('北京', '台北')",
  "city CONTAINS 'o\\'h'",
  'city IS NULL',
  'age BETWEEN 24 AND 34',
  "rfm_segment IN ('At Risk', 'Cannot Lose Them') AND p_alive < 0.3",
  "lifecycle = '潜在客户'",
  'p_alive IS NULL',
  'monetary >= 150',
  'last_order_at > -30d',
  'last_order_at BETWEEN 2023-07-01 AND 2024-01-01',
  'orders_count >= 3',
  'orders_count = 0',
  'orders_count(within: 3m) = 3',
  "orders_count(channel: 'app') >= 1",
  'spent(within: 90d) BETWEEN 1 AND 149',
  "channel_orders('community_group_buy', within: 90d) >= 1",
  "store_orders('st1') >= 1",
  'discounted_orders >= 1',
  'refunds_count = 1',
  "category_purchased('母婴', within: 90d, min_quantity: 4)",
  "category_purchased('母婴', min_orders: 3)",
  "category_purchased('toys') AND NOT category_purchased('母婴')",
  "product_purchased('SKU-2', min_quantity: 2)",
  "brand_purchased('lego', within: 1d)",
  "category_spent('toys') = 40",
  "event_count('search', within: 14d) = 1",
  "tag IN ('vip', 'price-hunter')",
  "tag NOT IN ('vip')",
  "in_segment('高价值') AND NOT has_tag('vip')",
  "orders_count >= 1 AND last_order_at > -30d AND NOT category_purchased('母婴')",
]

let reference: Store
const expected = new Map<string, string[]>()
beforeAll(async () => {
  reference = await openFixtureStore()
  for (const d of DEFINITIONS) expected.set(d, await members(reference.conn, d))
})
afterAll(() => reference?.close())

for (const engine of ENGINES.filter((e) => e.name !== 'duckdb')) {
  describe(`[${engine.name}] segment language`, () => {
    let store: Store
    beforeAll(async () => {
      store = await engine.open()
      await copyTables(reference.conn, store.conn, TABLES)
    })
    afterAll(() => store?.close())

    for (const definition of DEFINITIONS) {
      test(`[${engine.name}] ${definition}`, async () => {
        expect(await members(store.conn, definition)).toEqual(expected.get(definition))
      })
    }
    test(`[${engine.name}] without a snapshot, score fields are NULL for everyone`, async () => {
      const ctx = { snapshotId: null }
      expect(await members(store.conn, 'p_alive IS NULL', ctx)).toEqual(
        await members(reference.conn, 'p_alive IS NULL', ctx),
      )
    })
  })
}
