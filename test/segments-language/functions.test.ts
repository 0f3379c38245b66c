import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/store.js'
import { members, openFixtureStore } from './store-fixture.js'

/**
 * Every field, operator and function against store-fixture.ts, as of 2024-07-01 with snapshot 7 (unless a
 * case says otherwise). Expected sets are worked out by hand from the fixture's rows; the comment on each
 * case says which rows decide it.
 */
let store: Store
beforeAll(async () => {
  store = await openFixtureStore()
})
afterAll(async () => {
  await store.close()
})

type Case = [definition: string, expected: string[], why: string]

function cases(title: string, list: Case[], ctx: { snapshotId?: string | null } = {}) {
  describe(title, () => {
    for (const [definition, expected, why] of list) {
      it(`${definition} → {${expected.join(', ')}}  (${why})`, async () => {
        expect(await members(store.conn, definition, ctx)).toEqual(expected)
      })
    }
  })
}

cases('customer attributes', [
  ["city = '上海'", ['a1'], 'a1 lives in 上海'],
  ["city != '上海'", ['a2', 'a3', 'a5'], 'a4 has no city: a comparison with unknown is false'],
  ["NOT city = '上海'", ['a2', 'a3', 'a4', 'a5', 's9'], 'NOT flips the two-valued leaf: unknowns included'],
  ["city IN ('北京', '台北')", ['a2', 'a3'], 'IN list'],
  ["city NOT IN ('北京', '台北')", ['a1', 'a5'], 'NOT IN needs a known city'],
  ["city CONTAINS '上'", ['a1'], 'substring'],
  ["city CONTAINS 'o\\'h'", ['a5'], "case-insensitive, quote escaped: O'Hare"],
  ['city IS NULL', ['a4', 's9'], 'a4 has no city; s9 has no customer row'],
  ['city IS NOT NULL', ['a1', 'a2', 'a3', 'a5'], 'the rest'],
  ["gender = 'F' AND country = 'CN'", ['a1'], 'a3 is F but TW'],
  ["region = '华东' OR source = 'store'", ['a1', 'a5'], 'OR over two attributes'],
  ['consent_marketing', ['a1'], 'a boolean field stands alone'],
  ['consent_marketing = false', ['a2'], 'unknown consent is not false'],
  ['NOT consent_marketing', ['a2', 'a3', 'a4', 'a5', 's9'], 'NOT of a two-valued leaf'],
  [
    'age BETWEEN 33 AND 40',
    ['a1', 'a2'],
    'a1 is 33 (birthday 07-15 not reached), a2 turns 40 on the as-of date',
  ],
  ['age = 24', ['a3'], 'born 2000-02-29'],
  ['age < 30', ['a3', 'a5'], 'a5 is 28'],
  ['age IS NULL', ['a4', 's9'], 'no birth date'],
  ['birth_month = 7', ['a1', 'a2'], 'July birthdays'],
  ['birthday_this_month()', ['a1', 'a2'], 'the as-of month is July'],
  ['signup_at >= 2024-06-30', ['a2'], 'signed up 2024-06-30 23:00: compared by calendar date'],
  ['signup_at > -2d', ['a2'], 'after 2024-06-29'],
  ["signup_at < '2023-01-11'", ['a1'], 'a date in quotes works too'],
  ['signup_at = 2024-01-01', ['a5'], 'date equality on a timestamp'],
  ['signup_at < today', ['a1', 'a2', 'a5'], 'today is the as-of date'],
  ["customer_id IN ('a1', 's9')", ['a1', 's9'], 'ids, including a prospect only in the snapshot'],
  ['age NOT BETWEEN 25 AND 35', ['a2', 'a3', 'a4', 's9'], 'NOT around BETWEEN: unknown ages included'],
  ["city NOT CONTAINS '海'", ['a2', 'a3', 'a4', 'a5', 's9'], 'NOT around CONTAINS'],
  ['signup_at < +1d', ['a1', 'a2', 'a5'], '+1d is 2024-07-02, after the as-of date'],
])

