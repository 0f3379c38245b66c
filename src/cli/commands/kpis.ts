import { type Command, Option } from 'commander'
import { checkDrift, type DriftAlert, groupLabel, kpiSeries, listAlerts } from '../../evaluation/index.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { fmtNum, fmtPct, jsonSafe, numberFlag } from './eval-format.js'

function printAlerts(cx: CliContext, alerts: readonly DriftAlert[]): void {
  if (alerts.length === 0) {
    cx.print(cx.t('cli.alerts.none'))
    return
  }
  cx.print(
    renderTable(
      ['snapshots', 'group', 'metric', 'from', 'to', 'change'].map((k) => cx.t(`cli.alerts.col.${k}`)),
      alerts.map((a) => [
        `${a.snapshotFrom} → ${a.snapshotTo}`,
        `${cx.t(`evaluation.dimension.${a.dimension}`)} · ${groupLabel(a.dimension, a.group, cx.lang)}`,
        cx.t(`cli.alerts.metric.${a.metric}`),
        fmtNum(cx, a.valueFrom, 0),
        fmtNum(cx, a.valueTo, 0),
        a.change === null
          ? cx.t('cli.alerts.new_group')
          : `${a.change > 0 ? '+' : ''}${fmtPct(cx, a.change)}`,
      ]),
      [false, false, false, true, true, true],
    ),
  )
}

export const registerKpis: RegisterCommand = (program: Command, ctx) => {
  program
    .command('kpis')
    .description(ctx().t('cli.kpis.description'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (f: { json?: boolean }) => {
      const cx = ctx()
      const series = await kpiSeries((await cx.store()).conn)
      if (f.json) return cx.printJson(jsonSafe(series))
      cx.print(
        renderTable(
          [
            'snapshot',
            'as_of',
            'customers',
            'active',
            'churned',
            'repeat_rate',
            'avg_clv',
            'period_revenue',
          ].map((k) => cx.t(`cli.kpis.col.${k}`)),
          series.map((k) => [
            k.snapshotId,
            k.asOf,
            k.customers.toLocaleString(cx.lang),
            k.active.toLocaleString(cx.lang),
            k.churned.toLocaleString(cx.lang),
            fmtPct(cx, k.repeatRate),
            fmtNum(cx, k.avgClv, 0),
            fmtNum(cx, k.periodRevenue, 0),
          ]),
          [true, false, true, true, true, true, true, true],
        ),
      )
    })
  const alerts = program.command('alerts').description(ctx().t('cli.alerts.description'))
  alerts
    .command('check')
    .description(ctx().t('cli.alerts.check.description'))
    .addOption(new Option('--threshold <share>', ctx().t('cli.alerts.opt.threshold')).default('0.2'))
    .addOption(new Option('--min-customers <n>', ctx().t('cli.alerts.opt.min_customers')).default('30'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (f: { threshold: string; minCustomers: string; json?: boolean }) => {
      const cx = ctx()
      const fresh = await checkDrift((await cx.store()).conn, {
        threshold: numberFlag(f.threshold, '--threshold', 0, 1e6),
        minCustomers: numberFlag(f.minCustomers, '--min-customers', 0, 1e12),
        now: cx.nowText(),
      })
      if (f.json) return cx.printJson(fresh)
      cx.print(cx.t('cli.alerts.checked', { n: fresh.length }))
      if (fresh.length) printAlerts(cx, fresh)
    })
  alerts
    .command('list')
    .description(ctx().t('cli.alerts.list.description'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (f: { json?: boolean }) => {
      const cx = ctx()
      const all = await listAlerts((await cx.store()).conn)
      if (f.json) return cx.printJson(all)
      printAlerts(cx, all)
    })
}
