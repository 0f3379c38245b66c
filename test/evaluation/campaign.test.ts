import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  allocate,
  createCampaign,
  drawHoldout,
  exportTreatment,
  measureCampaign,
  twoProportionTest,
  verdictOf,
} from '../../src/evaluation/index.js'
import { sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/index.js'
import { customers, memoryStore, orders, snapshot } from './fixture.js'

const ids = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`)

describe('holdout draw', () => {
  it('allocates exactly, in proportion, and is reproducible from the seed', () => {
    expect([
      ...allocate(
        new Map([
          ['A', 120],
          ['B', 80],
        ]),
        50,
      ),
    ]).toEqual([
      ['A', 30],
      ['B', 20],
    ])
    // 3 strata of 1 with 2 to give: largest remainders, ties by name.
    expect([
      ...allocate(
        new Map([
          ['x', 1],
          ['y', 1],
          ['z', 1],
        ]),
        2,
      ),
    ]).toEqual([
      ['x', 1],
      ['y', 1],
      ['z', 0],
    ])
    const list = [
      ...ids(120, 'a').map((id) => ({ customerId: id, stratum: 'A' })),
      ...ids(80, 'b').map((id) => ({ customerId: id, stratum: 'B' })),
    ]
    const one = drawHoldout(list, { kind: 'percent', value: 25 }, 7)
    expect(one.size).toBe(50)
    expect([...one].filter((id) => id.startsWith('a'))).toHaveLength(30)
    expect([...drawHoldout([...list].reverse(), { kind: 'percent', value: 25 }, 7)].sort()).toEqual(
      [...one].sort(),
    )
    expect([...drawHoldout(list, { kind: 'percent', value: 25 }, 8)].sort()).not.toEqual([...one].sort())
    expect(drawHoldout(list, { kind: 'count', value: 9 }, 7).size).toBe(9)
  })
})

describe('verdict', () => {
  const cmp = (difference: number, low: number, high: number, p: number) => ({
    difference,
    ciLow: low,
    ciHigh: high,
    pValue: p,
    statistic: 0,
    df: Number.POSITIVE_INFINITY,
    standardError: 0,
  })
  const enough = { treatment: 50, holdout: 50 }
  it('says plainly when the sample is too small', () => {
    expect(verdictOf(cmp(0.03, 0.01, 0.05, 0.004), 0.02, enough, 10, 0.05)).toEqual({
      verdict: 'positive',
      reason: null,
    })
    expect(verdictOf(cmp(-0.03, -0.05, -0.01, 0.004), 0.02, enough, 10, 0.05).verdict).toBe('negative')
    expect(verdictOf(cmp(0.01, -0.02, 0.04, 0.5), 0.03, enough, 10, 0.05)).toEqual({
      verdict: 'too_small',
      reason: 'wide_interval',
    })
    expect(verdictOf(cmp(0.001, -0.01, 0.012, 0.8), 0.03, enough, 10, 0.05)).toEqual({
      verdict: 'no_effect',
      reason: null,
    })
    expect(verdictOf(cmp(0.03, 0.01, 0.05, 0.004), 0.02, { treatment: 50, holdout: 4 }, 10, 0.05)).toEqual({
      verdict: 'too_small',
      reason: 'few_conversions',
    })
  })
})

describe('a campaign end to end', () => {
  let store: Store
  const dir = join(tmpdir(), `strata-campaign-${process.pid}`)
  beforeAll(async () => {
    store = await memoryStore()
    const a = ids(120, 'a')
    const b = ids(80, 'b')
    // Consent: every customer with an even number; 'b' customers with a number divisible by 10 have none recorded.
    await customers(
      store.conn,
      [...a, ...b].map((id) => [
        id,
        Number(id.slice(1)) % 2 === 0 ? true : Number(id.slice(1)) % 10 === 5 ? null : false,
        `${id}@x.cn`,
      ]),
    )
    await snapshot(store.conn, '1', '2024-06-01', [
      ...a.map((id): [string, string, string, string, number, number, null] => [
        id,
        'At Risk',
        'At-risk',
        'potential',
        100,
        2,
        null,
      ]),
      ...b.map((id): [string, string, string, string, number, number, null] => [
        id,
        'Lost',
        'Churned',
        'churned',
        10,
        1,
        null,
      ]),
      ['zz', 'Champions', 'Loyal', 'high', 900, 9, null],
    ])
    // A saved segment (table from the segments subsystem): 'a' customers, one of them exited already.
    await store.conn.run(sql`INSERT INTO segments (segment_id, name, kind, created_at, updated_at)
      VALUES ('s1', 'lapsed', 'static', TIMESTAMP '2024-05-01 00:00:00', TIMESTAMP '2024-05-01 00:00:00')`)
    for (const id of a)
      await store.conn.run(sql`INSERT INTO segment_members (segment_id, customer_id, entered_at, exited_at)
        VALUES ('s1', ${id}, TIMESTAMP '2024-05-01 00:00:00', ${id === 'a000' ? '2024-05-10 00:00:00' : null})`)
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('creates, exports only consented treatment customers, and measures against direct SQL', async () => {
    const c = await createCampaign(
      store.conn,
      {
        name: 'win back',
        target: { kind: 'lifecycle', value: 'At-risk' },
        holdout: { kind: 'percent', value: 25 },
        seed: 11,
        start: '2024-06-01',
        end: '2024-06-30',
      },
      '2024-06-01 09:00:00',
    )
    expect(c.plan.audience).toBe(120)
    const arms = await store.conn.all<{ arm: string; n: number }>(
      sql`SELECT arm, count(*) AS n FROM campaign_assignments WHERE campaign_id = ${c.campaignId} GROUP BY arm ORDER BY arm`,
    )
    expect(arms.map((r) => [r.arm, Number(r.n)])).toEqual([
      ['holdout', 30],
      ['treatment', 90],
    ])

    const file = join(dir, 'treatment.csv')
    await import('node:fs').then((fs) => fs.mkdirSync(dir, { recursive: true }))
    const n = await exportTreatment(store.conn, { campaign: 'win back', path: file })
    const lines = readFileSync(file, 'utf8').trim().split('\n')
    expect(lines[0]).toBe('customer_id,rfm_segment')
    const exported = lines.slice(1).map((l) => l.split(',')[0]!)
    expect(exported).toHaveLength(n)
    const held = new Set(
      (
        await store.conn.all<{ customer_id: string }>(
          sql`SELECT customer_id FROM campaign_assignments WHERE arm = 'holdout'`,
        )
      ).map((r) => r.customer_id),
    )
    for (const id of exported) {
      expect(held.has(id)).toBe(false)
      expect(Number(id.slice(1)) % 2).toBe(0)
    }
    expect(readFileSync(file, 'utf8')).not.toContain('@')
    const treatedConsented = await store.conn.one<{ n: number }>(
      sql`SELECT count(*) AS n FROM campaign_assignments WHERE arm = 'treatment' AND consent`,
    )
    expect(n).toBe(Number(treatedConsented?.n))

    // Orders in the window: every 3rd consented customer buys 30 (twice for multiples of 6); one order after the window.
    const consented = (
      await store.conn.all<{ customer_id: string }>(
        sql`SELECT customer_id FROM campaign_assignments WHERE consent ORDER BY customer_id`,
      )
    ).map((r) => r.customer_id)
    const rows: [string, string, string, number, string][] = []
    consented.forEach((id, i) => {
      if (i % 3 === 0) rows.push([`w${i}`, id, '2024-06-10 10:00:00', 30, 'paid'])
      if (i % 6 === 0) rows.push([`v${i}`, id, '2024-06-20 10:00:00', 30, 'paid'])
    })
    rows.push(['late', consented[1]!, '2024-07-01 00:00:00', 999, 'paid'])
    await orders(store.conn, rows)
    const r = await measureCampaign(store.conn, { campaign: c.campaignId, minConversions: 1 })
    expect(r.asOf).toBe('2024-07-01')
    expect(r.interim).toBe(false)
    expect(r.excludedNoConsent).toBe(60)
    const direct = await store.conn.all<{ arm: string; n: number; conv: number; revenue: number }>(sql`
      SELECT a.arm, count(*) AS n, count(o.customer_id) AS conv, CAST(coalesce(sum(o.revenue), 0) AS DOUBLE) AS revenue
      FROM campaign_assignments a
      LEFT JOIN (SELECT customer_id, sum(amount) AS revenue FROM orders WHERE ordered_at < TIMESTAMP '2024-07-01 00:00:00' GROUP BY 1) o
        ON o.customer_id = a.customer_id
      WHERE a.consent GROUP BY a.arm`)
    const t = direct.find((x) => x.arm === 'treatment')!
    const h = direct.find((x) => x.arm === 'holdout')!
    expect(r.overall.treatment.customers).toBe(Number(t.n))
    expect(r.overall.holdout.conversions).toBe(Number(h.conv))
    expect(r.overall.treatment.revenuePerCustomer).toBeCloseTo(Number(t.revenue) / Number(t.n), 10)
    expect(r.overall.conversion.pValue).toBeCloseTo(
      twoProportionTest(Number(t.conv), Number(t.n), Number(h.conv), Number(h.n)).pValue,
      12,
    )
    expect(r.bySegment.map((g) => g.group)).toEqual(['At Risk'])
    // Every third customer buys in both arms: no significant difference.
    expect(r.overall.conversion.pValue).toBeGreaterThan(0.05)
    expect(['no_effect', 'too_small']).toContain(r.overall.verdict)
    const interim = await measureCampaign(store.conn, { campaign: c.campaignId, asOf: '2024-06-15' })
    expect(interim.interim).toBe(true)
    // Default rule: fewer than 10 conversions in an arm is too small to conclude.
    expect(interim.overall.holdout.conversions).toBeLessThan(10)
    expect(interim.overall).toMatchObject({ verdict: 'too_small', reason: 'few_conversions' })
    expect(interim.overall.treatment.conversions + interim.overall.holdout.conversions).toBe(
      Math.ceil(consented.length / 3),
    )
  })

  it('targets a saved segment through its current members', async () => {
    const c = await createCampaign(
      store.conn,
      {
        name: 'segment test',
        target: { kind: 'segment', value: 'lapsed' },
        holdout: { kind: 'count', value: 10 },
        seed: 3,
        start: '2024-06-01',
        end: '2024-06-30',
      },
      '2024-06-01 09:00:00',
    )
    expect(c.plan.audience).toBe(119)
    await expect(
      createCampaign(
        store.conn,
        {
          name: 'segment test',
          target: { kind: 'segment', value: 'lapsed' },
          holdout: { kind: 'count', value: 10 },
          seed: 3,
          start: '2024-06-01',
          end: '2024-06-30',
        },
        'x',
      ),
    ).rejects.toThrow('evaluation.campaign.duplicate')
  })
})
