import { z } from 'zod'
import { findSnapshot } from '../../analytics/index.js'
import { StrataError } from '../../core/diagnostics.js'
import {
  checkDrift,
  cohortTable,
  type GroupDimension,
  kpiSeries,
  listAlerts,
  previousSnapshot,
  segmentMigration,
} from '../../evaluation/index.js'
import { timestampText } from '../clock.js'
import type { RouteModule } from '../http/context.js'
import { announceAlerts } from '../webhooks/outbox.js'
import { isoDate, READ, WRITE } from './eval-schemas.js'
import { campaignRoutes } from './evaluation-campaigns.js'
import { reportRoutes } from './evaluation-reports.js'

const BY: Record<string, GroupDimension> = { rfm: 'rfm_segment', lifecycle: 'lifecycle', tier: 'value_tier' }
const snapshotRef = z.string().min(1).max(40)

/** Evaluation over HTTP (migration, cohorts, KPIs, drift alerts), plus campaigns and weekly reports. */
export const evaluationRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/evaluation/migration',
    {
      config: { access: READ },
      schema: {
        tags: ['evaluation'],
        summary: 'Transition matrix between two snapshots (default: the latest and the one before)',
        querystring: z.object({
          from: snapshotRef.optional(),
          to: snapshotRef.default('latest'),
          by: z.enum(['rfm', 'lifecycle', 'tier']).default('rfm'),
          lang: z.string().optional(),
        }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const to = (await findSnapshot(conn, req.query.to)).snapshotId
        const from = req.query.from ?? (await previousSnapshot(conn, to))
        if (from === null) throw new StrataError({ code: 'evaluation.migration.one_snapshot' })
        return segmentMigration(conn, { from, to, dimension: BY[req.query.by]! })
      }),
  )
  app.get(
    '/api/evaluation/cohorts',
    {
      config: { access: READ },
      schema: {
        tags: ['evaluation'],
        summary: 'Monthly cohorts: retention, revenue, repeat purchases, CLV',
        querystring: z.object({
          asOf: isoDate.optional(),
          months: z.coerce.number().int().min(1).max(120).default(12),
          snapshot: snapshotRef.default('latest'),
          lang: z.string().optional(),
        }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const snap = await findSnapshot(conn, req.query.snapshot)
        const asOf = req.query.asOf ?? snap.asOf
        // CLV comes from the snapshot only when it is not later than the cohorts' as-of date.
        const snapshotId = snap.asOf <= asOf ? snap.snapshotId : null
        return cohortTable(conn, { asOf, months: req.query.months, snapshotId })
      }),
  )
  app.get(
    '/api/evaluation/kpis',
    {
      config: { access: READ },
      schema: { tags: ['evaluation'], summary: 'KPIs per snapshot, oldest first' },
    },
    async () => ({ items: await ctx.db((conn) => kpiSeries(conn)) }),
  )
  app.get(
    '/api/alerts',
    {
      config: { access: READ },
      schema: {
        tags: ['evaluation'],
        summary: 'Drift alerts kept so far, newest snapshots first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(1000) }),
      },
    },
    async (req) => ({ items: await ctx.db((conn) => listAlerts(conn, { limit: req.query.limit })) }),
  )
  app.post(
    '/api/alerts/check',
    {
      config: { access: WRITE },
      schema: {
        tags: ['evaluation'],
        summary: 'Compare consecutive snapshots; new alerts are kept and queued for webhooks (`alert.drift`)',
        body: z
          .object({
            threshold: z.number().gt(0).max(1e6).default(0.2),
            minCustomers: z.number().int().min(0).default(30),
          })
          .default({ threshold: 0.2, minCustomers: 30 }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const now = ctx.now()
        const alerts = await checkDrift(conn, { ...req.body, now: timestampText(now) })
        return { alerts, queued: await announceAlerts(conn, now) }
      }),
  )
  campaignRoutes(app, ctx)
  reportRoutes(app, ctx)
}
