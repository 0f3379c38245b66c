import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { RouteModule } from '../http/context.js'
import { ApiError } from '../http/errors.js'
import type { LiveIngest } from '../live/live-ingest.js'
import { itemKey, trackBody } from '../live/track-schema.js'

const TRACK = { role: 'analyst', scope: 'track' } as const

/**
 * `POST /api/track`: orders, events, feedback and customer updates, one or a batch. Answered only once
 * durable; idempotent by item id (stored once) and by `Idempotency-Key` (the same answer again).
 */
export function trackRoutes(live: () => LiveIngest): RouteModule {
  return (app, ctx) => {
    app.post(
      '/api/track',
      {
        config: { access: TRACK },
        schema: {
          tags: ['live'],
          summary:
            'Send orders, events, feedback or customer updates (single or batch); answered once durable',
          headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }).loose(),
          querystring: z.object({
            wait: z.enum(['ack', 'applied']).default('ack'),
            lang: z.string().optional(),
          }),
          body: trackBody(ctx.options.trackBatchMax),
        },
      },
      async (req, reply) => {
        const { source, items } = req.body
        const who = req.principal!.id
        const wait = ctx.limits.track.take(`track:${who}`, items.length)
        if (wait > 0)
          throw new ApiError(429, 'server.rate_limited', { seconds: wait }, undefined, {
            'retry-after': String(wait),
          })
        const key = req.headers['idempotency-key']
        const idemKey = key ? `${who}:${key}` : undefined
        // Only a keyed request is compared with an earlier one: no hashing of the body otherwise.
        const requestHash = idemKey
          ? createHash('sha256').update(JSON.stringify(req.body)).digest('hex')
          : undefined
        if (idemKey && requestHash) {
          const before = await live().previous(idemKey, requestHash)
          if (before === 'conflict') throw new ApiError(409, 'server.track.idempotency_conflict')
          if (before) return reply.header('idempotent-replay', 'true').send(before.response)
        }
        const keys = new Set(items.map((i) => itemKey(source, i)))
        const response = { accepted: items.length, distinct: keys.size, source }
        const seq = await live().submit(
          { source, items, idemKey, requestHash, response },
          req.query.wait === 'applied',
        )
        return reply.header('x-strata-seq', String(seq)).send(response)
      },
    )

    app.get(
      '/api/live/status',
      {
        config: { access: { role: 'viewer', scope: 'read' } },
        schema: { tags: ['live'], summary: 'Live ingestion: applied sequence, backlog, counters' },
      },
      async () => live().status,
    )
  }
}
