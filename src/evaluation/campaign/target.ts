import { EXIT, StrataError } from '../../core/diagnostics.js'
import { currentMemberIds, findSegment } from '../../segments/index.js'
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
 * A SELECT of the target's `customer_id`s. A saved segment (by id or name) gives its current members through
 * the segments service; an RFM segment or lifecycle stage is read from the snapshot.
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
  const found = await findSegment(conn, target.value)
  if (!found) {
    throw new StrataError(
      { code: 'evaluation.campaign.segment_not_found', params: { segment: target.value } },
      EXIT.NOT_FOUND,
    )
  }
  return currentMemberIds(conn, found.segmentId)
}
