import { type Preset, settleByNet } from './preset.js'

/**
 * `shopify`: the Shopify orders export (Admin → Orders → Export). One row per line item; order-level columns
 * (Email, Financial Status, Paid at, Total, …) are filled on the order's first row only. The customer is
 * the order's email (Shopify's export has no customer id), with the billing name, phone and address.
 * amount = Total − Refunded Amount; a cancelled order keeps at most 0.
 */
export const shopifyPreset: Preset = {
  name: 'shopify',
  kinds: ['orders'],
  columns: {
    order_id: ['Name', 'Id'],
    email: ['Email'],
    status: ['Financial Status'],
    ordered_at: ['Created at', 'Paid at'],
    currency: ['Currency'],
    amount: ['Total'],
    discount: ['Discount Amount'],
    coupon_code: ['Discount Code'],
    refunded_amount: ['Refunded Amount'],
    cancelled_at: ['Cancelled at'],
    channel: ['Source'],
    quantity: ['Lineitem quantity'],
    product_name: ['Lineitem name'],
    unit_price: ['Lineitem price'],
    sku: ['Lineitem sku'],
    brand: ['Vendor'],
    name: ['Billing Name'],
    phone: ['Billing Phone', 'Phone'],
    city: ['Billing City'],
    region: ['Billing Province', 'Billing Province Name'],
    country: ['Billing Country'],
  },
  useAliases: false,
  lineItems: true,
  settle(order) {
    const financial: Record<string, string> = {
      paid: 'paid',
      partially_paid: 'paid',
      partially_refunded: 'paid',
      refunded: 'refunded',
      voided: 'cancelled',
      pending: 'pending',
      authorized: 'pending',
    }
    const mapped = order.rawStatus ? financial[order.rawStatus] : undefined
    if (mapped === 'cancelled') order.cancelled = true
    order.status = mapped === 'paid' || mapped === 'refunded' ? null : (mapped ?? order.status)
    settleByNet(order)
  },
}