cases('snapshot scores and predictions (snapshot 7)', [
  ["rfm_segment = 'Champions'", ['a1'], 'snapshot 3 says a4 is a Champion: ignored'],
  ["rfm_segment IN ('冠军客户', 'at risk')", ['a1', 'a2'], 'zh-CN display name and case-insensitive English'],
  ["rfm_segment = '流失風險'", ['a2'], 'zh-TW display name'],
  ["lifecycle = 'Prospect'", ['a4', 'a5'], 'stored English'],
  ["lifecycle = '潜在客户'", ['a4', 'a5'], 'zh-CN display name'],
  ["value_tier = '高价值'", ['a1'], 'tier display name'],
  ["churn_band = '高'", ['a2', 'a3'], 'band display name'],
  ['p_alive < 0.3', ['a2', 'a3'], 's9 has no prediction: unknown is not < 0.3'],
  ['p_alive IS NULL', ['a4', 'a5', 's9'], 'no prediction'],
  ['monetary >= 150', ['a1', 'a2'], 'money column'],
  ['frequency BETWEEN 1 AND 2', ['a2', 'a3', 's9'], 'inclusive bounds'],
  ['recency_days IN (1, 16)', ['a1', 'a2'], 'numbers in IN'],
  ['last_order_at > -30d', ['a1', 'a2'], 'after 2024-06-01'],
  ['last_order_at BETWEEN 2023-07-01 AND 2024-01-01', ['a3', 's9'], 'inclusive date bounds'],
  ['last_order_at = 2024-06-15', ['a2'], 'the calendar date of a timestamp'],
  ['first_order_at <= 2023-06-30', ['a3'], 'first purchase 2023-06-30 23:59'],
  ["rfm_segment = 'Champions' AND p_alive > 0.5 AND city = '上海'", ['a1'], 'scores and attributes together'],
])

cases(
  'without a snapshot, score fields are unknown',
  [
    ['p_alive IS NULL', ['a1', 'a2', 'a3', 'a4', 'a5'], 'population = customers only'],
    ["rfm_segment = 'Champions'", [], 'nothing known'],
    ['orders_count >= 1', ['a1', 'a2', 'a3'], 's9 is not in customers'],
  ],
  { snapshotId: null },
)

cases('order functions (purchases: amount > 0, not cancelled or refunded; before 2024-07-01)', [
  ['orders_count >= 3', ['a1'], 'o1 o2 o3; o4 is on the as-of date'],
  ['orders_count() = 2', ['a3'], 'o8 o9'],
  ['orders_count = 1', ['a2', 's9'], 'a2: o6 is a return, o7 cancelled'],
  ['orders_count = 0', ['a4', 'a5'], 'no rows → 0, not NULL; o12 has amount 0'],
  ['NOT orders_count >= 1', ['a4', 'a5'], 'NOT over a count leaf'],
  [
    'orders_count(within: 90d) = 2',
    ['a1'],
    'window from 2024-04-02 00:00 includes o2, excludes o3 one second earlier',
  ],
  ['orders_count(within: 3m) = 3', ['a1'], 'three calendar months: from 2024-04-01, o3 included'],
  ['orders_count(within: 13w) = 3', ['a1'], '91 days: from 2024-04-01'],
  ['orders_count(within: 1d) = 1', ['a1'], 'o1 at 23:59:59 the day before'],
  [
    'orders_count(within: 1y) >= 1',
    ['a1', 'a2', 'a3', 's9'],
    'a3: o8 at 2023-07-01 00:00 in, o9 out; s9 o11',
  ],
  ["orders_count(within: 1y) = 1 AND city = '台北'", ['a3'], 'o9 is outside the year'],
  ["orders_count(channel: 'app') >= 1", ['a1', 'a3'], 'a1 o1, a3 o9; a2 o7 cancelled; a5 o12 zero'],
  ['spent = 220', ['a1'], '100 + 50 + 70'],
  ['spent = 150', ['a2'], '200 − 50 return; the cancelled 80 nets 0'],
  ['spent(within: 90d) >= 150', ['a1', 'a2'], 'a1: 100 + 50'],
  ['spent(within: 90d) BETWEEN 1 AND 149', [], 'nobody'],
  ['spent > 0 AND spent < 100', ['a3', 's9'], '70 and 60'],
  ["channel_orders('community_group_buy') = 1", ['a1', 'a3'], 'o2, o8'],
  ["channel_orders('community_group_buy', within: 90d) >= 1", ['a1'], 'o8 is a year old'],
  ['community_orders() >= 1', ['a1', 'a3'], 'any community: o2 (g1), o8 (g2)'],
  ["community_orders('g2') >= 1", ['a3'], 'one community'],
  ["store_orders('st1') >= 1", ['a1', 's9'], 'o3, o11'],
  ['store_orders(within: 90d) >= 1', [], 'o3 and o11 are older'],
  ['discounted_orders >= 1', ['a2', 'a3'], 'o5 discount, o9 coupon'],
  ['refunds_count = 1', ['a2'], 'o6'],
])

