import type { Lang } from '../locale.js'
import { type Message, registerCatalog } from '../translate.js'

// Messages of the segment query language (src/segments/language). Diagnostics carry the offending span;
// these texts say what is wrong and what to write instead, in the marketer's words.

type P = Record<string, unknown>

const TYPE: Record<Lang, Record<string, string>> = {
  en: {
    number: 'a number',
    text: 'text',
    boolean: 'true/false',
    date: 'a date',
    timestamp: 'a date',
    duration: 'a length of time (like 90d)',
    word: 'an unquoted word',
    count: 'a whole number of at least 1',
  },
  'zh-CN': {
    number: '数字',
    text: '文本',
    boolean: '布尔值(true/false)',
    date: '日期',
    timestamp: '日期',
    duration: '时长(如 90d)',
    word: '未加引号的词',
    count: '不小于 1 的整数',
  },
  'zh-TW': {
    number: '數字',
    text: '文字',
    boolean: '布林值(true/false)',
    date: '日期',
    timestamp: '日期',
    duration: '時長(如 90d)',
    word: '未加引號的詞',
    count: '不小於 1 的整數',
  },
}

const EXPECTED: Record<Lang, Record<string, string>> = {
  en: {
    condition: 'a condition (a field such as city, or a function such as orders_count)',
    operator: 'an operator (=, !=, <, <=, >, >=, IN, NOT IN, BETWEEN, CONTAINS, IS NULL)',
    value: "a value ('text', a number, true/false, a date such as 2024-03-05, -30d or today)",
    close_paren: '`)`',
    open_paren: '`(`',
    and: '`AND` (BETWEEN low AND high)',
    null: '`NULL` (IS NULL / IS NOT NULL)',
    end: '`AND`, `OR` or the end of the definition',
  },
  'zh-CN': {
    condition: '一个条件(字段如 city,或函数如 orders_count)',
    operator: '运算符(=、!=、<、<=、>、>=、IN、NOT IN、BETWEEN、CONTAINS、IS NULL)',
    value: "一个值('文本'、数字、true/false、日期如 2024-03-05、-30d 或 today)",
    close_paren: '`)`',
    open_paren: '`(`',
    and: '`AND`(BETWEEN 下限 AND 上限)',
    null: '`NULL`(IS NULL / IS NOT NULL)',
    end: '`AND`、`OR` 或定义结束',
  },
  'zh-TW': {
    condition: '一個條件(欄位如 city,或函式如 orders_count)',
    operator: '運算子(=、!=、<、<=、>、>=、IN、NOT IN、BETWEEN、CONTAINS、IS NULL)',
    value: "一個值('文字'、數字、true/false、日期如 2024-03-05、-30d 或 today)",
    close_paren: '`)`',
    open_paren: '`(`',
    and: '`AND`(BETWEEN 下限 AND 上限)',
    null: '`NULL`(IS NULL / IS NOT NULL)',
    end: '`AND`、`OR` 或定義結束',
  },
}

const END: Record<Lang, string> = { en: 'the end of the text', 'zh-CN': '文本末尾', 'zh-TW': '文字結尾' }
const typeName = (lang: Lang, v: unknown) => TYPE[lang][String(v)] ?? String(v)
const found = (lang: Lang, v: unknown) => (v ? `\`${String(v)}\`` : END[lang])

function mean(lang: Lang, suggestion: unknown): string {
  if (suggestion === undefined || suggestion === null || suggestion === '') return ''
  const s = String(suggestion)
  return lang === 'en'
    ? ` Did you mean \`${s}\`?`
    : lang === 'zh-CN'
      ? `你是不是想写 \`${s}\`?`
      : `你是不是想寫 \`${s}\`?`
}

