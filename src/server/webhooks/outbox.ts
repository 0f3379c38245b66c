import type { Connection } from '../../sql/driver.js'
import { join, sql } from '../../sql/fragment.js'
import { randomId, randomToken } from '../auth/tokens.js'
import { at, timestampText } from '../clock.js'
import type { SegmentChange } from '../live/segment-refresh.js'

export interface Webhook {
  readonly webhook_id: string
  readonly url: string
  readonly segments: string
}

export async function createWebhook(
  conn: Connection,
  input: { url: string; segments: readonly string[]; now: Date },
): Promise<{ webhookId: string; secret: string }> {
  const webhookId = randomId('wh')
  const secret = randomToken('whsec_')
  await conn.run(sql`INSERT INTO server_webhooks (webhook_id, url, secret, segments, created_at)
    VALUES (${webhookId}, ${input.url}, ${secret}, ${input.segments.length ? input.segments.join(',') : '*'}, ${at(conn.dialect, input.now)})`)
  return { webhookId, secret }
}

/**
 * The outbox side of webhooks, run inside the live ingestion transaction: one pending delivery per
 * (subscribed webhook, segment entry/exit), committed with the change itself — so a change is never
 * announced without having happened, nor happens without being announced. Contact data (email, phone,
 * name) rides along only for customers who consented to marketing.
 */
export async function enqueueSegmentChanges(
  conn: Connection,
  changes: readonly SegmentChange[],
  now: Date,
): Promise<number> {
  const hooks = await conn.all<Webhook & Record<string, unknown>>(
    sql`SELECT webhook_id, url, segments FROM server_webhooks WHERE disabled_at IS NULL`,
  )
  if (hooks.length === 0 || changes.length === 0) return 0
  const ids = [...new Set(changes.map((c) => c.customerId))]
  const people = new Map<string, { email: unknown; phone: unknown; name: unknown; consent: boolean }>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await conn.all<{
      customer_id: string
      email: unknown
      phone: unknown
      name: unknown
      consent: boolean | null
    }>(
      sql`SELECT customer_id, email, phone, name, consent_marketing AS consent FROM customers
        WHERE customer_id IN (${join(ids.slice(i, i + 500).map((id) => sql`${id}`))})`,
    )
    for (const r of rows) people.set(r.customer_id, { ...r, consent: r.consent === true })
  }
  const rows: (string | number)[][] = []
  const when = timestampText(now)
  for (const change of changes) {
    const person = people.get(change.customerId)
    const customer: Record<string, unknown> = {
      customer_id: change.customerId,
      consent_marketing: person?.consent ?? false,
    }
    if (person?.consent)
      Object.assign(customer, { email: person.email, phone: person.phone, name: person.name })
    for (const hook of hooks) {
      const follows = hook.segments === '*' || hook.segments.split(',').includes(change.segmentId)
      if (!follows) continue
      const deliveryId = randomId('dlv')
      const payload = {
        id: deliveryId,
        event: `segment.${change.change}`,
        occurred_at: when,
        segment: { id: change.segmentId, name: change.segmentName },
        customer,
      }
      rows.push([
        deliveryId,
        hook.webhook_id,
        change.customerId,
        payload.event,
        JSON.stringify(payload),
        'pending',
        0,
        when,
        when,
      ])
    }
  }
  const t = at(conn.dialect, now)
  for (let i = 0; i < rows.length; i += 200) {
    const values = rows
      .slice(i, i + 200)
      .map((r) => sql`(${join(r.slice(0, 7).map((v) => sql`${v}`))}, ${t}, ${t})`)
    await conn.run(sql`INSERT INTO server_webhook_outbox (delivery_id, webhook_id, customer_id, event, payload, status,
      attempts, next_attempt_at, created_at) VALUES ${join(values)}`)
  }
  return rows.length
}

/** Puts deliveries back in the queue: one by id, or every failed one. Returns how many. */
export async function replayDeliveries(
  conn: Connection,
  input: { deliveryId?: string; now: Date },
): Promise<number> {
  const which = input.deliveryId ? sql`delivery_id = ${input.deliveryId}` : sql`status = 'failed'`
  const n = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM server_webhook_outbox WHERE ${which}`)
  await conn.run(sql`UPDATE server_webhook_outbox SET status = 'pending', attempts = 0,
    next_attempt_at = ${at(conn.dialect, input.now)}, delivered_at = NULL WHERE ${which}`)
  return n?.n ?? 0
}