cases('item functions (items of purchases)', [
  ["category_purchased('母婴')", ['a1'], 'o1 o2 o3; a2 only in cancelled o7; o10 is a guest order'],
  ["category_purchased('母婴', within: 90d)", ['a1'], 'o1 o2'],
  ["category_purchased('母婴', min_quantity: 6)", ['a1'], '2 + 1 + 3'],
  ["category_purchased('母婴', min_quantity: 7)", [], 'only 6'],
  ["category_purchased('母婴', within: 90d, min_quantity: 4)", [], 'o3 (3 units) is outside the window'],
  ["category_purchased('母婴', min_orders: 3)", ['a1'], 'three distinct orders'],
  ["category_purchased('母婴', min_orders: 4)", [], 'only three'],
  ["NOT category_purchased('母婴')", ['a2', 'a3', 'a4', 'a5', 's9'], 'negation of a boolean leaf'],
  ["category_purchased('toys') AND NOT category_purchased('母婴')", ['a2'], 'two leaves, one scan'],
  ["category_purchased('母婴') = false", ['a2', 'a3', 'a4', 'a5', 's9'], 'compared with false'],
  ["product_purchased('SKU-2', min_quantity: 2)", ['a2'], 'a1 bought one, a2 four'],
  ["product_purchased('SKU-1')", ['a1'], 'cancelled o7 does not count'],
  ["brand_purchased('贝亲')", ['a1'], 'Chinese brand'],
  ["brand_purchased('lego', within: 1d)", ['a1'], 'o1 the day before'],
  ["category_spent('toys') > 100", ['a2'], 'a1 40, a2 4 × 50'],
  ["category_spent('toys') = 40", ['a1'], '1 × 40'],
  ["category_purchased('美妆') OR event_count('view') >= 1", ['a3'], 'OR across two tables'],
])

cases('events (before 2024-07-01)', [
  [
    "event_count('search', within: 14d) >= 2",
    ['a1'],
    'e1 and e2 (2024-06-17 00:00, the first day); e3 one minute earlier',
  ],
  ["event_count('search', within: 14d) = 1", ['a2'], 'e5 is on the as-of date'],
  ["event_count('search') = 3", ['a1'], 'all history'],
  ["event_count('search', within: 14d) = 0", ['a3', 'a4', 'a5', 's9'], 'no events → 0'],
])

cases('tags and segments', [
  ["has_tag('vip')", ['a1', 'a2'], 'current tags'],
  ["tag = '母婴达人'", ['a1'], 'Chinese tag'],
  ["tag != 'vip'", ['a3', 'a4', 'a5', 's9'], 'does not carry the tag'],
  ["tag IN ('vip', 'price-hunter')", ['a1', 'a2', 'a3'], 'any of'],
  ["tag NOT IN ('vip')", ['a3', 'a4', 'a5', 's9'], 'none of'],
  ["tag CONTAINS 'HUNT'", ['a3'], 'case-insensitive substring of a tag'],
  ['tag IS NULL', ['a4', 'a5', 's9'], 'no tags'],
  ['tag IS NOT NULL', ['a1', 'a2', 'a3'], 'some tag'],
  ["in_segment('VIP')", ['a1'], 'by name; a2 left the segment'],
  ["in_segment('seg-2')", ['a2', 'a3'], 'by id'],
  ["in_segment('高价值') AND NOT has_tag('vip')", ['a3'], 'Chinese segment name'],
  ["in_segment('nobody')", [], 'unknown names match nobody when no segment list is given'],
])

cases('logic', [
  ["orders_count >= 1 AND NOT has_tag('vip')", ['a3', 's9'], 'AND NOT'],
  [
    "(city = '上海' OR city = '北京') AND orders_count(within: 90d) >= 1",
    ['a1', 'a2'],
    'parentheses group the OR',
  ],
  ["city = '上海' OR city = '北京' AND orders_count(within: 90d) >= 5", ['a1'], 'AND binds tighter than OR'],
  ['NOT NOT consent_marketing', ['a1'], 'double negation'],
  [
    "orders_count(within: 90d) >= 1 AND spent > 100 AND refunds_count = 0 AND lifecycle IN ('Loyal', 'New')",
    ['a1'],
    'three order leaves and a score',
  ],
  ["city = '上海' and NOT (tag = 'vip' or age > 50)", [], 'lower-case keywords'],
  [
    "gender = 'F' AND orders_count(within: 90d) = 2 AND category_purchased('母婴', within: 1y) AND spent > 100",
    ['a1'],
    "candidates' orders read once for the order and item scans",
  ],
  [
    "gender = 'M' AND (orders_count >= 1 OR product_purchased('SKU-2'))",
    ['a2'],
    'candidates with OR across tables',
  ],
])

describe('in_segment with the saved segments given', () => {
  it('resolves names and ids to the id', async () => {
    const segments = [
      { id: 'seg-1', name: 'VIP' },
      { id: 'seg-2', name: '高价值' },
    ]
    expect(await members(store.conn, "in_segment('VIP')", { segments })).toEqual(['a1'])
    expect(await members(store.conn, "in_segment('seg-2')", { segments })).toEqual(['a2', 'a3'])
  })
})
