import { type Command, Option } from 'commander'
import { addDaysIso, findSnapshot, isIsoDate } from '../../analytics/index.js'
import { StrataError } from '../../core/diagnostics.js'
import { cohortTable } from '../../evaluation/index.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { fmtNum, fmtPct } from './eval-format.js'

interface CohortFlags {
  asOf?: string
  months: string
  snapshot: string
  metric: 'retention' | 'revenue' | 'repeat'
  json?: boolean
}

export const registerCohorts: RegisterCommand = (program: Command, ctx) => {
  program
    .command('cohorts')
    .description(ctx().t('cli.cohorts.description'))
    .addOption(new Option('--as-of <date>', ctx().t('cli.cohorts.opt.as_of')))
    .addOption(new Option('--months <n>', ctx().t('cli.cohorts.opt.months')).default('12'))
    .addOption(new Option('--snapshot <id>', ctx().t('cli.cohorts.opt.snapshot')).default('latest'))
    .addOption(
      new Option('--metric <metric>', ctx().t('cli.cohorts.opt.metric'))
        .choices(['retention', 'revenue', 'repeat'])
        .default('retention'),
    )
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: CohortFlags) => {
      const cx = ctx()
      const { conn } = await cx.store()
      const snap = await findSnapshot(conn, opts.snapshot)
      const asOf = opts.asOf ?? snap.asOf
      if (!isIsoDate(asOf))
        throw new StrataError({ code: 'analytics.bad_date', params: { field: '--as-of', value: asOf } })
      const months = Number(opts.months)
      if (!Number.isInteger(months) || months < 1 || months > 120)
        throw new StrataError({
          code: 'analytics.bad_number',
          params: { field: '--months', value: opts.months },
        })
      const table = await cohortTable(conn, {
        asOf,
        months,
        snapshotId: snap.asOf <= asOf ? snap.snapshotId : null,
      })
      if (opts.json) return cx.printJson(table)
      cx.print(cx.t(`cli.cohorts.title.${opts.metric}`, { asOf, last: addDaysIso(asOf, -1) }))
      const width = Math.max(0, ...table.cohorts.map((c) => c.periods.length))
      const cell = (p: (typeof table.cohorts)[number]['periods'][number]) =>
        (opts.metric === 'revenue'
          ? fmtNum(cx, p.revenue, 0)
          : fmtPct(cx, opts.metric === 'repeat' ? p.repeatShare : p.retention, 0)) + (p.partial ? '*' : '')
      cx.print(
        renderTable(
          [
            cx.t('cli.cohorts.cohort'),
            cx.t('cli.cohorts.size'),
            cx.t('cli.cohorts.clv'),
            ...Array.from({ length: width }, (_, k) => `M${k}`),
          ],
          table.cohorts.map((c) => [
            c.cohort,
            c.size.toLocaleString(cx.lang),
            fmtNum(cx, c.clv?.mean, 0),
            ...Array.from({ length: width }, (_, k) => (c.periods[k] ? cell(c.periods[k]!) : '')),
          ]),
          [false, true, true, ...Array.from({ length: width }, () => true)],
        ),
      )
      if (table.cohorts.some((c) => c.periods.some((p) => p.partial))) cx.print(cx.t('cli.cohorts.partial'))
    })
}
