import { type Preset, settleByNet } from './preset.js'

/**
 * `woocommerce`: the WooCommerce order CSV export (one row per line item, order columns repeated). The
 * customer is `Customer User` / `Customer ID` (0 = guest, so the billing email and phone identify them).
 * amount = Order Total − Order Refund; status completed/processing → paid, refunded → refunded (net 0),
 * cancelled/failed → cancelled (0), pending/on-hold → pending.
 */
export const woocommercePreset: Preset = {
  name: 'woocommerce',
  kinds: ['orders'],
  columns: {
    order_id: ['Order Number', 'Order ID'],
    ordered_at: ['Order Date', 'Paid Date'],
    status: ['Order Status', 'Status'],
    amount: ['Order Total', 'Order Total Amount'],
    discount: ['Cart Discount', 'Cart Discount Amount', 'Discount Amount'],
    refunded_amount: ['Order Refund', 'Refund Amount'],
    currency: ['Order Currency', 'Currency'],
    coupon_code: ['Coupon Code', 'Coupon Items'],
    customer_id: ['Customer User', 'Customer ID', 'Customer User ID'],
    email: ['Billing Email', 'Billing Email Address', 'Customer Email'],
    phone: ['Billing Phone'],
    first_name: ['Billing First Name'],
    last_name: ['Billing Last Name'],
    city: ['Billing City'],
    region: ['Billing State'],
    country: ['Billing Country'],
    sku: ['Item SKU', 'SKU'],
    product_name: ['Item Name', 'Product Name'],
    quantity: ['Quantity', 'Item Quantity', 'Quantity (- Refund)'],
    unit_price: ['Item Cost', 'Item Price'],
    category: ['Item Category', 'Category'],
  },
  useAliases: false,
  lineItems: true,
  noneIds: ['0'],
  settle(order) {
    const raw = order.rawStatus?.replace(/^wc-/, '') ?? null
    if (raw === 'cancelled' || raw === 'failed') order.cancelled = true
    if (raw === 'refunded') {
      order.refunded = order.amount ?? order.itemsTotal
      order.status = null
    } else if (raw === 'pending' || raw === 'on-hold') order.status = 'pending'
    else order.status = null
    settleByNet(order)
  },
}
