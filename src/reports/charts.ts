import * as echarts from 'echarts'
import { groupLabel } from '../evaluation/index.js'
import type { Lang } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'
import type { WeeklyData } from './weekly-data.js'

/** Fonts with CJK glyphs first, so Chinese labels render the same in the browser and in the PDF. */
export const FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
const PALETTE = [
  '#2f6fb0',
  '#e07b39',
  '#3c9d5d',
  '#c44e52',
  '#8172b3',
  '#937860',
  '#da8bc3',
  '#8c8c8c',
  '#ccb974',
  '#64b5cd',
  '#4c72b0',
  '#55a868',
]

/**
 * Renders one chart to an SVG string on the server (no DOM, no animation) and frees it: an undisposed
 * ECharts instance keeps timers that stop Node from exiting.
 */
export function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: FONT_STACK }, ...option })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

const compact = (lang: Lang) => (v: number) =>
  v.toLocaleString(lang, { notation: 'compact', maximumFractionDigits: 1 })

/** Active / churned customers per snapshot (lines) and revenue per period (bars). */
export function kpiTrendChart(data: WeeklyData, lang: Lang): string {
  const tr = (k: string) => t(lang, `reports.chart.${k}`)
  return renderSvg(
    {
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 56, right: 64, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: data.kpis.map((k) => k.asOf), axisLabel: { fontSize: 10 } },
      yAxis: [
        {
          type: 'value',
          name: tr('customers'),
          nameTextStyle: { fontSize: 10 },
          axisLabel: { fontSize: 10, formatter: compact(lang) },
        },
        {
          type: 'value',
          name: tr('revenue'),
          nameTextStyle: { fontSize: 10 },
          axisLabel: { fontSize: 10, formatter: compact(lang) },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: tr('period_revenue'),
          type: 'bar',
          yAxisIndex: 1,
          data: data.kpis.map((k) => k.periodRevenue),
          itemStyle: { color: '#c9d9ec' },
        },
        { name: tr('active'), type: 'line', data: data.kpis.map((k) => k.active), symbolSize: 6 },
        { name: tr('churned'), type: 'line', data: data.kpis.map((k) => k.churned), symbolSize: 6 },
      ],
    },
    700,
    240,
  )
}

/** Customers and revenue share per RFM segment of the current snapshot (horizontal bars). */
export function segmentChart(data: WeeklyData, lang: Lang): string {
  const rows = data.current.bySegment.filter((g) => g.key !== null).reverse()
  return renderSvg(
    {
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 110, right: 24, top: 28, bottom: 20 },
      xAxis: {
        type: 'value',
        axisLabel: { fontSize: 10, formatter: (v: number) => `${Math.round(v * 100)}%` },
      },
      yAxis: {
        type: 'category',
        data: rows.map((g) => groupLabel('rfm_segment', g.key, lang)),
        axisLabel: { fontSize: 10 },
      },
      series: [
        {
          name: t(lang, 'reports.chart.share_customers'),
          type: 'bar',
          data: rows.map((g) => g.pctCustomers),
        },
        { name: t(lang, 'reports.chart.share_revenue'), type: 'bar', data: rows.map((g) => g.pctRevenue) },
      ],
    },
    700,
    300,
  )
}

/** Where last week's segments went (Sankey), links between different segments emphasised. */
export function migrationChart(data: WeeklyData, lang: Lang): string | null {
  const m = data.migration
  if (!m) return null
  const label = (name: string) => groupLabel('rfm_segment', name.replace(/^(from|to):/, ''), lang)
  return renderSvg(
    {
      series: [
        {
          type: 'sankey',
          left: 120,
          right: 120,
          top: 8,
          bottom: 8,
          nodeWidth: 10,
          nodeGap: 6,
          layoutIterations: 0,
          // Labels outside the bars: earlier groups on the left, later ones on the right.
          data: m.sankey.nodes.map((n) => ({
            name: n.name,
            label: { position: n.side === 'from' ? 'left' : 'right' },
          })),
          links: m.sankey.links
            .filter((l) => l.value > 0)
            .map((l) => ({ source: l.source, target: l.target, value: l.value })),
          label: { fontSize: 10, formatter: (p: { name: string }) => label(p.name) },
          lineStyle: { color: 'gradient', opacity: 0.35 },
        },
      ],
    },
    700,
    420,
  )
}

/** Retention by first-purchase month and month since (heatmap), as in a classic cohort table. */
export function cohortChart(data: WeeklyData, lang: Lang): string | null {
  const cohorts = data.cohorts.cohorts
  if (cohorts.length === 0) return null
  const width = Math.max(...cohorts.map((c) => c.periods.length))
  const cells = cohorts.flatMap((c, y) =>
    // Month 0 is 100% by definition: left out so the colour scale shows the months that differ.
    c.periods.filter((p) => p.period > 0).map((p) => [p.period - 1, y, Math.round(p.retention * 1000) / 10]),
  )
  return renderSvg(
    {
      grid: { left: 64, right: 16, top: 8, bottom: 48 },
      xAxis: {
        type: 'category',
        data: Array.from({ length: Math.max(1, width - 1) }, (_, k) => `M${k + 1}`),
        axisLabel: { fontSize: 10 },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: cohorts.map((c) => c.cohort),
        axisLabel: { fontSize: 10 },
      },
      visualMap: {
        min: 0,
        max: Math.max(1, ...cells.map((c) => c[2]!)),
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        itemWidth: 10,
        textStyle: { fontSize: 10 },
        text: [t(lang, 'reports.chart.retention_high'), t(lang, 'reports.chart.retention_low')],
        inRange: { color: ['#f3f7fb', '#2f6fb0'] },
      },
      series: [
        {
          type: 'heatmap',
          data: cells,
          label: { show: true, fontSize: 9, formatter: (p: { value: number[] }) => `${p.value[2]}` },
        },
      ],
    },
    700,
    Math.max(160, 56 + cohorts.length * 20),
  )
}
