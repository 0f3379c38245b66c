import { segmentLabel } from '../analytics/index.js'
import { type GroupResult, groupLabel, type SnapshotKpis } from '../evaluation/index.js'
import type { Lang } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'
import { cohortChart, FONT_STACK, kpiTrendChart, migrationChart, segmentChart } from './charts.js'
import { esc, table } from './html.js'
import type { WeeklyData } from './weekly-data.js'

function formats(lang: Lang) {
  const ok = (v: number | null | undefined): v is number =>
    v !== null && v !== undefined && Number.isFinite(v)
  return {
    n: (v: number | null | undefined, digits = 0) =>
      ok(v) ? v.toLocaleString(lang, { maximumFractionDigits: digits }) : '—',
    money: (v: number | null | undefined) =>
      ok(v) ? v.toLocaleString(lang, { minimumFractionDigits: 0, maximumFractionDigits: 0 }) : '—',
    pct: (v: number | null | undefined, digits = 1) =>
      ok(v)
        ? v.toLocaleString(lang, {
            style: 'percent',
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          })
        : '—',
    signedPct: (v: number | null | undefined, digits = 1) =>
      ok(v)
        ? `${v > 0 ? '+' : ''}${v.toLocaleString(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })}`
        : '—',
  }
}

const CSS = `
@page { size: A4; margin: 12mm 12mm 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: ${FONT_STACK}; color: #1f2933; margin: 0 auto; max-width: 760px; font-size: 12px; line-height: 1.45; }
header { border-bottom: 3px solid #2f6fb0; padding: 8px 0 10px; margin-bottom: 12px; }
header h1 { font-size: 22px; margin: 0 0 2px; color: #16324f; }
header p { margin: 0; color: #52606d; }
section { margin: 0 0 16px; }
h2 { font-size: 15px; color: #16324f; border-left: 4px solid #2f6fb0; padding-left: 8px; margin: 18px 0 8px; break-after: avoid; }
p.note { color: #52606d; margin: 4px 0 8px; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin-bottom: 10px; }
.card { border: 1px solid #d9e2ec; border-radius: 6px; padding: 8px 10px; break-inside: avoid; }
.card .label { color: #52606d; font-size: 11px; }
.card .value { font-size: 19px; font-weight: 600; color: #102a43; }
.card .delta { font-size: 11px; }
.up { color: #2f8f4e; } .down { color: #c44e52; } .flat { color: #7b8794; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 11px; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: #f0f4f8; text-align: left; font-weight: 600; color: #334e68; }
th, td { padding: 3px 6px; border-bottom: 1px solid #e4e7eb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart { break-inside: avoid; margin: 4px 0; }
.chart svg { width: 100%; height: auto; }
.verdict { padding: 6px 10px; border-radius: 4px; margin: 4px 0 10px; break-inside: avoid; }
.verdict.positive { background: #e3f4e8; } .verdict.negative { background: #fbe5e6; }
.verdict.no_effect { background: #eef2f6; } .verdict.too_small { background: #fff4d6; }
.empty { color: #7b8794; font-style: italic; }
footer { color: #7b8794; font-size: 10px; border-top: 1px solid #d9e2ec; padding-top: 6px; margin-top: 20px; }
`

function delta(lang: Lang, now: number | null, before: number | null | undefined, goodWhenUp = true): string {
  if (now === null || before === null || before === undefined || before === 0) return ''
  const change = (now - before) / Math.abs(before)
  const f = formats(lang)
  const cls = Math.abs(change) < 0.005 ? 'flat' : change > 0 === goodWhenUp ? 'up' : 'down'
  return `<span class="delta ${cls}">${esc(f.signedPct(change))} ${esc(t(lang, 'reports.vs_previous'))}</span>`
}

