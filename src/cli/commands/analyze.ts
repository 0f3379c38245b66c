import { type Command, Option } from 'commander'
import {
  type AnalysisConfig,
  configOrThrow,
  type GroupSummary,
  loadAnalysisConfig,
  parseAnalysisConfig,
  type SnapshotSummary,
  segmentLabel,
} from '../../analytics/index.js'
import { renderDiagnostic, StrataError } from '../../core/diagnostics.js'
import { predictStep } from '../../models/index.js'
import { analyzeAndRefresh } from '../../pipeline/analyze-and-refresh.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'

export interface AnalyzeFlags {
  asOf?: string
  windowStart?: string
  bins?: string
  config?: string
  churnDays?: string
  atRiskDays?: string
  tiers?: string
  memoryLimit?: string
  models?: boolean
  json?: boolean
}

function number(value: string, field: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new StrataError({ code: 'analytics.bad_number', params: { field, value }, at: { field, value } })
  }
  return n
}

/** The config file (flag, else strata.config.json beside the store), then flags on top. */
function loadConfig(flags: AnalyzeFlags, storePath: string): AnalysisConfig {
  const config = loadAnalysisConfig(storePath, flags.config)
  const overrides: Record<string, Record<string, unknown>> = {}
  if (flags.bins) overrides['rfm'] = { bins: number(flags.bins, '--bins') }
  const lifecycle: Record<string, unknown> = {}
  if (flags.churnDays) lifecycle['churnDays'] = number(flags.churnDays, '--churn-days')
  if (flags.atRiskDays) lifecycle['oneTimeAtRiskDays'] = number(flags.atRiskDays, '--at-risk-days')
  if (Object.keys(lifecycle).length) overrides['lifecycle'] = lifecycle
  if (flags.tiers) {
    const [high, potential, regular] = flags.tiers.split(',').map((s) => number(s, '--tiers'))
    overrides['valueTiers'] = { high, potential, regular }
  }
  return Object.keys(overrides).length
    ? configOrThrow(parseAnalysisConfig(overrides, '--flags', config))
    : config
}

function pct(x: number, c: CliContext): string {
  return x.toLocaleString(c.lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
}
function num(x: number | null, c: CliContext, digits = 1): string {
  return x === null ? '—' : x.toLocaleString(c.lang, { maximumFractionDigits: digits })
}

function groupTable(
  c: CliContext,
  label: string,
  rows: readonly GroupSummary[],
  name: (k: string | null) => string,
) {
  const headers = [
    'customers',
    'pct_customers',
    'revenue',
    'pct_revenue',
    'recency',
    'frequency',
    'monetary',
    'rfm',
  ]
  const body = rows.map((g) => [
    name(g.key),
    g.customers.toLocaleString(c.lang),
    pct(g.pctCustomers, c),
    num(g.revenue, c, 2),
    pct(g.pctRevenue, c),
    num(g.meanRecencyDays, c),
    num(g.meanFrequency, c),
    num(g.meanMonetary, c, 2),
    g.meanR === null ? '—' : [g.meanR, g.meanF, g.meanM].map((v) => num(v, c)).join(' / '),
  ])
  return renderTable([c.t(label), ...headers.map((h) => c.t(`cli.analyze.col.${h}`))], body, [
    false,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
  ])
}

/** Prints a snapshot's segment table (by RFM segment, lifecycle stage and value tier). */
export function printSummary(c: CliContext, s: SnapshotSummary): void {
  const unscored = c.t('analytics.unscored')
  c.print(c.t('cli.analyze.by_segment'))
  c.print(
    groupTable(c, 'cli.analyze.col.segment', s.bySegment, (k) =>
      k === null ? unscored : segmentLabel(k, c.lang),
    ),
  )
  c.print()
  c.print(c.t('cli.analyze.by_lifecycle'))
  c.print(groupTable(c, 'cli.analyze.col.lifecycle', s.byLifecycle, (k) => c.t(`analytics.lifecycle.${k}`)))
  c.print()
  c.print(c.t('cli.analyze.by_tier'))
  c.print(
    groupTable(c, 'cli.analyze.col.tier', s.byValueTier, (k) =>
      k === null ? unscored : c.t(`analytics.tier.${k}`),
    ),
  )
}

export const registerAnalyze: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  program
    .command('analyze')
    .description(c().t('cli.analyze.description'))
    .addOption(new Option('--as-of <date>', c().t('cli.analyze.opt.as_of')))
    .addOption(new Option('--window-start <date>', c().t('cli.analyze.opt.window_start')))
    .addOption(new Option('--bins <n>', c().t('cli.analyze.opt.bins')).choices(['4', '5']))
    .addOption(new Option('--config <file>', c().t('cli.analyze.opt.config')))
    .addOption(new Option('--churn-days <days>', c().t('cli.analyze.opt.churn_days')))
    .addOption(new Option('--at-risk-days <days>', c().t('cli.analyze.opt.at_risk_days')))
    .addOption(new Option('--tiers <shares>', c().t('cli.analyze.opt.tiers')))
    .addOption(new Option('--memory-limit <mb>', c().t('cli.analyze.opt.memory_limit')))
    .option('--no-models', c().t('cli.analyze.opt.no_models'))
    .option('--json', c().t('cli.opt.json'))
    .action((opts: AnalyzeFlags) => runAnalyze(c(), opts))
}

/**
 * `strata analyze` as a function, so `strata quickstart` runs exactly the same analysis and output.
 * The models step (BG/NBD + Gamma-Gamma) runs unless `--no-models`; when the data cannot support a fit
 * it becomes a warning and the rest of the analysis still runs.
 */
export async function runAnalyze(cx: CliContext, opts: AnalyzeFlags): Promise<void> {
  const store = await cx.store()
  const config = loadConfig(opts, store.path)
  // Tags and saved segments are recomputed against the new snapshot right after it is written.
  const result = await analyzeAndRefresh(store.conn, {
    asOf: opts.asOf,
    windowStart: opts.windowStart ?? null,
    config,
    predict: opts.models === false ? undefined : predictStep,
    createdAt: cx.nowText(),
    memoryLimitMB: opts.memoryLimit ? number(opts.memoryLimit, '--memory-limit') : undefined,
  })
  const warnings = [...result.warnings, ...result.tags.warnings].map((d) => ({
    ...d,
    message: renderDiagnostic(d, cx.lang),
  }))
  if (opts.json) return cx.printJson({ ok: true, ...result, warnings, tags: result.tags.counts })
  for (const w of warnings) cx.err.write(`${cx.t('cli.analyze.warning', { message: w.message })}\n`)
  const s = result.summary
  cx.print(
    cx.t('cli.analyze.done', {
      snapshot: s.snapshotId,
      asOf: s.asOf,
      customers: s.customers,
      scored: s.scored,
      revenue: s.revenue,
    }),
  )
  cx.print()
  printSummary(cx, s)
  const assignments = result.tags.counts.reduce((sum, c) => sum + c.customers, 0)
  cx.print(cx.t('cli.tag.after_analyze', { tags: result.tags.counts.length, assignments }))
  if (result.segments.length) {
    cx.print()
    cx.print(cx.t('cli.segment.refreshed', { n: result.segments.length }))
  }
}
