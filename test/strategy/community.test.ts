import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'
import '../../src/tables.js'
import { communityInvitations } from '../../src/strategy/index.js'
import { loadFixture } from '../analytics/fixture.js'

/**
 * 上海: m1 orders through CM1 three times in May (CM1 is active, its buyers live in 上海); m2's only community
 * order (CM2) is from 2025, so CM2 is inactive; m3 never ordered through a community; m5 has no consent.
 * 北京: b1 keeps CM3 active; m4's last CM3 order is old. As of 2026-06-01, 90 days, ≥ 2 orders = active.
 */
let store: Store
beforeAll(async () => {
  store = await openStore(':memory:')
  const person = (id: string, city: string) =>
    [id, null, null, city, null, null, null] as [string, null, null, string, null, null, null]
  await loadFixture(store.conn, {
    customers: [
      person('m1', '上海'),
      person('m2', '上海'),
      person('m3', '上海'),
      person('m4', '北京'),
      person('b1', '北京'),
      person('m5', '上海'),
    ],
    orders: [
      ['1', 'm1', '2026-05-01 10:00:00', 30, 'paid', 'community_group_buy', null, 'CM1'],
      ['2', 'm1', '2026-05-10 10:00:00', 30, 'paid', 'community_group_buy', null, 'CM1'],
      ['3', 'm1', '2026-05-20 10:00:00', 30, 'paid', 'community_group_buy', null, 'CM1'],
      ['4', 'm2', '2025-01-10 10:00:00', 30, 'paid', 'community_group_buy', null, 'CM2'],
      ['5', 'm3', '2026-05-05 10:00:00', 30, 'paid', 'app', null, null],
      ['6', 'm4', '2025-02-01 10:00:00', 30, 'paid', 'community_group_buy', null, 'CM3'],
      ['7', 'b1', '2026-05-01 10:00:00', 30, 'paid', 'community_group_buy', null, 'CM3'],
      ['8', 'b1', '2026-05-02 10:00:00', 30, 'paid', 'community_group_buy', null, 'CM3'],
      ['9', 'm5', '2026-05-05 10:00:00', 30, 'paid', 'app', null, null],
    ],
  })
  await store.conn.run(sql`UPDATE customers SET consent_marketing = customer_id <> 'm5'`)
  await analyze(store.conn, { asOf: '2026-06-01', createdAt: '2026-06-01 00:00:00' })
})
afterAll(() => store.close())

describe('community invitations (社群运营)', () => {
  it('invite to the home community while active, else the most active one of the city', async () => {
    const rows = await communityInvitations(store.conn, { minOrders: 2, activeDays: 90, limit: 10 })
    const total = new Map<string, number>()
    for (const r of rows)
      total.set(
        `${r.community}|${r.city}|${r.reason}`,
        (total.get(`${r.community}|${r.city}|${r.reason}`) ?? 0) + r.invitees,
      )
    // m2 (home CM2 gone quiet) and m3 (no community) → CM1 of 上海; m4 → home CM3; m1, b1 already active; m5 no consent.
    expect(Object.fromEntries(total)).toEqual({ 'CM1|上海|city': 2, 'CM3|北京|home': 1 })
  })

  it('a stricter activity threshold leaves a city without an active community', async () => {
    const rows = await communityInvitations(store.conn, { minOrders: 3, activeDays: 90, limit: 10 })
    // CM3 has only 2 recent orders: 北京 has no active community, so m4 is not invited anywhere.
    expect(rows.every((r) => r.community === 'CM1')).toBe(true)
    expect(rows.reduce((s, r) => s + r.invitees, 0)).toBe(2)
  })
})
