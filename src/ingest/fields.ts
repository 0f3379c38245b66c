/**
 * The canonical fields each import kind understands (DESIGN §3), with how a cell is parsed and the header
 * names the `generic` preset recognises without a `--map` (English, snake/camel/spaced forms, and the
 * headers Chinese shop and CRM exports use).
 */

/** What the user imports: the first argument of `strata import`. */
export type ImportKind = 'customers' | 'orders' | 'order-items' | 'events' | 'feedback'

export const IMPORT_KINDS: readonly ImportKind[] = [
  'customers',
  'orders',
  'order-items',
  'events',
  'feedback',
]

/** How a cell becomes a canonical value. */
export type FieldType =
  | 'id'
  | 'text'
  | 'timestamp'
  | 'date'
  | 'money'
  | 'quantity'
  | 'integer'
  | 'double'
  | 'boolean'
  | 'email'
  | 'phone'
  | 'gender'
  | 'currency'
  | 'status'
  | 'nps'
  | 'json'

export interface FieldDef {
  readonly name: string
  readonly type: FieldType
  /** Header names recognised by the generic preset (compared after `normaliseHeader`). */
  readonly aliases: readonly string[]
}

const f = (name: string, type: FieldType, ...aliases: string[]): FieldDef => ({
  name,
  type,
  aliases: [name, ...aliases],
})

// Identity fields shared by every kind that points at a customer.
const CUSTOMER_REF = [
  f(
    'customer_id',
    'id',
    'customer',
    'customerid',
    'customer_no',
    'customer_number',
    'user_id',
    'member_id',
    'client_id',
    '客户ID',
    '客户编号',
    '客户号',
    '会员ID',
    '会员编号',
    '会员号',
    '用户ID',
    '买家ID',
    '客戶ID',
    '客戶編號',
    '會員ID',
    '會員編號',
    '用戶ID',
  ),
  f(
    'email',
    'email',
    'e-mail',
    'email_address',
    'mail',
    '邮箱',
    '电子邮箱',
    '邮件',
    '郵箱',
    '電子郵件',
    '電子信箱',
  ),
  f(
    'phone',
    'phone',
    'mobile',
    'mobile_phone',
    'phone_number',
    'telephone',
    'tel',
    '手机号',
    '手机',
    '手机号码',
    '电话',
    '联系电话',
    '手機號',
    '手機',
    '手機號碼',
    '電話',
    '聯絡電話',
  ),
]

// Customer attributes an order or customer file may carry.
const CUSTOMER_ATTRS = [
  f(
    'name',
    'text',
    'customer_name',
    'full_name',
    '姓名',
    '客户名称',
    '客户姓名',
    '收货人',
    '客戶名稱',
    '客戶姓名',
  ),
  f('first_name', 'text', 'firstname', 'given_name', '名'),
  f('last_name', 'text', 'lastname', 'surname', 'family_name', '姓'),
  f('gender', 'gender', 'sex', '性别', '性別'),
  f('birth_date', 'date', 'birthday', 'date_of_birth', 'dob', '生日', '出生日期'),
  f('city', 'text', '城市', '所在城市', '收货城市', '市'),
  f('region', 'text', 'province', 'state', '省份', '省', '地区', '地區', '縣市'),
  f('country', 'text', 'country_code', '国家', '國家'),
]

const ORDER_ID = f(
  'order_id',
  'id',
  'order',
  'orderid',
  'order_no',
  'order_number',
  'invoice',
  'invoice_no',
  'invoiceno',
  'transaction_id',
  '订单号',
  '订单编号',
  '订单ID',
  '訂單號',
  '訂單編號',
  '訂單ID',
)

const ITEM_FIELDS = [
  f(
    'sku',
    'text',
    'stock_code',
    'stockcode',
    'product_id',
    'item_id',
    'item_sku',
    '商品编码',
    '商品ID',
    '货号',
    '商品編碼',
    '貨號',
  ),
  f(
    'product_name',
    'text',
    'product',
    'item_name',
    'description',
    'title',
    '商品名称',
    '商品',
    '品名',
    '商品名稱',
  ),
  f('category', 'text', 'product_category', '类目', '品类', '分类', '類目', '分類'),
  f('brand', 'text', 'vendor', '品牌'),
  f('quantity', 'quantity', 'qty', 'quantity_ordered', '数量', '購買數量', '數量', '购买数量'),
  f('unit_price', 'money', 'price', 'unitprice', 'item_price', '单价', '單價', '商品单价'),
]

