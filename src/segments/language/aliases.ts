/**
 * Chinese names for the most used fields and functions (zh-CN and zh-TW), so `城市 = '上海' AND
 * 订单数(within: 90d) >= 3` reads naturally. An alias is only another spelling: the tree keeps what was
 * written, and the checker and compiler resolve it to the English name.
 */
// biome-ignore format: one name per line
export const FIELD_ALIASES: Readonly<Record<string, readonly string[]>> = {
  customer_id: ['客户ID', '客戶ID'],
  gender: ['性别', '性別'],
  city: ['城市'],
  region: ['地区', '省份', '地區'],
  country: ['国家', '國家'],
  source: ['来源', '來源'],
  signup_at: ['注册时间', '註冊時間'],
  consent_marketing: ['营销许可', '行銷許可'],
  age: ['年龄', '年齡'],
  birth_month: ['生日月份'],
  tag: ['标签', '標籤'],
  recency_days: ['最近购买天数', '最近購買天數'],
  frequency: ['购买次数', '購買次數'],
  monetary: ['消费金额', '消費金額'],
  rfm_segment: ['客群', 'RFM客群'],
  lifecycle: ['生命周期', '生命週期'],
  value_tier: ['价值分层', '價值分層'],
  clv_12m: ['客户终身价值', '顧客終身價值'],
  p_alive: ['存活概率', '存活機率'],
  churn_risk: ['流失风险', '流失風險'],
  churn_band: ['流失风险等级', '流失風險等級'],
  first_order_at: ['首次购买时间', '首次購買時間'],
  last_order_at: ['最近购买时间', '最近購買時間'],
  aov: ['客单价', '客單價'],
}

// biome-ignore format: one name per line
export const FUNCTION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  orders_count: ['订单数', '訂單數'],
  spent: ['消费', '消費'],
  channel_orders: ['渠道订单数', '通路訂單數'],
  community_orders: ['社区订单数', '社區訂單數'],
  category_purchased: ['购买品类', '購買品類'],
  brand_purchased: ['购买品牌', '購買品牌'],
  product_purchased: ['购买商品', '購買商品'],
  event_count: ['事件次数', '事件次數'],
  has_tag: ['有标签', '有標籤'],
  in_segment: ['属于客群', '屬於客群'],
}

/** Lower-cased alias → English name. */
export function aliasIndex(table: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [name, aliases] of Object.entries(table)) for (const a of aliases) out.set(a.toLowerCase(), name)
  return out
}
