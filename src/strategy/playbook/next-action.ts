import { findSnapshot } from '../../analytics/snapshot-lookup.js'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import type { Lang } from '../../i18n/locale.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import { INDUSTRY_PRESETS, type Industry, type ValueMeasure } from './industry-presets.js'
import { getPlaybook, type Playbook } from './playbook-store.js'
import type { PlaybookId } from './playbook-types.js'
import { presetValueTiers } from './value-measure.js'

/** RFM segments worth a personal rescue even once the lifecycle says the customer is overdue or gone. */
const HIGH_VALUE_RESCUE = new Set(['At Risk', 'Cannot Lose Them'])

/** Why a playbook was chosen for a customer (a message key suffix, `strategy.why.<rule>`). */
export type ChoiceRule = 'prospect' | 'overdue' | 'overdue_high_value' | 'worth'

/**
 * Which playbook should act on a customer now:
 * - a Prospect (no purchase) gets the Prospect playbook;
 * - an At-risk or Churned customer gets their lifecycle playbook (timing first) — unless their RFM segment
 *   is At Risk or Cannot Lose Them, whose playbooks are the personal, value-sized rescue;
 * - everyone else gets their RFM segment's playbook (worth decides the offer).
 */
export function choosePlaybook(
  rfmSegment: string | null,
  lifecycle: string,
): { id: PlaybookId; rule: ChoiceRule } {
  if (lifecycle === 'Prospect' || rfmSegment === null) return { id: 'lifecycle:Prospect', rule: 'prospect' }
  if (lifecycle === 'At-risk' || lifecycle === 'Churned') {
    if (HIGH_VALUE_RESCUE.has(rfmSegment)) return { id: `rfm:${rfmSegment}`, rule: 'overdue_high_value' }
    return { id: `lifecycle:${lifecycle}`, rule: 'overdue' }
  }
  return { id: `rfm:${rfmSegment}`, rule: 'worth' }
}

export interface NextAction {
  readonly customerId: string
  readonly snapshotId: string
  readonly asOf: string
  readonly rfmSegment: string | null
  readonly lifecycle: string
  readonly rule: ChoiceRule
  readonly playbook: Playbook
  /** The first action of the playbook: what to do next. */
  readonly nextAction: string
  /** False: marketing messages are not allowed (service messages only, never in an audience export). */
  readonly marketingConsent: boolean
  readonly valueMeasure: ValueMeasure
  readonly value: number | null
  readonly valueTier: string | null
  readonly topCategory: string | null
  /** Social preset: the community the customer orders from most (else their profile's), and leader flag. */
  readonly community: string | null
  readonly communityLeader: boolean
}

/**
 * The recommended next action for one customer from the latest (or a given) snapshot: their segment and
 * lifecycle pick the playbook (see `choosePlaybook`), the store's preset its wording and value measure.
 */
export async function nextActionFor(
  conn: Connection,
  customerId: string,
  options: { industry: Industry; lang: Lang; snapshot?: string },
): Promise<NextAction> {
  const d = conn.dialect
  const snap = await findSnapshot(conn, options.snapshot)
  const preset = INDUSTRY_PRESETS[options.industry]
  const row = await conn.one<Record<string, unknown>>(sql`
    SELECT s.rfm_segment, s.lifecycle, s.top_category, c.consent_marketing,
      ${d.jsonText(sql`c.attributes`, 'community_id')} AS profile_community,
      ${d.jsonText(sql`c.attributes`, 'community_leader')} AS leader
    FROM customer_scores s LEFT JOIN customers c ON c.customer_id = s.customer_id
    WHERE s.snapshot_id = ${snap.snapshotId} AND s.customer_id = ${customerId}`)
  if (!row) {
    throw new StrataError(
      { code: 'analytics.customer_not_found', params: { customer: customerId, snapshot: snap.snapshotId } },
      EXIT.NOT_FOUND,
    )
  }
  // Net spend is the analytics' own basis: read the stored tier instead of ranking a million customers.
  const stored = preset.valueMeasure === 'net_spend' && snap.config.valueTiers.basis === 'monetary'
  const tier = stored
    ? await conn.one<{ value: number | null; value_tier: string | null }>(sql`
        SELECT ${d.toDouble(sql`monetary`)} AS value, value_tier FROM customer_scores
        WHERE snapshot_id = ${snap.snapshotId} AND customer_id = ${customerId}`)
    : await conn.one<{ value: number | null; value_tier: string | null }>(sql`
        SELECT value, value_tier FROM (${presetValueTiers(d, snap.snapshotId, preset.valueMeasure, snap.config.valueTiers)}) t
        WHERE customer_id = ${customerId}`)
  const community = await conn.one<{ community_id: string }>(sql`
    SELECT community_id FROM orders
    WHERE customer_id = ${customerId} AND community_id IS NOT NULL
      AND ordered_at < ${d.timestampLiteral(`${snap.asOf} 00:00:00`)}
    GROUP BY community_id ORDER BY count(*) DESC, community_id LIMIT 1`)
  const rfmSegment = (row['rfm_segment'] as string | null) ?? null
  const lifecycle = String(row['lifecycle'])
  const choice = choosePlaybook(rfmSegment, lifecycle)
  const playbook = await getPlaybook(conn, choice.id, { industry: options.industry, lang: options.lang })
  return {
    customerId,
    snapshotId: snap.snapshotId,
    asOf: snap.asOf,
    rfmSegment,
    lifecycle,
    rule: choice.rule,
    playbook,
    nextAction: playbook.text.actions[0] ?? playbook.text.goal,
    marketingConsent: row['consent_marketing'] === true,
    valueMeasure: preset.valueMeasure,
    value: tier?.value ?? null,
    valueTier: tier?.value_tier ?? null,
    topCategory: (row['top_category'] as string | null) ?? null,
    community: community?.community_id ?? (row['profile_community'] as string | null) ?? null,
    communityLeader: row['leader'] === 'true',
  }
}
