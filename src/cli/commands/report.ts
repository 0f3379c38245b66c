import { resolve } from 'node:path'
import { type Command, Option } from 'commander'
import { isIsoDate } from '../../analytics/index.js'
import { StrataError } from '../../core/diagnostics.js'
import { listReports, weeklyReport } from '../../reports/index.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'

interface WeeklyFlags {
  asOf?: string
  format: 'html' | 'pdf'
  out?: string
  withContact?: boolean
  json?: boolean
}

export const registerReport: RegisterCommand = (program: Command, ctx) => {
  const cmd = program.command('report').description(ctx().t('cli.report.description'))
  cmd
    .command('weekly')
    .description(ctx().t('cli.report.weekly.description'))
    .addOption(new Option('--as-of <date>', ctx().t('cli.report.opt.as_of')))
    .addOption(
      new Option('--format <format>', ctx().t('cli.report.opt.format'))
        .choices(['html', 'pdf'])
        .default('html'),
    )
    .addOption(new Option('--out <file>', ctx().t('cli.report.opt.out')))
    .option('--with-contact', ctx().t('cli.report.opt.with_contact'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (f: WeeklyFlags) => {
      const cx = ctx()
      if (f.asOf !== undefined && !isIsoDate(f.asOf))
        throw new StrataError({ code: 'analytics.bad_date', params: { field: '--as-of', value: f.asOf } })
      if (f.format === 'pdf' && !f.out) throw new StrataError({ code: 'reports.pdf_needs_out' })
      const out = f.out ? resolve(f.out) : undefined
      const r = await weeklyReport((await cx.store()).conn, {
        asOf: f.asOf ?? cx.today(),
        lang: cx.lang,
        format: f.format,
        out,
        now: cx.nowText(),
        withContact: f.withContact,
      })
      if (f.json)
        return cx.printJson({
          reportId: r.reportId,
          asOf: r.asOf,
          snapshotId: r.snapshotId,
          file: out ?? null,
        })
      if (out) cx.err.write(`${cx.t('cli.report.written', { id: r.reportId, file: out })}\n`)
      else cx.out.write(r.html)
    })
  cmd
    .command('list')
    .description(ctx().t('cli.report.list.description'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (f: { json?: boolean }) => {
      const cx = ctx()
      const all = await listReports((await cx.store()).conn)
      if (f.json) return cx.printJson(all)
      cx.print(
        renderTable(
          ['id', 'as_of', 'lang', 'format', 'created_at', 'path'].map((k) => cx.t(`cli.report.col.${k}`)),
          all.map((r) => [r.reportId, r.asOf, r.lang, r.format, r.createdAt, r.path ?? '—']),
          [true, false, false, false, false, false],
        ),
      )
    })
}
