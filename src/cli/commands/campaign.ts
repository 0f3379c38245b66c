import { resolve } from 'node:path'
import { type Command, Option } from 'commander'
import { StrataError } from '../../core/diagnostics.js'
import { seedFrom } from '../../demo/prng.js'
import {
  type CampaignInput,
  type CampaignPlan,
  type CampaignResult,
  type CampaignTarget,
  createCampaign,
  exportTreatment,
  type GroupResult,
  getCampaign,
  groupLabel,
  type HoldoutSize,
  holdoutTotal,
  listCampaigns,
  mdeProportion,
  measureCampaign,
  planCampaign,
  sampleSizePerGroup,
  saveCampaignResult,
} from '../../evaluation/index.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { fmtNum, fmtPct, jsonSafe, numberFlag } from './eval-format.js'

interface CreateFlags {
  name: string
  segment?: string
  rfmSegment?: string
  lifecycle?: string
  snapshot?: string
  holdout: string
  seed?: string
  start: string
  end: string
  json?: boolean
}

/** `10%` → a share, `500` → a count. */
export function parseHoldout(text: string): HoldoutSize {
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(text.trim())
  if (pct) {
    const value = Number(pct[1])
    if (value > 0 && value < 100) return { kind: 'percent', value }
  } else if (/^\d+$/.test(text.trim()) && Number(text) > 0) return { kind: 'count', value: Number(text) }
  throw new StrataError({ code: 'evaluation.campaign.bad_holdout', params: { value: text } })
}

function targetOf(f: CreateFlags): CampaignTarget {
  const given = [
    f.segment !== undefined && ({ kind: 'segment', value: f.segment } as const),
    f.rfmSegment !== undefined && ({ kind: 'rfm_segment', value: f.rfmSegment } as const),
    f.lifecycle !== undefined && ({ kind: 'lifecycle', value: f.lifecycle } as const),
  ].filter((x) => x !== false)
  if (given.length !== 1) throw new StrataError({ code: 'evaluation.campaign.one_target' })
  return given[0]!
}

function inputOf(f: CreateFlags): CampaignInput {
  return {
    name: f.name,
    target: targetOf(f),
    snapshot: f.snapshot,
    holdout: parseHoldout(f.holdout),
    // Without --seed the name seeds the draw: the same command gives the same holdout.
    seed: seedFrom(f.seed ?? f.name),
    start: f.start,
    end: f.end,
  }
}

function printPlan(cx: CliContext, p: CampaignPlan): void {
  cx.print(
    cx.t('cli.campaign.plan', {
      audience: p.audience,
      consented: p.consented,
      treatment: p.treatment,
      holdout: p.holdout,
      baseline: fmtPct(cx, p.baselineRate),
      mde: fmtPct(cx, p.mde),
    }),
  )
  cx.print(
    renderTable(
      [cx.t('cli.campaign.col.mde'), cx.t('cli.campaign.col.holdout_needed')],
      p.options.map((o) => [
        fmtPct(cx, o.mde, 0),
        o.holdout === null ? cx.t('cli.campaign.unreachable') : o.holdout.toLocaleString(cx.lang),
      ]),
      [true, true],
    ),
  )
}

function withTargetOptions(cmd: Command, cx: CliContext): Command {
  return cmd
    .addOption(new Option('--name <name>', cx.t('cli.campaign.opt.name')).makeOptionMandatory())
    .addOption(new Option('--segment <segment>', cx.t('cli.campaign.opt.segment')))
    .addOption(new Option('--rfm-segment <name>', cx.t('cli.campaign.opt.rfm_segment')))
    .addOption(new Option('--lifecycle <stage>', cx.t('cli.campaign.opt.lifecycle')))
    .addOption(new Option('--snapshot <id>', cx.t('cli.campaign.opt.snapshot')))
    .addOption(new Option('--holdout <size>', cx.t('cli.campaign.opt.holdout')).default('10%'))
    .addOption(new Option('--seed <seed>', cx.t('cli.campaign.opt.seed')))
    .addOption(new Option('--start <date>', cx.t('cli.campaign.opt.start')).makeOptionMandatory())
    .addOption(new Option('--end <date>', cx.t('cli.campaign.opt.end')).makeOptionMandatory())
    .option('--json', cx.t('cli.opt.json'))
}

