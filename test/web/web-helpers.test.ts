import { describe, expect, it } from 'vitest'
import type { Dashboard } from '../../web/src/api/types.js'
import { rfHeatmap, segmentTreemap, stepsFunnel } from '../../web/src/charts/options.js'
import { ramp, textOn } from '../../web/src/charts/palette.js'
import { CATALOGS, translate } from '../../web/src/i18n/catalog.js'
import { en } from '../../web/src/i18n/en.js'
import {
  delta,
  formatCompact,
  formatDate,
  formatDelta,
  formatMoney,
  formatNumber,
  formatPercent,
  maybeUiLang,
} from '../../web/src/i18n/format.js'
import { nameOf, SEGMENT_NAMES } from '../../web/src/i18n/names.js'
import { previewText, splitCsvLine } from '../../web/src/lib/csv-preview.js'
import { lifecycleFunnel, tierPyramid } from '../../web/src/lib/overview-model.js'
import { matchRoute } from '../../web/src/lib/route-match.js'
import { visibleRange } from '../../web/src/lib/virtual-window.js'

const text = {
  count: (v: number) => formatNumber('en', v),
  compact: (v: number) => formatCompact('en', v),
  money: (v: number) => formatMoney('en', v),
  percent: (v: number) => formatPercent('en', v),
  name: (k: string | null) => nameOf(SEGMENT_NAMES, k, 'en'),
}

describe('UI catalogs', () => {
  it('every language has every key, none empty, and the same {slots}', () => {
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [lang, catalog] of Object.entries(CATALOGS)) {
      expect(Object.keys(catalog).sort(), lang).toEqual(Object.keys(en).sort())
      for (const [key, value] of Object.entries(catalog)) {
        expect(value.trim(), `${lang} ${key}`).not.toBe('')
        expect(slots(value), `${lang} ${key}`).toEqual(slots(en[key as keyof typeof en]))
      }
    }
  })

  it('fills slots and keeps unknown ones visible', () => {
    expect(translate('zh-CN', 'builder.count', { n: '1,234' })).toBe('1,234 位客户')
    expect(translate('en', 'builder.count')).toBe('{n} customers')
  })

  it('maps browser locales to the three UI languages', () => {
    expect(maybeUiLang('zh-Hant-HK')).toBe('zh-TW')
    expect(maybeUiLang('zh_TW')).toBe('zh-TW')
    expect(maybeUiLang('zh')).toBe('zh-CN')
    expect(maybeUiLang('en-GB')).toBe('en')
    expect(maybeUiLang('fr-FR')).toBeUndefined()
  })
})

describe('locale formatting', () => {
  it('numbers, money and percentages per locale', () => {
    expect(formatNumber('en', 1234567)).toBe('1,234,567')
    expect(formatNumber('zh-CN', 1234567)).toBe('1,234,567')
    expect(formatMoney('zh-CN', 1234.5)).toBe('¥1,234.50')
    expect(formatMoney('en', 1234.5)).toBe('CN¥1,234.50')
    expect(formatPercent('en', 0.7858)).toBe('78.6%')
    expect(formatNumber('en', null)).toBe('—')
  })

  it('compact figures use 万 in Chinese and K/M in English', () => {
    expect(formatCompact('en', 1_250_000)).toBe('1.3M')
    expect(formatCompact('zh-CN', 1_250_000)).toBe('125万')
    expect(formatCompact('zh-TW', 1_250_000)).toBe('125萬')
  })

  it('calendar dates do not move with the time zone', () => {
    expect(formatDate('en', '2026-06-30')).toBe('Jun 30, 2026')
    expect(formatDate('zh-CN', '2026-06-30')).toBe('2026年6月30日')
    expect(formatDate('en', null)).toBe('—')
  })

  it('deltas: relative for amounts, points for shares, none against zero or nothing', () => {
    expect(delta(110, 100)).toEqual({ value: 0.1, kind: 'relative', direction: 'up' })
    expect(formatDelta('en', delta(90, 100), 'pts')).toBe('−10.0%')
    expect(formatDelta('en', delta(0.33, 0.3, 'points'), 'pts')).toBe('+3 pts')
    expect(delta(5, 0).value).toBeNull()
    expect(delta(null, 3).direction).toBe('flat')
  })
})

