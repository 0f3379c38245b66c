import type { Connection } from '../../src/sql/driver.js'
import { join, type SqlValue, sql } from '../../src/sql/fragment.js'

/**
 * A hand-made store for association rules. Products A, B (category X), C, E (Y), D (Z) at prices
 * 10, 20, 30, 15, 200. Ten purchase baskets:
 *
 *   o1 A B C   o2 A B (A on two lines)   o3 A B C   o4 A C   o5 B C
 *   o6 A B D   o7 D E   o8 A   o9 B E   o10 A B C E
 *
 * plus a return (o11: A B, amount −30) and a cancelled order (o12: A D) that are not baskets.
 * Basket counts: A 7, B 7, C 5, D 2, E 3; AB 5, AC 4, BC 4, BE 2, AD 1, BD 1, DE 1, AE 1, CE 1;
 * ABC 3, ABD 1, ABE 1, ACE 1, BCE 1. Categories: X 9, Y 7, Z 2; XY 6, XZ 1, YZ 1.
 * Customers: c1 (o1–o3), c2 (o4–o6), c3 (o7–o9), c4 (o10); c1 … c4 consented to marketing except c2 (false)
 * and c4 (unknown).
 */
export const PRICES: Record<string, number> = { A: 10, B: 20, C: 30, D: 200, E: 15 }
const CATEGORY: Record<string, string> = { A: 'X', B: 'X', C: 'Y', E: 'Y', D: 'Z' }

const BASKETS: [string, string, string[], string][] = [
  ['o1', 'c1', ['A', 'B', 'C'], 'paid'],
  ['o2', 'c1', ['A', 'B', 'A'], 'paid'],
  ['o3', 'c1', ['A', 'B', 'C'], 'paid'],
  ['o4', 'c2', ['A', 'C'], 'paid'],
  ['o5', 'c2', ['B', 'C'], 'paid'],
  ['o6', 'c2', ['A', 'B', 'D'], 'paid'],
  ['o7', 'c3', ['D', 'E'], 'paid'],
  ['o8', 'c3', ['A'], 'paid'],
  ['o9', 'c3', ['B', 'E'], 'paid'],
  ['o10', 'c4', ['A', 'B', 'C', 'E'], 'paid'],
  ['o11', 'c1', ['A', 'B'], 'refunded'],
  ['o12', 'c3', ['A', 'D'], 'cancelled'],
]

async function insert(conn: Connection, table: string, columns: string[], rows: SqlValue[][]) {
  const values = rows.map((r) => sql`(${join(r.map((v) => sql`${v}`))})`)
  await conn.run(
    sql`INSERT INTO ${{ kind: 'ident', names: [table] }} (${join(columns.map((c) => sql`${{ kind: 'ident', names: [c] }}`))}) VALUES ${join(values)}`,
  )
}

export async function loadBaskets(conn: Connection): Promise<void> {
  await insert(
    conn,
    'customers',
    ['customer_id', 'email', 'phone', 'name', 'city', 'consent_marketing', 'attributes'],
    [
      ['c1', ' Li.Wei@Example.COM ', '138-0013-8000', '李伟', '上海', true, '{"assets": 500000}'],
      ['c2', 'wang@example.com', '13900139000', '王芳', '北京', false, '{"assets": 2000000}'],
      ['c3', 'Zhang.San+ads@Gmail.com', '+86 137 0013 7000', '张三', '上海', true, '{"assets": "n/a"}'],
      ['c4', 'c4@example.com', '13600136000', '赵四', '广州', null, null],
    ],
  )
  const orders: SqlValue[][] = []
  const items: SqlValue[][] = []
  BASKETS.forEach(([id, customer, list, status], n) => {
    const total = list.reduce((s, i) => s + PRICES[i]!, 0)
    const amount = status === 'refunded' ? -total : total
    orders.push(['shop', id, customer, `2026-01-${String(n + 1).padStart(2, '0')} 10:00:00`, amount, status])
    for (const [line, sku] of list.entries()) {
      items.push(['shop', id, line + 1, sku, `product ${sku}`, CATEGORY[sku]!, 1, PRICES[sku]!])
    }
  })
  await insert(
    conn,
    'orders',
    ['source', 'order_id', 'customer_id', 'ordered_at', 'amount', 'status'],
    orders,
  )
  await insert(
    conn,
    'order_items',
    ['source', 'order_id', 'line_no', 'sku', 'product_name', 'category', 'quantity', 'unit_price'],
    items,
  )
}
