import { addDaysIso } from '../analytics/analysis-window.js'
import { IS_PURCHASE, inWindow } from '../analytics/purchase-rules.js'
import { findSnapshot, type SnapshotInfo } from '../analytics/snapshot-lookup.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, ident, raw, sql } from '../sql/fragment.js'
import { type CityTier, cityTier } from './city-tiers.js'
import type { CompileDefinition } from './definition-compiler.js'
import { type GroupRef, resolveGroup } from './group-ref.js'
import { personaSummary } from './persona-summary.js'
import type { Localized } from './tag-text.js'

/** One value of a distribution: how many members have it and their share of the members counted. */
export interface Share<T extends string = string> {
  readonly value: T
  readonly customers: number
  readonly share: number
}

export interface Ranked {
  readonly name: string
  readonly spend: number
  readonly share: number
}

export interface PersonaCard {
  readonly snapshotId: string
  readonly asOf: string
  readonly group: { readonly kind: GroupRef['kind']; readonly label: string }
  /** Members known to the snapshot, and their share of the snapshot's customers. */
  readonly size: number
  readonly sizeShare: number
  /** Members with at least one purchase. */
  readonly buyers: number
  /** Σ net spend of the members, and its share of the snapshot's total net spend. */
  readonly revenue: number
  readonly revenueShare: number
  readonly age: readonly Share[]
  readonly gender: readonly Share[]
  readonly cityTier: readonly Share<CityTier>[]
  readonly region: readonly Share[]
  /** By item spend over the year before asOf; share = of the members' item spend. */
  readonly topCategories: readonly Ranked[]
  readonly topBrands: readonly Ranked[]
  /** Share of the members' purchases per channel group (order-weighted). */
  readonly channels: { readonly online: number; readonly store: number; readonly community: number }
  /** Share of the members' purchases that used a discount (order-weighted), and of members tagged price-sensitive. */
  readonly priceSensitivity: { readonly discountedOrders: number; readonly taggedShare: number }
  /** Σ purchase value / Σ purchases, and the median of the members' own AOVs. */
  readonly aov: { readonly overall: number | null; readonly median: number | null }
  /** Median of the members' median days between purchases (repeat buyers only). */
  readonly intervalDays: number | null
  readonly nps: {
    readonly respondents: number
    readonly promoters: number
    readonly passives: number
    readonly detractors: number
    /** % promoters − % detractors, or null without respondents. */
    readonly score: number | null
  }
  readonly clv: {
    readonly predicted: number
    readonly mean: number | null
    readonly p25: number | null
    readonly median: number | null
    readonly p75: number | null
  }
  readonly churnRisk: readonly Share[]
  readonly summary: Localized
}

export const AGE_BANDS = ['<18', '18–24', '25–34', '35–44', '45–54', '55–64', '65+'] as const

function ageBand(age: Fragment): Fragment {
  return sql`CASE WHEN ${age} IS NULL THEN NULL WHEN ${age} < 18 THEN '<18' WHEN ${age} < 25 THEN '18–24'
    WHEN ${age} < 35 THEN '25–34' WHEN ${age} < 45 THEN '35–44' WHEN ${age} < 55 THEN '45–54'
    WHEN ${age} < 65 THEN '55–64' ELSE '65+' END`
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v))
const orNull = (v: unknown) => (v === null || v === undefined ? null : Number(v))
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0)

function shares<T extends string>(rows: readonly { value: T; customers: number }[]): Share<T>[] {
  const total = rows.reduce((s, r) => s + r.customers, 0)
  return [...rows]
    .sort((a, b) => b.customers - a.customers || String(a.value).localeCompare(String(b.value)))
    .map((r) => ({ value: r.value, customers: r.customers, share: ratio(r.customers, total) }))
}

export interface PersonaCardOptions {
  readonly snapshot?: string
  readonly compile?: CompileDefinition
  /** Top categories and brands listed (default 5). */
  readonly top?: number
}

