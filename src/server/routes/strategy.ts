import { z } from 'zod'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import { LANGS } from '../../i18n/locale.js'
import type { Connection } from '../../sql/driver.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import {
  AUDIENCE_FORMATS,
  type AudienceExportResult,
  boughtTogether,
  checkColumns,
  checkPlaybookEdit,
  defaultRuleOptions,
  editPlaybook,
  exportAudience,
  getPlaybook,
  INDUSTRIES,
  INDUSTRY_PRESETS,
  type Industry,
  listPlaybooks,
  loadRules,
  mineRules,
  nextActionFor,
  nextBestProducts,
  parseIndustry,
  recordExport,
  resetPlaybook,
  resolveItem,
  resolvePlaybookId,
  resolveSelection,
  type SelectionRequest,
  saveRules,
  segmentCrossSell,
  setStoreIndustry,
  storeIndustry,
} from '../../strategy/index.js'
import { timestampText } from '../clock.js'
import { answerSink } from '../http/answer-sink.js'
import type { RouteModule } from '../http/context.js'
import { jobPollRoute } from '../http/job-poll-route.js'
import { answerJob, Jobs } from '../http/jobs.js'

const READ = { role: 'viewer', scope: 'read' } as const
const WRITE = { role: 'analyst', scope: 'admin' } as const
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const industry = z.enum(INDUSTRIES).optional()
const lang = z.enum(LANGS).optional()
const basis = z.enum(['product', 'category']).default('product')
const playbookParam = z.object({ id: z.string().min(1).max(100) })
const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  ads: 'text/csv; charset=utf-8',
}

function industryOf(conn: Connection, given: Industry | undefined): Promise<Industry> {
  return given ? Promise.resolve(given) : storeIndustry(conn)
}

/** Exactly one of segment / rfm / lifecycle, else 400. */
function selectionOf(q: { segment?: string; rfm?: string; lifecycle?: string }): SelectionRequest {
  const chosen: SelectionRequest[] = []
  if (q.segment !== undefined) chosen.push({ kind: 'segment', ref: q.segment })
  if (q.rfm !== undefined) chosen.push({ kind: 'rfm', name: q.rfm })
  if (q.lifecycle !== undefined) chosen.push({ kind: 'lifecycle', name: q.lifecycle })
  if (chosen.length !== 1) throw new StrataError({ code: 'strategy.audience.one_selection' }, EXIT.USAGE)
  return chosen[0]!
}

