import { mulScaled, toScaled } from './decimal.js'
import type { OrderDraft } from './presets/index.js'
import type { CanonicalValues } from './validate-record.js'

/** Order-level fields: taken from the first row of the order that has them. */
export const ORDER_FIELDS = [
  'ordered_at',
  'currency',
  'discount',
  'status',
  'status.raw',
  'channel',
  'store_id',
  'community_id',
  'coupon_code',
  'cancelled_at',
  'customer_id',
  'email',
  'phone',
  'name',
  'first_name',
  'last_name',
  'gender',
  'birth_date',
  'city',
  'region',
  'country',
  'amount.currency',
] as const

const scaled = new Map<string, bigint | null>()

/** `toScaled` remembered: prices and quantities repeat on most rows of an item file. */
export function scaledOf(text: string): bigint | undefined {
  // One lookup per call (null stands for "not a decimal"): this runs for several cells of every row.
  const known = scaled.get(text)
  if (known !== undefined) return known ?? undefined
  const value = toScaled(text)
  if (scaled.size >= 50_000) scaled.clear()
  scaled.set(text, value ?? null)
  return value
}

/** One order gathered from its rows. */
export interface GatheredOrder {
  readonly orderId: string
  /** First line of the order in the file. */
  readonly line: number
  /** Every line of the order (so a later bad row can take the whole order out). */
  readonly lines: number[]
  readonly fields: Record<string, string | number | boolean | null>
  amount: bigint | null
  refunded: bigint | null
  itemsTotal: bigint | null
  itemCount: number
}

/**
 * Gathers the rows of line-item files into orders as they stream past: order fields from the first row
 * that has each, amount = Σ quantity × unit price in exact scaled integers (never floats). Memory grows
 * with the number of orders, not rows.
 *
 * @example
 * const rollup = new LineItemRollup()
 * rollup.add(2, { order_id: '536365', quantity: '6', unit_price: '2.55', … }) // returns the item's line_no
 */
export class LineItemRollup {
  readonly orders = new Map<string, GatheredOrder>()
  /** Only the order fields this file maps are looked at (UCI maps 3 of them): this runs once per row. */
  private readonly fields: readonly string[]

  constructor(mapped: ReadonlySet<string> = new Set(ORDER_FIELDS)) {
    this.fields = ORDER_FIELDS.filter((f) => mapped.has(f.split('.')[0]!))
  }

  /** Adds one valid row; returns the item's position within its order (1-based), or 0 if it holds no item. */
  add(line: number, values: CanonicalValues): number {
    const orderId = values['order_id'] as string
    let order = this.orders.get(orderId)
    if (!order) {
      order = newOrder(orderId, line)
      this.orders.set(orderId, order)
    }
    return this.fill(order, line, values)
  }

  /** One row as an order of its own (files with one row per order); nothing is kept. */
  single(line: number, values: CanonicalValues): GatheredOrder {
    const order = newOrder(values['order_id'] as string, line)
    this.fill(order, line, values)
    return order
  }

  private fill(order: GatheredOrder, line: number, values: CanonicalValues): number {
    order.lines.push(line)
    for (const name of this.fields) {
      const v = values[name]
      if (
        v !== null &&
        v !== undefined &&
        (order.fields[name] === null || order.fields[name] === undefined)
      ) {
        order.fields[name] = v
      }
    }
    if (order.amount === null && typeof values['amount'] === 'string')
      order.amount = scaledOf(values['amount']) ?? null
    if (order.refunded === null && typeof values['refunded_amount'] === 'string') {
      order.refunded = scaledOf(values['refunded_amount']) ?? null
    }
    if (!hasItem(values)) return 0
    const q = typeof values['quantity'] === 'string' ? scaledOf(values['quantity']) : undefined
    const p = typeof values['unit_price'] === 'string' ? scaledOf(values['unit_price']) : undefined
    if (q !== undefined && p !== undefined) order.itemsTotal = (order.itemsTotal ?? 0n) + mulScaled(q, p)
    return ++order.itemCount
  }
}

function newOrder(orderId: string, line: number): GatheredOrder {
  return {
    orderId,
    line,
    lines: [],
    fields: {},
    amount: null,
    refunded: null,
    itemsTotal: null,
    itemCount: 0,
  }
}

/** True when the row carries an item (any item field). */
export function hasItem(values: CanonicalValues): boolean {
  return (
    values['sku'] != null ||
    values['product_name'] != null ||
    values['quantity'] != null ||
    values['unit_price'] != null
  )
}

/** The draft a preset settles: the gathered totals and the order's status as written. */
export function draftOf(order: GatheredOrder): OrderDraft {
  const f = order.fields
  return {
    orderId: order.orderId,
    amount: order.amount,
    itemsTotal: order.itemsTotal,
    refunded: order.refunded,
    status: (f['status'] as string | null | undefined) ?? null,
    rawStatus: (f['status.raw'] as string | null | undefined) ?? null,
    cancelled: f['cancelled_at'] != null,
    currency: ((f['currency'] ?? f['amount.currency']) as string | null | undefined) ?? null,
  }
}
