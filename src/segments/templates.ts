import { LIFECYCLE_STAGES } from '../analytics/lifecycle.js'
import { SEGMENT_NAMES } from '../analytics/rfm-segment-map.js'
import { VALUE_TIERS } from '../analytics/value-tier.js'
import type { Lang } from '../i18n/locale.js'

type Texts = Readonly<Record<Lang, string>>

/** A ready-made segment: a definition in the segment language with a name and a description in 3 languages. */
export interface SegmentTemplate {
  readonly id: string
  readonly group: 'rfm' | 'lifecycle' | 'value' | 'library'
  readonly name: Texts
  readonly description: Texts
  readonly definition: string
}

const RFM_DESCRIPTIONS: Record<string, Texts> = {
  Champions: {
    en: 'Bought recently, buy often and spend the most.',
    'zh-CN': '最近购买、购买频繁且消费最高。',
    'zh-TW': '最近購買、購買頻繁且消費最高。',
  },
  Loyal: {
    en: 'Buy regularly and spend well; respond to loyalty programmes.',
    'zh-CN': '经常购买、消费可观,适合会员忠诚计划。',
    'zh-TW': '經常購買、消費可觀,適合會員忠誠計畫。',
  },
  'Potential Loyalist': {
    en: 'Recent customers with several purchases: can become loyal.',
    'zh-CN': '近期有多次购买的客户,有望成为忠诚客户。',
    'zh-TW': '近期有多次購買的客戶,有望成為忠誠客戶。',
  },
  'New Customers': {
    en: 'Bought very recently, but only once or twice.',
    'zh-CN': '刚刚购买,但只买过一两次。',
    'zh-TW': '剛剛購買,但只買過一兩次。',
  },
  Promising: {
    en: 'Recent buyers who have not bought much yet.',
    'zh-CN': '近期购买但消费还不多的客户。',
    'zh-TW': '近期購買但消費還不多的客戶。',
  },
  'Need Attention': {
    en: 'Above-average recency, frequency and spend, but slipping.',
    'zh-CN': '近度、频次、金额都高于平均,但开始下滑。',
    'zh-TW': '近度、頻次、金額都高於平均,但開始下滑。',
  },
  'About To Sleep': {
    en: 'Below-average recency and frequency: will be lost without reactivation.',
    'zh-CN': '近度和频次低于平均,不唤醒就会流失。',
    'zh-TW': '近度和頻次低於平均,不喚醒就會流失。',
  },
  'At Risk': {
    en: 'Spent a lot and bought often, but long ago.',
    'zh-CN': '曾经消费多、购买频繁,但已很久没有购买。',
    'zh-TW': '曾經消費多、購買頻繁,但已很久沒有購買。',
  },
  'Cannot Lose Them': {
    en: 'Made big purchases, often, but have not come back for a long time.',
    'zh-CN': '曾经大额且频繁购买,但很久没有回来。',
    'zh-TW': '曾經大額且頻繁購買,但很久沒有回來。',
  },
  Hibernating: {
    en: 'Last purchase long ago, few orders, low spend.',
    'zh-CN': '上次购买已久,订单少、消费低。',
    'zh-TW': '上次購買已久,訂單少、消費低。',
  },
  Lost: {
    en: 'Lowest recency, frequency and spend.',
    'zh-CN': '近度、频次和金额都最低。',
    'zh-TW': '近度、頻次和金額都最低。',
  },
}