function verdictText(cx: CliContext, g: GroupResult): string {
  const key =
    g.verdict === 'too_small' ? `evaluation.verdict.too_small.${g.reason}` : `evaluation.verdict.${g.verdict}`
  return cx.t(key, {
    lift: fmtPct(cx, g.conversion.difference, 2),
    low: fmtPct(cx, g.conversion.ciLow, 2),
    high: fmtPct(cx, g.conversion.ciHigh, 2),
    p: fmtNum(cx, g.conversion.pValue, 3),
    mde: fmtPct(cx, g.mde, 2),
    conversions: Math.min(g.treatment.conversions, g.holdout.conversions),
  })
}

function printResult(cx: CliContext, r: CampaignResult): void {
  cx.print(
    cx.t(r.interim ? 'cli.campaign.result_interim' : 'cli.campaign.result', {
      name: r.name,
      start: r.start,
      end: r.end,
      asOf: r.asOf,
    }),
  )
  if (r.excludedNoConsent) cx.print(cx.t('cli.campaign.excluded', { n: r.excludedNoConsent }))
  const groups = [r.overall, ...r.bySegment]
  const interval = (c: GroupResult['conversion'], pct: boolean, digits: number) => {
    const f = (v: number) => (pct ? fmtPct(cx, v, digits) : fmtNum(cx, v, digits))
    return `${f(c.difference)} [${f(c.ciLow)}, ${f(c.ciHigh)}]`
  }
  cx.print(
    renderTable(
      ['group', 'n_t', 'n_h', 'conv_t', 'conv_h', 'uplift', 'p', 'revenue_uplift', 'orders_uplift'].map((k) =>
        cx.t(`cli.campaign.col.${k}`),
      ),
      groups.map((g) => [
        g.group === 'overall' ? cx.t('cli.campaign.overall') : groupLabel('rfm_segment', g.group, cx.lang),
        g.treatment.customers.toLocaleString(cx.lang),
        g.holdout.customers.toLocaleString(cx.lang),
        fmtPct(cx, g.treatment.conversionRate),
        fmtPct(cx, g.holdout.conversionRate),
        interval(g.conversion, true, 1),
        fmtNum(cx, g.conversion.pValue, 3),
        interval(g.revenue, false, 2),
        interval(g.orders, false, 3),
      ]),
      [false, true, true, true, true, true, true, true, true],
    ),
  )
  cx.print()
  cx.print(verdictText(cx, r.overall))
  if (r.bySegment.length > 1) cx.print(cx.t('evaluation.segments_exploratory'))
}

