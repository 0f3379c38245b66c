import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import {
  countSegment,
  createSegment,
  createStaticSegment,
  deleteSegment,
  diffSegmentEdit,
  freezeSegment,
  getSegment,
  latestContext,
  listSegments,
  membersQuery,
  previewSegment,
  refreshSegments,
  type SegmentContext,
  segmentOverlap,
  segmentSizes,
  segmentTemplates,
  updateSegment,
} from '../../segments/index.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import { timestampText } from '../clock.js'
import type { RouteModule, ServerContext } from '../http/context.js'
import { ApiError } from '../http/errors.js'
import { pageQuery, streamRows } from '../http/paging.js'
import { whileCallerWaits } from './while-caller-waits.js'

const READ = { role: 'viewer', scope: 'read' } as const
const WRITE = { role: 'analyst', scope: 'admin' } as const
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const idParam = z.object({ id: z.string().min(1).max(200) })
const definitionBody = z.object({ definition: z.string().min(1).max(20_000) })

function context(ctx: ServerContext, conn: Connection): Promise<SegmentContext> {
  return latestContext(conn, { fallbackAsOf: ctx.now().toISOString().slice(0, 10) })
}
function writeOptions(ctx: ServerContext, conn: Connection) {
  return context(ctx, conn).then((c) => ({ now: timestampText(ctx.now()), ctx: c }))
}

/**
 * Members with contact data for marketing use: marketing consent decides — customers who did not consent
 * are left out unless `includeUnconsented`, and even then their email, phone and name are not exported.
 */
function membersWithContact(
  conn: Connection,
  segmentId: string,
  filter: { enteredSince?: string; exitedSince?: string },
  includeUnconsented: boolean,
) {
  const base = membersQuery(conn, segmentId, { ...filter, consentedOnly: !includeUnconsented })
  const consented = sql`coalesce(c.consent_marketing, FALSE)`
  return sql`SELECT m.customer_id, m.entered_at, m.exited_at,
      CASE WHEN ${consented} THEN c.email END AS email, CASE WHEN ${consented} THEN c.phone END AS phone,
      CASE WHEN ${consented} THEN c.name END AS name, ${consented} AS consent_marketing
    FROM (${base}) AS m LEFT JOIN customers AS c ON c.customer_id = m.customer_id`
}