function kpiCards(lang: Lang, cur: SnapshotKpis, prev: SnapshotKpis | undefined): string {
  const f = formats(lang)
  const card = (label: string, value: string, d: string) =>
    `<div class="card"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div>${d}</div>`
  const k = (key: string) => t(lang, `reports.kpi.${key}`)
  return `<div class="cards">${[
    card(k('customers'), f.n(cur.customers), delta(lang, cur.customers, prev?.customers)),
    card(k('active'), f.n(cur.active), delta(lang, cur.active, prev?.active)),
    card(k('churned'), f.n(cur.churned), delta(lang, cur.churned, prev?.churned, false)),
    card(k('repeat_rate'), f.pct(cur.repeatRate), delta(lang, cur.repeatRate, prev?.repeatRate)),
    card(k('avg_clv'), f.money(cur.avgClv), delta(lang, cur.avgClv, prev?.avgClv)),
    card(
      k('period_revenue'),
      f.money(cur.periodRevenue),
      delta(lang, cur.periodRevenue, prev?.periodRevenue),
    ),
  ].join('')}</div>`
}

function verdictHtml(lang: Lang, g: GroupResult): string {
  const f = formats(lang)
  const key =
    g.verdict === 'too_small' ? `evaluation.verdict.too_small.${g.reason}` : `evaluation.verdict.${g.verdict}`
  const text = t(lang, key, {
    lift: f.pct(g.conversion.difference, 2),
    low: f.pct(g.conversion.ciLow, 2),
    high: f.pct(g.conversion.ciHigh, 2),
    p: f.n(g.conversion.pValue, 3),
    mde: f.pct(g.mde, 2),
    conversions: Math.min(g.treatment.conversions, g.holdout.conversions),
  })
  return `<div class="verdict ${esc(g.verdict)}">${esc(text)}</div>`
}

/**
 * The weekly report as one self-contained HTML document: styles inline, charts as inline SVG (rendered
 * here, server-side), no script, no external resource — it opens offline and prints to PDF as is.
 * Customers appear by id only, unless the data was gathered with contact details.
 */