/** Playbooks, recommendations and audience exports over HTTP: thin calls into src/strategy. */
export const strategyRoutes: RouteModule = (app, ctx) => {
  const jobs = new Jobs()
  const now = () => timestampText(ctx.now())

  app.get(
    '/api/playbooks',
    {
      config: { access: READ },
      schema: {
        tags: ['strategy'],
        summary: 'Every playbook under an industry preset (default: the store’s), edits applied',
        querystring: z.object({ industry, textLang: lang, lang: z.string().optional() }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const ind = await industryOf(conn, req.query.industry)
        const items = await listPlaybooks(conn, { industry: ind, lang: req.query.textLang ?? req.lang })
        return { industry: ind, preset: INDUSTRY_PRESETS[ind], items }
      }),
  )
  app.get(
    '/api/playbooks/industries',
    {
      config: { access: READ },
      schema: { tags: ['strategy'], summary: 'The industry presets and the store’s current one' },
    },
    async () => ({
      current: await ctx.db(storeIndustry),
      items: INDUSTRIES.map((i) => ({ ...INDUSTRY_PRESETS[i], industry: i })),
    }),
  )
  app.put(
    '/api/playbooks/industry',
    {
      config: { access: WRITE },
      schema: {
        tags: ['strategy'],
        summary: 'Set the store’s industry preset',
        body: z.object({ industry: z.enum(INDUSTRIES) }),
      },
    },
    async (req) => {
      await ctx.db((conn) => setStoreIndustry(conn, parseIndustry(req.body.industry)))
      await ctx.audit(req, { action: 'playbook.industry', detail: { industry: req.body.industry } })
      return { current: req.body.industry, preset: INDUSTRY_PRESETS[req.body.industry] }
    },
  )
  app.get(
    '/api/playbooks/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['strategy'],
        summary: 'One playbook (`rfm:Champions`, `Champions`, `lifecycle:new` …)',
        params: playbookParam,
        querystring: z.object({ industry, textLang: lang, lang: z.string().optional() }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const ind = await industryOf(conn, req.query.industry)
        const id = resolvePlaybookId(req.params.id)
        return {
          playbook: await getPlaybook(conn, id, { industry: ind, lang: req.query.textLang ?? req.lang }),
        }
      }),
  )
  app.patch(
    '/api/playbooks/:id',
    {
      config: { access: WRITE },
      schema: {
        tags: ['strategy'],
        summary:
          'Edit a playbook’s texts: `{goal, actions, offer, channel, cadence, kpi}` for `textLang`, or keyed by language',
        params: playbookParam,
        querystring: z.object({ industry, textLang: lang, lang: z.string().optional() }),
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (req) => {
      const id = resolvePlaybookId(req.params.id)
      const textLang = req.query.textLang ?? req.lang
      const checked = checkPlaybookEdit(req.body, { lang: textLang })
      if (!checked.ok) {
        const [first, ...more] = checked.diagnostics
        throw new StrataError(first!, EXIT.USAGE, more)
      }
      const book = await ctx.db(async (conn) => {
        const ind = await industryOf(conn, req.query.industry)
        await editPlaybook(conn, id, checked.value, { industry: ind, now: now() })
        return getPlaybook(conn, id, { industry: ind, lang: textLang })
      })
      await ctx.audit(req, { action: 'playbook.edit', detail: { playbook: id, industry: book.industry } })
      return { playbook: book }
    },
  )
  app.post(
    '/api/playbooks/:id/reset',
    {
      config: { access: WRITE },
      schema: {
        tags: ['strategy'],
        summary: 'Drop the edits of a playbook (one language, or all)',
        params: playbookParam,
        body: z.object({ industry, textLang: lang }).default({}),
      },
    },
    async (req) => {
      const id = resolvePlaybookId(req.params.id)
      const out = await ctx.db(async (conn) => {
        const ind = await industryOf(conn, req.body.industry)
        const removed = await resetPlaybook(conn, id, { industry: ind, lang: req.body.textLang })
        return { playbook: id, industry: ind, removed }
      })
      await ctx.audit(req, { action: 'playbook.reset', detail: out })
      return out
    },
  )
  app.get(
    '/api/customers/:id/next-action',
    {
      config: { access: READ },
      schema: {
        tags: ['strategy'],
        summary: 'The playbook and next action for one customer, and why',
        params: z.object({ id: z.string().min(1).max(200) }),
        querystring: z.object({
          industry,
          snapshot: z.string().max(40).default('latest'),
          lang: z.string().optional(),
        }),
      },
    },
    async (req) => {
      const next = await ctx.db(async (conn) => {
        const id = await resolveCustomerId(conn, req.params.id)
        const ind = await industryOf(conn, req.query.industry)
        return nextActionFor(conn, id, { industry: ind, lang: req.lang, snapshot: req.query.snapshot })
      })
      await ctx.audit(req, { action: 'customer.next_action', customerId: next.customerId })
      return next
    },
  )

  app.post(
    '/api/recommendations/rules',
    {
      config: { access: WRITE },
      schema: {
        tags: ['strategy'],
        summary: 'Mine association rules (a job, or awaited with wait=true); saved unless save=false',
        querystring: z.object({ wait: z.coerce.boolean().default(false), lang: z.string().optional() }),
        body: z
          .object({
            by: basis,
            minSupport: z.number().min(0).max(1).optional(),
            minConfidence: z.number().min(0).max(1).optional(),
            minLift: z.number().min(0).optional(),
            minCount: z.number().int().min(1).optional(),
            maxSize: z.union([z.literal(2), z.literal(3)]).optional(),
            asOf: isoDate.optional(),
            since: isoDate.optional(),
            limit: z.number().int().min(1).max(1000).default(20),
            save: z.boolean().default(true),
          })
          .default({ by: 'product', limit: 20, save: true }),
      },
    },
    async (req, reply) => {
      const b = req.body
      const defaults = defaultRuleOptions(b.by)
      const options = {
        ...defaults,
        minSupport: b.minSupport ?? defaults.minSupport,
        minConfidence: b.minConfidence ?? defaults.minConfidence,
        minLift: b.minLift ?? defaults.minLift,
        minCount: b.minCount ?? defaults.minCount,
        maxSize: b.maxSize ?? defaults.maxSize,
      }
      const job = jobs.start('rules', req.principal!.id, req.lang, () =>
        ctx.db(async (conn) => {
          const { rules, baskets } = await mineRules(conn, options, {
            asOf: b.asOf ?? null,
            since: b.since ?? null,
          })
          if (b.save) await saveRules(conn, rules, { ...options, computedAt: now(), asOf: b.asOf ?? null })
          return { options, saved: b.save, count: rules.length, baskets, rules: rules.slice(0, b.limit) }
        }),
      )
      await ctx.audit(req, { action: 'recommend.rules', detail: { job: job.jobId, by: b.by } })
      return answerJob(jobs, job, req.query.wait, reply)
    },
  )
  jobPollRoute(app, '/api/strategy/jobs/:id', jobs, {
    tag: 'strategy',
    summary: 'Progress and outcome of a rule-mining run',
  })
  app.get(
    '/api/recommendations/rules',
    {
      config: { access: READ },
      schema: {
        tags: ['strategy'],
        summary: 'The stored association rules of a basis',
        querystring: z.object({ by: basis, limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      },
    },
    async (req) => {
      const rules = await ctx.db((conn) => loadRules(conn, req.query.by))
      return { by: req.query.by, count: rules.length, items: rules.slice(0, req.query.limit) }
    },
  )
  app.get(
    '/api/recommendations/together/:sku',
    {
      config: { access: READ },
      schema: {
        tags: ['strategy'],
        summary: 'What is bought with an item (SKU, product name or category)',
        params: z.object({ sku: z.string().min(1).max(200) }),
        querystring: z.object({
          by: basis,
          limit: z.coerce.number().int().min(1).max(100).default(10),
          minCount: z.coerce.number().int().min(1).default(2),
        }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const q = req.query
        const anchor = await resolveItem(conn, req.params.sku, q.by)
        return boughtTogether(conn, anchor, { by: q.by, limit: q.limit, minCount: q.minCount })
      }),
  )
  app.get(
    '/api/recommendations/customer/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['strategy'],
        summary: 'Next best products for one customer, each with why',
        params: z.object({ id: z.string().min(1).max(200) }),
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(5),
          priceBand: z.coerce.number().min(1).default(3),
        }),
      },
    },
    async (req) => {
      const out = await ctx.db(async (conn) =>
        nextBestProducts(conn, await resolveCustomerId(conn, req.params.id), req.query),
      )
      await ctx.audit(req, { action: 'customer.recommendations', customerId: out.customerId })
      return out
    },
  )
  app.get(
    '/api/recommendations/segment/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['strategy'],
        summary: 'Rules a saved segment follows more than everyone (cross-sell index)',
        params: z.object({ id: z.string().min(1).max(200) }),
        querystring: z.object({
          by: basis,
          limit: z.coerce.number().int().min(1).max(100).default(10),
          minCount: z.coerce.number().int().min(1).default(5),
        }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const q = req.query
        const selection = await resolveSelection(conn, { kind: 'segment', ref: req.params.id })
        const result = await segmentCrossSell(conn, selection, {
          by: q.by,
          limit: q.limit,
          minSegmentCount: q.minCount,
        })
        const { query: _query, ...who } = result.selection
        return { ...result, selection: who }
      }),
  )

  app.get(
    '/api/audience/export',
    {
      config: { access: WRITE },
      schema: {
        tags: ['strategy'],
        summary:
          'Stream an audience (CSV, JSON, or hashed identifiers for ad platforms); only consented customers',
        querystring: z.object({
          segment: z.string().min(1).max(200).optional(),
          rfm: z.string().min(1).max(100).optional(),
          lifecycle: z.string().min(1).max(100).optional(),
          format: z.enum(AUDIENCE_FORMATS).default('csv'),
          columns: z.string().max(1000).optional(),
          gmailDots: z.coerce.boolean().default(false),
          defaultCountry: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .default('CN'),
          snapshot: z.string().max(40).optional(),
          lang: z.string().optional(),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query
      const request = selectionOf(q)
      const columns = q.columns === undefined ? undefined : checkColumns(q.columns.split(','))
      // Resolved before the answer starts: an unknown segment is a 404 body, not a broken stream.
      const selection = await ctx.db((conn) => resolveSelection(conn, request, { snapshot: q.snapshot }))
      // The export streams from inside the store queue; a client that leaves ends it (see answerSink).
      const out = answerSink()
      const options = {
        selection,
        format: q.format,
        columns,
        gmailDots: q.gmailDots,
        defaultCountry: q.defaultCountry,
        snapshot: q.snapshot,
      }
      void ctx
        .db(async (conn) => {
          const result: AudienceExportResult = await exportAudience(conn, options, out.sink)
          await recordExport(conn, {
            exportedAt: now(),
            actor: req.principal!.name,
            selectionKind: selection.kind,
            selection: selection.name,
            snapshotId: result.snapshotId,
            format: q.format,
            columns: result.columns.join(','),
            rows: result.rows,
            withoutConsent: result.withoutConsent,
            withoutIdentifier: result.withoutIdentifier,
            destination: null,
          })
          return result
        })
        .then(async (result) => {
          await ctx.audit(req, {
            action: 'export.audience',
            detail: {
              selection: `${selection.kind}:${selection.name}`,
              format: q.format,
              rows: result.rows,
              withoutConsent: result.withoutConsent,
            },
          })
          out.end()
        })
        // A failed export, or one that could not be audited, ends as a broken download, never as a whole file.
        .catch((error: unknown) =>
          out.body.destroy(error instanceof Error ? error : new Error(String(error))),
        )
      const ext = q.format === 'json' ? 'json' : 'csv'
      return reply
        .header('content-type', CONTENT_TYPE[q.format])
        .header('content-disposition', `attachment; filename="audience-${selection.kind}.${ext}"`)
        .send(out.body)
    },
  )
}
