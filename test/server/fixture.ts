import { analyze } from '../../src/analytics/index.js'
import type { Store } from '../../src/store/store.js'
import { type Fixture, loadFixture } from '../analytics/fixture.js'

/**
 * Ten customers c01…c10: customer i has i orders of 10·i each, the last on 2024-01-(10+i); analysed as of
 * 2024-02-01, so c01 (one order of 10, 21 days ago) is the worst on every dimension and c10 the best.
 * People data on c01/c02 for masking tests; c02 has not consented to marketing.
 */
export async function tenCustomers(store: Store): Promise<void> {
  const orders: NonNullable<Fixture['orders']> = []
  for (let i = 1; i <= 10; i++) {
    for (let k = 0; k < i; k++) {
      const day = String(10 + i - k).padStart(2, '0')
      orders.push([
        `o${i}-${k}`,
        `c${String(i).padStart(2, '0')}`,
        `2024-01-${day} 10:00:00`,
        10 * i,
        'paid',
        'app',
        0,
        null,
      ])
    }
  }
  const customers: NonNullable<Fixture['customers']> = Array.from({ length: 10 }, (_, i) => [
    `c${String(i + 1).padStart(2, '0')}`,
    'F',
    '1990-01-01',
    '上海',
    '华东',
    '2023-01-01 00:00:00',
    null,
  ])
  await loadFixture(store.conn, { customers, orders })
  const { sql } = await import('../../src/sql/fragment.js')
  await store.conn.run(
    sql`UPDATE customers SET email = 'zhang.wei@example.com', phone = '13800138000', name = '张伟', consent_marketing = TRUE WHERE customer_id = 'c01'`,
  )
  await store.conn.run(
    sql`UPDATE customers SET email = 'li.na@example.com', phone = '13900139000', name = '李娜', consent_marketing = FALSE WHERE customer_id = 'c02'`,
  )
  await analyze(store.conn, { asOf: '2024-02-01', createdAt: '2024-02-01 00:00:00' })
}
