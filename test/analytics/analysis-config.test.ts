import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, parseAnalysisConfig } from '../../src/analytics/index.js'

describe('analysis config', () => {
  it('overlays a file on the defaults', () => {
    const r = parseAnalysisConfig({
      lifecycle: { churnDays: 365, loyal: { minOrders: 4 } },
      valueTiers: { basis: 'clv' },
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.lifecycle.churnDays).toBe(365)
    expect(r.value.lifecycle.loyal).toEqual({ ...DEFAULT_CONFIG.lifecycle.loyal, minOrders: 4 })
    expect(r.value.valueTiers.basis).toBe('clv')
    expect(r.value.rfm).toEqual(DEFAULT_CONFIG.rfm)
  })

  it('reports every mistake with its field path and file', () => {
    const r = parseAnalysisConfig(
      {
        lifecycle: { churnDays: 'soon', churnDayz: 3 },
        rfm: { bins: 4, thresholds: { f: [1, 2, 3, 4], q: [1] } },
        valueTiers: { high: 0.6 },
      },
      'strata.config.json',
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    const found = r.diagnostics.map((d) => [d.code, d.at?.field])
    expect(found).toEqual([
      ['analytics.config.wrong_type', 'lifecycle.churnDays'],
      ['analytics.config.unknown_field', 'lifecycle.churnDayz'],
      ['analytics.config.unknown_field', 'rfm.thresholds.q'],
      ['analytics.config.out_of_range', 'rfm.thresholds.f'],
      ['analytics.config.out_of_range', 'valueTiers'],
    ])
    expect(r.diagnostics.every((d) => d.at?.file === 'strata.config.json')).toBe(true)
  })

  it('checks an edited segment map and picks the quartile map for 4 bins', () => {
    const bad = parseAnalysisConfig({ rfm: { segments: { Everyone: ['111'] } } })
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(bad.diagnostics[0]).toMatchObject({
        code: 'analytics.segment_map.missing',
        at: { field: 'rfm.segments' },
      })
    const four = parseAnalysisConfig({ rfm: { bins: 4 } })
    expect(four.ok && Object.values(four.value.rfm.segments!).flat().length).toBe(64)
  })
})
