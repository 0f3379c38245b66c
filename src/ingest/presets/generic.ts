import { type Preset, settleByNet } from './preset.js'

/**
 * `generic`: canonical column names (`order_id, customer_id, ordered_at, amount, …`) and their common
 * aliases, English and Chinese (订单号, 客户ID, 下单时间, 实付金额, 手机号 …). An orders file that has item
 * columns (quantity, unit_price, sku…) is read as line items, grouped by order id.
 */
export const genericPreset: Preset = {
  name: 'generic',
  kinds: ['customers', 'orders', 'order-items', 'events', 'feedback'],
  columns: {},
  useAliases: true,
  lineItems: 'auto',
  settle: settleByNet,
}