/**
 * A persona card: who the group's customers are, what they buy, how they buy and what they are worth,
 * with a written summary, all computed in SQL over the snapshot's `customer_scores` (and the items of
 * the year before asOf for categories and brands).
 *
 * @example
 * const card = await personaCard(conn, { kind: 'rfm', value: 'At Risk' })
 */
export async function personaCard(
  conn: Connection,
  ref: GroupRef,
  options: PersonaCardOptions = {},
): Promise<PersonaCard> {
  const snap = await findSnapshot(conn, options.snapshot)
  const group = await resolveGroup(conn, ref, snap, options.compile)
  const d = conn.dialect
  // The members' score rows, once: a dozen statements read them (re-running the group's query and the
  // semi-join each time made a card on a million customers three times slower).
  await conn.run(sql`${d.replaceTempTable(MEMBERS)} AS SELECT s.* FROM customer_scores AS s
    WHERE s.snapshot_id = ${snap.snapshotId} AND s.customer_id IN (SELECT g.customer_id FROM (${group.query}) AS g)`)
  try {
    return await cardOf(conn, snap, ref, group.label, options)
  } finally {
    await conn.run(sql`DROP TABLE IF EXISTS ${ident(MEMBERS)}`)
  }
}

const MEMBERS = 'strata_persona_members'

