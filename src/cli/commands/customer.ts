import { type Command, Option } from 'commander'
import { type CustomerExplanation, explainCustomer, segmentLabel } from '../../analytics/index.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'

function fmt(c: CliContext, v: unknown, digits = 2): string {
  if (v === null || v === undefined) return '—'
  if (typeof v === 'number') return v.toLocaleString(c.lang, { maximumFractionDigits: digits })
  return String(v)
}
function pct(c: CliContext, v: unknown): string {
  return typeof v === 'number'
    ? v.toLocaleString(c.lang, { style: 'percent', maximumFractionDigits: 1 })
    : '—'
}

function printWhy(c: CliContext, why: CustomerExplanation): void {
  const row = why.row
  const asOf = why.snapshot.asOf
  c.print(c.t('analytics.why.header', { customer: why.customerId, snapshot: why.snapshot.snapshotId, asOf }))
  if (!why.dimensions) {
    c.print(c.t('analytics.why.prospect', { asOf }))
  } else {
    c.print(
      c.t('analytics.why.inputs', {
        asOf,
        recency: row['recency_days'],
        frequency: row['frequency'],
        monetary: fmt(c, row['monetary']),
      }),
    )
    for (const d of why.dimensions) {
      const { low, high } = d.range
      const range = low === high ? fmt(c, low) : `${fmt(c, low)}–${fmt(c, high)}`
      const params = { ...d, n: d.scored, range }
      c.print(c.t(`analytics.why.${d.dim}.${d.method}`, params))
      if (d.next)
        c.print(c.t(`analytics.why.${d.dim}.next`, { score: d.next.score, needs: fmt(c, d.next.needs) }))
      else c.print(c.t('analytics.why.top', { dim: d.dim.toUpperCase() }))
    }
    c.print(c.t('analytics.why.code', { code: why.code, segment: segmentLabel(why.segment, c.lang) }))
  }
  const stage = c.t(`analytics.lifecycle.${why.lifecycle.stage}`)
  c.print(c.t(`analytics.why.lifecycle.${why.lifecycle.rule}`, { ...why.lifecycle.params, stage }))
  const tier = why.valueTier
  if (tier.tier) {
    const key = tier.tier === 'churned' ? 'analytics.why.tier.churned' : 'analytics.why.tier.ranked'
    c.print(
      c.t(key, {
        tier: c.t(`analytics.tier.${tier.tier}`),
        share: pct(c, tier.shareBefore ?? 0),
        high: pct(c, tier.params['high']),
        potential: pct(c, tier.params['potential']),
        regular: pct(c, tier.params['regular']),
        basis: c.t(`analytics.basis.${tier.params['basis']}`),
      }),
    )
  }
  if (row['p_alive'] !== null) {
    c.print(
      c.t('analytics.why.predictions', {
        clv: fmt(c, row['clv_12m']),
        purchases: fmt(c, row['expected_purchases_90d']),
        p_alive: fmt(c, row['p_alive'], 3),
        band: row['churn_band'] ? c.t(`analytics.band.${row['churn_band']}`) : '—',
        next: fmt(c, row['expected_next_order_at']),
      }),
    )
  }
  if (why.dimensions) {
    if (why.segment === why.bestSegment) c.print(c.t('analytics.why.move.best'))
    else if (why.moveUp.length === 0) c.print(c.t('analytics.why.move.none'))
    for (const m of why.moveUp) {
      c.print(
        c.t(`analytics.why.move.${m.dim}`, {
          segment: segmentLabel(m.segment, c.lang),
          code: m.code,
          score: m.toScore,
          needs: fmt(c, m.needs),
        }),
      )
    }
  }
  c.print()
  const features: [string, string][] = [
    ['aov', fmt(c, row['aov'])],
    ['tenure_days', fmt(c, row['tenure_days'])],
    ['median_interval_days', fmt(c, row['median_interval_days'], 1)],
    ['refund_share', pct(c, row['refund_share'])],
    ['discount_share', pct(c, row['discount_share'])],
    ['top_category', `${fmt(c, row['top_category'])} (${pct(c, row['top_category_share'])})`],
    ['top_brand', `${fmt(c, row['top_brand'])} (${pct(c, row['top_brand_share'])})`],
    ['channels', ['online_share', 'store_share', 'community_share'].map((k) => pct(c, row[k])).join(' / ')],
    ['weekend_night', ['weekend_share', 'night_share'].map((k) => pct(c, row[k])).join(' / ')],
    ['events_30d', ['views_30d', 'searches_30d', 'carts_30d'].map((k) => fmt(c, row[k])).join(' / ')],
    ['latest_nps', ['latest_nps', 'latest_satisfaction'].map((k) => fmt(c, row[k])).join(' / ')],
    ['profile', ['age', 'gender', 'city', 'city_tier'].map((k) => fmt(c, row[k])).join(' / ')],
  ]
  c.print(
    renderTable(
      [c.t('analytics.why.features'), ''],
      features.map(([k, v]) => [c.t(`analytics.feature.${k}`), v]),
    ),
  )
}

export const registerCustomer: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  program
    .command('customer')
    .description(c().t('cli.customer.description'))
    .argument('<id>', c().t('cli.customer.arg.id'))
    .addOption(new Option('--snapshot <id>', c().t('cli.customer.opt.snapshot')).default('latest'))
    .option('--json', c().t('cli.opt.json'))
    .action(async (id: string, opts: { snapshot: string; json?: boolean }) => {
      const cx = c()
      const store = await cx.store()
      const why = await explainCustomer(store.conn, opts.snapshot, await resolveCustomerId(store.conn, id))
      if (opts.json) return cx.printJson({ ok: true, ...why })
      printWhy(cx, why)
    })
}
