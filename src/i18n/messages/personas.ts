import { registerCatalog } from '../translate.js'

type P = Record<string, unknown>
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))
const num = (v: unknown) => (v === '' || v === undefined || v === null ? null : Number(v))

/** "every 3 weeks" style intervals from a number of days, per language. */
function every(
  days: number,
  words: {
    daily: string
    day: (n: number) => string
    week: (n: number) => string
    month: (n: number) => string
  },
) {
  if (days <= 1.5) return words.daily
  if (days < 10) return words.day(Math.round(days))
  if (days <= 60) return words.week(Math.round(days / 7))
  return words.month(Math.round(days / 30))
}
const EVERY_EN = {
  daily: 'almost every day',
  day: (n: number) => `every ${n} days`,
  week: (n: number) => (n === 1 ? 'every week' : `every ${n} weeks`),
  month: (n: number) => (n === 1 ? 'every month' : `every ${n} months`),
}
const EVERY_CN = {
  daily: '几乎每天',
  day: (n: number) => `每 ${n} 天`,
  week: (n: number) => `每 ${n} 周`,
  month: (n: number) => `每 ${n} 个月`,
}
const EVERY_TW = {
  daily: '幾乎每天',
  day: (n: number) => `每 ${n} 天`,
  week: (n: number) => `每 ${n} 週`,
  month: (n: number) => `每 ${n} 個月`,
}

const TIER_EN: P = {
  tier1: 'tier-1 cities',
  new_tier1: 'new tier-1 cities',
  tier2: 'tier-2 cities',
  tier3_below: 'tier-3 and smaller cities',
}
const TIER_CN: P = {
  tier1: '一线城市',
  new_tier1: '新一线城市',
  tier2: '二线城市',
  tier3_below: '三线及以下城市',
}
const TIER_TW: P = {
  tier1: '一線城市',
  new_tier1: '新一線城市',
  tier2: '二線城市',
  tier3_below: '三線及以下城市',
}