const LIFECYCLE_TEXTS: Record<string, { name: Texts; description: Texts }> = {
  Prospect: {
    name: { en: 'Prospects', 'zh-CN': '潜在客户', 'zh-TW': '潛在客戶' },
    description: {
      en: 'Known customers who have never bought.',
      'zh-CN': '已知但从未购买的客户。',
      'zh-TW': '已知但從未購買的客戶。',
    },
  },
  New: {
    name: { en: 'New (one purchase)', 'zh-CN': '新客户(一次购买)', 'zh-TW': '新客戶(一次購買)' },
    description: {
      en: 'Customers with exactly one purchase, not yet at risk.',
      'zh-CN': '恰好购买一次且尚未流失预警的客户。',
      'zh-TW': '恰好購買一次且尚未流失預警的客戶。',
    },
  },
  Repeat: {
    name: { en: 'Repeat buyers', 'zh-CN': '回头客', 'zh-TW': '回頭客' },
    description: {
      en: 'Two or more purchases and still active.',
      'zh-CN': '购买两次及以上且仍活跃。',
      'zh-TW': '購買兩次及以上且仍活躍。',
    },
  },
  Loyal: {
    name: { en: 'Loyal customers', 'zh-CN': '忠实客户', 'zh-TW': '忠實客戶' },
    description: {
      en: 'Repeat buyers who are recent and frequent.',
      'zh-CN': '近期且高频购买的回头客。',
      'zh-TW': '近期且高頻購買的回頭客。',
    },
  },
  'At-risk': {
    name: { en: 'At-risk (lifecycle)', 'zh-CN': '流失预警', 'zh-TW': '流失預警' },
    description: {
      en: 'Past about twice their usual purchase interval.',
      'zh-CN': '已超过自身惯常购买间隔的约两倍。',
      'zh-TW': '已超過自身慣常購買間隔的約兩倍。',
    },
  },
  Churned: {
    name: { en: 'Churned', 'zh-CN': '已流失客户', 'zh-TW': '已流失客戶' },
    description: {
      en: 'Past the churn threshold, or very unlikely to be still active.',
      'zh-CN': '超过流失阈值,或几乎不可能仍然活跃。',
      'zh-TW': '超過流失門檻,或幾乎不可能仍然活躍。',
    },
  },
}

