import { describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { backtest } from '../../src/models/backtest.js'
import { predictStep } from '../../src/models/snapshot-predictions.js'
import { sql } from '../../src/sql/fragment.js'
import { cdnowStore } from './cdnow-fixture.js'

describe('predictStep inside analyze, and the backtest by RFM segment', () => {
  it('fills the snapshot predictions and lets the backtest group by RFM segment', async () => {
    const store = await cdnowStore()
    const result = await analyze(store.conn, { asOf: '1997-10-01', predict: predictStep })
    expect(result.warnings).toEqual([])
    const row = await store.conn.one<{ rfm_segment: string; p_alive: number; clv_12m: number }>(
      sql`SELECT rfm_segment, p_alive, clv_12m FROM customer_scores WHERE customer_id = ${'1516'}`,
    )
    expect(row!.rfm_segment).toBe('Champions')
    expect(row!.p_alive).toBeGreaterThan(0.9)
    expect(row!.clv_12m).toBeGreaterThan(500)
    const bt = await backtest(store.conn, {
      calibrationEnd: '1997-09-30',
      holdoutEnd: '1998-06-30',
      unit: 'week',
      includeZeroAmount: true,
    })
    if (!bt.ok) throw new Error(JSON.stringify(bt.diagnostics))
    const segments = bt.value.rfmSegments!
    expect(segments.map((s) => s.group)).toContain('Champions')
    expect(segments.reduce((s, g) => s + g.actual, 0)).toBe(1882)
    await store.close()
  })
})