// Tags, clusters, persona cards and lookalikes (src/personas) and their CLI commands.
registerCatalog({
  en: {
    // built-in tags: what they mean (with the thresholds in force) and why a customer carries one
    'personas.tag.price-sensitive.description':
      'Price-sensitive: at least {threshold}% of orders used a discount or coupon (at least {minOrders} orders).',
    'personas.tag.price-sensitive.why':
      'price-sensitive: {share}% of {orders} orders used a discount or coupon (threshold {threshold}%, at least {minOrders} orders).',
    'personas.tag.night-owl.description':
      'Night owl: at least {threshold}% of orders placed between 22:00 and 05:59 (at least {minOrders} orders).',
    'personas.tag.night-owl.why':
      'night owl: {share}% of {orders} orders were placed between 22:00 and 05:59 (threshold {threshold}%).',
    'personas.tag.weekend-shopper.description':
      'Weekend shopper: at least {threshold}% of orders on Saturday or Sunday (at least {minOrders} orders).',
    'personas.tag.weekend-shopper.why':
      'weekend shopper: {share}% of {orders} orders were on a Saturday or Sunday (threshold {threshold}%).',
    'personas.tag.community-regular.description':
      'Community group-buy regular: at least {threshold}% of orders through a community group-buy (at least {minOrders} orders).',
    'personas.tag.community-regular.why':
      'community group-buy regular: {share}% of {orders} orders went through a community (threshold {threshold}%).',
    'personas.tag.high-aov.description':
      'High AOV: average order value at or above the {quantile}th percentile of customers (≥ {cutoff}).',
    'personas.tag.high-aov.why':
      'high AOV: average order value {aov} ≥ {cutoff}, the {quantile}th percentile of this snapshot.',
    'personas.tag.big-spender.description':
      'Big spender: net spend at or above the {quantile}th percentile of customers (≥ {cutoff}).',
    'personas.tag.big-spender.why':
      'big spender: net spend {monetary} ≥ {cutoff}, the {quantile}th percentile of this snapshot.',
    'personas.tag.lapsed-vip.description':
      'Lapsed VIP: net spend at or above the {quantile}th percentile (≥ {cutoff}) and no purchase for more than {days} days.',
    'personas.tag.lapsed-vip.why':
      'lapsed VIP: spent {monetary} (≥ {cutoff}, the {quantile}th percentile) but last bought {recency} days ago (more than {days} days).',
    'personas.tag.new-parent.description':
      "New parent: at least {threshold}% of the last year's orders (and at least {minOrders}) included baby products ({categories}).",
    'personas.tag.new-parent.why':
      'new parent: {babyOrders} of {orders} orders in the last year ({share}%) included baby products ({categories}); threshold {threshold}% and {minOrders} orders.',
    'personas.tag.one-time-buyer.description': 'One-time buyer: exactly one purchase so far.',
    'personas.tag.one-time-buyer.why': 'one-time buyer: a single purchase, {recency} days ago.',
    'personas.tag.refund-prone.description':
      'Refund-prone: at least {minRefunds} refunds and at least {threshold}% of orders refunded.',
    'personas.tag.refund-prone.why':
      'refund-prone: {refunds} refunds, {share}% of orders (threshold {threshold}%, at least {minRefunds}).',
    'personas.tag.category-lover.description':
      'Category lover (category-lover:<category>): at least {threshold}% of item spend in one category (at least {minOrders} orders).',
    'personas.tag.category-lover.why':
      'loves {category}: {share}% of item spend in the last year (threshold {threshold}%, {orders} orders).',
    'personas.tag.user.why': 'matches the definition: {definition}',
    'personas.tag.unknown.why': 'a tag from an earlier version; refresh the tags to recompute it.',
    'personas.tag.definition_broken':
      'the definition of user tag "{tag}" no longer compiles; nobody carries it until it is fixed.',
    'personas.tag.bad_name':
      '"{tag}" is not a tag name: use letters, digits, "-", "_", ":" or "." (no spaces), up to 63 characters.',
    'personas.tag.builtin_name': '"{tag}" is a built-in tag: choose another name for a user tag.',
    'personas.tag.not_found': 'no tag named "{tag}".',
    'personas.language_unavailable':
      'the segment language is not available in this build: cannot compile "{text}".',
    'personas.segment_not_found': 'no segment with id or name "{segment}".',
    'personas.customer_not_found': 'no customer {customer}.',
    'personas.bad_group.rfm': 'unknown RFM segment "{value}"; expected one of: {expected}.',
    'personas.bad_group.lifecycle': 'unknown lifecycle stage "{value}"; expected one of: {expected}.',
    'personas.bad_group.tier': 'unknown value tier "{value}"; expected one of: {expected}.',
    'personas.persona.not_found': 'no buyer persona named "{name}".',
    'personas.persona.empty': 'the group is empty: no customer of snapshot {snapshot} is in it.',
    // clusters
    'personas.cluster.bad_k': '"{k}" is not a valid number of clusters (a whole number from 1).',
    'personas.cluster.too_few': 'only {n} scored customers: too few for {k} clusters.',
    'personas.cluster.no_run': 'no clusters yet: run `strata cluster run` first.',
    'personas.cluster.not_found': 'cluster {cluster} does not exist (the newest run has {k} clusters).',
    'personas.cluster.average': 'average customers',
    'personas.cluster.average_description': 'close to the overall average on every feature.',
    'personas.cluster.contrast': '{label} ({value} vs {overall} overall)',
    'personas.list.separator': ' · ',
    'personas.list.sentence_separator': '; ',
    'personas.unit.days': '{n} days',
    // features: plain names and the words for a group far above / below the average
    'personas.feature.recency': 'days since last order',
    'personas.feature.recency.high': 'long since last order',
    'personas.feature.recency.low': 'ordered recently',
    'personas.feature.frequency': 'orders',
    'personas.feature.frequency.high': 'frequent buyers',
    'personas.feature.frequency.low': 'rare buyers',
    'personas.feature.monetary': 'net spend',
    'personas.feature.monetary.high': 'high spend',
    'personas.feature.monetary.low': 'low spend',
    'personas.feature.aov': 'average order value',
    'personas.feature.aov.high': 'large baskets',
    'personas.feature.aov.low': 'small baskets',
    'personas.feature.tenure': 'days since first order',
    'personas.feature.tenure.high': 'long-standing',
    'personas.feature.tenure.low': 'recently joined',
    'personas.feature.discount_share': 'discounted orders',
    'personas.feature.discount_share.high': 'coupon-driven',
    'personas.feature.discount_share.low': 'pay full price',
    'personas.feature.weekend_share': 'weekend orders',
    'personas.feature.weekend_share.high': 'weekend shoppers',
    'personas.feature.weekend_share.low': 'weekday shoppers',
    'personas.feature.night_share': 'night orders',
    'personas.feature.night_share.high': 'night owls',
    'personas.feature.night_share.low': 'daytime shoppers',
    'personas.feature.online_share': 'online orders',
    'personas.feature.online_share.high': 'online-first',
    'personas.feature.online_share.low': 'rarely online',
    'personas.feature.store_share': 'in-store orders',
    'personas.feature.store_share.high': 'in-store shoppers',
    'personas.feature.store_share.low': 'rarely in store',
    'personas.feature.community_share': 'community group-buy orders',
    'personas.feature.community_share.high': 'community group-buyers',
    'personas.feature.community_share.low': 'no group-buying',
    'personas.feature.category': 'spend share of {category}',
    'personas.feature.category.high': 'into {category}',
    'personas.feature.category.low': 'little {category}',
    'personas.summary.size': '{size} customers ({sizeShare} of all customers, {revenueShare} of revenue).',
    'personas.summary.no_buyers': 'None of them has bought yet.',
    'personas.summary.who': (p: P) => {
      const gender = p['gender'] === 'F' ? 'women' : p['gender'] === 'M' ? 'men' : 'customers'
      if (!p['age'] && !p['gender'] && !p['tier']) return 'A mixed group by age, gender and city.'
      const age = p['age'] ? `${str(p['age'])}-year-old ` : ''
      const tier = p['tier'] ? ` in ${str(TIER_EN[str(p['tier'])])}` : ''
      return `Mostly ${age}${gender}${tier}.`
    },
    'personas.summary.buy': (p: P) => {
      const days = num(p['days'])
      const category = str(p['category'])
      if (category && days !== null) return `They buy ${category} ${every(days, EVERY_EN)}.`
      if (category) return `Their top category is ${category}.`
      if (days !== null) return `They buy ${every(days, EVERY_EN)}.`
      return ''
    },
    'personas.summary.coupons': (p: P) => {
      const words: P = { all: 'Almost all', most: 'Most', half: 'About half', some: 'Some', few: 'Few' }
      return `${str(words[str(p['word'])])} of their orders use a discount or coupon (${str(p['share'])}).`
    },
    'personas.summary.channel.online': 'They mostly order online ({share}).',
    'personas.summary.channel.store': 'They mostly buy in store ({share}).',
    'personas.summary.channel.community': 'They mostly buy through community group-buys ({share}).',
    'personas.summary.aov': 'Average order value {aov}.',
    'personas.summary.clv': 'Median predicted 12-month value {clv}.',
    'personas.summary.churn': '{share} are at high churn risk.',
    'personas.summary.nps': 'NPS {score} ({respondents} answers).',
    'cli.personas.bad_int': '{field}: "{value}" is not a whole number of at least {min}.',
    'cli.personas.one_group':
      'name exactly one group: --{prefix}segment, --{prefix}cluster, --{prefix}rfm, --{prefix}lifecycle, --{prefix}tier, --{prefix}tag or --{prefix}persona.',
    'cli.personas.opt.segment': 'a saved segment (id or name)',
    'cli.personas.opt.cluster': 'a cluster of the newest cluster run (number)',
    'cli.personas.opt.rfm': "an RFM segment of the snapshot, e.g. 'At Risk'",
    'cli.personas.opt.lifecycle': 'a lifecycle stage, e.g. Loyal',
    'cli.personas.opt.tier': 'a value tier: high, potential, regular, low, churned',
    'cli.personas.opt.tag': 'the customers carrying a tag',
    'cli.personas.opt.persona': 'a buyer persona (its definition)',
    'cli.personas.opt.all': 'every customer of the snapshot',
    'cli.personas.saved': 'Saved static segment {name} ({segmentId}) with {members} customers.',
    'cli.tag.description': 'customer tags: built-in behaviour tags and your own, with explanations',
    'cli.tag.list.description': 'every tag with its description and how many customers carry it',
    'cli.tag.none': 'No tags yet: run `strata tag refresh` (or `strata analyze`).',
    'cli.tag.source.builtin': 'built-in',
    'cli.tag.source.user': 'user',
    'cli.tag.col.tag': 'tag',
    'cli.tag.col.source': 'source',
    'cli.tag.col.customers': 'customers',
    'cli.tag.col.description': 'description',
    'cli.tag.refresh.description': 'recompute every tag for a snapshot (the newest by default)',
    'cli.tag.refreshed':
      'Tags of snapshot {snapshot} (as of {asOf}): {tags} tags, {assignments} assignments.',
    'cli.tag.explain.description': "a customer's tags and why each applies",
    'cli.tag.explain.header': 'Customer {customer}: {n} tags (snapshot {snapshot})',
    'cli.tag.define.description':
      'define a tag in the segment language, e.g. strata tag define vip-night "tag = \'night-owl\' AND monetary > 5000"',
    'cli.tag.arg.name': 'tag name (letters, digits, - _ : .)',
    'cli.tag.arg.definition': 'definition in the segment language',
    'cli.tag.opt.description': 'what the tag means, for people',
    'cli.tag.defined': 'Tag {tag} defined as {canonical}: {customers} customers carry it.',
    'cli.tag.delete.description': 'delete a user tag',
    'cli.tag.deleted': 'Tag {tag} deleted.',
    'cli.cluster.description': 'automatic clusters: k-means on behaviour features, k chosen by silhouette',
    'cli.cluster.run.description': 'cluster the scored customers of a snapshot and describe each cluster',
    'cli.cluster.opt.k': 'number of clusters (default: chosen by silhouette among 2..10)',
    'cli.cluster.opt.seed': 'seed of the sampling and k-means++ draws (default 1)',
    'cli.cluster.opt.save_as': 'save every cluster as a static segment NAME-<n>',
    'cli.cluster.list.description': 'the clusters of the newest run',
    'cli.cluster.list.header': 'Clusters of run {run} (snapshot {snapshot})',
    'cli.cluster.save.description': 'save clusters of the newest run as static segments',
    'cli.cluster.arg.name': 'segment name (NAME-<n> for each cluster when --cluster is not given)',
    'cli.cluster.opt.cluster': 'only this cluster',
    'cli.cluster.done':
      'Run {run}: {customers} customers of snapshot {snapshot}, {features} features, k = {k} ({seconds} s).',
    'cli.cluster.col.silhouette': 'silhouette',
    'cli.cluster.chosen': '← chosen',
    'cli.cluster.col.cluster': 'cluster',
    'cli.cluster.col.size': 'customers',
    'cli.cluster.col.share': 'share',
    'cli.cluster.col.name': 'name',
    'cli.lookalike.description':
      'customers most like a seed group who are not in it (e.g. --seed-segment VIP)',
    'cli.lookalike.opt.limit': 'how many lookalikes (default 100)',
    'cli.lookalike.opt.save_as': 'save the lookalikes as a static segment',
    'cli.lookalike.header':
      'Lookalikes of {seed} ({size} customers with features, snapshot {snapshot}): top {n}',
    'cli.lookalike.weights': 'Weighted most: {features}',
    'cli.lookalike.reason': '{label} {value} (seed {seed}, all {overall})',
    'cli.lookalike.col.customer': 'customer',
    'cli.lookalike.col.similarity': 'similarity',
    'cli.lookalike.col.why': 'like the seed in',
    'cli.persona.description': 'persona cards for any group, and hand-written buyer personas',
    'cli.persona.show.description':
      'the persona card of a group: who they are, what and how they buy, what they are worth',
    'cli.persona.header': 'Persona card — {kind}: {group} (snapshot {snapshot}, as of {asOf})',
    'cli.persona.kind.all': 'all customers',
    'cli.persona.kind.segment': 'segment',
    'cli.persona.kind.rfm': 'RFM segment',
    'cli.persona.kind.lifecycle': 'lifecycle stage',
    'cli.persona.kind.tier': 'value tier',
    'cli.persona.kind.tag': 'tag',
    'cli.persona.kind.cluster': 'cluster',
    'cli.persona.kind.persona': 'buyer persona',
    'cli.persona.gender.F': 'women',
    'cli.persona.gender.M': 'men',
    'cli.persona.tier.tier1': 'tier 1',
    'cli.persona.tier.new_tier1': 'new tier 1',
    'cli.persona.tier.tier2': 'tier 2',
    'cli.persona.tier.tier3_below': 'tier 3 and below',
    'cli.persona.col.measure': 'measure',
    'cli.persona.row.size': 'customers (share of all)',
    'cli.persona.row.revenue': 'net spend (share of all)',
    'cli.persona.row.age': 'age',
    'cli.persona.row.gender': 'gender',
    'cli.persona.row.city_tier': 'city tier',
    'cli.persona.row.region': 'region',
    'cli.persona.row.categories': 'top categories (item spend, last year)',
    'cli.persona.row.brands': 'top brands',
    'cli.persona.row.channels': 'online / store / community orders',
    'cli.persona.row.price': 'discounted orders / tagged price-sensitive',
    'cli.persona.row.aov': 'AOV overall / median',
    'cli.persona.row.interval': 'typical days between purchases',
    'cli.persona.row.nps': 'NPS (answers)',
    'cli.persona.row.clv': '12-month CLV p25 / median / p75',
    'cli.persona.row.churn': 'churn risk',
    'cli.persona.define.description':
      'define a buyer persona (ideal customer profile) in the segment language',
    'cli.persona.arg.name': 'persona name',
    'cli.persona.defined': 'Buyer persona {name} ({definition}): {customers} matching customers.',
    'cli.persona.list.description': 'buyer personas with the number of matching customers',
    'cli.persona.none': 'No buyer personas yet: add one with `strata persona define`.',
    'cli.persona.col.name': 'persona',
    'cli.persona.col.definition': 'definition',
    'cli.persona.broken': 'definition broken',
    'cli.persona.delete.description': 'delete a buyer persona',
    'cli.persona.deleted': 'Buyer persona {name} deleted.',
    'cli.tag.after_analyze': 'Tags refreshed: {tags} tags, {assignments} assignments.',
  },
  'zh-CN': {
    'personas.tag.price-sensitive.description':
      '价格敏感：至少 {threshold}% 的订单使用了折扣或优惠券（至少 {minOrders} 单）。',
    'personas.tag.price-sensitive.why':
      '价格敏感：{orders} 单中 {share}% 使用了折扣或优惠券（阈值 {threshold}%，至少 {minOrders} 单）。',
    'personas.tag.night-owl.description':
      '夜猫子：至少 {threshold}% 的订单在 22:00–05:59 下单（至少 {minOrders} 单）。',
    'personas.tag.night-owl.why': '夜猫子：{orders} 单中 {share}% 在 22:00–05:59 下单（阈值 {threshold}%）。',
    'personas.tag.weekend-shopper.description':
      '周末购物者：至少 {threshold}% 的订单在周六或周日（至少 {minOrders} 单）。',
    'personas.tag.weekend-shopper.why':
      '周末购物者：{orders} 单中 {share}% 在周六或周日（阈值 {threshold}%）。',
    'personas.tag.community-regular.description':
      '社群团购常客：至少 {threshold}% 的订单来自社群团购（至少 {minOrders} 单）。',
    'personas.tag.community-regular.why':
      '社群团购常客：{orders} 单中 {share}% 来自社群团购（阈值 {threshold}%）。',
    'personas.tag.high-aov.description': '高客单价：客单价达到第 {quantile} 百分位及以上（≥ {cutoff}）。',
    'personas.tag.high-aov.why': '高客单价：客单价 {aov} ≥ {cutoff}（本快照第 {quantile} 百分位）。',
    'personas.tag.big-spender.description': '高消费：净消费位于第 {quantile} 百分位及以上（≥ {cutoff}）。',
    'personas.tag.big-spender.why': '高消费：净消费 {monetary} ≥ {cutoff}（本快照第 {quantile} 百分位）。',
    'personas.tag.lapsed-vip.description':
      '沉睡 VIP：净消费位于第 {quantile} 百分位及以上（≥ {cutoff}），且超过 {days} 天未购买。',
    'personas.tag.lapsed-vip.why':
      '沉睡 VIP：累计消费 {monetary}（≥ {cutoff}，第 {quantile} 百分位），但最近一次购买在 {recency} 天前（超过 {days} 天）。',
    'personas.tag.new-parent.description':
      '新手父母：近一年至少 {threshold}% 的订单（且至少 {minOrders} 单）包含母婴用品（{categories}）。',
    'personas.tag.new-parent.why':
      '新手父母：近一年 {orders} 单中有 {babyOrders} 单（{share}%）包含母婴用品（{categories}）；阈值 {threshold}%、{minOrders} 单。',
    'personas.tag.one-time-buyer.description': '一次性购买者：迄今只购买过一次。',
    'personas.tag.one-time-buyer.why': '一次性购买者：仅购买过一次，在 {recency} 天前。',
    'personas.tag.refund-prone.description':
      '高退款：至少 {minRefunds} 次退款，且至少 {threshold}% 的订单退款。',
    'personas.tag.refund-prone.why':
      '高退款：退款 {refunds} 次，占订单 {share}%（阈值 {threshold}%，至少 {minRefunds} 次）。',
    'personas.tag.category-lover.description':
      '品类偏好（category-lover:<品类>）：至少 {threshold}% 的商品消费集中在一个品类（至少 {minOrders} 单）。',
    'personas.tag.category-lover.why':
      '偏爱{category}：近一年 {share}% 的商品消费在该品类（阈值 {threshold}%，{orders} 单）。',
    'personas.tag.user.why': '符合定义：{definition}',
    'personas.tag.unknown.why': '来自旧版本的标签；请刷新标签以重新计算。',
    'personas.tag.definition_broken': '用户标签“{tag}”的定义已无法编译；修复之前不会分配给任何客户。',
    'personas.tag.bad_name':
      '“{tag}”不是有效的标签名：请使用字母、数字、“-”、“_”、“:”或“.”（不含空格），最多 63 个字符。',
    'personas.tag.builtin_name': '“{tag}”是内置标签：请为用户标签另取名字。',
    'personas.tag.not_found': '没有名为“{tag}”的标签。',
    'personas.language_unavailable': '当前版本不含分群语言：无法编译“{text}”。',
    'personas.segment_not_found': '没有 ID 或名称为“{segment}”的分群。',
    'personas.customer_not_found': '没有客户 {customer}。',
    'personas.bad_group.rfm': '未知的 RFM 分群“{value}”；可选：{expected}。',
    'personas.bad_group.lifecycle': '未知的生命周期阶段“{value}”；可选：{expected}。',
    'personas.bad_group.tier': '未知的价值层级“{value}”；可选：{expected}。',
    'personas.persona.not_found': '没有名为“{name}”的买家画像。',
    'personas.persona.empty': '该群体为空：快照 {snapshot} 中没有客户属于它。',
    'personas.cluster.bad_k': '“{k}”不是有效的聚类数（从 1 开始的整数）。',
    'personas.cluster.too_few': '只有 {n} 个已评分客户：不足以分成 {k} 个聚类。',
    'personas.cluster.no_run': '还没有聚类：请先运行 `strata cluster run`。',
    'personas.cluster.not_found': '聚类 {cluster} 不存在（最近一次运行有 {k} 个聚类）。',
    'personas.cluster.average': '普通客户',
    'personas.cluster.average_description': '各项特征都接近整体平均水平。',
    'personas.cluster.contrast': '{label}（{value}，整体 {overall}）',
    'personas.list.separator': ' · ',
    'personas.list.sentence_separator': '；',
    'personas.unit.days': '{n} 天',
    'personas.feature.recency': '距上次下单天数',
    'personas.feature.recency.high': '久未下单',
    'personas.feature.recency.low': '近期下单',
    'personas.feature.frequency': '订单数',
    'personas.feature.frequency.high': '高频购买',
    'personas.feature.frequency.low': '低频购买',
    'personas.feature.monetary': '净消费',
    'personas.feature.monetary.high': '高消费',
    'personas.feature.monetary.low': '低消费',
    'personas.feature.aov': '客单价',
    'personas.feature.aov.high': '大额订单',
    'personas.feature.aov.low': '小额订单',
    'personas.feature.tenure': '距首单天数',
    'personas.feature.tenure.high': '老客户',
    'personas.feature.tenure.low': '新近加入',
    'personas.feature.discount_share': '折扣订单占比',
    'personas.feature.discount_share.high': '依赖优惠券',
    'personas.feature.discount_share.low': '原价购买',
    'personas.feature.weekend_share': '周末订单占比',
    'personas.feature.weekend_share.high': '周末购物',
    'personas.feature.weekend_share.low': '工作日购物',
    'personas.feature.night_share': '夜间订单占比',
    'personas.feature.night_share.high': '夜间下单',
    'personas.feature.night_share.low': '白天下单',
    'personas.feature.online_share': '线上订单占比',
    'personas.feature.online_share.high': '线上为主',
    'personas.feature.online_share.low': '很少线上',
    'personas.feature.store_share': '门店订单占比',
    'personas.feature.store_share.high': '门店为主',
    'personas.feature.store_share.low': '很少到店',
    'personas.feature.community_share': '社群团购订单占比',
    'personas.feature.community_share.high': '社群团购为主',
    'personas.feature.community_share.low': '不参与团购',
    'personas.feature.category': '{category}消费占比',
    'personas.feature.category.high': '偏爱{category}',
    'personas.feature.category.low': '少买{category}',
    'personas.summary.size': '{size} 位客户（占全部客户 {sizeShare}，贡献收入 {revenueShare}）。',
    'personas.summary.no_buyers': '他们都还没有购买。',
    'personas.summary.who': (p: P) => {
      if (!p['age'] && !p['gender'] && !p['tier']) return '年龄、性别和城市分布较分散。'
      const gender = p['gender'] === 'F' ? '女性' : p['gender'] === 'M' ? '男性' : '客户'
      const age = p['age'] ? `${str(p['age'])} 岁的` : ''
      return `以${p['tier'] ? str(TIER_CN[str(p['tier'])]) : ''}${age}${gender}为主。`
    },
    'personas.summary.buy': (p: P) => {
      const days = num(p['days'])
      const category = str(p['category'])
      if (category && days !== null) return `${every(days, EVERY_CN)}购买一次，最常买${category}。`
      if (category) return `最常购买${category}。`
      if (days !== null) return `平均${every(days, EVERY_CN)}购买一次。`
      return ''
    },
    'personas.summary.coupons': (p: P) => {
      const words: P = { all: '几乎所有', most: '多数', half: '约一半', some: '部分', few: '很少' }
      return `${str(words[str(p['word'])])}订单使用折扣或优惠券（${str(p['share'])}）。`
    },
    'personas.summary.channel.online': '主要在线上下单（{share}）。',
    'personas.summary.channel.store': '主要在门店购买（{share}）。',
    'personas.summary.channel.community': '主要通过社群团购下单（{share}）。',
    'personas.summary.aov': '客单价 {aov}。',
    'personas.summary.clv': '预测 12 个月价值中位数 {clv}。',
    'personas.summary.churn': '{share} 处于高流失风险。',
    'personas.summary.nps': 'NPS 为 {score}（{respondents} 份回答）。',
    'cli.personas.bad_int': '{field}：“{value}”不是不小于 {min} 的整数。',
    'cli.personas.one_group':
      '请指定且只指定一个群体：--{prefix}segment、--{prefix}cluster、--{prefix}rfm、--{prefix}lifecycle、--{prefix}tier、--{prefix}tag 或 --{prefix}persona。',
    'cli.personas.opt.segment': '已保存的分群（ID 或名称）',
    'cli.personas.opt.cluster': '最近一次聚类中的某个聚类（编号）',
    'cli.personas.opt.rfm': "快照中的 RFM 分群，例如 'At Risk' 或 流失风险",
    'cli.personas.opt.lifecycle': '生命周期阶段，例如 Loyal',
    'cli.personas.opt.tier': '价值层级：high、potential、regular、low、churned',
    'cli.personas.opt.tag': '带有某个标签的客户',
    'cli.personas.opt.persona': '买家画像（按其定义）',
    'cli.personas.opt.all': '快照中的全部客户',
    'cli.personas.saved': '已保存静态分群 {name}（{segmentId}），共 {members} 位客户。',
    'cli.tag.description': '客户标签：内置行为标签和自定义标签，附解释',
    'cli.tag.list.description': '列出所有标签、说明及带有该标签的客户数',
    'cli.tag.none': '还没有标签：请运行 `strata tag refresh`（或 `strata analyze`）。',
    'cli.tag.source.builtin': '内置',
    'cli.tag.source.user': '自定义',
    'cli.tag.col.tag': '标签',
    'cli.tag.col.source': '来源',
    'cli.tag.col.customers': '客户数',
    'cli.tag.col.description': '说明',
    'cli.tag.refresh.description': '为某个快照（默认最新）重新计算全部标签',
    'cli.tag.refreshed': '快照 {snapshot}（截至 {asOf}）的标签：{tags} 个标签，{assignments} 条分配。',
    'cli.tag.explain.description': '某位客户的标签及原因',
    'cli.tag.explain.header': '客户 {customer}：{n} 个标签（快照 {snapshot}）',
    'cli.tag.define.description':
      '用分群语言定义标签，例如 strata tag define vip-night "tag = \'night-owl\' AND monetary > 5000"',
    'cli.tag.arg.name': '标签名（字母、数字、- _ : .）',
    'cli.tag.arg.definition': '分群语言写的定义',
    'cli.tag.opt.description': '标签含义的说明',
    'cli.tag.defined': '标签 {tag} 已定义为 {canonical}：{customers} 位客户带有该标签。',
    'cli.tag.delete.description': '删除自定义标签',
    'cli.tag.deleted': '标签 {tag} 已删除。',
    'cli.cluster.description': '自动聚类：基于行为特征的 k-means，按轮廓系数选择 k',
    'cli.cluster.run.description': '对快照中已评分的客户聚类，并描述每个聚类',
    'cli.cluster.opt.k': '聚类数（默认：在 2..10 中按轮廓系数选择）',
    'cli.cluster.opt.seed': '抽样和 k-means++ 的随机种子（默认 1）',
    'cli.cluster.opt.save_as': '把每个聚类保存为静态分群 NAME-<编号>',
    'cli.cluster.list.description': '最近一次运行的聚类',
    'cli.cluster.list.header': '运行 {run} 的聚类（快照 {snapshot}）',
    'cli.cluster.save.description': '把最近一次运行的聚类保存为静态分群',
    'cli.cluster.arg.name': '分群名称（未指定 --cluster 时每个聚类为 NAME-<编号>）',
    'cli.cluster.opt.cluster': '只保存这个聚类',
    'cli.cluster.done':
      '运行 {run}：快照 {snapshot} 的 {customers} 位客户，{features} 个特征，k = {k}（{seconds} 秒）。',
    'cli.cluster.col.silhouette': '轮廓系数',
    'cli.cluster.chosen': '← 选中',
    'cli.cluster.col.cluster': '聚类',
    'cli.cluster.col.size': '客户数',
    'cli.cluster.col.share': '占比',
    'cli.cluster.col.name': '名称',
    'cli.lookalike.description': '与种子群体最相似、但不在其中的客户（例如 --seed-segment VIP）',
    'cli.lookalike.opt.limit': '返回多少位相似客户（默认 100）',
    'cli.lookalike.opt.save_as': '把相似客户保存为静态分群',
    'cli.lookalike.header': '{seed} 的相似客户（{size} 位有特征的种子客户，快照 {snapshot}）：前 {n} 位',
    'cli.lookalike.weights': '权重最高的特征：{features}',
    'cli.lookalike.reason': '{label} {value}（种子 {seed}，整体 {overall}）',
    'cli.lookalike.col.customer': '客户',
    'cli.lookalike.col.similarity': '相似度',
    'cli.lookalike.col.why': '与种子相似之处',
    'cli.persona.description': '任意群体的客户画像卡，以及手工定义的买家画像',
    'cli.persona.show.description': '群体的画像卡：他们是谁、买什么、怎么买、价值多少',
    'cli.persona.header': '客户画像 — {kind}：{group}（快照 {snapshot}，截至 {asOf}）',
    'cli.persona.kind.all': '全部客户',
    'cli.persona.kind.segment': '分群',
    'cli.persona.kind.rfm': 'RFM 分群',
    'cli.persona.kind.lifecycle': '生命周期阶段',
    'cli.persona.kind.tier': '价值层级',
    'cli.persona.kind.tag': '标签',
    'cli.persona.kind.cluster': '聚类',
    'cli.persona.kind.persona': '买家画像',
    'cli.persona.gender.F': '女性',
    'cli.persona.gender.M': '男性',
    'cli.persona.tier.tier1': '一线',
    'cli.persona.tier.new_tier1': '新一线',
    'cli.persona.tier.tier2': '二线',
    'cli.persona.tier.tier3_below': '三线及以下',
    'cli.persona.col.measure': '指标',
    'cli.persona.row.size': '客户数（占全部）',
    'cli.persona.row.revenue': '净消费（占全部）',
    'cli.persona.row.age': '年龄',
    'cli.persona.row.gender': '性别',
    'cli.persona.row.city_tier': '城市等级',
    'cli.persona.row.region': '地区',
    'cli.persona.row.categories': '主要品类（近一年商品消费）',
    'cli.persona.row.brands': '主要品牌',
    'cli.persona.row.channels': '线上 / 门店 / 社群订单',
    'cli.persona.row.price': '折扣订单 / 价格敏感标签',
    'cli.persona.row.aov': '客单价 整体 / 中位数',
    'cli.persona.row.interval': '典型购买间隔（天）',
    'cli.persona.row.nps': 'NPS（回答数）',
    'cli.persona.row.clv': '12 个月 CLV p25 / 中位数 / p75',
    'cli.persona.row.churn': '流失风险',
    'cli.persona.define.description': '用分群语言定义买家画像（理想客户画像）',
    'cli.persona.arg.name': '画像名称',
    'cli.persona.defined': '买家画像 {name}（{definition}）：{customers} 位客户符合。',
    'cli.persona.list.description': '买家画像及符合的客户数',
    'cli.persona.none': '还没有买家画像：用 `strata persona define` 添加。',
    'cli.persona.col.name': '画像',
    'cli.persona.col.definition': '定义',
    'cli.persona.broken': '定义已失效',
    'cli.persona.delete.description': '删除买家画像',
    'cli.persona.deleted': '买家画像 {name} 已删除。',
    'cli.tag.after_analyze': '标签已刷新：{tags} 个标签，{assignments} 条分配。',
  },
  'zh-TW': {
    'personas.tag.price-sensitive.description':
      '價格敏感：至少 {threshold}% 的訂單使用了折扣或優惠券（至少 {minOrders} 筆）。',
    'personas.tag.price-sensitive.why':
      '價格敏感：{orders} 筆訂單中 {share}% 使用了折扣或優惠券（門檻 {threshold}%，至少 {minOrders} 筆）。',
    'personas.tag.night-owl.description':
      '夜貓子：至少 {threshold}% 的訂單在 22:00–05:59 下單（至少 {minOrders} 筆）。',
    'personas.tag.night-owl.why':
      '夜貓子：{orders} 筆訂單中 {share}% 在 22:00–05:59 下單（門檻 {threshold}%）。',
    'personas.tag.weekend-shopper.description':
      '週末購物者：至少 {threshold}% 的訂單在週六或週日（至少 {minOrders} 筆）。',
    'personas.tag.weekend-shopper.why':
      '週末購物者：{orders} 筆訂單中 {share}% 在週六或週日（門檻 {threshold}%）。',
    'personas.tag.community-regular.description':
      '社群團購常客：至少 {threshold}% 的訂單來自社群團購（至少 {minOrders} 筆）。',
    'personas.tag.community-regular.why':
      '社群團購常客：{orders} 筆訂單中 {share}% 來自社群團購（門檻 {threshold}%）。',
    'personas.tag.high-aov.description': '高客單價：客單價達到第 {quantile} 百分位及以上（≥ {cutoff}）。',
    'personas.tag.high-aov.why': '高客單價：客單價 {aov} ≥ {cutoff}（本快照第 {quantile} 百分位）。',
    'personas.tag.big-spender.description': '高消費：淨消費位於第 {quantile} 百分位以上（≥ {cutoff}）。',
    'personas.tag.big-spender.why': '高消費：淨消費 {monetary} ≥ {cutoff}（本快照第 {quantile} 百分位）。',
    'personas.tag.lapsed-vip.description':
      '沉睡 VIP：淨消費位於第 {quantile} 百分位以上（≥ {cutoff}），且超過 {days} 天未購買。',
    'personas.tag.lapsed-vip.why':
      '沉睡 VIP：累計消費 {monetary}（≥ {cutoff}，第 {quantile} 百分位），但最近一次購買在 {recency} 天前（超過 {days} 天）。',
    'personas.tag.new-parent.description':
      '新手父母：近一年至少 {threshold}% 的訂單（且至少 {minOrders} 筆）包含母嬰用品（{categories}）。',
    'personas.tag.new-parent.why':
      '新手父母：近一年 {orders} 筆訂單中有 {babyOrders} 筆（{share}%）包含母嬰用品（{categories}）；門檻 {threshold}%、{minOrders} 筆。',
    'personas.tag.one-time-buyer.description': '一次性購買者：迄今只購買過一次。',
    'personas.tag.one-time-buyer.why': '一次性購買者：僅購買過一次，在 {recency} 天前。',
    'personas.tag.refund-prone.description':
      '高退款：至少 {minRefunds} 次退款，且至少 {threshold}% 的訂單退款。',
    'personas.tag.refund-prone.why':
      '高退款：退款 {refunds} 次，佔訂單 {share}%（門檻 {threshold}%，至少 {minRefunds} 次）。',
    'personas.tag.category-lover.description':
      '品類偏好（category-lover:<品類>）：至少 {threshold}% 的商品消費集中在一個品類（至少 {minOrders} 筆）。',
    'personas.tag.category-lover.why':
      '偏愛{category}：近一年 {share}% 的商品消費在該品類（門檻 {threshold}%，{orders} 筆）。',
    'personas.tag.user.why': '符合定義：{definition}',
    'personas.tag.unknown.why': '來自舊版本的標籤；請重新整理標籤以重新計算。',
    'personas.tag.definition_broken': '使用者標籤「{tag}」的定義已無法編譯；修正之前不會指派給任何客戶。',
    'personas.tag.bad_name':
      '「{tag}」不是有效的標籤名稱：請使用字母、數字、「-」、「_」、「:」或「.」（不含空格），最多 63 個字元。',
    'personas.tag.builtin_name': '「{tag}」是內建標籤：請為使用者標籤另取名稱。',
    'personas.tag.not_found': '沒有名為「{tag}」的標籤。',
    'personas.language_unavailable': '此版本不含分群語言：無法編譯「{text}」。',
    'personas.segment_not_found': '沒有 ID 或名稱為「{segment}」的分群。',
    'personas.customer_not_found': '沒有客戶 {customer}。',
    'personas.bad_group.rfm': '未知的 RFM 分群「{value}」；可選：{expected}。',
    'personas.bad_group.lifecycle': '未知的生命週期階段「{value}」；可選：{expected}。',
    'personas.bad_group.tier': '未知的價值層級「{value}」；可選：{expected}。',
    'personas.persona.not_found': '沒有名為「{name}」的買家輪廓。',
    'personas.persona.empty': '此群體為空：快照 {snapshot} 中沒有客戶屬於它。',
    'personas.cluster.bad_k': '「{k}」不是有效的分群數（從 1 開始的整數）。',
    'personas.cluster.too_few': '只有 {n} 位已評分客戶：不足以分成 {k} 群。',
    'personas.cluster.no_run': '尚無分群結果：請先執行 `strata cluster run`。',
    'personas.cluster.not_found': '群 {cluster} 不存在（最近一次執行有 {k} 群）。',
    'personas.cluster.average': '一般客戶',
    'personas.cluster.average_description': '各項特徵都接近整體平均。',
    'personas.cluster.contrast': '{label}（{value}，整體 {overall}）',
    'personas.list.separator': ' · ',
    'personas.list.sentence_separator': '；',
    'personas.unit.days': '{n} 天',
    'personas.feature.recency': '距上次下單天數',
    'personas.feature.recency.high': '久未下單',
    'personas.feature.recency.low': '近期下單',
    'personas.feature.frequency': '訂單數',
    'personas.feature.frequency.high': '高頻購買',
    'personas.feature.frequency.low': '低頻購買',
    'personas.feature.monetary': '淨消費',
    'personas.feature.monetary.high': '高消費',
    'personas.feature.monetary.low': '低消費',
    'personas.feature.aov': '客單價',
    'personas.feature.aov.high': '大額訂單',
    'personas.feature.aov.low': '小額訂單',
    'personas.feature.tenure': '距首單天數',
    'personas.feature.tenure.high': '老客戶',
    'personas.feature.tenure.low': '新近加入',
    'personas.feature.discount_share': '折扣訂單佔比',
    'personas.feature.discount_share.high': '依賴優惠券',
    'personas.feature.discount_share.low': '原價購買',
    'personas.feature.weekend_share': '週末訂單佔比',
    'personas.feature.weekend_share.high': '週末購物',
    'personas.feature.weekend_share.low': '平日購物',
    'personas.feature.night_share': '夜間訂單佔比',
    'personas.feature.night_share.high': '夜間下單',
    'personas.feature.night_share.low': '白天下單',
    'personas.feature.online_share': '線上訂單佔比',
    'personas.feature.online_share.high': '線上為主',
    'personas.feature.online_share.low': '很少線上',
    'personas.feature.store_share': '門市訂單佔比',
    'personas.feature.store_share.high': '門市為主',
    'personas.feature.store_share.low': '很少到店',
    'personas.feature.community_share': '社群團購訂單佔比',
    'personas.feature.community_share.high': '社群團購為主',
    'personas.feature.community_share.low': '不參與團購',
    'personas.feature.category': '{category}消費佔比',
    'personas.feature.category.high': '偏愛{category}',
    'personas.feature.category.low': '少買{category}',
    'personas.summary.size': '{size} 位客戶（佔全部客戶 {sizeShare}，貢獻營收 {revenueShare}）。',
    'personas.summary.no_buyers': '他們都還沒有購買。',
    'personas.summary.who': (p: P) => {
      if (!p['age'] && !p['gender'] && !p['tier']) return '年齡、性別和城市分布較分散。'
      const gender = p['gender'] === 'F' ? '女性' : p['gender'] === 'M' ? '男性' : '客戶'
      const age = p['age'] ? `${str(p['age'])} 歲的` : ''
      return `以${p['tier'] ? str(TIER_TW[str(p['tier'])]) : ''}${age}${gender}為主。`
    },
    'personas.summary.buy': (p: P) => {
      const days = num(p['days'])
      const category = str(p['category'])
      if (category && days !== null) return `${every(days, EVERY_TW)}購買一次，最常買${category}。`
      if (category) return `最常購買${category}。`
      if (days !== null) return `平均${every(days, EVERY_TW)}購買一次。`
      return ''
    },
    'personas.summary.coupons': (p: P) => {
      const words: P = { all: '幾乎所有', most: '多數', half: '約一半', some: '部分', few: '很少' }
      return `${str(words[str(p['word'])])}訂單使用折扣或優惠券（${str(p['share'])}）。`
    },
    'personas.summary.channel.online': '主要在線上下單（{share}）。',
    'personas.summary.channel.store': '主要在門市購買（{share}）。',
    'personas.summary.channel.community': '主要透過社群團購下單（{share}）。',
    'personas.summary.aov': '客單價 {aov}。',
    'personas.summary.clv': '預測 12 個月價值中位數 {clv}。',
    'personas.summary.churn': '{share} 處於高流失風險。',
    'personas.summary.nps': 'NPS 為 {score}（{respondents} 份回答）。',
    'cli.personas.bad_int': '{field}：“{value}”不是不小於 {min} 的整數。',
    'cli.personas.one_group':
      '請指定且只指定一個群體：--{prefix}segment、--{prefix}cluster、--{prefix}rfm、--{prefix}lifecycle、--{prefix}tier、--{prefix}tag 或 --{prefix}persona。',
    'cli.personas.opt.segment': '已儲存的分群（ID 或名稱）',
    'cli.personas.opt.cluster': '最近一次群集中的某個群集（編號）',
    'cli.personas.opt.rfm': "快照中的 RFM 分群，例如 'At Risk' 或 流失風險",
    'cli.personas.opt.lifecycle': '生命週期階段，例如 Loyal',
    'cli.personas.opt.tier': '價值層級：high、potential、regular、low、churned',
    'cli.personas.opt.tag': '帶有某個標籤的客戶',
    'cli.personas.opt.persona': '買家輪廓（依其定義）',
    'cli.personas.opt.all': '快照中的全部客戶',
    'cli.personas.saved': '已儲存靜態分群 {name}（{segmentId}），共 {members} 位客戶。',
    'cli.tag.description': '客戶標籤：內建行為標籤和自定義標籤，附說明',
    'cli.tag.list.description': '列出所有標籤、說明及帶有該標籤的客戶數',
    'cli.tag.none': '還沒有標籤：請執行 `strata tag refresh`（或 `strata analyze`）。',
    'cli.tag.source.builtin': '內建',
    'cli.tag.source.user': '自定義',
    'cli.tag.col.tag': '標籤',
    'cli.tag.col.source': '來源',
    'cli.tag.col.customers': '客戶數',
    'cli.tag.col.description': '說明',
    'cli.tag.refresh.description': '為某個快照（預設最新）重新計算全部標籤',
    'cli.tag.refreshed': '快照 {snapshot}（截至 {asOf}）的標籤：{tags} 個標籤，{assignments} 筆指派。',
    'cli.tag.explain.description': '某位客戶的標籤及原因',
    'cli.tag.explain.header': '客戶 {customer}：{n} 個標籤（快照 {snapshot}）',
    'cli.tag.define.description':
      '用分群語言定義標籤，例如 strata tag define vip-night "tag = \'night-owl\' AND monetary > 5000"',
    'cli.tag.arg.name': '標籤名（字母、數字、- _ : .）',
    'cli.tag.arg.definition': '分群語言寫的定義',
    'cli.tag.opt.description': '標籤含義的說明',
    'cli.tag.defined': '標籤 {tag} 已定義為 {canonical}：{customers} 位客戶帶有該標籤。',
    'cli.tag.delete.description': '刪除自定義標籤',
    'cli.tag.deleted': '標籤 {tag} 已刪除。',
    'cli.cluster.description': '自動群集：基於行為特徵的 k-means，按輪廓係數選擇 k',
    'cli.cluster.run.description': '對快照中已評分的客戶群集，並描述每個群集',
    'cli.cluster.opt.k': '群集數（預設：在 2..10 中按輪廓係數選擇）',
    'cli.cluster.opt.seed': '抽樣和 k-means++ 的隨機種子（預設 1）',
    'cli.cluster.opt.save_as': '把每個群集儲存為靜態分群 NAME-<編號>',
    'cli.cluster.list.description': '最近一次執行的群集',
    'cli.cluster.list.header': '執行 {run} 的群集（快照 {snapshot}）',
    'cli.cluster.save.description': '把最近一次執行的群集儲存為靜態分群',
    'cli.cluster.arg.name': '分群名稱（未指定 --cluster 時每個群集為 NAME-<編號>）',
    'cli.cluster.opt.cluster': '只儲存這個群集',
    'cli.cluster.done':
      '執行 {run}：快照 {snapshot} 的 {customers} 位客戶，{features} 個特徵，k = {k}（{seconds} 秒）。',
    'cli.cluster.col.silhouette': '輪廓係數',
    'cli.cluster.chosen': '← 選中',
    'cli.cluster.col.cluster': '群集',
    'cli.cluster.col.size': '客戶數',
    'cli.cluster.col.share': '佔比',
    'cli.cluster.col.name': '名稱',
    'cli.lookalike.description': '與種子群體最相似、但不在其中的客戶（例如 --seed-segment VIP）',
    'cli.lookalike.opt.limit': '回傳多少位相似客戶（預設 100）',
    'cli.lookalike.opt.save_as': '把相似客戶儲存為靜態分群',
    'cli.lookalike.header': '{seed} 的相似客戶（{size} 位有特徵的種子客戶，快照 {snapshot}）：前 {n} 位',
    'cli.lookalike.weights': '權重最高的特徵：{features}',
    'cli.lookalike.reason': '{label} {value}（種子 {seed}，整體 {overall}）',
    'cli.lookalike.col.customer': '客戶',
    'cli.lookalike.col.similarity': '相似度',
    'cli.lookalike.col.why': '與種子相似之處',
    'cli.persona.description': '任意群體的客戶輪廓卡，以及手動定義的買家輪廓',
    'cli.persona.show.description': '群體的輪廓卡：他們是誰、買什麼、怎麼買、價值多少',
    'cli.persona.header': '客戶輪廓 — {kind}：{group}（快照 {snapshot}，截至 {asOf}）',
    'cli.persona.kind.all': '全部客戶',
    'cli.persona.kind.segment': '分群',
    'cli.persona.kind.rfm': 'RFM 分群',
    'cli.persona.kind.lifecycle': '生命週期階段',
    'cli.persona.kind.tier': '價值層級',
    'cli.persona.kind.tag': '標籤',
    'cli.persona.kind.cluster': '分群',
    'cli.persona.kind.persona': '買家輪廓',
    'cli.persona.gender.F': '女性',
    'cli.persona.gender.M': '男性',
    'cli.persona.tier.tier1': '一線',
    'cli.persona.tier.new_tier1': '新一線',
    'cli.persona.tier.tier2': '二線',
    'cli.persona.tier.tier3_below': '三線及以下',
    'cli.persona.col.measure': '指標',
    'cli.persona.row.size': '客戶數（佔全部）',
    'cli.persona.row.revenue': '淨消費（佔全部）',
    'cli.persona.row.age': '年齡',
    'cli.persona.row.gender': '性別',
    'cli.persona.row.city_tier': '城市等級',
    'cli.persona.row.region': '地區',
    'cli.persona.row.categories': '主要品類（近一年商品消費）',
    'cli.persona.row.brands': '主要品牌',
    'cli.persona.row.channels': '線上 / 門市 / 社群訂單',
    'cli.persona.row.price': '折扣訂單 / 價格敏感標籤',
    'cli.persona.row.aov': '客單價 整體 / 中位數',
    'cli.persona.row.interval': '典型購買間隔（天）',
    'cli.persona.row.nps': 'NPS（回答數）',
    'cli.persona.row.clv': '12 個月 CLV p25 / 中位數 / p75',
    'cli.persona.row.churn': '流失風險',
    'cli.persona.define.description': '用分群語言定義買家輪廓（理想客戶輪廓）',
    'cli.persona.arg.name': '輪廓名稱',
    'cli.persona.defined': '買家輪廓 {name}（{definition}）：{customers} 位客戶符合。',
    'cli.persona.list.description': '買家輪廓及符合的客戶數',
    'cli.persona.none': '還沒有買家輪廓：用 `strata persona define` 新增。',
    'cli.persona.col.name': '輪廓',
    'cli.persona.col.definition': '定義',
    'cli.persona.broken': '定義已失效',
    'cli.persona.delete.description': '刪除買家輪廓',
    'cli.persona.deleted': '買家輪廓 {name} 已刪除。',
    'cli.tag.after_analyze': '標籤已重新整理：{tags} 個標籤，{assignments} 筆指派。',
  },
})