function messages(lang: Lang): Record<string, Message> {
  const T = (v: unknown) => typeName(lang, v)
  const M = (v: unknown) => mean(lang, v)
  const pick = (en: string, cn: string, tw: string) => (lang === 'en' ? en : lang === 'zh-CN' ? cn : tw)
  return {
    'segment.syntax.too_long': (p: P) =>
      pick(
        `the definition is too long (more than ${p['max']} characters).`,
        `定义太长(超过 ${p['max']} 个字符)。`,
        `定義太長(超過 ${p['max']} 個字元)。`,
      ),
    'segment.syntax.empty': pick(
      "the definition is empty: write a condition such as city = '上海'.",
      "定义为空:请写一个条件,例如 city = '上海'。",
      "定義為空:請寫一個條件,例如 city = '上海'。",
    ),
    'segment.syntax.unexpected_char': (p: P) =>
      pick(
        `unexpected character \`${p['char']}\`.`,
        `无法识别的字符 \`${p['char']}\`。`,
        `無法識別的字元 \`${p['char']}\`。`,
      ),
    'segment.syntax.unterminated_string': (p: P) =>
      pick(
        `this text is never closed: add the closing quote ${p['quote']}.`,
        `文本没有结束:请补上右引号 ${p['quote']}。`,
        `文字沒有結束:請補上右引號 ${p['quote']}。`,
      ),
    'segment.syntax.bad_escape': (p: P) =>
      pick(
        `unknown escape \`${p['text']}\` in text (use \\\\, \\', \\", \\n or \\t).`,
        `文本中有无效的转义 \`${p['text']}\`(可用 \\\\、\\'、\\"、\\n、\\t)。`,
        `文字中有無效的跳脫字元 \`${p['text']}\`(可用 \\\\、\\'、\\"、\\n、\\t)。`,
      ),
    'segment.syntax.bad_number': (p: P) =>
      pick(
        `\`${p['text']}\` is not a number or a length of time (write 3, 0.5, 90d, 8w, 6m, 1y or -30d).`,
        `\`${p['text']}\` 不是数字或时长(可写 3、0.5、90d、8w、6m、1y 或 -30d)。`,
        `\`${p['text']}\` 不是數字或時長(可寫 3、0.5、90d、8w、6m、1y 或 -30d)。`,
      ),
    'segment.syntax.too_far': (p: P) =>
      pick(
        `\`${p['text']}\` reaches too far (at most ${p['years']} years before or after the as-of date).`,
        `\`${p['text']}\` 超出范围(距分析日最多 ${p['years']} 年)。`,
        `\`${p['text']}\` 超出範圍(距分析日最多 ${p['years']} 年)。`,
      ),
    'segment.syntax.bad_date': (p: P) =>
      pick(
        `\`${p['text']}\` is not a calendar date (write YYYY-MM-DD, e.g. 2024-03-05).`,
        `\`${p['text']}\` 不是有效日期(请写 YYYY-MM-DD,如 2024-03-05)。`,
        `\`${p['text']}\` 不是有效日期(請寫 YYYY-MM-DD,如 2024-03-05)。`,
      ),
    'segment.syntax.expected': (p: P) =>
      pick(
        `expected ${EXPECTED.en[String(p['expected'])]}, found ${found(lang, p['found'])}.`,
        `此处应为${EXPECTED['zh-CN'][String(p['expected'])]},但看到的是${found(lang, p['found'])}。`,
        `此處應為${EXPECTED['zh-TW'][String(p['expected'])]},但看到的是${found(lang, p['found'])}。`,
      ),
    'segment.syntax.too_deep': (p: P) =>
      pick(
        `too many nested parentheses or NOTs (at most ${p['max']}).`,
        `括号或 NOT 嵌套太深(最多 ${p['max']} 层)。`,
        `括號或 NOT 巢狀太深(最多 ${p['max']} 層)。`,
      ),
    'segment.syntax.positional_after_named': pick(
      "put the function's main value first, before named arguments such as within: 90d.",
      '函数的主要参数要写在前面,再写 within: 90d 这类具名参数。',
      '函式的主要參數要寫在前面,再寫 within: 90d 這類具名參數。',
    ),
    'segment.syntax.null_value': pick(
      'to test for a missing value write `IS NULL` (or `IS NOT NULL`), not `= NULL`.',
      '判断缺失值请写 `IS NULL`(或 `IS NOT NULL`),不要写 `= NULL`。',
      '判斷缺失值請寫 `IS NULL`(或 `IS NOT NULL`),不要寫 `= NULL`。',
    ),
    'segment.unknown_field': (p: P) =>
      pick(
        `unknown field \`${p['name']}\`.${M(p['suggestion'])}`,
        `未知字段 \`${p['name']}\`。${M(p['suggestion'])}`,
        `未知欄位 \`${p['name']}\`。${M(p['suggestion'])}`,
      ),
    'segment.unknown_function': (p: P) =>
      pick(
        `unknown function \`${p['name']}\`.${M(p['suggestion'])}`,
        `未知函数 \`${p['name']}\`。${M(p['suggestion'])}`,
        `未知函式 \`${p['name']}\`。${M(p['suggestion'])}`,
      ),
    'segment.field_called': (p: P) =>
      pick(
        `\`${p['name']}\` is a field, not a function: compare it, e.g. ${p['name']} = …`,
        `\`${p['name']}\` 是字段而不是函数:请直接比较,例如 ${p['name']} = …`,
        `\`${p['name']}\` 是欄位而不是函式:請直接比較,例如 ${p['name']} = …`,
      ),
    'segment.too_many_args': (p: P) =>
      pick(
        `${p['fn']} takes ${p['max']} unnamed value${p['max'] === 1 ? '' : 's'}; name the others (e.g. within: 90d).`,
        `${p['fn']} 只接受 ${p['max']} 个不具名参数;其余参数请写名字(如 within: 90d)。`,
        `${p['fn']} 只接受 ${p['max']} 個不具名參數;其餘參數請寫名稱(如 within: 90d)。`,
      ),
    'segment.missing_arg': (p: P) =>
      pick(
        `${p['fn']} needs its ${p['arg']}, e.g. ${p['fn']}('…').`,
        `${p['fn']} 缺少参数 ${p['arg']},例如 ${p['fn']}('…')。`,
        `${p['fn']} 缺少參數 ${p['arg']},例如 ${p['fn']}('…')。`,
      ),
    'segment.unknown_arg': (p: P) =>
      pick(
        `${p['fn']} has no argument \`${p['arg']}\` (it takes: ${p['allowed']}).${M(p['suggestion'])}`,
        `${p['fn']} 没有参数 \`${p['arg']}\`(可用:${p['allowed']})。${M(p['suggestion'])}`,
        `${p['fn']} 沒有參數 \`${p['arg']}\`(可用:${p['allowed']})。${M(p['suggestion'])}`,
      ),
    'segment.duplicate_arg': (p: P) =>
      pick(
        `${p['fn']}: \`${p['arg']}\` is given twice.`,
        `${p['fn']}:参数 \`${p['arg']}\` 重复了。`,
        `${p['fn']}:參數 \`${p['arg']}\` 重複了。`,
      ),
    'segment.bad_arg': (p: P) =>
      pick(
        `${p['fn']}: ${p['arg']} must be ${T(p['expected'])}, not ${p['value']}.`,
        `${p['fn']}:${p['arg']} 应为${T(p['expected'])},而不是 ${p['value']}。`,
        `${p['fn']}:${p['arg']} 應為${T(p['expected'])},而不是 ${p['value']}。`,
      ),
    'segment.bare_word': (p: P) =>
      pick(
        `put text in quotes: '${p['word']}'.`,
        `文本要加引号:'${p['word']}'。`,
        `文字要加引號:'${p['word']}'。`,
      ),
    'segment.duration_not_date': (p: P) =>
      pick(
        `${p['value']} is a length of time, not a date; for that long before the as-of date write ${p['fixed']}.`,
        `${p['value']} 是时长而不是日期;如果指截止日之前这么久,请写 ${p['fixed']}。`,
        `${p['value']} 是時長而不是日期;如果指截止日之前這麼久,請寫 ${p['fixed']}。`,
      ),
    'segment.bad_date': (p: P) =>
      pick(
        `'${p['value']}' is not a date for ${p['field']} (write YYYY-MM-DD, -30d or today).`,
        `'${p['value']}' 不是 ${p['field']} 可用的日期(请写 YYYY-MM-DD、-30d 或 today)。`,
        `'${p['value']}' 不是 ${p['field']} 可用的日期(請寫 YYYY-MM-DD、-30d 或 today)。`,
      ),
    'segment.type_mismatch': (p: P) =>
      pick(
        `${p['field']} is ${T(p['fieldType'])}; ${p['value']} is ${T(p['valueType'])}.`,
        `${p['field']} 是${T(p['fieldType'])};${p['value']} 是${T(p['valueType'])}。`,
        `${p['field']} 是${T(p['fieldType'])};${p['value']} 是${T(p['valueType'])}。`,
      ),
    'segment.unknown_value': (p: P) =>
      pick(
        `${p['field']} has no value '${p['value']}' (values: ${p['allowed']}).${M(p['suggestion'])}`,
        `${p['field']} 没有取值 '${p['value']}'(可选:${p['allowedZhCN'] || p['allowed']})。${M(p['suggestionZhCN'] ?? p['suggestion'])}`,
        `${p['field']} 沒有取值 '${p['value']}'(可選:${p['allowedZhTW'] || p['allowed']})。${M(p['suggestionZhTW'] ?? p['suggestion'])}`,
      ),
    'segment.not_boolean': (p: P) =>
      pick(
        `${p['name']} is ${T(p['type'])}, not a yes/no condition: compare it, e.g. ${p['name']} >= 1.`,
        `${p['name']} 是${T(p['type'])},不能单独作为条件:请比较,例如 ${p['name']} >= 1。`,
        `${p['name']} 是${T(p['type'])},不能單獨作為條件:請比較,例如 ${p['name']} >= 1。`,
      ),
    'segment.null_on_function': (p: P) =>
      pick(
        `${p['name']} always has a value (0 when nothing happened): compare it instead of IS NULL.`,
        `${p['name']} 总是有值(没有发生时为 0):请用比较代替 IS NULL。`,
        `${p['name']} 總是有值(沒有發生時為 0):請用比較代替 IS NULL。`,
      ),
    'segment.op_not_allowed': (p: P) =>
      pick(
        `${p['op']} does not apply to ${p['name']}, which is ${T(p['type'])}.`,
        `${p['op']} 不能用于 ${p['name']}(${T(p['type'])})。`,
        `${p['op']} 不能用於 ${p['name']}(${T(p['type'])})。`,
      ),
    'segment.unknown_segment': (p: P) =>
      pick(
        `there is no segment '${p['name']}'.${M(p['suggestion'])}`,
        `没有名为 '${p['name']}' 的客群。${M(p['suggestion'])}`,
        `沒有名為 '${p['name']}' 的客群。${M(p['suggestion'])}`,
      ),
  }
}

