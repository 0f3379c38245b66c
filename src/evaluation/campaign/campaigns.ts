import { addDaysIso, findSnapshot, IS_PURCHASE, isIsoDate } from '../../analytics/index.js'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import { UNSCORED } from '../group-order.js'
import { holdoutForMde, mdeProportion, type PowerSettings } from '../stats/index.js'
import '../evaluation-tables.js'
import { type Candidate, drawHoldout, type HoldoutSize, holdoutTotal } from './holdout.js'
import { type CampaignTarget, type TargetKind, targetQuery } from './target.js'

export interface CampaignInput {
  readonly name: string
  readonly target: CampaignTarget
  /** Snapshot whose RFM segments stratify the draw (and whose groups a snapshot target reads); default latest. */
  readonly snapshot?: string
  readonly holdout: HoldoutSize
  readonly seed: number
  /** First and last day of the campaign window, `YYYY-MM-DD` (both included). */
  readonly start: string
  readonly end: string
}

/** What the user sees before committing: sizes and the smallest conversion lift the test could detect. */
export interface CampaignPlan {
  readonly snapshotId: string
  readonly audience: number
  /** Audience with marketing consent: only they are contacted and measured. */
  readonly consented: number
  readonly holdout: number
  readonly treatment: number
  /**
   * Expected conversion without the campaign: the chance of a purchase in a window of this length at the
   * audience's purchase rate over the year before the snapshot (at least 1%).
   */
  readonly baselineRate: number
  /** Absolute conversion lift detectable at α 0.05 with 80% power, for this split. */
  readonly mde: number
  /** Holdout sizes that would reach some MDE targets (null: not reachable even with a 50/50 split). */
  readonly options: readonly { readonly mde: number; readonly holdout: number | null }[]
}

export interface Campaign extends CampaignInput {
  readonly campaignId: string
  readonly snapshotId: string
  readonly createdAt: string
  readonly plan: CampaignPlan
}

/** The smallest baseline conversion the MDE is computed with. */
const MIN_BASELINE = 0.01

function checkDates(start: string, end: string): void {
  for (const [field, value] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!isIsoDate(value)) throw new StrataError({ code: 'analytics.bad_date', params: { field, value } })
  }
  if (end < start) throw new StrataError({ code: 'evaluation.campaign.bad_window', params: { start, end } })
}

function windowDays(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1
}

async function candidates(conn: Connection, target: CampaignTarget, snapshotId: string) {
  const members = await targetQuery(conn, target, snapshotId)
  return conn.all<{ customer_id: string; stratum: string; consent: boolean }>(sql`
    SELECT t.customer_id AS customer_id, coalesce(s.rfm_segment, ${UNSCORED}) AS stratum,
      coalesce(c.consent_marketing, FALSE) AS consent
    FROM (${members}) t
    LEFT JOIN customer_scores s ON s.snapshot_id = ${snapshotId} AND s.customer_id = t.customer_id
    LEFT JOIN customers c ON c.customer_id = t.customer_id
    ORDER BY t.customer_id`)
}

/**
 * Sizes, baseline and MDE for a campaign before it is created. The baseline is the conversion the
 * audience showed in the same number of days just before the snapshot's as-of date — the best guess of
 * the holdout's rate.
 */
export async function planCampaign(
  conn: Connection,
  input: CampaignInput,
  power: PowerSettings = {},
): Promise<CampaignPlan> {
  checkDates(input.start, input.end)
  const snap = await findSnapshot(conn, input.snapshot)
  const rows = await candidates(conn, input.target, snap.snapshotId)
  const consentedRows = rows.filter((r) => r.consent)
  const consented = consentedRows.length
  const held = drawHoldout(
    rows.map((r) => ({ customerId: r.customer_id, stratum: r.stratum })),
    input.holdout,
    input.seed,
  )
  const holdout = consentedRows.filter((r) => held.has(r.customer_id)).length
  const d = conn.dialect
  const from = addDaysIso(snap.asOf, -365)
  const members = await targetQuery(conn, input.target, snap.snapshotId)
  const base = await conn.one<{ orders: number }>(sql`
    SELECT count(*) AS orders FROM orders o
    JOIN (${members}) t ON t.customer_id = o.customer_id
    JOIN customers c ON c.customer_id = o.customer_id AND c.consent_marketing
    WHERE ${IS_PURCHASE} AND o.ordered_at >= ${d.timestampLiteral(`${from} 00:00:00`)}
      AND o.ordered_at < ${d.timestampLiteral(`${snap.asOf} 00:00:00`)}`)
  // Purchases per customer-day over the past year, turned into the chance of at least one purchase in a
  // window of this length (Poisson): a segment defined by not buying lately (At Risk) would otherwise
  // show a baseline of 0. Floored at 1% so the MDE stays meaningful for a dormant audience.
  const rate = consented > 0 ? Number(base?.orders ?? 0) / (consented * 365) : 0
  const baselineRate = Math.max(MIN_BASELINE, 1 - Math.exp(-rate * windowDays(input.start, input.end)))
  return {
    snapshotId: snap.snapshotId,
    audience: rows.length,
    consented,
    holdout,
    treatment: consented - holdout,
    baselineRate,
    mde: mdeProportion(baselineRate, consented - holdout, holdout, power),
    options: [0.01, 0.02, 0.05, 0.1].map((mde) => ({
      mde,
      holdout: holdoutForMde(baselineRate, consented, mde, power),
    })),
  }
}