async function cardOf(
  conn: Connection,
  snap: SnapshotInfo,
  ref: GroupRef,
  label: string,
  options: PersonaCardOptions,
): Promise<PersonaCard> {
  const d = conn.dialect
  const members = sql`${ident(MEMBERS)}`
  const main = await conn.one<Record<string, unknown>>(sql`
    SELECT count(*) AS size, ${d.countIf(sql`m.frequency > 0`)} AS buyers,
      sum(m.monetary) AS revenue, sum(m.frequency) AS purchases, sum(m.purchase_value) AS purchase_value,
      sum(m.online_share * m.frequency) AS online, sum(m.store_share * m.frequency) AS in_store,
      sum(m.community_share * m.frequency) AS community, sum(m.discount_share * m.frequency) AS discounted,
      ${d.median(sql`m.aov`)} AS aov_median, ${d.median(sql`m.median_interval_days`)} AS interval_days,
      ${d.countIf(sql`m.latest_nps IS NOT NULL`)} AS respondents,
      ${d.countIf(sql`m.latest_nps >= 9`)} AS promoters, ${d.countIf(sql`m.latest_nps BETWEEN 7 AND 8`)} AS passives,
      ${d.countIf(sql`m.latest_nps <= 6`)} AS detractors,
      ${d.countIf(sql`m.clv_12m IS NOT NULL`)} AS predicted, avg(m.clv_12m) AS clv_mean,
      ${d.quantileCont(sql`m.clv_12m`, 0.25)} AS clv_p25, ${d.median(sql`m.clv_12m`)} AS clv_median,
      ${d.quantileCont(sql`m.clv_12m`, 0.75)} AS clv_p75
    FROM ${members} AS m`)
  const totals = await conn.one<Record<string, unknown>>(sql`
    SELECT count(*) AS customers, sum(monetary) AS revenue FROM customer_scores WHERE snapshot_id = ${snap.snapshotId}`)
  const dist = async (expr: Fragment) =>
    (
      await conn.all<{ value: string | null; customers: number }>(sql`
      SELECT ${expr} AS value, count(*) AS customers FROM ${members} AS m GROUP BY ${expr}`)
    )
      .filter((r) => r.value !== null && r.value !== '')
      .map((r) => ({ value: String(r.value), customers: Number(r.customers) }))
  const age = await dist(ageBand(sql`m.age`))
  const gender = await dist(sql`m.gender`)
  const region = await dist(sql`m.region`)
  const cities = await conn.all<{ city: string | null; tier: string | null; customers: number }>(sql`
    SELECT m.city, m.city_tier AS tier, count(*) AS customers FROM ${members} AS m GROUP BY m.city, m.city_tier`)
  const tiers = new Map<CityTier, number>()
  for (const c of cities) {
    const tier = cityTier(c.tier, c.city)
    if (tier !== 'unknown') tiers.set(tier, (tiers.get(tier) ?? 0) + Number(c.customers))
  }
  const churn = await dist(sql`m.churn_band`)
  const tagged = await conn.one<{ n: number }>(sql`
    SELECT count(DISTINCT t.customer_id) AS n FROM customer_tags AS t
    WHERE t.tag = 'price-sensitive' AND t.customer_id IN (SELECT m.customer_id FROM ${members} AS m)`)
  const top = options.top ?? 5
  const ids = sql`SELECT customer_id FROM ${members}`
  const topCategories = await topItems(conn, snap, ids, 'category', top)
  const topBrands = await topItems(conn, snap, ids, 'brand', top)

  const purchases = n(main?.['purchases'])
  const size = n(main?.['size'])
  const respondents = n(main?.['respondents'])
  const card: Omit<PersonaCard, 'summary'> = {
    snapshotId: snap.snapshotId,
    asOf: snap.asOf,
    group: { kind: ref.kind, label },
    size,
    sizeShare: ratio(size, n(totals?.['customers'])),
    buyers: n(main?.['buyers']),
    revenue: n(main?.['revenue']),
    revenueShare: ratio(n(main?.['revenue']), n(totals?.['revenue'])),
    age: shares(age).sort(
      (a, b) => AGE_BANDS.indexOf(a.value as never) - AGE_BANDS.indexOf(b.value as never),
    ),
    gender: shares(gender),
    cityTier: shares([...tiers].map(([value, customers]) => ({ value, customers }))),
    region: shares(region),
    topCategories,
    topBrands,
    channels: {
      online: ratio(n(main?.['online']), purchases),
      store: ratio(n(main?.['in_store']), purchases),
      community: ratio(n(main?.['community']), purchases),
    },
    priceSensitivity: {
      discountedOrders: ratio(n(main?.['discounted']), purchases),
      taggedShare: ratio(n(tagged?.n), size),
    },
    aov: {
      overall: purchases > 0 ? n(main?.['purchase_value']) / purchases : null,
      median: orNull(main?.['aov_median']),
    },
    intervalDays: orNull(main?.['interval_days']),
    nps: {
      respondents,
      promoters: n(main?.['promoters']),
      passives: n(main?.['passives']),
      detractors: n(main?.['detractors']),
      score:
        respondents > 0
          ? Math.round((100 * (n(main?.['promoters']) - n(main?.['detractors']))) / respondents)
          : null,
    },
    clv: {
      predicted: n(main?.['predicted']),
      mean: orNull(main?.['clv_mean']),
      p25: orNull(main?.['clv_p25']),
      median: orNull(main?.['clv_median']),
      p75: orNull(main?.['clv_p75']),
    },
    churnRisk: shares(churn),
  }
  return { ...card, summary: personaSummary(card) }
}

/** Categories or brands by the members' item spend on purchases in the year before asOf. */
async function topItems(
  conn: Connection,
  snap: SnapshotInfo,
  group: Fragment,
  column: 'category' | 'brand',
  limit: number,
): Promise<Ranked[]> {
  const d = conn.dialect
  const col = raw(`it.${column}`)
  const rows = await conn.all<{ name: string; spend: number; total: number }>(sql`
    SELECT name, spend, sum(spend) OVER () AS total FROM (
      SELECT ${col} AS name, sum(coalesce(it.quantity, 1) * coalesce(it.unit_price, 0)) AS spend
      FROM order_items AS it JOIN orders AS o ON o.source = it.source AND o.order_id = it.order_id
      WHERE o.customer_id IN (SELECT g.customer_id FROM (${group}) AS g)
        AND ${inWindow(d, snap.asOf, addDaysIso(snap.asOf, -365))} AND ${IS_PURCHASE}
        AND ${col} IS NOT NULL AND ${col} <> ''
      GROUP BY ${col}
    ) AS per_name
    ORDER BY spend DESC, name LIMIT ${limit}`)
  return rows.map((r) => ({
    name: r.name,
    spend: Number(r.spend),
    share: ratio(Number(r.spend), Number(r.total)),
  }))
}