// Field and function descriptions (segmentFields / segmentFunctions), shown by the builder and the CLI.
// biome-ignore format: one field per line reads best
const FIELDS: Record<string, [en: string, cn: string, tw: string]> = {
  customer_id: ['customer id', '客户 ID', '客戶 ID'],
  gender: ['gender as imported (e.g. F, M)', '性别(导入值,如 F、M)', '性別(匯入值,如 F、M)'],
  city: ['city', '城市', '城市'],
  region: ['region or province', '地区/省份', '地區/省份'],
  country: ['country', '国家', '國家'],
  source: ['where the customer signed up (source)', '客户来源', '客戶來源'],
  signup_at: ['sign-up date', '注册日期', '註冊日期'],
  consent_marketing: ['agreed to marketing messages', '同意接收营销信息', '同意接收行銷訊息'],
  age: ['age in whole years at the as-of date', '截至分析日的周岁年龄', '截至分析日的足歲年齡'],
  birth_month: ['month of birth (1–12)', '出生月份(1–12)', '出生月份(1–12)'],
  tag: ['a current tag of the customer (tag = \'…\')', '客户当前的标签(tag = \'…\')', '客戶目前的標籤(tag = \'…\')'],
  recency_days: ['days since the last purchase', '距最近一次购买的天数', '距最近一次購買的天數'],
  frequency: ['number of purchases', '购买次数', '購買次數'],
  monetary: ['net spend', '净消费金额', '淨消費金額'],
  r: ['recency score 1–5', '最近度评分 1–5', '最近度評分 1–5'],
  f: ['frequency score 1–5', '频次评分 1–5', '頻次評分 1–5'],
  m: ['monetary score 1–5', '金额评分 1–5', '金額評分 1–5'],
  rfm_code: ['RFM code such as 555', 'RFM 代码,如 555', 'RFM 代碼,如 555'],
  rfm_segment: ['RFM segment (Champions, At Risk…)', 'RFM 客群(冠军客户、流失风险…)', 'RFM 客群(冠軍客戶、流失風險…)'],
  lifecycle: ['lifecycle stage', '生命周期阶段', '生命週期階段'],
  value_tier: ['value tier', '价值分层', '價值分層'],
  clv_12m: ['predicted 12-month customer lifetime value', '预测未来 12 个月客户终身价值', '預測未來 12 個月顧客終身價值'],
  expected_purchases_90d: ['predicted purchases in the next 90 days', '预测未来 90 天购买次数', '預測未來 90 天購買次數'],
  p_alive: ['probability the customer is still active (0–1)', '客户仍活跃的概率(0–1)', '客戶仍活躍的機率(0–1)'],
  churn_risk: ['churn risk (0–1)', '流失风险(0–1)', '流失風險(0–1)'],
  churn_band: ['churn risk band (Low, Medium, High)', '流失风险等级(低、中、高)', '流失風險等級(低、中、高)'],
  expected_next_order_at: ['predicted date of the next order', '预测下次下单日期', '預測下次下單日期'],
  first_order_at: ['date of the first purchase', '首次购买日期', '首次購買日期'],
  last_order_at: ['date of the last purchase', '最近一次购买日期', '最近一次購買日期'],
  tenure_days: ['days since the first purchase', '首次购买至今天数', '首次購買至今天數'],
  aov: ['average order value', '平均客单价', '平均客單價'],
  discount_share: ['share of purchases with a discount or coupon', '使用折扣或优惠券的订单占比', '使用折扣或優惠券的訂單占比'],
  refund_share: ['share of orders refunded', '退款订单占比', '退款訂單占比'],
  top_category: ['most bought category', '购买最多的品类', '購買最多的品類'],
  top_brand: ['most bought brand', '购买最多的品牌', '購買最多的品牌'],
  community_share: ['share of orders from community group buying', '社区团购订单占比', '社區團購訂單占比'],
  city_tier: ['city tier', '城市等级', '城市等級'],
  latest_nps: ['latest NPS answer (0–10)', '最近一次 NPS 评分(0–10)', '最近一次 NPS 評分(0–10)'],
}

