import '../../i18n/messages/segments-language.js'
import { LANGS, type Lang } from '../../i18n/locale.js'
import { t } from '../../i18n/translate.js'
import { FUNCTION_ALIASES } from './aliases.js'

/** Argument types: `duration` is a window such as `90d`; `count` a whole number ≥ 1. */
export type ArgType = 'text' | 'duration' | 'count'

export interface ArgInfo {
  readonly name: string
  readonly type: ArgType
  readonly required: boolean
}

/** The table a behaviour function reads; all functions over one table share one scan. */
export type FunctionTable =
  | 'orders'
  | 'order_items'
  | 'events'
  | 'customer_tags'
  | 'segment_members'
  | 'customers'

/** What a function measures; the compiler turns each into aggregates over its table. */
export type Measure =
  | 'order_count'
  | 'net_spend'
  | 'channel_orders'
  | 'community_orders'
  | 'store_orders'
  | 'discounted_orders'
  | 'refund_count'
  | 'category_purchased'
  | 'brand_purchased'
  | 'product_purchased'
  | 'category_spent'
  | 'event_count'
  | 'has_tag'
  | 'in_segment'
  | 'birthday_this_month'

export interface FunctionInfo {
  readonly name: string
  readonly returns: 'number' | 'boolean'
  readonly table: FunctionTable
  readonly measure: Measure
  /** At most one positional argument (the thing counted); all others are named. */
  readonly positional?: ArgInfo
  readonly named: readonly ArgInfo[]
  /** Other accepted spellings (Chinese names). */
  readonly aliases: readonly string[]
  readonly description: Readonly<Record<Lang, string>>
}

const within: ArgInfo = { name: 'within', type: 'duration', required: false }
const minimums: ArgInfo[] = [
  { name: 'min_quantity', type: 'count', required: false },
  { name: 'min_orders', type: 'count', required: false },
]
const text = (name: string, required = true): ArgInfo => ({ name, type: 'text', required })

type Spec = Omit<FunctionInfo, 'description' | 'aliases'>

const SPECS: readonly Spec[] = [
  {
    name: 'orders_count',
    returns: 'number',
    table: 'orders',
    measure: 'order_count',
    named: [within, text('channel', false)],
  },
  { name: 'spent', returns: 'number', table: 'orders', measure: 'net_spend', named: [within] },
  {
    name: 'channel_orders',
    returns: 'number',
    table: 'orders',
    measure: 'channel_orders',
    positional: text('channel'),
    named: [within],
  },
  {
    name: 'community_orders',
    returns: 'number',
    table: 'orders',
    measure: 'community_orders',
    positional: text('community', false),
    named: [within],
  },
  {
    name: 'store_orders',
    returns: 'number',
    table: 'orders',
    measure: 'store_orders',
    positional: text('store', false),
    named: [within],
  },
  {
    name: 'discounted_orders',
    returns: 'number',
    table: 'orders',
    measure: 'discounted_orders',
    named: [within],
  },
  { name: 'refunds_count', returns: 'number', table: 'orders', measure: 'refund_count', named: [within] },
  {
    name: 'category_purchased',
    returns: 'boolean',
    table: 'order_items',
    measure: 'category_purchased',
    positional: text('category'),
    named: [within, ...minimums],
  },
  {
    name: 'brand_purchased',
    returns: 'boolean',
    table: 'order_items',
    measure: 'brand_purchased',
    positional: text('brand'),
    named: [within, ...minimums],
  },
  {
    name: 'product_purchased',
    returns: 'boolean',
    table: 'order_items',
    measure: 'product_purchased',
    positional: text('sku'),
    named: [within, ...minimums],
  },
  {
    name: 'category_spent',
    returns: 'number',
    table: 'order_items',
    measure: 'category_spent',
    positional: text('category'),
    named: [within],
  },
  {
    name: 'event_count',
    returns: 'number',
    table: 'events',
    measure: 'event_count',
    positional: text('type'),
    named: [within],
  },
  {
    name: 'has_tag',
    returns: 'boolean',
    table: 'customer_tags',
    measure: 'has_tag',
    positional: text('tag'),
    named: [],
  },
  {
    name: 'in_segment',
    returns: 'boolean',
    table: 'segment_members',
    measure: 'in_segment',
    positional: text('segment'),
    named: [],
  },
  {
    name: 'birthday_this_month',
    returns: 'boolean',
    table: 'customers',
    measure: 'birthday_this_month',
    named: [],
  },
]

function describe(name: string): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((lang) => [lang, t(lang, `segment.function.${name}`)])) as Record<
    Lang,
    string
  >
}

let cache: FunctionInfo[] | undefined

/** Every behaviour function of the language. */
export function allFunctions(): readonly FunctionInfo[] {
  cache ??= SPECS.map((s) => ({
    ...s,
    aliases: FUNCTION_ALIASES[s.name] ?? [],
    description: describe(s.name),
  }))
  return cache
}

/** A function by name or alias (case-insensitive). */
export function findFunction(name: string): FunctionInfo | undefined {
  const lower = name.toLowerCase()
  return allFunctions().find((f) => f.name === lower || f.aliases.includes(lower))
}
