import { type Preset, settleByNet } from './preset.js'

/**
 * `stripe`: the Stripe payments export (Payments → Export). One row per payment: `id` is the order id,
 * `Customer ID` (cus_…) and `Customer Email` identify the customer, `Created (UTC)` is in UTC. amount =
 * Amount − Amount Refunded; Failed / canceled payments are kept as cancelled with amount 0.
 */
export const stripePreset: Preset = {
  name: 'stripe',
  kinds: ['orders'],
  columns: {
    order_id: ['id', 'ID'],
    ordered_at: ['Created (UTC)', 'Created date (UTC)', 'Created'],
    amount: ['Amount'],
    refunded_amount: ['Amount Refunded'],
    currency: ['Currency'],
    status: ['Status'],
    customer_id: ['Customer ID'],
    email: ['Customer Email'],
    name: ['Customer Description', 'Card Name'],
    product_name: ['Description'],
    country: ['Card Address Country', 'Card Issue Country'],
    city: ['Card Address City'],
  },
  useAliases: false,
  lineItems: false,
  fileTimezone: 'UTC',
  settle(order) {
    const raw = order.rawStatus
    if (raw === 'failed' || raw === 'canceled' || raw === 'cancelled') order.cancelled = true
    order.status = raw === 'pending' || raw === 'incomplete' ? 'pending' : null
    settleByNet(order)
  },
}
