import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import { generateDemo } from '../../src/demo/index.js'
import { predictStep } from '../../src/models/index.js'
import {
  type CompileDefinition,
  cityTier,
  defineBuyerPersona,
  deleteBuyerPersona,
  listBuyerPersonas,
  personaCard,
  refreshTags,
} from '../../src/personas/index.js'
import { couponWord } from '../../src/personas/persona-summary.js'
import { type Fragment, sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'

const NOW = '2026-07-01 08:00:00'

/** A tiny stand-in for the segment language: `gender = 'F'` style equality on a score column only. */
const equality: CompileDefinition = (text) => {
  const m = /^(\w+) = '([^']*)'$/.exec(text.trim())
  if (!m) return { ok: false, diagnostics: [{ code: 'personas.language_unavailable', params: { text } }] }
  const column = m[1]!
  if (!['gender', 'city', 'rfm_segment', 'lifecycle'].includes(column))
    return { ok: false, diagnostics: [{ code: 'personas.language_unavailable', params: { text } }] }
  const query: Fragment =
    column === 'gender'
      ? sql`SELECT customer_id FROM customer_scores WHERE snapshot_id = '1' AND gender = ${m[2]!}`
      : sql`SELECT customer_id FROM customer_scores WHERE snapshot_id = '1' AND rfm_segment = ${m[2]!}`
  return { ok: true, value: { canonical: `${column} = '${m[2]}'`, query } }
}

