import type { Diagnostic } from '../../core/diagnostics.js'
import type { Connection } from '../../sql/driver.js'
import { fromScaled } from '../decimal.js'
import { ERASED, RefTable } from '../identity.js'
import { StagingWriter } from '../load/staging.js'
import type { Mapping } from '../mapping.js'
import type { Preset } from '../presets/index.js'
import { draftOf, type GatheredOrder, hasItem, LineItemRollup, scaledOf } from '../rollup-line-items.js'
import type { CanonicalValues } from '../validate-record.js'
import { type LateRejection, newCounters, type Sink } from './sink.js'

/** True when the file is read as line items: the preset says so, or (generic) item columns are mapped. */
export function readsLineItems(preset: Preset, mapping: Mapping): boolean {
  if (preset.lineItems !== 'auto') return preset.lineItems
  return mapping.has('unit_price') || (mapping.has('quantity') && !mapping.has('amount'))
}

/**
 * Orders: line-item files are gathered per order id (order fields from the order's first row, items
 * numbered in file order, a bad row takes its whole order out); other files stage one order per row
 * (a repeated id is kept once, from its first line, and counted as a duplicate).
 *
 * @example
 * const sink = ordersSink(conn, preset, mapping, 'orders.csv')
 */
export function ordersSink(conn: Connection, preset: Preset, mapping: Mapping, file: string): Sink {
  const lineItems = readsLineItems(preset, mapping)
  const refs = new RefTable()
  const counters = newCounters()
  const orders = new StagingWriter(conn, 'stg_orders')
  const items = new StagingWriter(conn, 'stg_items')
  const mappedFields = new Set(mapping.keys())
  const rollup = new LineItemRollup(mappedFields)
  const rejectedOrders = new Map<string, number>()
  // Rows of one-row-per-order files turned down here (no date, no amount): they still count as the first
  // occurrence of their id when repeats are counted (in SQL, `countDuplicates`).
  const refused = new StagingWriter(conn, 'stg_refused')
  const orderIdColumn = mapping.get('order_id')?.column
  const at = (line: number, field: string, value = '') => ({
    file,
    line,
    column: mapping.get(field)?.index,
    field,
    value,
  })

  /** Settles and stages one gathered order, or says why it cannot be stored. */
  const stage = (order: GatheredOrder): Diagnostic[] | undefined | Promise<undefined> => {
    const f = order.fields
    const problems: Diagnostic[] = []
    if (f['ordered_at'] == null) {
      problems.push({
        code: 'ingest.row.missing_value',
        params: { fields: 'ordered_at' },
        at: at(order.line, 'ordered_at'),
      })
    }
    if (order.amount === null && order.itemsTotal === null) {
      const field = mapping.has('amount') ? 'amount' : 'unit_price'
      problems.push({
        code: 'ingest.row.missing_value',
        params: { fields: 'amount | quantity × unit_price' },
        at: at(order.line, field),
      })
    }
    if (problems.length) return problems
    const draft = draftOf(order)
    preset.settle(draft)
    if (f['customer_id'] == null) counters.missingCustomerId += order.lines.length
    const refNo = refs.addRecord(f, order.line)
    if (refNo === ERASED) {
      counters.erasedRows += order.lines.length
      return undefined
    }
    const discount = typeof f['discount'] === 'string' ? scaledOf(f['discount']) : undefined
    const written = orders.push([
      order.line,
      order.lines.length,
      order.orderId,
      refNo,
      f['ordered_at'] as string,
      fromScaled(draft.amount ?? 0n),
      draft.currency,
      discount === undefined ? null : fromScaled(discount),
      draft.status,
      (f['channel'] as string | null) ?? null,
      (f['store_id'] as string | null) ?? null,
      (f['community_id'] as string | null) ?? null,
      (f['coupon_code'] as string | null) ?? null,
    ])
    return written?.then(() => undefined)
  }

  return {
    refs,
    counters,
    duplicatesIn: lineItems ? undefined : { table: 'stg_orders', id: 'order_id' },
    rejected(record) {
      if (!lineItems || !orderIdColumn) return
      const id = record.values[orderIdColumn]
      if (
        id !== null &&
        id !== undefined &&
        String(id).trim() !== '' &&
        !rejectedOrders.has(String(id).trim())
      ) {
        rejectedOrders.set(String(id).trim(), record.line)
      }
    },
    add(line: number, values: CanonicalValues) {
      const orderId = values['order_id'] as string
      if (!lineItems) {
        const staged = stage(rollup.single(line, values))
        if (!Array.isArray(staged)) return staged
        const written = refused.push([line, orderId])
        return written ? written.then(() => staged) : staged
      }
      const badLine = rejectedOrders.get(orderId)
      if (badLine !== undefined) {
        return [
          {
            code: 'ingest.row.order_rejected',
            params: { order_id: orderId, bad_line: badLine },
            at: at(line, 'order_id', orderId),
          },
        ]
      }
      const lineNo = rollup.add(line, values)
      const order = rollup.orders.get(orderId)!
      if (lineNo > 0 && hasItem(values)) {
        // Runs once per row: a promise only when a batch is written, so most rows cost no microtask.
        const written = items.push([
          order.line,
          orderId,
          lineNo,
          (values['sku'] as string | null) ?? null,
          (values['product_name'] as string | null) ?? null,
          (values['category'] as string | null) ?? null,
          (values['brand'] as string | null) ?? null,
          (values['quantity'] as string | null) ?? null,
          (values['unit_price'] as string | null) ?? null,
        ])
        return written?.then(() => undefined)
      }
      return undefined
    },
    async finish() {
      const late: LateRejection[] = []
      for (const order of rollup.orders.values()) {
        const badLine = rejectedOrders.get(order.orderId)
        if (badLine !== undefined) {
          for (const line of order.lines) {
            late.push({
              line,
              diagnostics: [
                {
                  code: 'ingest.row.order_rejected',
                  params: { order_id: order.orderId, bad_line: badLine },
                  at: at(line, 'order_id', order.orderId),
                },
              ],
            })
          }
          continue
        }
        const problems = await stage(order)
        if (problems) {
          late.push({ line: order.line, diagnostics: problems })
          for (const line of order.lines.slice(1)) {
            late.push({
              line,
              diagnostics: [
                {
                  code: 'ingest.row.order_rejected',
                  params: { order_id: order.orderId, bad_line: order.line },
                  at: at(line, 'order_id', order.orderId),
                },
              ],
            })
          }
        }
      }
      rollup.orders.clear()
      await refused.flush()
      await orders.flush()
      await items.flush()
      return late
    },
  }
}
