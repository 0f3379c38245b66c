import type { Connection } from '../../sql/driver.js'
import { RefTable } from '../identity.js'
import { StagingWriter } from '../load/staging.js'
import type { CanonicalValues } from '../validate-record.js'
import { newCounters, type Sink } from './sink.js'

/**
 * Order items from a file of their own: numbered per order in file order (in SQL, by `prepareMerge`: a map
 * of every order id seen would cost a million entries); items whose order the store does not know are
 * reported as unmatched rather than stored.
 *
 * @example
 * const sink = orderItemsSink(conn)
 */
export function orderItemsSink(conn: Connection): Sink {
  const items = new StagingWriter(conn, 'stg_items')
  return {
    refs: new RefTable(),
    counters: newCounters(),
    rejected() {},
    async add(line: number, values: CanonicalValues) {
      const orderId = values['order_id'] as string
      const v = (k: string) => (values[k] as string | null | undefined) ?? null
      await items.push([
        line,
        orderId,
        null,
        v('sku'),
        v('product_name'),
        v('category'),
        v('brand'),
        v('quantity'),
        v('unit_price'),
      ])
      return undefined
    },
    async finish() {
      await items.flush()
      return []
    },
  }
}
