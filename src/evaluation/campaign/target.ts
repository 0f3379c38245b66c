import { EXIT, StrataError } from '../../core/diagnostics.js'
import type { Connection } from '../../sql/driver.js'
import { type Fragment, sql } from '../../sql/fragment.js'

/** Whom a campaign targets: a saved segment's current members, or a group of a snapshot. */
export type TargetKind = 'segment' | 'rfm_segment' | 'lifecycle'
export interface CampaignTarget {
  readonly kind: TargetKind
  /** Segment id or name; RFM segment name (English); lifecycle stage (English). */
  readonly value: string
}

/**
 * A SELECT of the target's `customer_id`s. A saved segment is read from `segment_members` (current stays:
 * `exited_at IS NULL`), found by id or by name; an RFM segment or lifecycle stage from the snapshot.
 */
export async function targetQuery(
  conn: Connection,
  target: CampaignTarget,
  snapshotId: string,
): Promise<Fragment> {
  if (target.kind === 'rfm_segment')
    return sql`SELECT customer_id FROM customer_scores WHERE snapshot_id = ${snapshotId} AND rfm_segment = ${target.value}`
  if (target.kind === 'lifecycle')
    return sql`SELECT customer_id FROM customer_scores WHERE snapshot_id = ${snapshotId} AND lifecycle = ${target.value}`
  const found = await conn.one<{ segment_id: string }>(
    sql`SELECT segment_id FROM segments WHERE segment_id = ${target.value} OR name = ${target.value}
        ORDER BY CASE WHEN segment_id = ${target.value} THEN 0 ELSE 1 END LIMIT 1`,
  )
  if (!found) {
    throw new StrataError(
      { code: 'evaluation.campaign.segment_not_found', params: { segment: target.value } },
      EXIT.NOT_FOUND,
    )
  }
  return sql`SELECT DISTINCT customer_id FROM segment_members WHERE segment_id = ${found.segment_id} AND exited_at IS NULL`
}
