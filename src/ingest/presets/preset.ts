import type { ImportKind } from '../fields.js'

/** An order after its rows were gathered: what a preset may adjust before it is staged. */
export interface OrderDraft {
  readonly orderId: string
  /** Order total from the file (scaled by 10^4), when the file has one. */
  amount: bigint | null
  /** Σ quantity × unit price over the order's item rows (scaled), null when it has no priced items. */
  itemsTotal: bigint | null
  refunded: bigint | null
  status: string | null
  /** The status text as written in the file (lower case), for presets that read their own vocabulary. */
  rawStatus: string | null
  cancelled: boolean
  currency: string | null
}

/**
 * How a known export maps to canonical fields. Presets are data: the columns they read, in order of
 * preference, plus a small `settle` step that turns the export's own totals and statuses into
 * `amount` (net) and `status` (paid / refunded / cancelled / pending).
 */
export interface Preset {
  readonly name: string
  readonly kinds: readonly ImportKind[]
  /** Canonical field → header names to look for (exact, then case/spacing-insensitive), first found wins. */
  readonly columns: Readonly<Record<string, readonly string[]>>
  /** When true the generic aliases also apply to fields the preset does not name. */
  readonly useAliases: boolean
  /** Rows are order line items: rows sharing an order id form one order; order fields come from its first row. */
  readonly lineItems: boolean | 'auto'
  /** Id values that mean "none" (WooCommerce writes customer 0 for guests). */
  readonly noneIds?: readonly string[]
  /** Timestamps without an offset are in this zone (Stripe's `Created (UTC)`); default: the store's zone. */
  readonly fileTimezone?: string
  /** Sets `amount` (net of refunds) and `status` once all rows of an order are known. */
  settle(order: OrderDraft): void
}

/**
 * The default settling: amount is the file's total or else Σ quantity × price, minus refunds; an order
 * whose net is ≤ 0 is a return (< 0, status refunded) or a cancellation (= 0, status cancelled).
 *
 * @example
 * settleByNet({ amount: null, itemsTotal: -1000n, ... }) // amount -1000n, status 'refunded'
 */
export function settleByNet(order: OrderDraft): void {
  const gross = order.amount ?? order.itemsTotal ?? 0n
  const net = gross - (order.refunded ?? 0n)
  order.amount = net
  if (order.cancelled) {
    if (net > 0n) order.amount = 0n
    order.status = 'cancelled'
  } else if (order.status === null || order.status === 'paid') {
    const refunded = (order.refunded ?? 0n) > 0n
    order.status = net < 0n || (net === 0n && refunded) ? 'refunded' : net === 0n ? 'cancelled' : 'paid'
  }
}
