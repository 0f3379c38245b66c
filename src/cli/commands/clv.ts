import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { type Command, Option } from 'commander'
import { type Diagnostic, EXIT, StrataError } from '../../core/diagnostics.js'
import {
  calibrationWindow,
  exportClv,
  fitModels,
  latestPurchaseDate,
  type ModelChoice,
  type ModelFit,
  predictCustomer,
  type TimeUnit,
} from '../../models/index.js'
import type { BulkFormat } from '../../sql/driver.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'

interface CommonFlags {
  calibrationEnd?: string
  unit: TimeUnit
  includeZeroAmount?: boolean
  json?: boolean
}

/** A YYYY-MM-DD that is a real calendar date, or a usage error naming the flag. */
export function maybeIsoDate(value: string, field: string): string {
  const time = Date.parse(`${value}T00:00:00Z`)
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value)
  if (!ok)
    throw new StrataError({ code: 'models.bad_date', params: { value }, at: { field, value } }, EXIT.USAGE)
  return value
}

function maybePositive(value: string, field: string): number {
  const n = Number(value)
  if (!(Number.isFinite(n) && n > 0)) {
    throw new StrataError({ code: 'models.bad_number', params: { value }, at: { field, value } }, EXIT.USAGE)
  }
  return n
}

/** Turns refused fits into a command-stopping error (exit 3: the data cannot support the request). */
export function failWith(diagnostics: readonly Diagnostic[]): never {
  throw new StrataError(diagnostics[0]!, EXIT.DATA, diagnostics.slice(1))
}

/** The calibration end from the flag, or the newest purchase date. */
export async function calibrationEndOf(cx: CliContext, flag: string | undefined): Promise<string> {
  if (flag) return maybeIsoDate(flag, 'calibration-end')
  const store = await cx.store()
  const latest = await latestPurchaseDate(store.conn)
  if (!latest) failWith([{ code: 'models.no_purchases', params: { date: cx.today() } }])
  return latest
}

const num = (cx: CliContext, v: number | null | undefined, digits = 4) =>
  v === null || v === undefined
    ? cx.t('cli.clv.none')
    : v.toLocaleString(cx.lang, { maximumFractionDigits: digits })

function commonOptions(cmd: Command, cx: () => CliContext): Command {
  return cmd
    .addOption(new Option('--calibration-end <date>', cx().t('cli.clv.opt.calibration_end')))
    .addOption(
      new Option('--unit <unit>', cx().t('cli.clv.opt.unit')).choices(['week', 'day']).default('week'),
    )
    .addOption(new Option('--include-zero-amount', cx().t('cli.clv.opt.include_zero')))
    .exitOverride()
    .helpOption('-h, --help', cx().t('cli.opt.help'))
}

function printFit(cx: CliContext, fit: ModelFit): void {
  cx.print(cx.t(`cli.clv.model.${fit.model}`))
  const rows = Object.entries<number>(fit.params).map(([name, value]) => [
    name,
    num(cx, value, 6),
    num(cx, fit.standardErrors[name], 6),
  ])
  cx.print(
    renderTable([cx.t('cli.clv.parameter'), cx.t('cli.clv.estimate'), cx.t('cli.clv.std_error')], rows, [
      false,
      true,
      true,
    ]),
  )
  cx.print(
    cx.t('cli.clv.loglik', {
      ll: num(cx, fit.logLikelihood, 2),
      customers: fit.customers,
      rows: fit.distinctRows,
    }),
  )
  cx.print()
}