const FIELDS: Record<ImportKind, readonly FieldDef[]> = {
  customers: [
    ...CUSTOMER_REF,
    ...CUSTOMER_ATTRS,
    f(
      'signup_at',
      'timestamp',
      'signup_date',
      'registered_at',
      'created_at',
      '注册时间',
      '注册日期',
      '註冊時間',
    ),
    f(
      'consent_marketing',
      'boolean',
      'marketing_consent',
      'accepts_marketing',
      'opt_in',
      '接受营销',
      '接受行銷',
    ),
  ],
  orders: [
    ORDER_ID,
    ...CUSTOMER_REF,
    ...CUSTOMER_ATTRS,
    f(
      'ordered_at',
      'timestamp',
      'order_date',
      'order_time',
      'created_at',
      'invoice_date',
      'invoicedate',
      'date',
      'paid_at',
      '下单时间',
      '支付时间',
      '付款时间',
      '订单时间',
      '创建时间',
      '下單時間',
      '付款時間',
      '訂單時間',
    ),
    f(
      'amount',
      'money',
      'total',
      'order_total',
      'total_amount',
      'net_amount',
      '实付金额',
      '金额',
      '订单金额',
      '支付金额',
      '實付金額',
      '金額',
      '訂單金額',
    ),
    f('currency', 'currency', 'currency_code', '币种', '幣別'),
    f('discount', 'money', 'discount_amount', '优惠金额', '折扣金额', '優惠金額'),
    f('status', 'status', 'order_status', '订单状态', '状态', '訂單狀態', '狀態'),
    f('channel', 'text', 'sales_channel', '渠道', '销售渠道', '通路'),
    f('store_id', 'id', 'shop_id', '门店', '门店ID', '門市'),
    f('community_id', 'id', 'group_id', '社群', '社群ID', '团购群'),
    f('coupon_code', 'text', 'coupon', 'discount_code', '优惠券', '優惠券'),
    f('cancelled_at', 'text', 'canceled_at', 'cancelled_date', '取消时间', '取消時間'),
    f('refunded_amount', 'money', 'refund_amount', 'amount_refunded', '退款金额', '退款金額'),
    ...ITEM_FIELDS,
  ],
  'order-items': [ORDER_ID, ...ITEM_FIELDS],
  events: [
    f('event_id', 'id', 'id', 'eventid', '事件ID'),
    ...CUSTOMER_REF,
    f('anonymous_id', 'id', 'anonymousid', 'device_id', 'visitor_id', '匿名ID', '设备ID'),
    f(
      'occurred_at',
      'timestamp',
      'timestamp',
      'time',
      'event_time',
      'created_at',
      '时间',
      '发生时间',
      '時間',
    ),
    f('type', 'text', 'event', 'event_type', 'event_name', '事件', '事件类型', '事件類型'),
    f('properties', 'json', 'props', 'attributes', '属性', '屬性'),
  ],
  feedback: [
    f('feedback_id', 'id', 'id', 'response_id', 'review_id', '反馈ID', '問卷ID'),
    ...CUSTOMER_REF,
    f('answered_at', 'timestamp', 'submitted_at', 'created_at', 'date', '提交时间', '填写时间', '提交時間'),
    f('channel', 'text', 'source', '渠道', '来源', '來源'),
    f('score', 'double', 'rating', 'stars', '评分', '評分'),
    f('nps', 'nps', 'nps_score', 'recommend', '推荐度', '推薦度'),
    f('answers', 'json', 'responses', '答案', '回答'),
    f('text', 'text', 'comment', 'review', 'feedback', '评论', '意见', '評論', '意見'),
  ],
}

/**
 * The canonical fields of a kind.
 *
 * @example
 * fieldsOf('orders').find((f) => f.name === 'ordered_at')?.type // 'timestamp'
 */
export function fieldsOf(kind: ImportKind): readonly FieldDef[] {
  return FIELDS[kind]
}

/**
 * A header reduced to what matters for matching: lower case, without spaces, underscores, hyphens, dots or
 * brackets, so `Customer ID`, `customer_id` and `CustomerID` compare equal.
 *
 * @example
 * normaliseHeader(' Customer ID ') // 'customerid'
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.()[\]（）:：#/]/g, '')
}

/** Checks a kind name from the command line. */
export function maybeImportKind(value: string): ImportKind | undefined {
  return (IMPORT_KINDS as readonly string[]).includes(value) ? (value as ImportKind) : undefined
}
