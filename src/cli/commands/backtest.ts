import { type Command, Option } from 'commander'
import { addDaysIso } from '../../models/btyd-summary.js'
import { type BacktestResult, backtest, saveBacktest, type TimeUnit } from '../../models/index.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { calibrationEndOf, failWith, maybeIsoDate } from './clv.js'

interface BacktestFlags {
  calibrationEnd?: string
  holdoutEnd: string
  unit: TimeUnit
  includeZeroAmount?: boolean
  json?: boolean
}

const fmt = (cx: CliContext, v: number | null | undefined, digits = 1) =>
  v === null || v === undefined
    ? cx.t('cli.clv.none')
    : v.toLocaleString(cx.lang, { maximumFractionDigits: digits })

export const registerBacktest: RegisterCommand = (program: Command, ctx) => {
  program
    .command('backtest')
    .description(ctx().t('cli.backtest.description'))
    .addOption(
      new Option('--calibration-end <date>', ctx().t('cli.clv.opt.calibration_end')).makeOptionMandatory(),
    )
    .addOption(
      new Option('--holdout-end <date>', ctx().t('cli.backtest.opt.holdout_end')).makeOptionMandatory(),
    )
    .addOption(
      new Option('--unit <unit>', ctx().t('cli.clv.opt.unit')).choices(['week', 'day']).default('week'),
    )
    .addOption(new Option('--include-zero-amount', ctx().t('cli.clv.opt.include_zero')))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: BacktestFlags) => {
      const cx = ctx()
      const calibrationEnd = await calibrationEndOf(cx, opts.calibrationEnd)
      const holdoutEnd = maybeIsoDate(opts.holdoutEnd, 'holdout-end')
      const store = await cx.store()
      const result = await backtest(store.conn, {
        calibrationEnd,
        holdoutEnd,
        unit: opts.unit,
        includeZeroAmount: opts.includeZeroAmount,
      })
      if (!result.ok) failWith(result.diagnostics)
      // The clock is read here, at the edge.
      const id = await saveBacktest(
        store.conn,
        result.value,
        new Date().toISOString().replace('T', ' ').slice(0, 19),
      )
      if (opts.json) return cx.printJson({ backtestId: id, ...result.value })
      printBacktest(cx, id, result.value)
    })
}

function printBacktest(cx: CliContext, id: string, r: BacktestResult): void {
  const unit = cx.t(`cli.clv.unit.${r.unit}`)
  cx.print(
    cx.t('cli.backtest.title', {
      id,
      calibrationEnd: r.calibrationEnd,
      holdoutEnd: r.holdoutEnd,
      length: fmt(cx, r.holdoutLength, 2),
      unit,
      customers: r.customers,
    }),
  )
  cx.print(
    cx.t('cli.backtest.totals', {
      actual: fmt(cx, r.totals.actualPurchases),
      bgnbd: fmt(cx, r.totals.predictedBgnbd),
      pareto: fmt(cx, r.totals.predictedPareto),
    }),
  )
  cx.print(
    cx.t('cli.backtest.spend', {
      actual: fmt(cx, r.totals.actualSpend, 2),
      predicted: fmt(cx, r.totals.predictedSpend, 2),
    }),
  )
  cx.print(
    cx.t('cli.backtest.errors', {
      mae: fmt(cx, r.purchases.mae, 3),
      rmse: fmt(cx, r.purchases.rmse, 3),
      corr: fmt(cx, r.purchases.correlation, 3),
    }),
  )
  cx.print()
  cx.print(cx.t('cli.backtest.tracking', { unit }))
  cx.print(
    renderTable(
      ['period', 'actual', 'predicted', 'actual_cum', 'predicted_cum'].map((k) => cx.t(`cli.backtest.${k}`)),
      r.tracking.map((t) => [
        String(t.period),
        fmt(cx, t.actual),
        fmt(cx, t.predicted),
        fmt(cx, t.actualCumulative),
        fmt(cx, t.predictedCumulative),
      ]),
      [true, true, true, true, true],
    ),
  )
  cx.print()
  cx.print(cx.t('cli.backtest.deciles'))
  cx.print(
    renderTable(
      ['decile', 'customers', 'predicted', 'actual', 'lift'].map((k) => cx.t(`cli.backtest.${k}`)),
      r.deciles.map((d) => [
        String(d.decile),
        String(d.customers),
        fmt(cx, d.predicted),
        fmt(cx, d.actual),
        fmt(cx, d.lift, 2),
      ]),
      [true, true, true, true, true],
    ),
  )
  const groupTable = (rows: BacktestResult['churnBands'], label: (g: string) => string) =>
    renderTable(
      ['group', 'customers', 'mean_p_alive', 'predicted', 'actual', 'active_share'].map((k) =>
        cx.t(`cli.backtest.${k}`),
      ),
      rows.map((g) => [
        label(g.group),
        String(g.customers),
        fmt(cx, g.meanPAlive, 3),
        fmt(cx, g.predicted),
        fmt(cx, g.actual),
        fmt(cx, g.activeShare, 3),
      ]),
      [false, true, true, true, true, true],
    )
  cx.print()
  cx.print(cx.t('cli.backtest.bands'))
  cx.print(groupTable(r.churnBands, (g) => cx.t(`cli.backtest.band.${g}`)))
  cx.print()
  const asOf = addDaysIso(r.calibrationEnd, 1)
  if (r.rfmSegments) {
    cx.print(cx.t('cli.backtest.segments', { date: asOf }))
    cx.print(groupTable(r.rfmSegments, (g) => g))
  } else cx.print(cx.t('cli.backtest.no_segments', { date: asOf }))
}
