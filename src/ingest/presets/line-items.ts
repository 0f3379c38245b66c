import { type Preset, settleByNet } from './preset.js'

/**
 * `line-items`: one row per item, as in the UCI Online Retail file
 * (`InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country`). Rows of one invoice
 * become one order with amount = Σ quantity × unit price (exact); an invoice numbered `C…` is a cancellation.
 * Canonical names and the generic aliases are recognised too.
 */
export const lineItemsPreset: Preset = {
  name: 'line-items',
  kinds: ['orders'],
  columns: {
    order_id: ['InvoiceNo', 'Invoice', 'order_id'],
    sku: ['StockCode', 'sku'],
    product_name: ['Description', 'product_name'],
    quantity: ['Quantity', 'quantity'],
    ordered_at: ['InvoiceDate', 'ordered_at'],
    unit_price: ['UnitPrice', 'Price', 'unit_price'],
    customer_id: ['CustomerID', 'Customer ID', 'customer_id'],
    country: ['Country', 'country'],
  },
  useAliases: true,
  lineItems: true,
  settle(order) {
    // Σ quantity × price, never a total column: the point of this preset is the exact roll-up.
    order.amount = null
    if (order.orderId.startsWith('C')) order.cancelled = true
    settleByNet(order)
    // A cancellation invoice carries the (negative) amount it takes back; keep it so monetary drops.
    if (order.cancelled) {
      const taken = order.itemsTotal ?? 0n
      order.amount = taken > 0n ? 0n : taken
    }
  },
}
