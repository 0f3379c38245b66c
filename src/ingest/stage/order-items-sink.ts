import type { Connection } from '../../sql/driver.js'
import { RefTable } from '../identity.js'
import { StagingWriter } from '../load/staging.js'
import type { CanonicalValues } from '../validate-record.js'
import { newCounters, type Sink } from './sink.js'

/**
 * Order items from a file of their own: numbered per order in file order; items whose order the store
 * does not know are reported as unmatched rather than stored.
 *
 * @example
 * const sink = orderItemsSink(conn)
 */
export function orderItemsSink(conn: Connection): Sink {
  const items = new StagingWriter(conn, 'stg_items')
  const positions = new Map<string, number>()
  return {
    refs: new RefTable(),
    counters: newCounters(),
    rejected() {},
    async add(line: number, values: CanonicalValues) {
      const orderId = values['order_id'] as string
      const lineNo = (positions.get(orderId) ?? 0) + 1
      positions.set(orderId, lineNo)
      const v = (k: string) => (values[k] as string | null | undefined) ?? null
      await items.push([
        line,
        orderId,
        lineNo,
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
