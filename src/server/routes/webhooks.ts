import { z } from 'zod'
import { sql } from '../../sql/fragment.js'
import { at } from '../clock.js'
import type { RouteModule } from '../http/context.js'
import { ApiError } from '../http/errors.js'
import { pageQuery } from '../http/paging.js'
import { createWebhook, replayDeliveries } from '../webhooks/outbox.js'

const ADMIN = { role: 'admin', scope: 'admin' } as const

/** Webhook subscriptions, the delivery log and replay. */
export const webhookRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/webhooks',
    {
      config: { access: ADMIN },
      schema: { tags: ['webhooks'], summary: 'Subscriptions (never the secrets)' },
    },
    async () => ({
      items: await ctx.db((conn) =>
        conn.all(sql`SELECT webhook_id, url, segments, CAST(created_at AS VARCHAR) AS created_at, disabled_at IS NOT NULL AS disabled
        FROM server_webhooks ORDER BY created_at, webhook_id`),
      ),
    }),
  )
  app.post(
    '/api/webhooks',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['webhooks'],
        summary: 'Subscribe a URL to segment entries/exits; the signing secret is shown in this answer only',
        body: z.object({ url: z.string().url().max(2000), segments: z.array(z.string().min(1)).default([]) }),
      },
    },
    async (req, reply) => {
      if (!/^https?:\/\//i.test(req.body.url)) throw new ApiError(400, 'server.webhook.bad_url')
      const out = await ctx.db((conn) => createWebhook(conn, { ...req.body, now: ctx.now() }))
      await ctx.audit(req, { action: 'webhook.create', detail: { webhook: out.webhookId } })
      return reply.code(201).send(out)
    },
  )
  app.delete(
    '/api/webhooks/:id',
    {
      config: { access: ADMIN },
      schema: { tags: ['webhooks'], summary: 'Stop a subscription', params: z.object({ id: z.string() }) },
    },
    async (req) => {
      const found = await ctx.db(async (conn) => {
        const row = await conn.one(
          sql`SELECT 1 AS x FROM server_webhooks WHERE webhook_id = ${req.params.id}`,
        )
        if (row)
          await conn.run(
            sql`UPDATE server_webhooks SET disabled_at = ${at(conn.dialect, ctx.now())} WHERE webhook_id = ${req.params.id}`,
          )
        return row !== undefined
      })
      if (!found) throw new ApiError(404, 'server.not_found', { what: req.params.id })
      return { ok: true }
    },
  )
  app.get(
    '/api/webhooks/deliveries',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['webhooks'],
        summary: 'The delivery log: each delivery with its status and attempts',
        querystring: z.object({
          ...pageQuery,
          status: z.enum(['pending', 'delivered', 'failed']).optional(),
        }),
      },
    },
    async (req) => {
      const { limit, offset, status } = req.query
      const items = await ctx.db((conn) =>
        conn.all(sql`SELECT o.delivery_id, o.webhook_id, o.event, o.status, o.attempts, CAST(o.created_at AS VARCHAR) AS created_at,
          CAST(o.delivered_at AS VARCHAR) AS delivered_at, CAST(o.next_attempt_at AS VARCHAR) AS next_attempt_at,
          (SELECT max(a.status_code) FROM server_webhook_attempts AS a WHERE a.delivery_id = o.delivery_id AND a.attempt = o.attempts) AS last_status
          FROM server_webhook_outbox AS o ${status ? sql`WHERE o.status = ${status}` : sql``}
          ORDER BY o.created_at DESC, o.delivery_id LIMIT ${limit} OFFSET ${offset}`),
      )
      return { items, limit, offset, next: items.length === limit ? offset + limit : null }
    },
  )
  app.post(
    '/api/webhooks/deliveries/replay',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['webhooks'],
        summary: 'Queue deliveries again: one by id, or every failed one',
        body: z.object({ deliveryId: z.string().optional() }).default({}),
      },
    },
    async (req) => {
      const n = await ctx.db((conn) =>
        replayDeliveries(conn, { deliveryId: req.body.deliveryId, now: ctx.now() }),
      )
      await ctx.audit(req, {
        action: 'webhook.replay',
        detail: { deliveryId: req.body.deliveryId ?? null, n },
      })
      return { replayed: n }
    },
  )
}