describe('persona cards', () => {
  let store: Store
  const one = async (q: Fragment) => Number(Object.values((await store.conn.one(q)) ?? {})[0] ?? 0)
  beforeAll(async () => {
    store = await openStore(':memory:')
    await generateDemo(store.conn, { customers: 1500, seed: 7, asOf: '2026-06-30' })
    await analyze(store.conn, { createdAt: NOW, predict: predictStep })
    await refreshTags(store.conn, { now: NOW })
  }, 60_000)
  afterAll(() => store.close())

  const members = sql`SELECT * FROM customer_scores WHERE snapshot_id = '1' AND rfm_segment = 'At Risk'`

  it('numbers of an RFM segment card equal direct SQL', async () => {
    const card = await personaCard(store.conn, { kind: 'rfm', value: 'at risk' })
    expect(card.group).toEqual({ kind: 'rfm', label: 'At Risk' })
    const size = await one(sql`SELECT count(*) FROM (${members}) AS m`)
    expect(card.size).toBe(size)
    expect(card.sizeShare).toBeCloseTo(size / (await one(sql`SELECT count(*) FROM customer_scores`)), 12)
    const revenue = await one(sql`SELECT sum(monetary) FROM (${members}) AS m`)
    expect(card.revenue).toBeCloseTo(revenue, 6)
    expect(card.revenueShare).toBeCloseTo(
      revenue / (await one(sql`SELECT sum(monetary) FROM customer_scores`)),
      12,
    )
    const women = await one(sql`SELECT count(*) FROM (${members}) AS m WHERE gender = 'F'`)
    expect(card.gender.find((g) => g.value === 'F')!.customers).toBe(women)
    const age2534 = await one(sql`SELECT count(*) FROM (${members}) AS m WHERE age BETWEEN 25 AND 34`)
    expect(card.age.find((a) => a.value === '25–34')!.customers).toBe(age2534)
    expect(card.age.map((a) => a.value)).toEqual([...card.age.map((a) => a.value)].sort())
    const purchases = await one(sql`SELECT sum(frequency) FROM (${members}) AS m`)
    const online = await one(sql`SELECT sum(online_share * frequency) FROM (${members}) AS m`)
    expect(card.channels.online).toBeCloseTo(online / purchases, 12)
    const discounted = await one(sql`SELECT sum(discount_share * frequency) FROM (${members}) AS m`)
    expect(card.priceSensitivity.discountedOrders).toBeCloseTo(discounted / purchases, 12)
    const value = await one(sql`SELECT sum(purchase_value) FROM (${members}) AS m`)
    expect(card.aov.overall).toBeCloseTo(value / purchases, 8)
    expect(card.intervalDays).toBeCloseTo(
      await one(sql`SELECT median(median_interval_days) FROM (${members}) AS m`),
      8,
    )
    const respondents = await one(sql`SELECT count(latest_nps) FROM (${members}) AS m`)
    const promoters = await one(sql`SELECT count(*) FROM (${members}) AS m WHERE latest_nps >= 9`)
    const detractors = await one(sql`SELECT count(*) FROM (${members}) AS m WHERE latest_nps <= 6`)
    expect(card.nps).toMatchObject({ respondents, promoters, detractors })
    expect(card.nps.score).toBe(Math.round((100 * (promoters - detractors)) / respondents))
    expect(card.clv.median).toBeCloseTo(await one(sql`SELECT median(clv_12m) FROM (${members}) AS m`), 6)
    expect(card.clv.predicted).toBeGreaterThan(0)
    const high = await one(sql`SELECT count(*) FROM (${members}) AS m WHERE churn_band = 'High'`)
    expect(card.churnRisk.find((b) => b.value === 'High')?.customers ?? 0).toBe(high)
    // city tiers: the demo states them; the card maps 一线 → tier1
    const tier1 = await one(sql`SELECT count(*) FROM (${members}) AS m WHERE city_tier = '一线'`)
    expect(card.cityTier.find((x) => x.value === 'tier1')!.customers).toBe(tier1)
  })

  it('top categories and brands are the item spend of the year before asOf', async () => {
    const card = await personaCard(store.conn, { kind: 'rfm', value: 'Champions' })
    const rows = await store.conn.all<{ category: string; spend: number }>(sql`
      SELECT it.category, sum(it.quantity * it.unit_price) AS spend
      FROM order_items AS it JOIN orders AS o ON o.source = it.source AND o.order_id = it.order_id
      WHERE o.customer_id IN (SELECT customer_id FROM customer_scores WHERE snapshot_id = '1' AND rfm_segment = 'Champions')
        AND o.amount > 0 AND coalesce(o.status, '') NOT IN ('cancelled', 'refunded')
        AND o.ordered_at >= TIMESTAMP '2025-06-30 00:00:00' AND o.ordered_at < TIMESTAMP '2026-06-30 00:00:00'
      GROUP BY 1 ORDER BY 2 DESC, 1`)
    const total = rows.reduce((s, r) => s + Number(r.spend), 0)
    expect(card.topCategories.map((c) => c.name)).toEqual(rows.slice(0, 5).map((r) => r.category))
    expect(card.topCategories[0]!.spend).toBeCloseTo(Number(rows[0]!.spend), 6)
    expect(card.topCategories[0]!.share).toBeCloseTo(Number(rows[0]!.spend) / total, 12)
    expect(card.topBrands).toHaveLength(5)
  })

  it('the summary is written from the numbers, in three languages', async () => {
    const card = await personaCard(store.conn, { kind: 'tag', value: 'new-parent' })
    // planted new parents are 25–38-year-old, mostly women, buying baby products
    expect(card.topCategories[0]!.name).toBe('母婴')
    expect(card.summary.en).toMatch(
      /^\d[\d,]* customers \(\d+% of all customers, \d+% of revenue\)\. Mostly /,
    )
    expect(card.summary.en).toContain('women')
    expect(card.summary.en).toMatch(/They buy 母婴 every \d+ (days|weeks)\./)
    expect(card.summary['zh-CN']).toContain('女性为主')
    expect(card.summary['zh-CN']).toContain('最常买母婴')
    expect(card.summary['zh-TW']).toContain('女性為主')
    const hunters = await personaCard(store.conn, { kind: 'tag', value: 'price-sensitive' })
    expect(hunters.summary.en).toContain('Almost all of their orders use a discount or coupon')
    expect(hunters.summary['zh-CN']).toContain('几乎所有订单使用折扣或优惠券')
    const community = await personaCard(store.conn, { kind: 'tag', value: 'community-regular' })
    expect(community.summary.en).toContain('They mostly buy through community group-buys')
  })

  it('coupon words follow the share', () => {
    expect([0.9, 0.7, 0.5, 0.2, 0.05].map(couponWord)).toEqual(['all', 'most', 'half', 'some', 'few'])
  })

  it('groups: lifecycle, tier, all, saved segments; unknown names are usage errors', async () => {
    const loyal = await personaCard(store.conn, { kind: 'lifecycle', value: 'loyal' })
    expect(loyal.size).toBe(await one(sql`SELECT count(*) FROM customer_scores WHERE lifecycle = 'Loyal'`))
    const high = await personaCard(store.conn, { kind: 'tier', value: 'high' })
    expect(high.size).toBe(await one(sql`SELECT count(*) FROM customer_scores WHERE value_tier = 'high'`))
    const all = await personaCard(store.conn, { kind: 'all' })
    expect(all.sizeShare).toBe(1)
    expect(all.revenueShare).toBeCloseTo(1, 12)
    await expect(personaCard(store.conn, { kind: 'rfm', value: 'Nope' })).rejects.toMatchObject({
      diagnostic: { code: 'personas.bad_group.rfm' },
    })
    await expect(personaCard(store.conn, { kind: 'segment', value: 'nope' })).rejects.toMatchObject({
      diagnostic: { code: 'personas.segment_not_found' },
    })
    // zh-CN segment names are accepted too
    expect((await personaCard(store.conn, { kind: 'rfm', value: '流失风险' })).group.label).toBe('At Risk')
  })

  it('buyer personas: defined by a definition, counted, shown, deleted', async () => {
    const p = await defineBuyerPersona(store.conn, {
      name: '都市妈妈',
      definition: "gender = 'F'",
      description: 'urban mothers',
      now: NOW,
      compile: equality,
    })
    const women = await one(sql`SELECT count(*) FROM customer_scores WHERE gender = 'F'`)
    expect(p.customers).toBe(women)
    expect(await listBuyerPersonas(store.conn, equality)).toEqual([
      { name: '都市妈妈', definition: "gender = 'F'", description: 'urban mothers', customers: women },
    ])
    const card = await personaCard(store.conn, { kind: 'persona', value: '都市妈妈' }, { compile: equality })
    expect(card.gender).toEqual([{ value: 'F', customers: women, share: 1 }])
    await expect(
      defineBuyerPersona(store.conn, { name: 'x', definition: 'bad', now: NOW, compile: equality }),
    ).rejects.toMatchObject({ diagnostic: { code: 'personas.language_unavailable' } })
    await deleteBuyerPersona(store.conn, '都市妈妈')
    expect(await listBuyerPersonas(store.conn, equality)).toEqual([])
    await expect(deleteBuyerPersona(store.conn, '都市妈妈')).rejects.toMatchObject({
      diagnostic: { code: 'personas.persona.not_found' },
    })
  })
})

describe('city tiers', () => {
  it('stated tier first, then the city map (simplified or traditional, with or without 市)', () => {
    expect(cityTier('新一线', '北京')).toBe('new_tier1')
    expect(cityTier(null, '北京')).toBe('tier1')
    expect(cityTier(null, '上海市')).toBe('tier1')
    expect(cityTier(null, '廣州')).toBe('tier1')
    expect(cityTier(null, '杭州')).toBe('new_tier1')
    expect(cityTier(null, '廈門')).toBe('tier2')
    expect(cityTier(null, '襄阳')).toBe('tier3_below')
    expect(cityTier('三线', null)).toBe('tier3_below')
    expect(cityTier(null, 'Springfield')).toBe('unknown')
    expect(cityTier(null, null)).toBe('unknown')
  })
})