export const registerClv: RegisterCommand = (program: Command, ctx) => {
  const clv = program.command('clv').description(ctx().t('cli.clv.description'))

  commonOptions(clv.command('fit').description(ctx().t('cli.clv.fit.description')), ctx)
    .addOption(
      new Option('--model <model>', ctx().t('cli.clv.opt.model'))
        .choices(['bgnbd', 'pareto', 'gg', 'all'])
        .default('all'),
    )
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: CommonFlags & { model: ModelChoice }) => {
      const cx = ctx()
      const calibrationEnd = await calibrationEndOf(cx, opts.calibrationEnd)
      const store = await cx.store()
      const result = await fitModels(store.conn, calibrationWindow(calibrationEnd, opts.includeZeroAmount), {
        unit: opts.unit,
        models: opts.model,
      })
      if (!result.ok) failWith(result.diagnostics)
      const m = result.value
      const fits = [m.bgnbd, m.pareto, m.gg].filter((f): f is ModelFit => f !== undefined)
      if (opts.json) {
        return cx.printJson({
          calibrationEnd,
          unit: m.unit,
          customers: m.customers,
          repeatBuyers: m.repeatBuyers,
          distinctRows: m.data.size,
          models: Object.fromEntries(fits.map((f) => [f.model, f])),
          warnings: m.warnings,
        })
      }
      cx.print(
        cx.t('cli.clv.fit.title', {
          date: calibrationEnd,
          unit: cx.t(`cli.clv.unit.${m.unit}`),
          customers: m.customers,
          repeat: m.repeatBuyers,
        }),
      )
      cx.print()
      for (const fit of fits) printFit(cx, fit)
      for (const w of m.warnings) cx.err.write(`${cx.t(w.code, w.params)}\n`)
    })

  commonOptions(clv.command('predict').description(ctx().t('cli.clv.predict.description')), ctx)
    .requiredOption('--customer <id>', ctx().t('cli.clv.opt.customer'))
    .option('--horizon <n>', ctx().t('cli.clv.opt.horizon'), '52')
    .option('--discount-rate <rate>', ctx().t('cli.clv.opt.discount'), '0.1')
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: CommonFlags & { customer: string; horizon: string; discountRate: string }) => {
      const cx = ctx()
      const calibrationEnd = await calibrationEndOf(cx, opts.calibrationEnd)
      const horizon = maybePositive(opts.horizon, 'horizon')
      const discountRate = Number(opts.discountRate)
      if (!(discountRate >= 0)) maybePositive(opts.discountRate, 'discount-rate')
      const store = await cx.store()
      const result = await predictCustomer(store.conn, {
        customerId: await resolveCustomerId(store.conn, opts.customer),
        horizon,
        unit: opts.unit,
        calibrationEnd,
        includeZeroAmount: opts.includeZeroAmount,
        discountRate,
      })
      if (!result.ok) failWith(result.diagnostics)
      const p = result.value
      if (opts.json) return cx.printJson(p)
      const unit = cx.t(`cli.clv.unit.${p.unit}`)
      cx.print(cx.t('cli.clv.predict.title', { id: p.customerId, date: calibrationEnd, horizon, unit }))
      const s = p.summary
      cx.print(
        cx.t('cli.clv.predict.summary', {
          x: s.x,
          tx: num(cx, s.tx, 3),
          T: num(cx, s.T, 3),
          unit,
          first: s.firstPurchase,
          last: s.lastPurchase,
          monetary: num(cx, s.monetary, 2),
        }),
      )
      cx.print()
      const rows = [
        [cx.t('cli.clv.predict.p_alive'), num(cx, p.bgnbd.pAlive), num(cx, p.pareto?.pAlive)],
        [
          cx.t('cli.clv.predict.expected'),
          num(cx, p.bgnbd.expectedPurchases),
          num(cx, p.pareto?.expectedPurchases),
        ],
        [cx.t('cli.clv.predict.next_order'), num(cx, p.bgnbd.nextOrderInDays, 0), cx.t('cli.clv.none')],
        [cx.t('cli.clv.predict.aov'), num(cx, p.expectedAov, 2), cx.t('cli.clv.none')],
        [cx.t('cli.clv.predict.clv'), num(cx, p.bgnbd.clv, 2), cx.t('cli.clv.none')],
      ]
      cx.print(
        renderTable(
          [cx.t('cli.clv.predict.metric'), cx.t('cli.clv.model.bgnbd'), cx.t('cli.clv.model.pareto')],
          rows,
          [false, true, true],
        ),
      )
    })

  // `export clv` joins the analytics engineer's `export` command when it is registered (it is listed
  // before this module in commands/index.ts); otherwise this module creates `export`.
  const exportCommand =
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description(ctx().t('cli.clv.export.description'))
  commonOptions(exportCommand.command('clv').description(ctx().t('cli.clv.export.description')), ctx)
    .addOption(
      new Option('--format <format>', ctx().t('cli.clv.opt.format'))
        .choices(['csv', 'json', 'parquet'])
        .default('csv'),
    )
    .addOption(new Option('--out <file>', ctx().t('cli.clv.opt.out')))
    .action(async (opts: CommonFlags & { format: BulkFormat; out?: string }) => {
      const cx = ctx()
      if (!opts.out && opts.format === 'parquet') {
        throw new StrataError({ code: 'cli.clv.export.needs_out', params: { format: opts.format } })
      }
      const calibrationEnd = await calibrationEndOf(cx, opts.calibrationEnd)
      const store = await cx.store()
      const write = async (path: string) => {
        const r = await exportClv(store.conn, {
          calibrationEnd,
          unit: opts.unit,
          format: opts.format,
          path,
          includeZeroAmount: opts.includeZeroAmount,
        })
        if (!r.ok) failWith(r.diagnostics)
        return r.value.customers
      }
      if (opts.out) {
        const file = resolve(opts.out)
        const customers = await write(file)
        cx.err.write(`${cx.t('cli.clv.export.done', { customers, file })}\n`)
        return
      }
      // The engine writes files, not streams: write a temp file and copy it to stdout.
      const dir = mkdtempSync(join(tmpdir(), 'strata-clv-'))
      try {
        const file = join(dir, `clv.${opts.format}`)
        await write(file)
        await pipeline(createReadStream(file), cx.out, { end: false })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
}
