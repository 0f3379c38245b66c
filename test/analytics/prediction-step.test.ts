import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { analyze, type PredictionStep } from '../../src/analytics/index.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'
import { loadFixture, SHOP } from './fixture.js'

let store: Store
beforeEach(async () => {
  store = await openStore(':memory:')
  await loadFixture(store.conn, SHOP)
})
afterEach(() => store.close())

const rows = () =>
  store.conn.all(sql`SELECT customer_id, p_alive, churn_risk, churn_band, clv_12m, expected_next_order_at, lifecycle,
      lifecycle_reason FROM customer_scores WHERE customer_id IN ('c1', 'c2', 'c5') ORDER BY customer_id`)

describe('prediction step hook', () => {
  it('joins the model table, bands churn risk and lets a low P(alive) mark Churned', async () => {
    let seen: unknown
    const predict: PredictionStep = async (conn, input) => {
      seen = input
      await conn.run(sql`CREATE OR REPLACE TEMP TABLE model_out AS
        SELECT * FROM (VALUES ('c1', 120.5, 1.2, 0.95, DATE '2024-07-20'), ('c2', 10.0, 0.1, 0.05, NULL),
          ('c5', 30.0, 0.5, 0.5, DATE '2024-08-01'))
        AS t(customer_id, clv_12m, expected_purchases_90d, p_alive, expected_next_order_at)`)
      return { ok: true, table: 'model_out', info: { model: 'test' } }
    }
    const result = await analyze(store.conn, { asOf: '2024-07-01', predict })
    expect(seen).toEqual({ asOf: '2024-07-01', snapshotId: '1' })
    expect(result.predictions).toEqual({ model: 'test' })
    const got = await rows()
    expect(got[0]).toMatchObject({
      customer_id: 'c1',
      p_alive: 0.95,
      churn_band: 'Low',
      clv_12m: 120.5,
      lifecycle: 'Loyal',
    })
    expect(got[0]!['churn_risk']).toBeCloseTo(0.05, 10)
    expect(got[1]).toMatchObject({
      customer_id: 'c2',
      churn_band: 'High',
      lifecycle: 'Churned',
      lifecycle_reason: 'p_alive',
    })
    expect(got[2]).toMatchObject({
      customer_id: 'c5',
      churn_band: 'Medium',
      expected_next_order_at: '2024-08-01',
    })
  })

  it('records a failed step as warnings and still scores everyone', async () => {
    const predict: PredictionStep = async () => ({
      ok: false,
      diagnostics: [{ code: 'models.too_few_repeat_buyers', params: { n: 2 } }],
    })
    const result = await analyze(store.conn, { asOf: '2024-07-01', predict })
    expect(result.warnings).toEqual([
      { code: 'models.too_few_repeat_buyers', params: { n: 2 }, severity: 'warning' },
    ])
    const snap = await store.conn.one<{ warnings: string; customers_scored: number }>(
      sql`SELECT CAST(warnings AS VARCHAR) AS warnings, customers_scored FROM snapshots`,
    )
    expect(JSON.parse(snap!.warnings)[0].code).toBe('models.too_few_repeat_buyers')
    expect(snap!.customers_scored).toBe(6)
    expect((await rows()).every((r) => r['p_alive'] === null && r['churn_band'] === null)).toBe(true)
  })

  it('survives a step that throws or names a table without the columns', async () => {
    const throws: PredictionStep = async () => {
      throw new Error('optimizer diverged')
    }
    const r1 = await analyze(store.conn, { asOf: '2024-07-01', predict: throws })
    expect(r1.warnings[0]).toMatchObject({
      code: 'analytics.predict.failed',
      params: { reason: 'optimizer diverged' },
    })
    const wrong: PredictionStep = async (conn) => {
      await conn.run(sql`CREATE OR REPLACE TEMP TABLE bad AS SELECT 'c1' AS customer_id`)
      return { ok: true, table: 'bad', info: {} }
    }
    const r2 = await analyze(store.conn, { asOf: '2024-07-01', predict: wrong })
    expect(r2.warnings[0]?.code).toBe('analytics.predict.failed')
    expect(r2.snapshotId).toBe('2')
  })
})
