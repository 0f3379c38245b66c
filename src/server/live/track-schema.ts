import { z } from 'zod'

const id = z.string().min(1).max(200)
const text = z.string().max(500)
/** A decimal amount as a JSON number or a decimal string ("12.50"), kept exact as text. */
const money = z
  .union([z.number().finite(), z.string().regex(/^-?\d{1,14}(\.\d{1,4})?$/)])
  .transform((v) => String(v))
/** `YYYY-MM-DD HH:MM:SS` wall-clock, or ISO 8601 with `T` and an optional zone (converted to UTC). */
const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/)
  .refine(
    (s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s.replace(' ', 'T'))),
    'not a date',
  )
  .transform(wallClock)

/** The store keeps wall-clock timestamps: a zoned time becomes UTC wall clock, a zone-less one is kept. */
export function wallClock(s: string): string {
  if (s.length === 10) return `${s} 00:00:00`
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(s)) return new Date(s).toISOString().slice(0, 19).replace('T', ' ')
  const t = s.replace('T', ' ')
  return t.length === 16 ? `${t}:00` : t.slice(0, 19)
}

const orderItem = z.object({
  sku: text.optional(),
  product_name: text.optional(),
  category: text.optional(),
  brand: text.optional(),
  quantity: z.number().finite().default(1),
  unit_price: money.optional(),
})

export const trackOrder = z.object({
  type: z.literal('order'),
  order_id: id,
  customer_id: id.nullable().optional(),
  ordered_at: timestamp,
  amount: money,
  currency: z.string().max(8).optional(),
  discount: money.optional(),
  status: z.enum(['paid', 'refunded', 'cancelled']).default('paid'),
  channel: text.optional(),
  store_id: text.optional(),
  community_id: text.optional(),
  coupon_code: text.optional(),
  items: z.array(orderItem).max(200).optional(),
})

export const trackEvent = z.object({
  type: z.literal('event'),
  event_id: id,
  customer_id: id.nullable().optional(),
  anonymous_id: id.optional(),
  occurred_at: timestamp,
  event: z.string().min(1).max(100),
  properties: z.record(z.string(), z.unknown()).optional(),
})

export const trackFeedback = z.object({
  type: z.literal('feedback'),
  feedback_id: id,
  customer_id: id,
  answered_at: timestamp,
  channel: text.optional(),
  score: z.number().finite().optional(),
  nps: z.number().int().min(0).max(10).optional(),
  answers: z.record(z.string(), z.unknown()).optional(),
  text: z.string().max(10_000).optional(),
})

/** A customer's attributes and consent (creates the customer or updates the fields given). */
export const trackCustomer = z.object({
  type: z.literal('customer'),
  customer_id: id,
  email: z.string().max(320).optional(),
  phone: z.string().max(40).optional(),
  name: text.optional(),
  gender: z.string().max(20).optional(),
  city: text.optional(),
  region: text.optional(),
  country: text.optional(),
  consent_marketing: z.boolean().optional(),
})

export const trackItem = z.discriminatedUnion('type', [trackOrder, trackEvent, trackFeedback, trackCustomer])
export type TrackItem = z.output<typeof trackItem>

/**
 * One item, `{source?, items: […]}` or a bare array — all read as the batch form, so a validation error
 * names its exact path (`body.items.3.amount`). `source` files the ids (default `live`).
 */
export function trackBody(max: number) {
  const batch = z.object({
    source: z.string().min(1).max(100).default('live'),
    items: z.array(trackItem).min(1).max(max),
  })
  return z.preprocess((v) => {
    if (Array.isArray(v)) return { items: v }
    if (v && typeof v === 'object' && !('items' in v)) return { items: [v] }
    return v
  }, batch)
}

export type TrackBody = z.output<ReturnType<typeof trackBody>>

/** The key an item is idempotent by: kind, source and its own id. */
export function itemKey(source: string, item: TrackItem): string {
  switch (item.type) {
    case 'order':
      return `o\u0000${source}\u0000${item.order_id}`
    case 'event':
      return `e\u0000${source}\u0000${item.event_id}`
    case 'feedback':
      return `f\u0000${source}\u0000${item.feedback_id}`
    case 'customer':
      return `c\u0000${item.customer_id}`
  }
}