async function nextId(conn: Connection): Promise<string> {
  const row = await conn.one<{ n: number }>(
    sql`SELECT coalesce(max(CAST(campaign_id AS INTEGER)), 0) + 1 AS n FROM campaigns`,
  )
  return String(row?.n ?? 1)
}

/**
 * Creates a campaign and draws its holdout (seeded, stratified by RFM segment), storing every audience
 * member's arm in one transaction.
 *
 * @example
 * await createCampaign(conn, { name: 'win-back', target: { kind: 'rfm_segment', value: 'At Risk' },
 *   holdout: { kind: 'percent', value: 10 }, seed: 7, start: '2024-07-01', end: '2024-07-31' }, now)
 */
export async function createCampaign(conn: Connection, input: CampaignInput, now: string): Promise<Campaign> {
  const plan = await planCampaign(conn, input)
  if (plan.audience === 0) {
    throw new StrataError(
      { code: 'evaluation.campaign.empty_audience', params: { target: input.target.value } },
      EXIT.DATA,
    )
  }
  const duplicate = await conn.one(sql`SELECT 1 AS x FROM campaigns WHERE name = ${input.name}`)
  if (duplicate)
    throw new StrataError({ code: 'evaluation.campaign.duplicate', params: { name: input.name } })
  const rows = await candidates(conn, input.target, plan.snapshotId)
  const list: Candidate[] = rows.map((r) => ({ customerId: r.customer_id, stratum: r.stratum }))
  const held = drawHoldout(list, input.holdout, input.seed)
  const id = await nextId(conn)
  await conn.transaction(async () => {
    await conn.run(sql`INSERT INTO campaigns (campaign_id, name, target_kind, target_value, snapshot_id,
        holdout_kind, holdout_value, seed, start_date, end_date, baseline_rate, plan, created_at)
      VALUES (${id}, ${input.name}, ${input.target.kind}, ${input.target.value}, ${plan.snapshotId},
        ${input.holdout.kind}, ${input.holdout.value}, ${input.seed}, ${conn.dialect.dateLiteral(input.start)},
        ${conn.dialect.dateLiteral(input.end)}, ${plan.baselineRate}, ${JSON.stringify(plan)},
        ${conn.dialect.timestampLiteral(now)})`)
    await conn.append(
      'campaign_assignments',
      ['campaign_id', 'customer_id', 'stratum', 'arm', 'consent'],
      rows.map((r) => [
        id,
        r.customer_id,
        r.stratum,
        held.has(r.customer_id) ? 'holdout' : 'treatment',
        r.consent,
      ]),
    )
  })
  return { ...input, campaignId: id, snapshotId: plan.snapshotId, createdAt: now, plan }
}

/** A stored campaign by id or name (a missing one is a not-found error). */
export async function getCampaign(conn: Connection, ref: string): Promise<Campaign> {
  const d = conn.dialect
  const row = await conn.one<Record<string, unknown>>(sql`
    SELECT campaign_id, name, target_kind, target_value, snapshot_id, holdout_kind, holdout_value,
      CAST(seed AS DOUBLE) AS seed, ${d.formatDate(sql`start_date`)} AS start_date,
      ${d.formatDate(sql`end_date`)} AS end_date, plan, CAST(created_at AS VARCHAR) AS created_at
    FROM campaigns WHERE campaign_id = ${ref} OR name = ${ref}
    ORDER BY CASE WHEN campaign_id = ${ref} THEN 0 ELSE 1 END LIMIT 1`)
  if (!row)
    throw new StrataError(
      { code: 'evaluation.campaign.not_found', params: { campaign: ref } },
      EXIT.NOT_FOUND,
    )
  return {
    campaignId: String(row['campaign_id']),
    name: String(row['name']),
    target: { kind: row['target_kind'] as TargetKind, value: String(row['target_value']) },
    snapshot: String(row['snapshot_id']),
    snapshotId: String(row['snapshot_id']),
    holdout: { kind: row['holdout_kind'] as 'percent' | 'count', value: Number(row['holdout_value']) },
    seed: Number(row['seed']),
    start: String(row['start_date']),
    end: String(row['end_date']),
    createdAt: String(row['created_at']),
    plan: JSON.parse(String(row['plan'])) as CampaignPlan,
  }
}

/** Every campaign, newest first. */
export async function listCampaigns(conn: Connection): Promise<Campaign[]> {
  const ids = await conn.all<{ campaign_id: string }>(
    sql`SELECT campaign_id FROM campaigns ORDER BY CAST(campaign_id AS INTEGER) DESC`,
  )
  const out: Campaign[] = []
  for (const r of ids) out.push(await getCampaign(conn, r.campaign_id))
  return out
}

export { holdoutTotal }
