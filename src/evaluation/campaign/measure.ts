import { addDaysIso, IS_PURCHASE, NET_CONTRIBUTION } from '../../analytics/index.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import {
  type Comparison,
  mdeProportion,
  momentsFromSums,
  twoProportionTest,
  welchTest,
} from '../stats/index.js'
import { getCampaign } from './campaigns.js'

/** One arm's outcomes over the window. */
export interface ArmOutcome {
  readonly customers: number
  readonly conversions: number
  readonly conversionRate: number
  readonly revenuePerCustomer: number
  readonly ordersPerCustomer: number
}

/**
 * What a result lets the user say. `positive` / `negative`: significant at α. `no_effect`: not significant
 * and the interval rules out a lift as large as the MDE. `too_small`: the test cannot conclude — too few
 * conversions, or the interval holds both 0 and the MDE.
 */
export type Verdict = 'positive' | 'negative' | 'no_effect' | 'too_small'
export type TooSmallReason = 'few_conversions' | 'wide_interval' | null

export interface GroupResult {
  /** `overall` or an RFM segment (the stratum). */
  readonly group: string
  readonly treatment: ArmOutcome
  readonly holdout: ArmOutcome
  readonly conversion: Comparison
  readonly revenue: Comparison
  readonly orders: Comparison
  /** Conversion MDE for these group sizes, around the holdout's rate. */
  readonly mde: number
  readonly verdict: Verdict
  readonly reason: TooSmallReason
}

export interface CampaignResult {
  readonly campaignId: string
  readonly name: string
  readonly start: string
  readonly end: string
  /** Orders dated before this day count; earlier than the day after `end` means an interim look. */
  readonly asOf: string
  readonly interim: boolean
  /** Audience members left out of the comparison for lack of marketing consent. */
  readonly excludedNoConsent: number
  readonly overall: GroupResult
  readonly bySegment: readonly GroupResult[]
}

export interface MeasureOptions {
  readonly campaign: string
  /** Default: the day after the window's end. */
  readonly asOf?: string
  /** Fewer conversions than this in either arm ⇒ too small to conclude (default 10). */
  readonly minConversions?: number
  readonly alpha?: number
}

interface Sums {
  n: number
  conversions: number
  revenue: number
  revenue2: number
  orders: number
  orders2: number
}

function arm(s: Sums): ArmOutcome {
  return {
    customers: s.n,
    conversions: s.conversions,
    conversionRate: s.n ? s.conversions / s.n : Number.NaN,
    revenuePerCustomer: s.n ? s.revenue / s.n : Number.NaN,
    ordersPerCustomer: s.n ? s.orders / s.n : Number.NaN,
  }
}

/** The verdict rule, kept apart so it can be read and tested on its own. */
export function verdictOf(
  conversion: Comparison,
  mde: number,
  conversions: { treatment: number; holdout: number },
  minConversions: number,
  alpha: number,
): { verdict: Verdict; reason: TooSmallReason } {
  if (
    conversions.treatment < minConversions ||
    conversions.holdout < minConversions ||
    Number.isNaN(conversion.pValue)
  )
    return { verdict: 'too_small', reason: 'few_conversions' }
  if (conversion.pValue < alpha)
    return { verdict: conversion.difference > 0 ? 'positive' : 'negative', reason: null }
  if (conversion.ciHigh >= mde) return { verdict: 'too_small', reason: 'wide_interval' }
  return { verdict: 'no_effect', reason: null }
}

function compare(group: string, t: Sums, h: Sums, minConversions: number, alpha: number): GroupResult {
  const confidence = 1 - alpha
  const conversion = twoProportionTest(t.conversions, t.n, h.conversions, h.n, confidence)
  const revenue = welchTest(
    momentsFromSums(t.n, t.revenue, t.revenue2),
    momentsFromSums(h.n, h.revenue, h.revenue2),
    confidence,
  )
  const orders = welchTest(
    momentsFromSums(t.n, t.orders, t.orders2),
    momentsFromSums(h.n, h.orders, h.orders2),
    confidence,
  )
  const mde = mdeProportion(h.n ? h.conversions / h.n : 0, t.n, h.n, { alpha })
  const v = verdictOf(
    conversion,
    mde,
    { treatment: t.conversions, holdout: h.conversions },
    minConversions,
    alpha,
  )
  return { group, treatment: arm(t), holdout: arm(h), conversion, revenue, orders, mde, ...v }
}

const empty = (): Sums => ({ n: 0, conversions: 0, revenue: 0, revenue2: 0, orders: 0, orders2: 0 })
function add(a: Sums, b: Sums): void {
  for (const k of Object.keys(a) as (keyof Sums)[]) a[k] += b[k]
}

