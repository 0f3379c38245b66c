import { z } from 'zod'
import { seedFrom } from '../../demo/prng.js'
import { t } from '../../i18n/translate.js'
import {
  defineBuyerPersona,
  defineTag,
  deleteBuyerPersona,
  deleteTag,
  explainCustomerTags,
  findLookalikes,
  type GroupRef,
  listBuyerPersonas,
  listTags,
  personaCard,
  refreshTags,
  runClusters,
  saveClustersAsSegments,
  saveLookalikes,
  storedClusters,
} from '../../personas/index.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import { timestampText } from '../clock.js'
import type { RouteModule } from '../http/context.js'
import { ApiError } from '../http/errors.js'
import { jobPollRoute } from '../http/job-poll-route.js'
import { answerJob, Jobs } from '../http/jobs.js'

const READ = { role: 'viewer', scope: 'read' } as const
const WRITE = { role: 'analyst', scope: 'admin' } as const
const name = z.string().min(1).max(200)
const snapshot = z.string().max(40).default('latest')

/** The group flags of `strata persona show` / `strata lookalike`, as query or body fields. */
const groupFields = {
  segment: z.string().min(1).max(200).optional(),
  rfm: z.string().min(1).max(100).optional(),
  lifecycle: z.string().min(1).max(100).optional(),
  tier: z.string().min(1).max(100).optional(),
  tag: z.string().min(1).max(100).optional(),
  cluster: z.coerce.number().int().min(0).optional(),
  persona: z.string().min(1).max(200).optional(),
  all: z.coerce.boolean().optional(),
}
type GroupFields = { [K in keyof typeof groupFields]?: z.infer<(typeof groupFields)[K]> }

/** Exactly one group named, else 400 (the caller sent none or several). */
function groupOf(f: GroupFields): GroupRef {
  const given: GroupRef[] = []
  for (const kind of ['segment', 'rfm', 'lifecycle', 'tier', 'tag', 'persona'] as const) {
    const value = f[kind]
    if (value !== undefined) given.push({ kind, value })
  }
  if (f.cluster !== undefined) given.push({ kind: 'cluster', value: f.cluster })
  if (f.all) given.push({ kind: 'all' })
  if (given.length !== 1) throw new ApiError(400, 'server.personas.one_group')
  return given[0]!
}

