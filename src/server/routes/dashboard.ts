import { z } from 'zod'
import { explanationSentences } from '../../analytics/customer-explain-text.js'
import {
  ACTIVE_DAYS,
  customerTimeline,
  dashboardSummary,
  explainCustomer,
  findSnapshot,
  loadAnalysisConfig,
} from '../../analytics/index.js'
import { generateDemo } from '../../demo/index.js'
import { DEMO_SOURCE } from '../../demo/store-load.js'
import { predictStep } from '../../models/index.js'
import { analyzeAndRefresh } from '../../pipeline/analyze-and-refresh.js'
import { segmentFields } from '../../segments/language/index.js'
import { sql } from '../../sql/fragment.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import { timestampText } from '../clock.js'
import type { RouteModule } from '../http/context.js'
import { ApiError } from '../http/errors.js'
import { jobPollRoute } from '../http/job-poll-route.js'
import { Jobs } from '../http/jobs.js'
import { pageQuery } from '../http/paging.js'
import { TtlCache } from '../http/ttl-cache.js'

const READ = { role: 'viewer', scope: 'read' } as const
const ADMIN = { role: 'admin', scope: 'admin' } as const
const DEMO_MAX = 200_000
/**
 * How long an overview answer is reused. Live ingestion moves scores of the latest snapshot between
 * analyses, so the overview may lag live data by this much; a new snapshot is a new key and shows at once.
 */
export const OVERVIEW_TTL_MS = 15_000
/** Engine memory cap while the demo loads (as the CLI's demo command). */
const DEMO_MEMORY_MB = 1024

/**
 * What the web dashboard reads beyond the resource routes: the overview in one answer, a customer's
 * explanation as sentences in the caller's language, the customer timeline, and the first-run demo load.
 */
export const dashboardRoutes: RouteModule = (app, ctx) => {
  const jobs = new Jobs()
  const overviews = new TtlCache<unknown>(OVERVIEW_TTL_MS, () => ctx.now().getTime())

  app.get(
    '/api/dashboard/overview',
    {
      config: { access: READ },
      schema: {
        tags: ['dashboard'],
        summary:
          'Overview of a snapshot: KPIs vs the previous snapshot, segments, R × F grid, lifecycle, tiers, trend',
        querystring: z.object({
          snapshot: z.string().max(40).default('latest'),
          lang: z.string().optional(),
        }),
      },
    },
    async (req) => {
      // The key names the snapshot actually shown, so `latest` moves on as soon as a new analysis lands.
      const id = await ctx.db(async (conn) => (await findSnapshot(conn, req.query.snapshot)).snapshotId)
      return overviews.get(`snapshot:${id}`, () =>
        ctx.db(async (conn) => {
          const summary = await dashboardSummary(conn, id)
          const money = await conn.one<{ currency: string | null }>(
            sql`SELECT currency FROM orders WHERE currency IS NOT NULL LIMIT 1`,
          )
          return { ...summary, activeDays: ACTIVE_DAYS, currency: money?.currency ?? 'CNY' }
        }),
      )
    },
  )

  app.get(
    '/api/customers/:id/why',
    {
      config: { access: READ },
      schema: {
        tags: ['customers'],
        summary: "Every score of a customer explained in sentences, in the caller's language",
        params: z.object({ id: z.string().min(1).max(200) }),
        querystring: z.object({
          snapshot: z.string().max(40).default('latest'),
          lang: z.string().optional(),
        }),
      },
    },
    async (req) => {
      const why = await ctx.db(async (conn) =>
        explainCustomer(conn, req.query.snapshot, await resolveCustomerId(conn, req.params.id)),
      )
      await ctx.audit(req, { action: 'customer.explain', customerId: why.customerId })
      return {
        customer_id: why.customerId,
        snapshotId: why.snapshot.snapshotId,
        sentences: explanationSentences(why, req.lang),
      }
    },
  )

  app.get(
    '/api/customers/:id/timeline',
    {
      config: { access: READ },
      schema: {
        tags: ['customers'],
        summary: "A customer's orders, events and feedback, newest first",
        params: z.object({ id: z.string().min(1).max(200) }),
        querystring: z.object(pageQuery),
      },
    },
    async (req) => {
      const { limit, offset } = req.query
      const { id, items } = await ctx.db(async (conn) => {
        const id = await resolveCustomerId(conn, req.params.id)
        return { id, items: await customerTimeline(conn, id, { limit, offset }) }
      })
      await ctx.audit(req, { action: 'customer.timeline', customerId: id })
      return { customer_id: id, items, limit, offset, next: items.length === limit ? offset + limit : null }
    },
  )

  app.get(
    '/api/segments/fields',
    {
      config: { access: READ },
      schema: {
        tags: ['segments'],
        summary:
          "The segment language's fields, described in the caller's language (for the builder's palette)",
        querystring: z.object({ lang: z.string().optional() }),
      },
    },
    async (req) => ({
      items: segmentFields().map((f) => ({
        name: f.name,
        type: f.type,
        kind: f.kind,
        values: f.values ?? null,
        description: f.description[req.lang],
      })),
    }),
  )

  app.post(
    '/api/demo',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['dashboard'],
        summary: 'First run: generate the demo retailer into an empty store and analyse it (a job to poll)',
        body: z.object({
          customers: z.number().int().min(100).max(DEMO_MAX).default(2000),
          seed: z.number().int().optional(),
        }),
      },
    },
    async (req, reply) => {
      const own = await ctx.db((conn) =>
        conn.one(sql`SELECT 1 AS x FROM orders WHERE source <> ${DEMO_SOURCE} LIMIT 1`),
      )
      if (own) throw new ApiError(409, 'web.demo.has_data')
      const { customers, seed } = req.body
      const job = jobs.start('demo', req.principal!.id, req.lang, async (j) => {
        j.progress = { stage: 'generate' }
        const loaded = await ctx.db((conn) =>
          generateDemo(conn, {
            customers,
            seed,
            memoryLimitMB: DEMO_MEMORY_MB,
            now: () => timestampText(ctx.now()),
            onProgress: (p) => {
              j.progress = { stage: p.phase, done: p.done, total: p.total }
            },
          }),
        )
        const analysed = await ctx.db((conn) =>
          analyzeAndRefresh(conn, {
            config: loadAnalysisConfig(ctx.store.path),
            windowStart: null,
            predict: predictStep,
            createdAt: timestampText(ctx.now()),
            onStage: (stage: string) => {
              j.progress = { stage }
            },
          }),
        )
        for (const listener of ctx.snapshotListeners) listener()
        await ctx.audit(req, { action: 'demo.load', detail: { customers, importId: loaded.importId } })
        return { customers: loaded.customers, orders: loaded.orders, snapshotId: analysed.summary.snapshotId }
      })
      return reply.code(202).send(job)
    },
  )

  jobPollRoute(app, '/api/demo/jobs/:id', jobs, { tag: 'dashboard', summary: 'Progress of a demo load' })
}
