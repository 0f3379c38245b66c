import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import { findSnapshot, loadAnalysisConfig, summarizeSnapshot } from '../../analytics/index.js'
import { IMPORT_KINDS, type ImportKind } from '../../ingest/fields.js'
import { importFile } from '../../ingest/import-file.js'
import { PRESET_NAMES } from '../../ingest/presets/index.js'
import { predictStep } from '../../models/index.js'
import { analyzeAndRefresh } from '../../pipeline/analyze-and-refresh.js'
import { sql } from '../../sql/fragment.js'
import { storeStatus } from '../../store/status.js'
import { timestampText } from '../clock.js'
import type { RouteModule, ServerContext } from '../http/context.js'
import { ApiError } from '../http/errors.js'
import { jobPollRoute } from '../http/job-poll-route.js'
import { answerJob, Jobs } from '../http/jobs.js'
import { pageQuery } from '../http/paging.js'

const READ = { role: 'viewer', scope: 'read' } as const
const WRITE = { role: 'analyst', scope: 'admin' } as const
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** Store status, imports (upload), analysis runs and snapshots. */
export const storeDataRoutes: RouteModule = (app, ctx) => {
  const jobs = new Jobs()
  registerJobs(app, ctx, jobs)

  app.get(
    '/api/status',
    { config: { access: READ }, schema: { tags: ['store'], summary: 'What the store holds' } },
    async () => ctx.db(storeStatus),
  )

  app.post(
    '/api/imports/:kind',
    {
      config: { access: WRITE },
      schema: {
        tags: ['imports'],
        summary: 'Upload a file (multipart field `file`) and import it; answers the data-quality report',
        consumes: ['multipart/form-data'],
        params: z.object({ kind: z.enum(IMPORT_KINDS) }),
        querystring: z.object({
          preset: z.enum(PRESET_NAMES as [string, ...string[]]).default('generic'),
          source: z.string().max(100).optional(),
          map: z.string().max(2000).optional(),
          encoding: z.string().max(40).optional(),
          dateFormat: z.string().max(40).optional(),
          timezone: z.string().max(60).optional(),
          skipInvalid: z.coerce.boolean().default(false),
          wait: z.coerce.boolean().default(false),
          lang: z.string().optional(),
        }),
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new ApiError(415, 'server.bad_media_type')
      const file = await req.file()
      if (!file) throw new ApiError(400, 'server.import.no_file')
      const dir = mkdtempSync(join(tmpdir(), 'strata-upload-'))
      const path = join(dir, `upload${extname(file.filename).slice(0, 12) || '.csv'}`)
      try {
        await pipeline(file.file, createWriteStream(path))
      } catch (error) {
        rmSync(dir, { recursive: true, force: true })
        throw error
      }
      if (file.file.truncated) {
        rmSync(dir, { recursive: true, force: true })
        throw new ApiError(413, 'server.too_large', { limit: ctx.options.uploadLimit })
      }
      const q = req.query
      const total = statSync(path).size
      const job = jobs.start('import', req.principal!.id, req.lang, async (j) => {
        j.progress = { bytesRead: 0, totalBytes: total, rows: 0 }
        try {
          const result = await ctx.db((conn) =>
            importFile(conn, {
              kind: req.params.kind as ImportKind,
              file: path,
              preset: q.preset,
              source:
                q.source ?? (q.preset === 'generic' ? file.filename.replace(/\.[^.]*$/, '') : undefined),
              map: q.map,
              encoding: q.encoding,
              dateFormat: q.dateFormat,
              timezone: q.timezone,
              skipInvalid: q.skipInvalid,
              today: ctx.now().toISOString().slice(0, 10),
              startedAt: timestampText(ctx.now()),
              finishedAt: () => timestampText(ctx.now()),
              onProgress: (p) => {
                j.progress = { ...p }
              },
            }),
          )
          await ctx.audit(req, {
            action: 'import',
            detail: { kind: req.params.kind, importId: result.importId, status: result.status },
          })
          return {
            importId: result.importId,
            status: result.status,
            report: result.report,
            problems: result.problems.slice(0, 100),
          }
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      })
      return answerJob(jobs, job, q.wait, reply)
    },
  )

  app.get(
    '/api/imports',
    {
      config: { access: READ },
      schema: { tags: ['imports'], summary: 'Past imports', querystring: z.object(pageQuery) },
    },
    async (req) => {
      const { limit, offset } = req.query
      const items = await ctx.db((conn) =>
        conn.all(sql`SELECT import_id, kind, source, file, format, status, CAST(started_at AS VARCHAR) AS started_at,
        CAST(finished_at AS VARCHAR) AS finished_at, rows_read, rows_imported, rows_rejected, rows_unchanged
        FROM imports ORDER BY started_at DESC, import_id DESC LIMIT ${limit} OFFSET ${offset}`),
      )
      return { items, limit, offset, next: items.length === limit ? offset + limit : null }
    },
  )
  app.get(
    '/api/imports/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['imports'],
        summary: 'One import with its data-quality report',
        params: z.object({ id: z.string() }),
      },
    },
    async (req) => {
      const row = await ctx.db((conn) =>
        conn.one(
          sql`SELECT import_id, kind, source, status, report FROM imports WHERE import_id = ${req.params.id}`,
        ),
      )
      if (!row) throw new ApiError(404, 'server.not_found', { what: req.params.id })
      return { ...row, report: JSON.parse(String(row['report'] ?? 'null')) }
    },
  )

  app.post(
    '/api/analyze',
    {
      config: { access: WRITE },
      schema: {
        tags: ['analysis'],
        summary: 'Run an analysis (new snapshot); waits with `wait=true`',
        querystring: z.object({ wait: z.coerce.boolean().default(false), lang: z.string().optional() }),
        body: z
          .object({
            asOf: isoDate.optional(),
            windowStart: isoDate.optional(),
            models: z.boolean().default(true),
          })
          .default({ models: true }),
      },
    },
    async (req, reply) => {
      const body = req.body
      const job = jobs.start('analyze', req.principal!.id, req.lang, async (j) => {
        const result = await ctx.db((conn) =>
          // The same pipeline and settings as `strata analyze`: snapshot, then tags, then every segment.
          analyzeAndRefresh(conn, {
            asOf: body.asOf,
            windowStart: body.windowStart ?? null,
            config: loadAnalysisConfig(ctx.store.path),
            predict: body.models ? predictStep : undefined,
            createdAt: timestampText(ctx.now()),
            onStage: (stage: string) => {
              j.progress = { stage }
            },
          }),
        )
        for (const listener of ctx.snapshotListeners) listener()
        return { summary: result.summary, warnings: result.warnings, segments: result.segments.length }
      })
      return answerJob(jobs, job, req.query.wait, reply)
    },
  )

  app.get(
    '/api/snapshots',
    {
      config: { access: READ },
      schema: { tags: ['analysis'], summary: 'Snapshots, newest first', querystring: z.object(pageQuery) },
    },
    async (req) => {
      const { limit, offset } = req.query
      const items = await ctx.db((conn) =>
        conn.all(sql`SELECT snapshot_id, CAST(as_of AS VARCHAR) AS as_of, CAST(window_start AS VARCHAR) AS window_start,
        CAST(created_at AS VARCHAR) AS created_at, bins, customers_total, customers_scored, prospects, monetary_total
        FROM snapshots ORDER BY CAST(snapshot_id AS INTEGER) DESC LIMIT ${limit} OFFSET ${offset}`),
      )
      return { items, limit, offset, next: items.length === limit ? offset + limit : null }
    },
  )
  app.get(
    '/api/snapshots/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['analysis'],
        summary: 'A snapshot (`latest` for the newest) and its segment summary',
        params: z.object({ id: z.string() }),
      },
    },
    async (req) =>
      ctx.db(async (conn) => {
        const snapshot = await findSnapshot(conn, req.params.id)
        return { snapshot, summary: await summarizeSnapshot(conn, snapshot.snapshotId) }
      }),
  )
}

function registerJobs(app: Parameters<RouteModule>[0], _ctx: ServerContext, jobs: Jobs) {
  jobPollRoute(app, '/api/jobs/:id', jobs, {
    tag: 'store',
    summary: 'Progress and outcome of an import or analysis',
  })
}