const TIER_TEXTS: Record<string, { name: Texts; description: Texts }> = {
  high: {
    name: { en: 'High value', 'zh-CN': '高价值客户', 'zh-TW': '高價值客戶' },
    description: {
      en: 'The customers who make the top 20% of value.',
      'zh-CN': '贡献前 20% 价值的客户。',
      'zh-TW': '貢獻前 20% 價值的客戶。',
    },
  },
  potential: {
    name: { en: 'Potential value', 'zh-CN': '潜力价值客户', 'zh-TW': '潛力價值客戶' },
    description: {
      en: 'The customers who make the next 30% of value.',
      'zh-CN': '贡献其后 30% 价值的客户。',
      'zh-TW': '貢獻其後 30% 價值的客戶。',
    },
  },
  regular: {
    name: { en: 'Regular value', 'zh-CN': '一般价值客户', 'zh-TW': '一般價值客戶' },
    description: {
      en: 'The customers who make the next 30% of value.',
      'zh-CN': '再贡献 30% 价值的客户。',
      'zh-TW': '再貢獻 30% 價值的客戶。',
    },
  },
  low: {
    name: { en: 'Low value', 'zh-CN': '低价值客户', 'zh-TW': '低價值客戶' },
    description: {
      en: 'The long tail: the last 20% of value.',
      'zh-CN': '长尾:最后 20% 的价值。',
      'zh-TW': '長尾:最後 20% 的價值。',
    },
  },
  churned: {
    name: { en: 'Churned (value tier)', 'zh-CN': '流失价值层', 'zh-TW': '流失價值層' },
    description: {
      en: 'Churned customers, set apart from the value ranking.',
      'zh-CN': '已流失的客户,不参与价值排名。',
      'zh-TW': '已流失的客戶,不參與價值排名。',
    },
  },
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-')

/** The useful library: common marketing audiences written in the segment language. */
const LIBRARY: readonly SegmentTemplate[] = [
  {
    id: 'first-time-buyers-30-90d',
    group: 'library',
    name: {
      en: 'First-time buyers 30–90 days ago',
      'zh-CN': '30–90 天前的首单客户',
      'zh-TW': '30–90 天前的首購客戶',
    },
    description: {
      en: 'One purchase only, made 30 to 90 days ago: the moment to win the second order.',
      'zh-CN': '只购买过一次,且在 30 到 90 天前:争取第二单的时机。',
      'zh-TW': '只購買過一次,且在 30 到 90 天前:爭取第二單的時機。',
    },
    definition: 'frequency = 1 AND first_order_at >= -90d AND first_order_at < -30d',
  },
  {
    id: 'lapsed-vips',
    group: 'library',
    name: { en: 'Lapsed VIPs', 'zh-CN': '沉睡的 VIP', 'zh-TW': '沉睡的 VIP' },
    description: {
      en: 'Top spenders who bought often but are now at risk or churned.',
      'zh-CN': '消费最高且曾经常购买,但现在已流失预警或流失。',
      'zh-TW': '消費最高且曾經常購買,但現在已流失預警或流失。',
    },
    definition: "m = 5 AND f >= 4 AND lifecycle IN ('At-risk', 'Churned')",
  },
  {
    id: 'high-value-at-risk',
    group: 'library',
    name: { en: 'High value at risk', 'zh-CN': '高价值流失预警', 'zh-TW': '高價值流失預警' },
    description: {
      en: 'High or potential value customers whose lifecycle says at risk.',
      'zh-CN': '高价值或潜力价值、且生命周期为流失预警的客户。',
      'zh-TW': '高價值或潛力價值、且生命週期為流失預警的客戶。',
    },
    definition: "value_tier IN ('high', 'potential') AND lifecycle = 'At-risk'",
  },
  {
    id: 'price-hunters',
    group: 'library',
    name: { en: 'Price hunters', 'zh-CN': '价格敏感型客户', 'zh-TW': '價格敏感型客戶' },
    description: {
      en: 'Most of their purchases used a discount or coupon (three purchases or more).',
      'zh-CN': '大部分购买使用了折扣或优惠券(至少三次购买)。',
      'zh-TW': '大部分購買使用了折扣或優惠券(至少三次購買)。',
    },
    definition: 'discount_share >= 0.6 AND frequency >= 3',
  },
  {
    id: 'category-lovers',
    group: 'library',
    name: { en: 'Category lovers', 'zh-CN': '品类忠实客户', 'zh-TW': '品類忠實客戶' },
    description: {
      en: 'Repeat buyers who spend at least 60% in one category (see top_category).',
      'zh-CN': '至少 60% 的消费集中在一个品类的回头客(见 top_category)。',
      'zh-TW': '至少 60% 的消費集中在一個品類的回頭客(見 top_category)。',
    },
    definition: 'top_category_share >= 0.6 AND frequency >= 3',
  },
  {
    id: 'community-group-buy-regulars',
    group: 'library',
    name: { en: 'Community group-buy regulars', 'zh-CN': '社群团购常客', 'zh-TW': '社群團購常客' },
    description: {
      en: 'Three or more community group-buy orders in the last 90 days.',
      'zh-CN': '近 90 天内有三笔及以上社群团购订单。',
      'zh-TW': '近 90 天內有三筆及以上社群團購訂單。',
    },
    definition: 'community_orders(within: 90d) >= 3',
  },
  {
    id: 'birthday-this-month',
    group: 'library',
    name: { en: 'Birthday this month', 'zh-CN': '本月生日', 'zh-TW': '本月生日' },
    description: {
      en: 'Customers whose birthday falls in the month of the analysis date.',
      'zh-CN': '生日在分析日期所在月份的客户。',
      'zh-TW': '生日在分析日期所在月份的客戶。',
    },
    definition: 'birthday_this_month()',
  },
  {
    id: 'big-spenders-quiet-60d',
    group: 'library',
    name: {
      en: 'Big spenders, no purchase in 60 days',
      'zh-CN': '60 天未购买的大额客户',
      'zh-TW': '60 天未購買的大額客戶',
    },
    description: {
      en: 'Top monetary score, but nothing bought in the last 60 days.',
      'zh-CN': '金额评分最高,但近 60 天没有购买。',
      'zh-TW': '金額評分最高,但近 60 天沒有購買。',
    },
    definition: 'm = 5 AND last_order_at < -60d',
  },
  {
    id: 'high-churn-risk-high-clv',
    group: 'library',
    name: {
      en: 'High churn risk, high CLV',
      'zh-CN': '高流失风险的高价值客户',
      'zh-TW': '高流失風險的高價值客戶',
    },
    description: {
      en: 'The model gives a high churn risk to customers in the high value tier (needs the models).',
      'zh-CN': '模型判定为高流失风险的高价值层客户(需要模型)。',
      'zh-TW': '模型判定為高流失風險的高價值層客戶(需要模型)。',
    },
    definition: "churn_band = 'High' AND value_tier = 'high'",
  },
  {
    id: 'cart-abandoners',
    group: 'library',
    name: { en: 'Cart abandoners', 'zh-CN': '加购未下单', 'zh-TW': '加購未下單' },
    description: {
      en: 'Added to cart in the last 14 days but placed no order in that time.',
      'zh-CN': '近 14 天加入购物车但同期没有下单。',
      'zh-TW': '近 14 天加入購物車但同期沒有下單。',
    },
    definition: "event_count('add_to_cart', within: 14d) >= 1 AND orders_count(within: 14d) = 0",
  },
  {
    id: 'window-shoppers',
    group: 'library',
    name: { en: 'Window shoppers', 'zh-CN': '只逛不买', 'zh-TW': '只逛不買' },
    description: {
      en: 'Five or more product views in 30 days and no order in 90 days.',
      'zh-CN': '30 天内浏览五次及以上,但 90 天内没有订单。',
      'zh-TW': '30 天內瀏覽五次及以上,但 90 天內沒有訂單。',
    },
    definition: "event_count('view', within: 30d) >= 5 AND orders_count(within: 90d) = 0",
  },
  {
    id: 'one-and-done',
    group: 'library',
    name: { en: 'One and done', 'zh-CN': '一次性客户', 'zh-TW': '一次性客戶' },
    description: {
      en: 'One purchase, more than 180 days ago.',
      'zh-CN': '只购买过一次,且已超过 180 天。',
      'zh-TW': '只購買過一次,且已超過 180 天。',
    },
    definition: 'frequency = 1 AND recency_days > 180',
  },
  {
    id: 'new-signups-no-purchase',
    group: 'library',
    name: { en: 'New sign-ups without a purchase', 'zh-CN': '新注册未购买', 'zh-TW': '新註冊未購買' },
    description: {
      en: 'Signed up in the last 30 days and have not bought yet.',
      'zh-CN': '近 30 天注册且尚未购买。',
      'zh-TW': '近 30 天註冊且尚未購買。',
    },
    definition: "lifecycle = 'Prospect' AND signup_at >= -30d",
  },
  {
    id: 'frequent-refunders',
    group: 'library',
    name: { en: 'Frequent refunders', 'zh-CN': '高频退款客户', 'zh-TW': '高頻退款客戶' },
    description: {
      en: 'Three or more refunds or returns in the last year.',
      'zh-CN': '近一年有三次及以上退款或退货。',
      'zh-TW': '近一年有三次及以上退款或退貨。',
    },
    definition: 'refunds_count(within: 1y) >= 3',
  },
  {
    id: 'unhappy-regulars',
    group: 'library',
    name: { en: 'Unhappy regulars', 'zh-CN': '不满意的老客户', 'zh-TW': '不滿意的老客戶' },
    description: {
      en: 'Three or more purchases but a latest NPS answer of 6 or less (detractors).',
      'zh-CN': '购买三次及以上,但最近一次 NPS 不高于 6(贬损者)。',
      'zh-TW': '購買三次及以上,但最近一次 NPS 不高於 6(貶損者)。',
    },
    definition: 'latest_nps <= 6 AND frequency >= 3',
  },
  {
    id: 'mother-and-baby-shoppers',
    group: 'library',
    name: { en: 'Mother & baby shoppers', 'zh-CN': '母婴品类客户', 'zh-TW': '母嬰品類客戶' },
    description: {
      en: "Bought in the '母婴' category in the last 180 days (edit the category to your catalogue).",
      'zh-CN': '近 180 天购买过"母婴"品类(可改成你自己的品类名)。',
      'zh-TW': '近 180 天購買過「母婴」品類(可改成你自己的品類名)。',
    },
    definition: "category_purchased('母婴', within: 180d)",
  },
]

/**
 * Every template: the 11 RFM segments, the lifecycle stages, the value tiers and the library. Ids are
 * stable (`rfm-at-risk`, `lifecycle-new`, `tier-high`, `lapsed-vips`).
 *
 * @example
 * segmentTemplates().find((t) => t.id === 'rfm-at-risk')?.definition // "rfm_segment = 'At Risk'"
 */
export function segmentTemplates(): readonly SegmentTemplate[] {
  const rfm = Object.entries(SEGMENT_NAMES).map(
    ([segment, name]): SegmentTemplate => ({
      id: `rfm-${slug(segment)}`,
      group: 'rfm',
      name,
      description: RFM_DESCRIPTIONS[segment]!,
      definition: `rfm_segment = '${segment}'`,
    }),
  )
  const lifecycle = LIFECYCLE_STAGES.map(
    (stage): SegmentTemplate => ({
      id: `lifecycle-${slug(stage)}`,
      group: 'lifecycle',
      ...LIFECYCLE_TEXTS[stage]!,
      definition: `lifecycle = '${stage}'`,
    }),
  )
  const tiers = VALUE_TIERS.map(
    (tier): SegmentTemplate => ({
      id: `tier-${tier}`,
      group: 'value',
      ...TIER_TEXTS[tier]!,
      definition: `value_tier = '${tier}'`,
    }),
  )
  return [...rfm, ...lifecycle, ...tiers, ...LIBRARY]
}

/** A template by id, or undefined. */
export function findTemplate(id: string): SegmentTemplate | undefined {
  return segmentTemplates().find((t) => t.id === id)
}