export function renderWeeklyHtml(data: WeeklyData, lang: Lang, generatedAt: string): string {
  const f = formats(lang)
  const tr = (key: string, params?: Record<string, unknown>) => t(lang, `reports.weekly.${key}`, params)
  const cur = data.kpis.find((k) => k.snapshotId === data.current.snapshotId)!
  const prev = data.previous ? data.kpis.find((k) => k.snapshotId === data.previous!.snapshotId) : undefined
  const parts: string[] = []

  parts.push(
    `<header><h1>${esc(tr('title'))}</h1><p>${esc(
      tr('subtitle', { asOf: data.asOf, snapshot: data.current.snapshotId, snapshotDate: data.current.asOf }),
    )}${data.previous ? esc(tr('compared', { snapshot: data.previous.snapshotId, date: data.previous.asOf })) : ''}</p></header>`,
  )

  // 1. KPIs and changes
  parts.push(`<section><h2>${esc(tr('kpis'))}</h2>${kpiCards(lang, cur, prev)}`)
  if (data.kpis.length > 1) parts.push(`<div class="chart">${kpiTrendChart(data, lang)}</div>`)
  if (data.alerts.length) {
    parts.push(`<p class="note">${esc(tr('alerts_note', { n: data.alerts.length }))}</p>`)
    parts.push(
      table(
        [tr('col.group'), tr('col.metric'), tr('col.before'), tr('col.after'), tr('col.change')],
        data.alerts.map((a) => [
          `${t(lang, `evaluation.dimension.${a.dimension}`)} · ${groupLabel(a.dimension, a.group, lang)}`,
          t(lang, `cli.alerts.metric.${a.metric}`),
          f.n(a.valueFrom),
          f.n(a.valueTo),
          a.change === null ? t(lang, 'cli.alerts.new_group') : f.signedPct(a.change),
        ]),
        [false, false, true, true, true],
      ),
    )
  }
  parts.push('</section>')

  // 2. Segments
  const before = new Map((data.previous?.bySegment ?? []).map((g) => [g.key, g.customers]))
  parts.push(`<section><h2>${esc(tr('segments'))}</h2>`)
  parts.push(
    table(
      [
        tr('col.segment'),
        tr('col.customers'),
        tr('col.share'),
        tr('col.revenue'),
        tr('col.revenue_share'),
        tr('col.change'),
      ],
      data.current.bySegment.map((g) => {
        const b = before.get(g.key)
        return [
          g.key === null ? t(lang, 'evaluation.group.unscored') : segmentLabel(g.key, lang),
          f.n(g.customers),
          f.pct(g.pctCustomers),
          f.money(g.revenue),
          f.pct(g.pctRevenue),
          b ? f.signedPct((g.customers - b) / b) : '—',
        ]
      }),
      [false, true, true, true, true, true],
    ),
  )
  parts.push(`<div class="chart">${segmentChart(data, lang)}</div></section>`)

  // 3. Migration
  parts.push(`<section><h2>${esc(tr('migration'))}</h2>`)
  if (data.migration) {
    const m = data.migration
    parts.push(
      `<p class="note">${esc(
        tr('migration_note', {
          from: m.from.asOf,
          to: m.to.asOf,
          up: m.moves.upgrade.customers,
          down: m.moves.downgrade.customers,
          same: m.moves.same.customers,
          entered: m.moves.entered.customers,
        }),
      )}</p>`,
    )
    const moves = m.cells
      .filter((c) => c.from !== c.to)
      .sort((a, b) => b.customers - a.customers)
      .slice(0, 10)
    parts.push(
      table(
        [tr('col.from'), tr('col.to'), tr('col.customers'), tr('col.direction'), tr('col.period_revenue')],
        moves.map((c) => [
          groupLabel('rfm_segment', c.from, lang),
          groupLabel('rfm_segment', c.to, lang),
          f.n(c.customers),
          t(lang, `evaluation.move.${c.direction}`),
          f.money(c.periodRevenue),
        ]),
        [false, false, true, false, true],
      ),
    )
    parts.push(`<div class="chart">${migrationChart(data, lang)}</div>`)
  } else parts.push(`<p class="empty">${esc(tr('no_previous'))}</p>`)
  parts.push('</section>')

  // 4. Cohorts
  parts.push(`<section><h2>${esc(tr('cohorts'))}</h2>`)
  const chart = cohortChart(data, lang)
  if (chart) {
    parts.push(`<p class="note">${esc(tr('cohorts_note'))}</p><div class="chart">${chart}</div>`)
    parts.push(
      table(
        [tr('col.cohort'), tr('col.customers'), tr('col.m1'), tr('col.m3'), tr('col.repeat'), tr('col.clv')],
        data.cohorts.cohorts.map((c) => [
          c.cohort,
          f.n(c.size),
          f.pct(c.periods[1]?.retention),
          f.pct(c.periods[3]?.retention),
          f.pct(c.periods.at(-1)?.repeatShare),
          f.money(c.clv?.mean),
        ]),
        [false, true, true, true, true, true],
      ),
    )
  } else parts.push(`<p class="empty">${esc(tr('no_cohorts'))}</p>`)
  parts.push('</section>')

  // 5. At-risk high-value customers
  parts.push(`<section><h2>${esc(tr('at_risk'))}</h2>`)
  parts.push(
    `<p class="note">${esc(tr('at_risk_note', { n: data.atRisk.customers, value: f.money(data.atRisk.monetary), shown: data.atRisk.top.length }))}</p>`,
  )
  if (data.atRisk.top.length) {
    const contact = data.atRisk.top.some((c) => c.contact)
    parts.push(
      table(
        [
          tr('col.customer'),
          ...(contact ? [tr('col.contact')] : []),
          tr('col.segment'),
          tr('col.lifecycle'),
          tr('col.recency'),
          tr('col.orders'),
          tr('col.monetary'),
          tr('col.clv'),
          tr('col.p_alive'),
        ],
        data.atRisk.top.map((c) => [
          c.customerId,
          ...(contact
            ? [[c.contact?.name, c.contact?.email, c.contact?.phone].filter(Boolean).join(' · ')]
            : []),
          groupLabel('rfm_segment', c.rfmSegment, lang),
          groupLabel('lifecycle', c.lifecycle, lang),
          f.n(c.recencyDays),
          f.n(c.frequency),
          f.money(c.monetary),
          f.money(c.clv12m),
          f.pct(c.pAlive, 0),
        ]),
        [false, ...(contact ? [false] : []), false, false, true, true, true, true, true],
      ),
    )
  }
  parts.push('</section>')

  // 6. Campaigns
  parts.push(`<section><h2>${esc(tr('campaigns'))}</h2>`)
  if (data.campaigns.length === 0) parts.push(`<p class="empty">${esc(tr('no_campaigns'))}</p>`)
  for (const r of data.campaigns) {
    const g = r.overall
    parts.push(
      `<p><strong>${esc(r.name)}</strong> · ${esc(`${r.start} – ${r.end}`)}${r.interim ? ` · ${esc(tr('interim'))}` : ''}</p>`,
    )
    parts.push(
      table(
        [
          tr('col.arm'),
          tr('col.customers'),
          tr('col.conversion'),
          tr('col.revenue_per_customer'),
          tr('col.orders_per_customer'),
        ],
        [
          [
            tr('treatment'),
            f.n(g.treatment.customers),
            f.pct(g.treatment.conversionRate),
            f.n(g.treatment.revenuePerCustomer, 2),
            f.n(g.treatment.ordersPerCustomer, 3),
          ],
          [
            tr('holdout'),
            f.n(g.holdout.customers),
            f.pct(g.holdout.conversionRate),
            f.n(g.holdout.revenuePerCustomer, 2),
            f.n(g.holdout.ordersPerCustomer, 3),
          ],
          [
            tr('uplift'),
            '',
            `${f.pct(g.conversion.difference, 2)} [${f.pct(g.conversion.ciLow, 2)}, ${f.pct(g.conversion.ciHigh, 2)}]`,
            `${f.n(g.revenue.difference, 2)} [${f.n(g.revenue.ciLow, 2)}, ${f.n(g.revenue.ciHigh, 2)}]`,
            `${f.n(g.orders.difference, 3)} [${f.n(g.orders.ciLow, 3)}, ${f.n(g.orders.ciHigh, 3)}]`,
          ],
        ],
        [false, true, true, true, true],
      ),
    )
    parts.push(verdictHtml(lang, g))
    if (r.bySegment.length > 1) {
      parts.push(
        table(
          [
            tr('col.segment'),
            tr('treatment'),
            tr('holdout'),
            `${tr('col.conversion')} · ${tr('uplift')}`,
            'p',
          ],
          r.bySegment.map((s) => [
            groupLabel('rfm_segment', s.group, lang),
            f.n(s.treatment.customers),
            f.n(s.holdout.customers),
            `${f.pct(s.conversion.difference, 2)} [${f.pct(s.conversion.ciLow, 2)}, ${f.pct(s.conversion.ciHigh, 2)}]`,
            f.n(s.conversion.pValue, 3),
          ]),
          [false, true, true, true, true],
        ),
      )
      parts.push(`<p class="note">${esc(t(lang, 'evaluation.segments_exploratory'))}</p>`)
    }
  }
  parts.push('</section>')

  // 7. Data quality
  parts.push(`<section><h2>${esc(tr('quality'))}</h2>`)
  const q = data.quality
  if (!q) parts.push(`<p class="empty">${esc(tr('no_imports'))}</p>`)
  else {
    const rep = (q.report ?? {}) as Record<string, Record<string, number> | undefined>
    const rows: [string, string][] = [
      [tr('q.import'), `${q.importId} (${q.kind}, ${q.status})`],
      [tr('q.finished'), q.finishedAt ?? '—'],
      [tr('q.rows'), `${f.n(q.rowsRead)} / ${f.n(q.rowsImported)} / ${f.n(q.rowsRejected)}`],
    ]
    // Only the figures the import recorded (a demo load or an older report may lack some).
    const figure = (label: string, part: string, field: string) => {
      const v = rep[part]?.[field]
      if (typeof v === 'number') rows.push([tr(label), f.n(v)])
    }
    figure('q.guest_orders', 'guestOrders', 'orders')
    figure('q.duplicates', 'duplicateIds', 'rows')
    figure('q.returns', 'nonPositiveAmounts', 'orders')
    figure('q.future', 'futureDates', 'rows')
    figure('q.outliers', 'outliers', 'orders')
    parts.push(table([tr('q.item'), tr('q.value')], rows, [false, true]))
  }
  parts.push('</section>')
  parts.push(`<footer>${esc(tr('footer', { at: generatedAt }))}</footer>`)

  return `<!doctype html>
<html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(tr('title'))} · ${esc(data.asOf)}</title><style>${CSS}</style></head>
<body>${parts.join('\n')}</body></html>
`
}