/** Everything the segments service does, over HTTP: thin calls into src/segments. */
export const segmentRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/segments',
    { config: { access: READ }, schema: { tags: ['segments'], summary: 'Saved segments with their sizes' } },
    async () => ({
      items: await ctx.db(listSegments),
    }),
  )
  app.get(
    '/api/segments/templates',
    { config: { access: READ }, schema: { tags: ['segments'], summary: 'Ready-made segment definitions' } },
    async () => ({
      items: segmentTemplates(),
    }),
  )
  app.post(
    '/api/segments/preview',
    {
      config: { access: READ },
      schema: {
        tags: ['segments'],
        summary: 'Size, revenue and a sample of a definition, without saving',
        body: definitionBody,
      },
    },
    async (req, reply) => {
      const out = await ctx.db((conn) =>
        whileCallerWaits(req.raw, conn, async () =>
          previewSegment(conn, req.body.definition, { ctx: await context(ctx, conn), sample: 10 }),
        ),
      )
      return out ?? reply.code(204).send()
    },
  )
  app.post(
    '/api/segments/preview/count',
    {
      config: { access: READ },
      schema: {
        tags: ['segments'],
        summary:
          'Only the member count and share of customers of a definition (the fast first part of a preview)',
        body: definitionBody,
      },
    },
    async (req, reply) => {
      const out = await ctx.db((conn) =>
        whileCallerWaits(req.raw, conn, async () =>
          countSegment(conn, req.body.definition, { ctx: await context(ctx, conn) }),
        ),
      )
      return out ?? reply.code(204).send()
    },
  )
  app.get(
    '/api/segments/overlap',
    {
      config: { access: READ },
      schema: {
        tags: ['segments'],
        summary: 'Pairwise overlap of segments',
        querystring: z.object({ ids: z.string().min(1), lang: z.string().optional() }),
      },
    },
    async (req) =>
      ctx.db((conn) =>
        segmentOverlap(
          conn,
          req.query.ids
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ),
  )
  app.post(
    '/api/segments',
    {
      config: { access: WRITE },
      schema: {
        tags: ['segments'],
        summary: 'Save a dynamic segment and compute its members',
        body: z.object({
          name: z.string().min(1).max(200),
          definition: z.string().min(1).max(20_000),
          description: z.string().max(2000).nullable().optional(),
          templateId: z.string().max(100).nullable().optional(),
        }),
      },
    },
    async (req, reply) => {
      const out = await ctx.db(async (conn) => createSegment(conn, req.body, await writeOptions(ctx, conn)))
      await ctx.audit(req, { action: 'segment.create', detail: { segment: out.segment.segmentId } })
      return reply.code(201).send(out)
    },
  )
  app.post(
    '/api/segments/static',
    {
      config: { access: WRITE },
      schema: {
        tags: ['segments'],
        summary: 'Save a static segment from an uploaded id list (multipart field `file`)',
        consumes: ['multipart/form-data'],
        querystring: z.object({
          name: z.string().min(1).max(200),
          allowUnknown: z.coerce.boolean().default(false),
          lang: z.string().optional(),
        }),
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new ApiError(415, 'server.bad_media_type')
      const file = await req.file()
      if (!file) throw new ApiError(400, 'server.import.no_file')
      const dir = mkdtempSync(join(tmpdir(), 'strata-ids-'))
      try {
        const path = join(dir, file.filename.endsWith('.txt') ? 'ids.txt' : 'ids.csv')
        await pipeline(file.file, createWriteStream(path))
        const out = await ctx.db(async (conn) =>
          createStaticSegment(
            conn,
            { name: req.query.name, file: path, allowUnknown: req.query.allowUnknown },
            await writeOptions(ctx, conn),
          ),
        )
        await ctx.audit(req, { action: 'segment.create_static', detail: { segment: out.segment.segmentId } })
        return reply.code(201).send(out)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  )
  app.get(
    '/api/segments/:id',
    { config: { access: READ }, schema: { tags: ['segments'], summary: 'One segment', params: idParam } },
    async (req) => ctx.db((conn) => getSegment(conn, req.params.id)),
  )
  app.patch(
    '/api/segments/:id',
    {
      config: { access: WRITE },
      schema: {
        tags: ['segments'],
        summary: 'Rename, redescribe or redefine (members recomputed, history kept)',
        params: idParam,
        body: z.object({
          name: z.string().min(1).max(200).optional(),
          definition: z.string().min(1).max(20_000).optional(),
          description: z.string().max(2000).nullable().optional(),
        }),
      },
    },
    async (req) => {
      const out = await ctx.db(async (conn) =>
        updateSegment(conn, req.params.id, req.body, await writeOptions(ctx, conn)),
      )
      await ctx.audit(req, { action: 'segment.update', detail: { segment: out.segment.segmentId } })
      return out
    },
  )
  app.post(
    '/api/segments/:id/diff',
    {
      config: { access: READ },
      schema: {
        tags: ['segments'],
        summary: 'Who a new definition would add and remove',
        params: idParam,
        body: definitionBody,
      },
    },
    async (req) =>
      ctx.db(async (conn) =>
        diffSegmentEdit(conn, req.params.id, req.body.definition, {
          ctx: await context(ctx, conn),
          sample: 10,
        }),
      ),
  )
  app.delete(
    '/api/segments/:id',
    {
      config: { access: WRITE },
      schema: { tags: ['segments'], summary: 'Delete a segment and its history', params: idParam },
    },
    async (req) => {
      const gone = await ctx.db((conn) => deleteSegment(conn, req.params.id))
      await ctx.audit(req, { action: 'segment.delete', detail: { segment: gone.segmentId } })
      return { deleted: gone }
    },
  )
  app.post(
    '/api/segments/:id/freeze',
    {
      config: { access: WRITE },
      schema: {
        tags: ['segments'],
        summary: 'Static copy of the current members',
        params: idParam,
        body: z.object({
          name: z.string().min(1).max(200),
          description: z.string().max(2000).nullable().optional(),
        }),
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await ctx.db(async (conn) =>
            freezeSegment(conn, req.params.id, req.body, await writeOptions(ctx, conn)),
          ),
        ),
  )
  app.post(
    '/api/segments/:id/refresh',
    {
      config: { access: WRITE },
      schema: {
        tags: ['segments'],
        summary: 'Recompute members now (`all` for every segment)',
        params: idParam,
      },
    },
    async (req) => ({
      sizes: await ctx.db(async (conn) =>
        refreshSegments(
          conn,
          req.params.id === 'all' ? 'all' : [req.params.id],
          await writeOptions(ctx, conn),
        ),
      ),
    }),
  )
  app.get(
    '/api/segments/:id/sizes',
    { config: { access: READ }, schema: { tags: ['segments'], summary: 'Size over time', params: idParam } },
    async (req) =>
      ctx.db(async (conn) => ({
        items: await segmentSizes(conn, (await getSegment(conn, req.params.id)).segmentId),
      })),
  )
  app.get(
    '/api/segments/:id/members',
    {
      config: { access: READ },
      schema: {
        tags: ['segments'],
        summary:
          'Members (a page as JSON, or everything streamed as CSV / NDJSON) with contact data for consented customers',
        params: idParam,
        querystring: z.object({
          ...pageQuery,
          format: z.enum(['json', 'csv', 'ndjson']).default('json'),
          enteredSince: isoDate.optional(),
          exitedSince: isoDate.optional(),
          includeUnconsented: z.coerce.boolean().default(false),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query
      const seg = await ctx.db((conn) => getSegment(conn, req.params.id))
      const filter = { enteredSince: q.enteredSince, exitedSince: q.exitedSince }
      if (q.format === 'json') {
        const items = await ctx.db((conn) =>
          conn.all(sql`SELECT * FROM (${membersWithContact(conn, seg.segmentId, filter, q.includeUnconsented)}) AS x
            ORDER BY customer_id, entered_at LIMIT ${q.limit} OFFSET ${q.offset}`),
        )
        await ctx.audit(req, {
          action: 'segment.members_read',
          detail: { segment: seg.segmentId, rows: items.length },
        })
        return {
          items,
          limit: q.limit,
          offset: q.offset,
          next: items.length === q.limit ? q.offset + q.limit : null,
        }
      }
      await ctx.audit(req, {
        action: 'export.segment_members',
        detail: { segment: seg.segmentId, format: q.format, includeUnconsented: q.includeUnconsented },
      })
      return streamRows(
        reply,
        q.format,
        req.principal,
        (last, size) =>
          ctx.db((conn) =>
            conn.all(sql`SELECT * FROM (${membersWithContact(conn, seg.segmentId, filter, q.includeUnconsented)}) AS x
            WHERE customer_id > ${String(last?.['customer_id'] ?? '')}
              OR (customer_id = ${String(last?.['customer_id'] ?? '')} AND entered_at > ${String(last?.['entered_at'] ?? '')})
            ORDER BY customer_id, entered_at LIMIT ${size}`),
          ),
        `segment-${seg.segmentId}`,
      )
    },
  )
}