// biome-ignore format: one function per line reads best
const FUNCTIONS: Record<string, [en: string, cn: string, tw: string]> = {
  orders_count: ['number of purchases (within: window, channel: optional)', '购买次数(within: 时间窗口,channel: 可选渠道)', '購買次數(within: 時間窗口,channel: 可選通路)'],
  spent: ['net spend (within: window)', '净消费金额(within: 时间窗口)', '淨消費金額(within: 時間窗口)'],
  channel_orders: ['purchases through a channel', '指定渠道的购买次数', '指定通路的購買次數'],
  community_orders: ['purchases through a community (any community when none is named)', '社区团购订单数(不指定社区时为任意社区)', '社區團購訂單數(不指定社區時為任意社區)'],
  store_orders: ['purchases in a store (any store when none is named)', '门店购买次数(不指定门店时为任意门店)', '門市購買次數(不指定門市時為任意門市)'],
  discounted_orders: ['purchases with a discount or coupon', '使用折扣或优惠券的购买次数', '使用折扣或優惠券的購買次數'],
  refunds_count: ['refunds and returns', '退款/退货次数', '退款/退貨次數'],
  category_purchased: ['bought in a category (min_quantity, min_orders optional)', '购买过某品类(可选 min_quantity、min_orders)', '購買過某品類(可選 min_quantity、min_orders)'],
  brand_purchased: ['bought a brand (min_quantity, min_orders optional)', '购买过某品牌(可选 min_quantity、min_orders)', '購買過某品牌(可選 min_quantity、min_orders)'],
  product_purchased: ['bought a product by SKU (min_quantity, min_orders optional)', '购买过某商品 SKU(可选 min_quantity、min_orders)', '購買過某商品 SKU(可選 min_quantity、min_orders)'],
  category_spent: ['spend on a category', '某品类的消费金额', '某品類的消費金額'],
  event_count: ['number of events of a type (view, search…)', '某类行为事件次数(浏览、搜索…)', '某類行為事件次數(瀏覽、搜尋…)'],
  has_tag: ['carries a tag', '带有某标签', '帶有某標籤'],
  in_segment: ['is a current member of a segment (name or id)', '当前属于某客群(名称或 ID)', '目前屬於某客群(名稱或 ID)'],
  birthday_this_month: ['birthday in the month of the as-of date', '生日在分析日所在月份', '生日在分析日所在月份'],
}

function catalog(lang: Lang): Record<string, Message> {
  const i = lang === 'en' ? 0 : lang === 'zh-CN' ? 1 : 2
  const out: Record<string, Message> = messages(lang)
  for (const [name, texts] of Object.entries(FIELDS)) out[`segment.field.${name}`] = texts[i]!
  for (const [name, texts] of Object.entries(FUNCTIONS)) out[`segment.function.${name}`] = texts[i]!
  out['segment.field.generic'] = [
    '{name} (from the analysis snapshot)',
    '{name}(来自分析快照)',
    '{name}(來自分析快照)',
  ][i]!
  return out
}

registerCatalog({ en: catalog('en'), 'zh-CN': catalog('zh-CN'), 'zh-TW': catalog('zh-TW') })