describe('chart options', () => {
  it('treemap: area = customers, darker = more revenue share, prospects left out', () => {
    const o = segmentTreemap(
      [
        { key: 'Champions', customers: 10, pctCustomers: 0.1, revenue: 500, pctRevenue: 0.5 },
        { key: 'Lost', customers: 40, pctCustomers: 0.4, revenue: 50, pctRevenue: 0.05 },
        { key: null, customers: 50, pctCustomers: 0.5, revenue: 0, pctRevenue: 0 },
      ],
      text,
    ) as { series: { data: { name: string; value: number; itemStyle: { color: string } }[] }[] }
    const data = o.series[0]!.data
    expect(data.map((d) => [d.name, d.value])).toEqual([
      ['Champions', 10],
      ['Lost', 40],
    ])
    expect(data[0]!.itemStyle.color).toBe(ramp(1))
    expect(data[1]!.itemStyle.color).toBe(ramp(0.1))
  })

  it('heat map cells are [F − 1, R − 1, customers]', () => {
    const o = rfHeatmap([{ r: 5, f: 1, customers: 7 }], 5, text, { r: 'R', f: 'F', series: 'n' }) as {
      series: { data: number[][] }[]
      xAxis: { data: string[] }
    }
    expect(o.series[0]!.data).toEqual([[0, 4, 7]])
    expect(o.xAxis.data).toEqual(['1', '2', '3', '4', '5'])
  })

  it('funnel keeps the order given', () => {
    const o = stepsFunnel(
      [
        { name: 'a', value: 1 },
        { name: 'b', value: 3 },
      ],
      text,
    ) as {
      series: { sort: string; data: { name: string }[] }[]
    }
    expect(o.series[0]!.sort).toBe('none')
    expect(o.series[0]!.data.map((d) => d.name)).toEqual(['a', 'b'])
  })

  it('label colours keep contrast on the ramp', () => {
    expect(textOn(ramp(0))).not.toBe('#ffffff')
    expect(textOn(ramp(1))).toBe('#ffffff')
  })
})

describe('overview model', () => {
  const d = {
    current: { customers: 100, buyers: 80, repeaters: 30 },
    segments: {
      byLifecycle: [
        { key: 'Loyal', customers: 12 },
        { key: 'At-risk', customers: 9 },
        { key: 'Churned', customers: 20 },
      ],
      byValueTier: [
        { key: 'low', customers: 40 },
        { key: 'high', customers: 5 },
        { key: null, customers: 20 },
      ],
    },
  } as unknown as Dashboard

  it('the funnel is cumulative: known ⊇ bought ⊇ repeat ⊇ loyal', () => {
    const f = lifecycleFunnel(d)
    expect(f.steps.map((s) => s.value)).toEqual([100, 80, 30, 12])
    expect([f.atRisk, f.churned]).toEqual([9, 20])
  })

  it('the pyramid follows tier order and drops customers without a tier', () => {
    expect(tierPyramid(d, ['high', 'potential', 'low']).map((g) => g.key)).toEqual(['high', 'low'])
  })
})

describe('routes, previews, virtual list', () => {
  it('matches paths to pages', () => {
    expect(matchRoute('/')).toEqual({ page: 'overview' })
    expect(matchRoute('/customers/C%2F1')).toEqual({ page: 'customer', id: 'C/1' })
    expect(matchRoute('/segments/new')).toEqual({ page: 'segment_new' })
    expect(matchRoute('/segments/s1/')).toEqual({ page: 'segment', id: 's1' })
    expect(matchRoute('/tags')).toEqual({ page: 'tags' })
    expect(matchRoute('/tags/x')).toEqual({ page: 'not_found' })
    expect(matchRoute('/customers/%E0%A4%A')).toEqual({ page: 'not_found' })
    expect(matchRoute('/nope/x/y')).toEqual({ page: 'not_found' })
  })

  it('splits quoted CSV cells and guesses the separator', () => {
    expect(splitCsvLine('a,"b, c","d ""e"""')).toEqual(['a', 'b, c', 'd "e"'])
    expect(previewText('\uFEFFid\tname\n1\t张三\n2\t李四\n', 1)).toEqual({
      columns: ['id', 'name'],
      rows: [['1', '张三']],
    })
  })

  it('previews NDJSON and a cut JSON array', () => {
    expect(previewText('{"id":1,"c":"上海"}\n{"id":2}\n')).toEqual({
      columns: ['id', 'c'],
      rows: [
        ['1', '上海'],
        ['2', ''],
      ],
    })
    expect(previewText('[{"id":1},{"id":2},{"id":')?.rows).toEqual([['1'], ['2']])
  })

  it('renders only the rows on screen', () => {
    expect(visibleRange(0, 36, 432, 100_000)).toEqual({ start: 0, end: 18 })
    expect(visibleRange(3600, 36, 432, 100_000)).toEqual({ start: 94, end: 118 })
    expect(visibleRange(3600, 36, 432, 50)).toEqual({ start: 32, end: 50 })
    expect(visibleRange(0, 36, 432, 0)).toEqual({ start: 0, end: 0 })
  })
})
