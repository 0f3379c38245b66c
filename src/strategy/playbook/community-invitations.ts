import { addDaysIso } from '../../analytics/analysis-window.js'
import { IS_PURCHASE } from '../../analytics/purchase-rules.js'
import { DEFAULT_SEGMENT_MAP } from '../../analytics/rfm-segment-map.js'
import { findSnapshot } from '../../analytics/snapshot-lookup.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'

export interface CommunityInvitation {
  readonly segment: string
  readonly community: string
  readonly city: string | null
  /** `home`: the community they ordered from most is active; `city`: the most active one of their city. */
  readonly reason: 'home' | 'city'
  readonly invitees: number
}

export interface InvitationOptions {
  readonly snapshot?: string
  /** A community is active with at least `minOrders` group orders in the last `activeDays` days. */
  readonly activeDays?: number
  readonly minOrders?: number
  /** Communities listed per segment. */
  readonly limit?: number
}

/**
 * 社群运营: which community to invite which customers to. For each RFM segment, the consenting customers
 * who have not ordered through a community in the last `activeDays` days are invited to their home
 * community (the `community_id` they ordered from most) when it is still active, else to the most active
 * community of their city (a community's city is where most of its buyers live). Counted per segment and
 * community, largest first.
 */
export async function communityInvitations(
  conn: Connection,
  options: InvitationOptions = {},
): Promise<CommunityInvitation[]> {
  const d = conn.dialect
  const snap = await findSnapshot(conn, options.snapshot)
  const activeDays = options.activeDays ?? 90
  const minOrders = options.minOrders ?? 10
  const asOf = d.timestampLiteral(`${snap.asOf} 00:00:00`)
  const since = d.timestampLiteral(`${addDaysIso(snap.asOf, -activeDays)} 00:00:00`)
  const rows = await conn.all<{
    segment: string
    community: string
    city: string | null
    reason: 'home' | 'city'
    invitees: number
  }>(sql`
    WITH co AS (
      SELECT o.customer_id, o.community_id, o.ordered_at FROM orders o
      WHERE o.community_id IS NOT NULL AND o.customer_id IS NOT NULL AND ${IS_PURCHASE} AND o.ordered_at < ${asOf}),
    recent AS (SELECT community_id, count(*) AS orders FROM co WHERE ordered_at >= ${since} GROUP BY community_id),
    city_votes AS (
      SELECT co.community_id AS community_id, c.city AS city, count(*) AS n FROM co JOIN customers c ON c.customer_id = co.customer_id
      WHERE c.city IS NOT NULL GROUP BY co.community_id, c.city),
    community_city AS (
      SELECT community_id, city FROM (
        SELECT community_id, city, row_number() OVER (PARTITION BY community_id ORDER BY n DESC, city) AS k FROM city_votes) v
      WHERE k = 1),
    best_in_city AS (
      SELECT city, community_id FROM (
        SELECT cc.city AS city, cc.community_id AS community_id,
          row_number() OVER (PARTITION BY cc.city ORDER BY r.orders DESC, cc.community_id) AS k
        FROM community_city cc JOIN recent r ON r.community_id = cc.community_id WHERE r.orders >= ${minOrders}) b
      WHERE k = 1),
    home AS (
      SELECT customer_id, community_id FROM (
        SELECT customer_id, community_id,
          row_number() OVER (PARTITION BY customer_id ORDER BY count(*) DESC, community_id) AS k
        FROM co GROUP BY customer_id, community_id) h
      WHERE k = 1),
    active_buyers AS (SELECT DISTINCT customer_id FROM co WHERE ordered_at >= ${since}),
    candidates AS (
      SELECT s.rfm_segment AS segment, c.city AS city,
        CASE WHEN r.orders >= ${minOrders} THEN h.community_id ELSE b.community_id END AS community,
        CASE WHEN r.orders >= ${minOrders} THEN 'home' ELSE 'city' END AS reason
      FROM customer_scores s
        JOIN customers c ON c.customer_id = s.customer_id
        LEFT JOIN home h ON h.customer_id = s.customer_id
        LEFT JOIN recent r ON r.community_id = h.community_id
        LEFT JOIN best_in_city b ON b.city = c.city
      WHERE s.snapshot_id = ${snap.snapshotId} AND s.rfm_segment IS NOT NULL AND c.consent_marketing = TRUE
        AND s.customer_id NOT IN (SELECT customer_id FROM active_buyers))
    SELECT segment, community, min(city) AS city, reason, count(*) AS invitees FROM candidates
    WHERE community IS NOT NULL GROUP BY segment, community, reason`)
  const limit = options.limit ?? 3
  const bySegment = new Map<string, CommunityInvitation[]>()
  for (const r of rows) {
    const list = bySegment.get(r.segment) ?? []
    list.push(r)
    bySegment.set(r.segment, list)
  }
  const out: CommunityInvitation[] = []
  const order = Object.keys(DEFAULT_SEGMENT_MAP)
  const segments = [...bySegment.keys()].sort(
    (a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b, 'en'),
  )
  for (const segment of segments) {
    const list = bySegment.get(segment)!
    // The reason breaks the last tie: rows come from SQL in no particular order.
    list.sort(
      (a, b) =>
        b.invitees - a.invitees ||
        a.community.localeCompare(b.community, 'en') ||
        a.reason.localeCompare(b.reason, 'en'),
    )
    out.push(...list.slice(0, limit))
  }
  return out
}

function rank(order: readonly string[], name: string): number {
  const i = order.indexOf(name)
  return i < 0 ? order.length : i
}
