import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkDrift,
  kpiSeries,
  listAlerts,
  markAlertsDelivered,
  pendingAlerts,
} from '../../src/evaluation/index.js'
import type { Store } from '../../src/store/index.js'
import { memoryStore, orders, snapshot } from './fixture.js'

type Row = [string, string | null, string, string | null, number, number | null, number | null]
const many = (
  n: number,
  prefix: string,
  seg: string,
  lifecycle: string,
  monetary: number,
  freq: number,
  clv: number | null,
): Row[] =>
  Array.from({ length: n }, (_, i) => [`${prefix}${i}`, seg, lifecycle, 'regular', monetary, freq, clv])

describe('KPIs over snapshots and drift alerts', () => {
  let store: Store
  beforeAll(async () => {
    store = await memoryStore()
    // Snapshot 1: 40 Champions (Loyal, 3 orders, 100 each, CLV 50), 40 Lost (Churned, 1 order, 10), 20 prospects.
    await snapshot(store.conn, '1', '2024-01-01', [
      ...many(40, 'c', 'Champions', 'Loyal', 100, 3, 50),
      ...many(40, 'l', 'Lost', 'Churned', 10, 1, null),
      ...Array.from({ length: 20 }, (_, i): Row => [`p${i}`, null, 'Prospect', null, 0, null, null]),
    ])
    // Snapshot 2: Champions shrink to 30 (−25%) with revenue 30·120 = 3600 (−10%); Lost grow to 44 (+10%).
    await snapshot(store.conn, '2', '2024-02-01', [
      ...many(30, 'c', 'Champions', 'Loyal', 120, 3, 70),
      ...many(44, 'l', 'Lost', 'Churned', 10, 1, null),
    ])
    await orders(store.conn, [
      ['o1', 'c1', '2024-01-15 10:00:00', 70, 'paid'],
      ['o2', 'c2', '2024-01-20 10:00:00', -20, 'refunded'],
      ['o3', 'c3', '2024-02-01 00:00:00', 999, 'paid'],
    ])
  })
  afterAll(() => store.close())

  it('computes the KPIs of each snapshot by hand', async () => {
    const k = await kpiSeries(store.conn)
    expect(k).toEqual([
      {
        snapshotId: '1',
        asOf: '2024-01-01',
        customers: 100,
        buyers: 80,
        repeatRate: 0.5,
        active: 40,
        churned: 40,
        atRisk: 0,
        avgClv: 50,
        monetaryTotal: 4400,
        periodRevenue: null,
      },
      {
        snapshotId: '2',
        asOf: '2024-02-01',
        customers: 74,
        buyers: 74,
        repeatRate: 30 / 74,
        active: 30,
        churned: 44,
        atRisk: 0,
        avgClv: 70,
        monetaryTotal: 4040,
        periodRevenue: 50,
      },
    ])
  })

  it('alerts on moves beyond the threshold once, and hands undelivered ones to webhooks', async () => {
    const fresh = await checkDrift(store.conn, {
      threshold: 0.2,
      minCustomers: 30,
      dimensions: ['rfm_segment'],
      now: '2024-02-02 08:00:00',
    })
    // Champions: size 40 → 30 (−25%) alerts; revenue 4000 → 3600 (−10%) does not. Lost +10%: no alert.
    // Unscored: 20 → 0, but both below 30 customers: ignored.
    expect(fresh.map((a) => [a.group, a.metric, a.valueFrom, a.valueTo, a.change])).toEqual([
      ['Champions', 'customers', 40, 30, -0.25],
    ])
    expect(
      await checkDrift(store.conn, {
        threshold: 0.2,
        minCustomers: 30,
        dimensions: ['rfm_segment'],
        now: 'x',
      }),
    ).toEqual([])
    const lower = await checkDrift(store.conn, {
      threshold: 0.05,
      minCustomers: 30,
      dimensions: ['rfm_segment'],
      now: '2024-02-02 09:00:00',
    })
    expect(lower.map((a) => `${a.group}:${a.metric}`).sort()).toEqual([
      'Champions:revenue',
      'Lost:customers',
      'Lost:revenue',
    ])
    expect(await listAlerts(store.conn)).toHaveLength(4)
    const pending = await pendingAlerts(store.conn)
    expect(pending).toHaveLength(4)
    await markAlertsDelivered(store.conn, [pending[0]!.alertId], '2024-02-02 10:00:00')
    expect(await pendingAlerts(store.conn)).toHaveLength(3)
  })
})
