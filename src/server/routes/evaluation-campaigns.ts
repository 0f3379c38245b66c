import { z } from 'zod'
import { seedFrom } from '../../demo/prng.js'
import {
  type CampaignInput,
  createCampaign,
  getCampaign,
  listCampaigns,
  measureCampaign,
  planCampaign,
  saveCampaignResult,
  treatmentQuery,
} from '../../evaluation/index.js'
import { sql } from '../../sql/fragment.js'
import { timestampText } from '../clock.js'
import type { RouteModule } from '../http/context.js'
import { streamRows } from '../http/paging.js'
import { idParam, isoDate, READ, WRITE } from './eval-schemas.js'

/** A campaign as the API takes it: the holdout as `{percent}` (0–100 exclusive) or `{count}`. */
const campaignBody = z.object({
  name: z.string().min(1).max(200),
  target: z.object({
    kind: z.enum(['segment', 'rfm_segment', 'lifecycle']),
    value: z.string().min(1).max(200),
  }),
  snapshot: z.string().min(1).max(40).optional(),
  holdout: z
    .union([
      z.object({ percent: z.number().gt(0).lt(100) }).strict(),
      z.object({ count: z.number().int().positive() }).strict(),
    ])
    .default({ percent: 10 }),
  seed: z.string().max(200).optional(),
  start: isoDate,
  end: isoDate,
})

function inputOf(b: z.infer<typeof campaignBody>): CampaignInput {
  return {
    name: b.name,
    target: b.target,
    snapshot: b.snapshot,
    holdout:
      'percent' in b.holdout
        ? { kind: 'percent', value: b.holdout.percent }
        : { kind: 'count', value: b.holdout.count },
    // As the CLI: without a seed the name seeds the draw, so the same request gives the same holdout.
    seed: seedFrom(b.seed ?? b.name),
    start: b.start,
    end: b.end,
  }
}

/** Campaigns with random holdouts: plan, create, list, treatment-list export, measurement. */
export const campaignRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/campaigns/plan',
    {
      config: { access: READ },
      schema: {
        tags: ['campaigns'],
        summary: 'Audience, holdout and detectable effect, without saving',
        body: campaignBody,
      },
    },
    async (req) => ctx.db((conn) => planCampaign(conn, inputOf(req.body))),
  )
  app.post(
    '/api/campaigns',
    {
      config: { access: WRITE },
      schema: { tags: ['campaigns'], summary: 'Create a campaign and draw its holdout', body: campaignBody },
    },
    async (req, reply) => {
      const c = await ctx.db((conn) => createCampaign(conn, inputOf(req.body), timestampText(ctx.now())))
      await ctx.audit(req, { action: 'campaign.create', detail: { campaign: c.campaignId } })
      return reply.code(201).send(c)
    },
  )
  app.get(
    '/api/campaigns',
    { config: { access: READ }, schema: { tags: ['campaigns'], summary: 'Campaigns, newest first' } },
    async () => ({ items: await ctx.db(listCampaigns) }),
  )
  app.get(
    '/api/campaigns/:id',
    {
      config: { access: READ },
      schema: { tags: ['campaigns'], summary: 'One campaign (id or name)', params: idParam },
    },
    async (req) => ctx.db((conn) => getCampaign(conn, req.params.id)),
  )
  app.get(
    '/api/campaigns/:id/export',
    {
      config: { access: READ },
      schema: {
        tags: ['campaigns'],
        summary:
          'Treatment list streamed (consented treatment customers only; contact data when asked, masked for viewers)',
        params: idParam,
        querystring: z.object({
          format: z.enum(['csv', 'ndjson']).default('csv'),
          withContact: z.coerce.boolean().default(false),
          lang: z.string().optional(),
        }),
      },
    },
    async (req, reply) => {
      const c = await ctx.db((conn) => getCampaign(conn, req.params.id))
      const { format, withContact } = req.query
      await ctx.audit(req, {
        action: 'export.campaign_treatment',
        detail: { campaign: c.campaignId, format, withContact },
      })
      const query = treatmentQuery(c.campaignId, withContact)
      return streamRows(
        reply,
        format,
        req.principal,
        (last, size) =>
          ctx.db((conn) =>
            conn.all(sql`SELECT * FROM (${query}) AS t WHERE customer_id > ${String(last?.['customer_id'] ?? '')}
              ORDER BY customer_id LIMIT ${size}`),
          ),
        `campaign-${c.campaignId}-treatment`,
      )
    },
  )
  app.post(
    '/api/campaigns/:id/measure',
    {
      config: { access: WRITE },
      schema: {
        tags: ['campaigns'],
        summary:
          'Measure uplift against the holdout (an earlier `asOf` is an interim look); the result is kept',
        params: idParam,
        body: z
          .object({ asOf: isoDate.optional(), minConversions: z.number().int().min(0).default(10) })
          .default({ minConversions: 10 }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const c = await getCampaign(conn, req.params.id)
        const r = await measureCampaign(conn, { campaign: c.campaignId, ...req.body })
        await saveCampaignResult(conn, r, timestampText(ctx.now()))
        return r
      }),
  )
}