/**
 * Measures a campaign over its window: conversion (a purchase in the window), net revenue and purchase
 * orders per customer in each arm, and treatment − holdout with confidence intervals and p-values,
 * overall and per RFM segment. Only consented customers are compared (the ones the treatment could
 * reach; consent was fixed before the random draw, so both arms stay comparable). Per-customer sums are
 * SQL; the statistics run on the handful of aggregates.
 */
export async function measureCampaign(conn: Connection, options: MeasureOptions): Promise<CampaignResult> {
  const d = conn.dialect
  const c = await getCampaign(conn, options.campaign)
  const dayAfter = addDaysIso(c.end, 1)
  const asOf = options.asOf && options.asOf < dayAfter ? options.asOf : dayAfter
  const rows = await conn.all<{ stratum: string; arm: string } & Record<keyof Sums, number>>(sql`
    WITH a AS (
      SELECT customer_id, stratum, arm FROM campaign_assignments WHERE campaign_id = ${c.campaignId} AND consent
    ),
    o AS (
      SELECT o.customer_id, ${d.countIf(IS_PURCHASE)} AS orders, ${d.toDouble(sql`sum(${NET_CONTRIBUTION})`)} AS revenue
      FROM orders o JOIN a ON a.customer_id = o.customer_id
      WHERE o.ordered_at >= ${d.timestampLiteral(`${c.start} 00:00:00`)}
        AND o.ordered_at < ${d.timestampLiteral(`${asOf} 00:00:00`)}
      GROUP BY o.customer_id
    )
    SELECT a.stratum, a.arm, count(*) AS n, ${d.countIf(sql`coalesce(o.orders, 0) > 0`)} AS conversions,
      ${d.toDouble(sql`coalesce(sum(o.revenue), 0)`)} AS revenue,
      ${d.toDouble(sql`coalesce(sum(o.revenue * o.revenue), 0)`)} AS revenue2,
      ${d.toDouble(sql`coalesce(sum(o.orders), 0)`)} AS orders,
      ${d.toDouble(sql`coalesce(sum(o.orders * o.orders), 0)`)} AS orders2
    FROM a LEFT JOIN o ON o.customer_id = a.customer_id
    GROUP BY a.stratum, a.arm ORDER BY a.stratum, a.arm`)
  const excluded = await conn.one<{ n: number }>(
    sql`SELECT count(*) AS n FROM campaign_assignments WHERE campaign_id = ${c.campaignId} AND NOT consent`,
  )
  const minConversions = options.minConversions ?? 10
  const alpha = options.alpha ?? 0.05
  const strata = new Map<string, { treatment: Sums; holdout: Sums }>()
  const total = { treatment: empty(), holdout: empty() }
  for (const r of rows) {
    const s: Sums = {
      n: Number(r.n),
      conversions: Number(r.conversions),
      revenue: Number(r.revenue),
      revenue2: Number(r.revenue2),
      orders: Number(r.orders),
      orders2: Number(r.orders2),
    }
    const entry = strata.get(r.stratum) ?? { treatment: empty(), holdout: empty() }
    const side = r.arm === 'holdout' ? 'holdout' : 'treatment'
    add(entry[side], s)
    add(total[side], s)
    strata.set(r.stratum, entry)
  }
  return {
    campaignId: c.campaignId,
    name: c.name,
    start: c.start,
    end: c.end,
    asOf,
    interim: asOf < dayAfter,
    excludedNoConsent: Number(excluded?.n ?? 0),
    overall: compare('overall', total.treatment, total.holdout, minConversions, alpha),
    bySegment: [...strata].map(([k, v]) => compare(k, v.treatment, v.holdout, minConversions, alpha)),
  }
}

/** Keeps a measurement (reports show the latest one per campaign). */
export async function saveCampaignResult(
  conn: Connection,
  result: CampaignResult,
  now: string,
): Promise<void> {
  // NaN / Infinity are not JSON: store them as null.
  const json = JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))
  await conn.run(sql`INSERT INTO campaign_results (campaign_id, measured_at, as_of, result)
    VALUES (${result.campaignId}, ${conn.dialect.timestampLiteral(now)}, ${conn.dialect.dateLiteral(result.asOf)}, ${json})`)
}

/** The latest stored measurement of each campaign whose window ended before `asOf`. */
export async function latestCampaignResults(conn: Connection, asOf: string): Promise<CampaignResult[]> {
  const rows = await conn.all<{ result: string }>(sql`
    SELECT r.result FROM campaign_results r
    WHERE r.as_of <= ${conn.dialect.dateLiteral(asOf)} AND r.measured_at = (
      SELECT max(x.measured_at) FROM campaign_results x
      WHERE x.campaign_id = r.campaign_id AND x.as_of <= ${conn.dialect.dateLiteral(asOf)})
    ORDER BY CAST(r.campaign_id AS INTEGER)`)
  return rows.map((r) => JSON.parse(String(r.result)) as CampaignResult)
}