/** Tags, clusters, persona cards, buyer personas and lookalikes over HTTP: thin calls into src/personas. */
export const personaRoutes: RouteModule = (app, ctx) => {
  const jobs = new Jobs()
  const now = () => timestampText(ctx.now())

  app.get(
    '/api/tags',
    {
      config: { access: READ },
      schema: { tags: ['personas'], summary: 'Every tag with its customer count' },
    },
    async () => ({ items: await ctx.db(listTags) }),
  )
  app.post(
    '/api/tags/refresh',
    {
      config: { access: WRITE },
      schema: {
        tags: ['personas'],
        summary: 'Recompute built-in and user tags on a snapshot',
        body: z.object({ snapshot }).default({ snapshot: 'latest' }),
      },
    },
    async (req) => {
      const result = await ctx.db((conn) => refreshTags(conn, { snapshot: req.body.snapshot, now: now() }))
      await ctx.audit(req, { action: 'tags.refresh', detail: { snapshot: result.snapshotId } })
      return {
        ...result,
        warnings: result.warnings.map((w) => ({ ...w, message: t(req.lang, w.code, w.params) })),
      }
    },
  )
  app.post(
    '/api/tags',
    {
      config: { access: WRITE },
      schema: {
        tags: ['personas'],
        summary: 'Define a user tag in the segment language (invalid definitions: 400 with diagnostics)',
        body: z.object({
          name: z.string().min(1).max(64),
          definition: z.string().min(1).max(20_000),
          description: z.string().max(2000).optional(),
        }),
      },
    },
    async (req, reply) => {
      const b = req.body
      const out = await ctx.db((conn) =>
        defineTag(conn, { tag: b.name, definition: b.definition, description: b.description, now: now() }),
      )
      await ctx.audit(req, { action: 'tag.define', detail: { tag: out.tag } })
      return reply.code(201).send(out)
    },
  )
  app.delete(
    '/api/tags/:tag',
    {
      config: { access: WRITE },
      schema: {
        tags: ['personas'],
        summary: 'Delete a user tag',
        params: z.object({ tag: z.string().min(1).max(64) }),
      },
    },
    async (req) => {
      await ctx.db((conn) => deleteTag(conn, req.params.tag))
      await ctx.audit(req, { action: 'tag.delete', detail: { tag: req.params.tag } })
      return { deleted: req.params.tag }
    },
  )
  app.get(
    '/api/customers/:id/tags',
    {
      config: { access: READ },
      schema: {
        tags: ['personas'],
        summary: "A customer's tags, each with why it applies (in the caller's language)",
        params: z.object({ id: z.string().min(1).max(200) }),
      },
    },
    async (req) => {
      const why = await ctx.db(async (conn) =>
        explainCustomerTags(conn, await resolveCustomerId(conn, req.params.id)),
      )
      await ctx.audit(req, { action: 'customer.tags_read', customerId: why.customerId })
      return {
        customerId: why.customerId,
        snapshotId: why.snapshotId,
        tags: why.tags.map((r) => ({ ...r, text: t(req.lang, r.key, r.params) })),
      }
    },
  )

  app.post(
    '/api/clusters/run',
    {
      config: { access: WRITE },
      schema: {
        tags: ['personas'],
        summary: 'Cluster customers (a job; k chosen by silhouette unless given)',
        querystring: z.object({ wait: z.coerce.boolean().default(false), lang: z.string().optional() }),
        body: z
          .object({
            k: z.number().int().min(2).max(20).optional(),
            seed: z.union([z.number().int().min(0), z.string().min(1).max(100)]).default(1),
            snapshot,
          })
          .default({ seed: 1, snapshot: 'latest' }),
      },
    },
    async (req, reply) => {
      const b = req.body
      const job = jobs.start('clusters', req.principal!.id, req.lang, () =>
        ctx.db((conn) =>
          runClusters(conn, { snapshot: b.snapshot, k: b.k, seed: seedFrom(b.seed), now: now() }),
        ),
      )
      await ctx.audit(req, { action: 'clusters.run', detail: { job: job.jobId } })
      return answerJob(jobs, job, req.query.wait, reply)
    },
  )
  jobPollRoute(app, '/api/personas/jobs/:id', jobs, {
    tag: 'personas',
    summary: 'Progress and outcome of a clustering run',
  })
  app.get(
    '/api/clusters',
    { config: { access: READ }, schema: { tags: ['personas'], summary: 'Clusters of the newest run' } },
    async () => ({ items: await ctx.db(storedClusters) }),
  )
  app.post(
    '/api/clusters/:run/:cluster/save',
    {
      config: { access: WRITE },
      schema: {
        tags: ['personas'],
        summary: 'Save a cluster of the newest run as a static segment',
        params: z.object({ run: z.string().min(1).max(100), cluster: z.coerce.number().int().min(0) }),
        body: z.object({ name }),
      },
    },
    async (req, reply) => {
      const saved = await ctx.db(async (conn) => {
        const clusters = await storedClusters(conn)
        // Only the newest run's members are kept; saving an older run would save the wrong people.
        if (clusters[0]?.runId !== req.params.run)
          throw new ApiError(404, 'server.not_found', { what: `run ${req.params.run}` })
        return saveClustersAsSegments(conn, { name: req.body.name, cluster: req.params.cluster, now: now() })
      })
      await ctx.audit(req, {
        action: 'cluster.save',
        detail: { run: req.params.run, segments: saved.length },
      })
      return reply.code(201).send({ saved })
    },
  )

  app.get(
    '/api/personas/card',
    {
      config: { access: READ },
      schema: {
        tags: ['personas'],
        summary: 'Persona card of one group (sizes, distributions, summary in three languages)',
        querystring: z.object({ ...groupFields, snapshot, lang: z.string().optional() }),
      },
    },
    async (req) => {
      const group = groupOf(req.query)
      return ctx.db((conn) => personaCard(conn, group, { snapshot: req.query.snapshot }))
    },
  )

  app.get(
    '/api/personas',
    { config: { access: READ }, schema: { tags: ['personas'], summary: 'Buyer personas with their sizes' } },
    async () => ({ items: await ctx.db(listBuyerPersonas) }),
  )
  app.post(
    '/api/personas',
    {
      config: { access: WRITE },
      schema: {
        tags: ['personas'],
        summary: 'Define (or redefine) a buyer persona in the segment language',
        body: z.object({
          name,
          definition: z.string().min(1).max(20_000),
          description: z.string().max(2000).optional(),
        }),
      },
    },
    async (req, reply) => {
      const p = await ctx.db((conn) => defineBuyerPersona(conn, { ...req.body, now: now() }))
      await ctx.audit(req, { action: 'persona.define', detail: { persona: p.name } })
      return reply.code(201).send(p)
    },
  )
  app.put(
    '/api/personas/:name',
    {
      config: { access: WRITE },
      schema: {
        tags: ['personas'],
        summary: 'Redefine a buyer persona',
        params: z.object({ name }),
        body: z.object({
          definition: z.string().min(1).max(20_000),
          description: z.string().max(2000).optional(),
        }),
      },
    },
    async (req) => {
      const p = await ctx.db(async (conn) => {
        const known = (await listBuyerPersonas(conn)).some((x) => x.name === req.params.name)
        if (!known) throw new ApiError(404, 'server.not_found', { what: req.params.name })
        return defineBuyerPersona(conn, { name: req.params.name, ...req.body, now: now() })
      })
      await ctx.audit(req, { action: 'persona.define', detail: { persona: p.name } })
      return p
    },
  )
  app.delete(
    '/api/personas/:name',
    {
      config: { access: WRITE },
      schema: { tags: ['personas'], summary: 'Delete a buyer persona', params: z.object({ name }) },
    },
    async (req) => {
      await ctx.db((conn) => deleteBuyerPersona(conn, req.params.name))
      await ctx.audit(req, { action: 'persona.delete', detail: { persona: req.params.name } })
      return { deleted: req.params.name }
    },
  )

  app.post(
    '/api/lookalikes',
    {
      config: { access: WRITE },
      schema: {
        tags: ['personas'],
        summary: 'Customers most like a seed group, each with why; optionally saved as a static segment',
        body: z.object({
          seed: z.object(groupFields),
          limit: z.number().int().min(1).max(10_000).default(100),
          saveAs: name.optional(),
          snapshot,
        }),
      },
    },
    async (req) => {
      const b = req.body
      const seed = groupOf(b.seed)
      const out = await ctx.db(async (conn) => {
        const result = await findLookalikes(conn, seed, { snapshot: b.snapshot, limit: b.limit })
        const saved = b.saveAs ? await saveLookalikes(conn, result, { name: b.saveAs, now: now() }) : null
        return { ...result, saved }
      })
      await ctx.audit(req, {
        action: 'lookalikes.find',
        detail: { seed: seed.kind, rows: out.lookalikes.length, saved: out.saved?.segmentId ?? null },
      })
      return out
    },
  )
}
