// ECharts options for the overview, built from API data by pure functions (unit-tested without a browser).
import { GRID, INK, MUTED, ramp, SERIES, textOn } from './palette.js'

/** How numbers and names are shown: supplied by the page for the current language. */
export interface ChartText {
  count(v: number): string
  compact(v: number): string
  money(v: number): string
  percent(v: number): string
  name(key: string | null): string
}

type Option = Record<string, unknown>

const TEXT_STYLE = { fontFamily: 'inherit', color: INK }
const TOOLTIP = {
  backgroundColor: '#ffffff',
  borderColor: GRID,
  textStyle: { color: INK, fontSize: 12 },
  extraCssText: 'box-shadow: 0 4px 14px rgba(20,30,60,.12); border-radius: 6px;',
}

export interface SegmentDatum {
  key: string | null
  customers: number
  pctCustomers: number
  revenue: number
  pctRevenue: number
}

/** Treemap of RFM segments: area = customers, colour = share of revenue (darker = more). */
export function segmentTreemap(rows: readonly SegmentDatum[], text: ChartText): Option {
  const scored = rows.filter((r) => r.key !== null && r.customers > 0)
  const maxShare = Math.max(0.0001, ...scored.map((r) => r.pctRevenue))
  return {
    aria: { enabled: true },
    textStyle: TEXT_STYLE,
    tooltip: {
      ...TOOLTIP,
      formatter: (p: { data: { raw: SegmentDatum; name: string } }) => {
        const r = p.data.raw
        return `<b>${p.data.name}</b><br/>${text.count(r.customers)} · ${text.percent(r.pctCustomers)}<br/>${text.money(r.revenue)} · ${text.percent(r.pctRevenue)}`
      },
    },
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        itemStyle: { borderColor: '#ffffff', borderWidth: 2, gapWidth: 2 },
        data: scored.map((r) => {
          const color = ramp(r.pctRevenue / maxShare)
          return {
            name: text.name(r.key),
            value: r.customers,
            raw: r,
            itemStyle: { color },
            label: {
              color: textOn(color),
              formatter: `{name|${text.name(r.key)}}\n${text.count(r.customers)}`,
              rich: { name: { fontWeight: 600, fontSize: 13, color: textOn(color), lineHeight: 18 } },
            },
          }
        }),
        label: { show: true, position: 'insideTopLeft', fontSize: 12, overflow: 'truncate' },
      },
    ],
  }
}

export interface RfDatum {
  r: number
  f: number
  customers: number
}

/** R × F heat map: rows R (5 at the top), columns F, colour and label = customers. */
export function rfHeatmap(
  cells: readonly RfDatum[],
  bins: number,
  text: ChartText,
  axis: { r: string; f: string; series: string },
): Option {
  const scores = Array.from({ length: bins }, (_, i) => String(i + 1))
  const max = Math.max(1, ...cells.map((c) => c.customers))
  return {
    aria: { enabled: true },
    textStyle: TEXT_STYLE,
    tooltip: {
      ...TOOLTIP,
      formatter: (p: { value: [number, number, number] }) =>
        `R ${p.value[1] + 1} · F ${p.value[0] + 1}<br/>${axis.series}: <b>${text.count(p.value[2])}</b>`,
    },
    grid: { left: 48, right: 12, top: 8, bottom: 64 },
    xAxis: {
      type: 'category',
      data: scores,
      name: axis.f,
      nameLocation: 'middle',
      nameGap: 26,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: MUTED },
      nameTextStyle: { color: MUTED },
    },
    yAxis: {
      type: 'category',
      data: scores,
      name: axis.r,
      nameLocation: 'middle',
      nameGap: 28,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: MUTED },
      nameTextStyle: { color: MUTED },
    },
    visualMap: {
      min: 0,
      max,
      show: false,
      inRange: { color: [ramp(0), ramp(0.5), ramp(1)] },
    },
    series: [
      {
        type: 'heatmap',
        name: axis.series,
        data: cells.map((c) => [c.f - 1, c.r - 1, c.customers]),
        label: {
          show: true,
          fontSize: 11,
          formatter: (p: { value: [number, number, number] }) => text.compact(p.value[2]),
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2, borderRadius: 3 },
        emphasis: { itemStyle: { borderColor: INK, borderWidth: 1 } },
      },
    ],
  }
}

export interface Step {
  name: string
  value: number
  note?: string
}

/** A funnel (or a pyramid when `pyramid`): steps top to bottom in the order given, width ∝ value. */
export function stepsFunnel(steps: readonly Step[], text: ChartText, pyramid = false): Option {
  const max = Math.max(1, ...steps.map((s) => s.value))
  return {
    aria: { enabled: true },
    textStyle: TEXT_STYLE,
    tooltip: {
      ...TOOLTIP,
      formatter: (p: { name: string; value: number; data: { note?: string } }) =>
        `<b>${p.name}</b><br/>${text.count(p.value)}${p.data.note ? `<br/>${p.data.note}` : ''}`,
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: pyramid ? '6%' : '4%',
        right: pyramid ? '6%' : '4%',
        top: 6,
        bottom: 6,
        min: 0,
        max,
        // A pyramid's top step must hold its label; a funnel's last step may be narrow.
        minSize: pyramid ? '30%' : '12%',
        gap: 3,
        funnelAlign: 'center',
        label: {
          show: true,
          position: 'inside',
          fontSize: 12,
          formatter: (p: { name: string; value: number; data: { note?: string } }) =>
            `${p.name}  ${text.count(p.value)}${p.data.note ? `  ·  ${p.data.note}` : ''}`,
        },
        labelLine: { show: false },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        data: steps.map((s, i) => {
          const color = pyramid
            ? ramp(1 - i / Math.max(1, steps.length - 1))
            : ramp(1 - (i / Math.max(1, steps.length)) * 0.8)
          return {
            name: s.name,
            value: s.value,
            note: s.note,
            itemStyle: { color },
            label: { color: textOn(color) },
          }
        }),
      },
    ],
  }
}

export interface TrendPoint {
  asOf: string
  customers: number
  active: number
  revenue: number
}

/** Customers and active customers (left axis) and revenue (right axis) across snapshots. */
export function trendLines(
  points: readonly TrendPoint[],
  text: ChartText & { date(d: string): string },
  names: { customers: string; active: string; revenue: string },
): Option {
  const axisLabel = { color: MUTED }
  return {
    aria: { enabled: true },
    textStyle: TEXT_STYLE,
    color: SERIES,
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 4, textStyle: { color: MUTED } },
    grid: { left: 56, right: 64, top: 36, bottom: 28 },
    xAxis: {
      type: 'category',
      data: points.map((p) => text.date(p.asOf)),
      axisLine: { lineStyle: { color: GRID } },
      axisLabel,
    },
    yAxis: [
      {
        type: 'value',
        axisLabel: { ...axisLabel, formatter: (v: number) => text.compact(v) },
        splitLine: { lineStyle: { color: GRID } },
      },
      {
        type: 'value',
        axisLabel: { ...axisLabel, formatter: (v: number) => text.compact(v) },
        splitLine: { show: false },
      },
    ],
    series: [
      { name: names.customers, type: 'line', data: points.map((p) => p.customers), symbolSize: 6 },
      { name: names.active, type: 'line', data: points.map((p) => p.active), symbolSize: 6 },
      {
        name: names.revenue,
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 28,
        data: points.map((p) => p.revenue),
        itemStyle: { color: 'rgba(47,91,211,.18)', borderRadius: [3, 3, 0, 0] },
        tooltip: { valueFormatter: (v: number) => text.money(v) },
      },
    ],
  }
}
