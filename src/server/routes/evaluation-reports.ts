import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { LANGS } from '../../i18n/locale.js'
import { getReport, listReports, weeklyReport } from '../../reports/index.js'
import { seesPii } from '../auth/roles.js'
import { timestampText } from '../clock.js'
import type { RouteModule, ServerContext } from '../http/context.js'
import { ApiError } from '../http/errors.js'
import { jobPollRoute } from '../http/job-poll-route.js'
import { answerJob, Jobs } from '../http/jobs.js'
import { idParam, isoDate, READ, WRITE } from './eval-schemas.js'

/** Where the server writes report PDFs: beside the store file (a temporary folder for in-memory stores). */
function pdfPath(ctx: ServerContext, asOf: string): string {
  const base = ctx.store.path === ':memory:' ? tmpdir() : dirname(ctx.store.path)
  const dir = join(base, 'reports')
  mkdirSync(dir, { recursive: true })
  return join(dir, `weekly-${asOf}-${timestampText(ctx.now()).replace(/\D/g, '')}.pdf`)
}

/**
 * Weekly reports: written on request as a job (the scheduler writes them too), kept in the store, listed,
 * and served back as the stored HTML. Reports made here carry customer ids only (no contact details):
 * anyone who may read reports may read them.
 */
export const reportRoutes: RouteModule = (app, ctx) => {
  const jobs = new Jobs()
  app.post(
    '/api/reports/weekly',
    {
      config: { access: WRITE },
      schema: {
        tags: ['reports'],
        summary: 'Write the weekly report (a job; `wait=true` to wait); HTML kept in the store, PDF on disk',
        querystring: z.object({ wait: z.coerce.boolean().default(false), lang: z.string().optional() }),
        body: z
          .object({
            asOf: isoDate.optional(),
            lang: z.enum(LANGS).optional(),
            format: z.enum(['html', 'pdf']).default('html'),
          })
          .default({ format: 'html' }),
      },
    },
    async (req, reply) => {
      const body = req.body
      const asOf = body.asOf ?? ctx.now().toISOString().slice(0, 10)
      const lang = body.lang ?? req.lang
      const job = jobs.start('report', req.principal!.id, req.lang, async () => {
        const out = body.format === 'pdf' ? pdfPath(ctx, asOf) : undefined
        const r = await ctx.db((conn) =>
          weeklyReport(conn, { asOf, lang, format: body.format, out, now: timestampText(ctx.now()) }),
        )
        return { reportId: r.reportId, asOf: r.asOf, snapshotId: r.snapshotId, format: body.format, lang }
      })
      return answerJob(jobs, job, req.query.wait, reply)
    },
  )
  jobPollRoute(app, '/api/reports/jobs/:id', jobs, { tag: 'reports', summary: 'Progress of a report job' })
  app.get(
    '/api/reports',
    {
      config: { access: READ },
      schema: { tags: ['reports'], summary: 'Past reports, newest first (without their HTML)' },
    },
    async () => ({ items: await ctx.db(listReports) }),
  )
  app.get(
    '/api/reports/:id',
    {
      config: { access: READ },
      schema: { tags: ['reports'], summary: 'A past report as its stored HTML', params: idParam },
    },
    async (req, reply) => {
      const report = await ctx.db((conn) => getReport(conn, req.params.id))
      if (report === null) throw new ApiError(404, 'server.not_found', { what: req.params.id })
      // A report made with `--with-contact` holds names, e-mails and phones: only for roles that see them.
      if (report.kind.endsWith('-contact')) {
        if (!seesPii(req.principal)) throw new ApiError(403, 'server.auth.forbidden')
        await ctx.audit(req, { action: 'report.contact_read', detail: { report: report.reportId } })
      }
      // The report has no script and no external resource; the policy keeps it that way in the browser.
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:",
        )
        .send(report.html)
    },
  )
}