export const registerCampaign: RegisterCommand = (program: Command, ctx) => {
  const cmd = program.command('campaign').description(ctx().t('cli.campaign.description'))
  withTargetOptions(cmd.command('plan').description(ctx().t('cli.campaign.plan.description')), ctx()).action(
    async (f: CreateFlags) => {
      const cx = ctx()
      const plan = await planCampaign((await cx.store()).conn, inputOf(f))
      if (f.json) return cx.printJson(jsonSafe(plan))
      printPlan(cx, plan)
    },
  )
  withTargetOptions(
    cmd.command('create').description(ctx().t('cli.campaign.create.description')),
    ctx(),
  ).action(async (f: CreateFlags) => {
    const cx = ctx()
    const c = await createCampaign((await cx.store()).conn, inputOf(f), cx.nowText())
    if (f.json) return cx.printJson(jsonSafe(c))
    cx.print(cx.t('cli.campaign.created', { id: c.campaignId, name: c.name, snapshot: c.snapshotId }))
    printPlan(cx, c.plan)
  })
  cmd
    .command('mde')
    .description(ctx().t('cli.campaign.mde.description'))
    .addOption(new Option('--baseline <rate>', ctx().t('cli.campaign.opt.baseline')).makeOptionMandatory())
    .addOption(new Option('--audience <n>', ctx().t('cli.campaign.opt.audience')).makeOptionMandatory())
    .addOption(new Option('--holdout <size>', ctx().t('cli.campaign.opt.holdout')).default('10%'))
    .option('--json', ctx().t('cli.opt.json'))
    .action((f: { baseline: string; audience: string; holdout: string; json?: boolean }) => {
      const cx = ctx()
      const text = f.baseline.trim()
      const baseline = text.endsWith('%')
        ? numberFlag(text.slice(0, -1), '--baseline', 0, 100) / 100
        : numberFlag(text, '--baseline', 0, 1)
      const audience = Math.round(numberFlag(f.audience, '--audience', 2, 1e12))
      const holdout = Math.max(1, Math.min(audience - 1, holdoutTotal(parseHoldout(f.holdout), audience)))
      const result = {
        baseline,
        audience,
        treatment: audience - holdout,
        holdout,
        mde: mdeProportion(baseline, audience - holdout, holdout),
        perGroupFor: [0.01, 0.02, 0.05].map((lift) => ({
          lift,
          perGroup: sampleSizePerGroup(baseline, lift),
        })),
      }
      if (f.json) return cx.printJson(jsonSafe(result))
      cx.print(
        cx.t('cli.campaign.mde', {
          treatment: result.treatment,
          holdout,
          baseline: fmtPct(cx, baseline),
          mde: fmtPct(cx, result.mde),
        }),
      )
      cx.print(
        renderTable(
          [cx.t('cli.campaign.col.mde'), cx.t('cli.campaign.col.per_group')],
          result.perGroupFor.map((r) => [fmtPct(cx, r.lift, 0), r.perGroup.toLocaleString(cx.lang)]),
          [true, true],
        ),
      )
    })
  cmd
    .command('list')
    .description(ctx().t('cli.campaign.list.description'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (f: { json?: boolean }) => {
      const cx = ctx()
      const all = await listCampaigns((await cx.store()).conn)
      if (f.json) return cx.printJson(jsonSafe(all))
      cx.print(
        renderTable(
          ['id', 'name', 'target', 'window', 'treatment', 'holdout'].map((k) =>
            cx.t(`cli.campaign.col.${k}`),
          ),
          all.map((c) => [
            c.campaignId,
            c.name,
            `${cx.t(`cli.campaign.kind.${c.target.kind}`)}: ${c.target.kind === 'rfm_segment' ? groupLabel('rfm_segment', c.target.value, cx.lang) : c.target.kind === 'lifecycle' ? groupLabel('lifecycle', c.target.value, cx.lang) : c.target.value}`,
            `${c.start} – ${c.end}`,
            c.plan.treatment.toLocaleString(cx.lang),
            c.plan.holdout.toLocaleString(cx.lang),
          ]),
          [true, false, false, false, true, true],
        ),
      )
    })
  cmd
    .command('export <campaign>')
    .description(ctx().t('cli.campaign.export.description'))
    .addOption(new Option('--out <file>', ctx().t('cli.campaign.opt.out')).makeOptionMandatory())
    .option('--with-contact', ctx().t('cli.campaign.opt.with_contact'))
    .action(async (campaign: string, f: { out: string; withContact?: boolean }) => {
      const cx = ctx()
      const path = resolve(f.out)
      const n = await exportTreatment((await cx.store()).conn, { campaign, path, withContact: f.withContact })
      cx.err.write(`${cx.t('cli.campaign.exported', { n, file: path })}\n`)
    })
  cmd
    .command('measure <campaign>')
    .description(ctx().t('cli.campaign.measure.description'))
    .addOption(new Option('--as-of <date>', ctx().t('cli.campaign.opt.as_of')))
    .addOption(new Option('--min-conversions <n>', ctx().t('cli.campaign.opt.min_conversions')).default('10'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (campaign: string, f: { asOf?: string; minConversions: string; json?: boolean }) => {
      const cx = ctx()
      const { conn } = await cx.store()
      await getCampaign(conn, campaign)
      const r = await measureCampaign(conn, {
        campaign,
        asOf: f.asOf,
        minConversions: numberFlag(f.minConversions, '--min-conversions', 0, 1e12),
      })
      await saveCampaignResult(conn, r, cx.nowText())
      if (f.json) return cx.printJson(jsonSafe(r))
      printResult(cx, r)
    })
}
