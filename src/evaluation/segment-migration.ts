import { findSnapshot, NET_CONTRIBUTION } from '../analytics/index.js'
import type { Connection } from '../sql/driver.js'
import { ident, sql } from '../sql/fragment.js'
import {
  type GroupDimension,
  type MoveDirection,
  moveDirection,
  NOT_PRESENT,
  sortGroups,
  UNSCORED,
} from './group-order.js'

/** One cell of a transition matrix: the customers who were in `from` and are now in `to`. */
export interface MigrationCell {
  readonly from: string
  readonly to: string
  readonly customers: number
  /** Their net spend as of the earlier snapshot (its `monetary`). */
  readonly revenueFrom: number
  /** Their net spend as of the later snapshot. */
  readonly revenueTo: number
  /** Net revenue of their orders dated in [earlier as-of, later as-of): what the period brought. */
  readonly periodRevenue: number
  readonly direction: MoveDirection
}

export interface MoveTotals {
  readonly customers: number
  readonly periodRevenue: number
}

/** Nodes and links in the shape Sankey charts take (node names are unique: side-prefixed). */
export interface SankeyData {
  readonly nodes: readonly { name: string; key: string; side: 'from' | 'to' }[]
  readonly links: readonly { source: string; target: string; value: number; revenue: number }[]
}

export interface SegmentMigration {
  readonly dimension: GroupDimension
  readonly from: { readonly snapshotId: string; readonly asOf: string }
  readonly to: { readonly snapshotId: string; readonly asOf: string }
  /** Row and column order (best first, then unscored, then not present). */
  readonly groups: readonly string[]
  /** Non-empty cells, in row-then-column order. */
  readonly cells: readonly MigrationCell[]
  /** Customers per row: each equals the group's size in the earlier snapshot (`NOT_PRESENT`: newcomers). */
  readonly rowTotals: Readonly<Record<string, number>>
  readonly columnTotals: Readonly<Record<string, number>>
  readonly moves: Readonly<Record<MoveDirection, MoveTotals>>
  readonly sankey: SankeyData
}

/**
 * The transition matrix between two snapshots for one grouping: every customer in either snapshot is
 * counted once, in (group before, group after); a customer missing from a snapshot is in `NOT_PRESENT`
 * there and a prospect without a segment / tier in `UNSCORED`. One SQL statement does the counting.
 *
 * @example
 * const m = await segmentMigration(conn, { from: '1', to: '2', dimension: 'rfm_segment' })
 * m.rowTotals['Champions'] // = size of Champions in snapshot 1
 */
export async function segmentMigration(
  conn: Connection,
  options: { from: string; to: string; dimension: GroupDimension },
): Promise<SegmentMigration> {
  const d = conn.dialect
  const a = await findSnapshot(conn, options.from)
  const b = await findSnapshot(conn, options.to)
  const col = ident(options.dimension)
  const [start, end] = a.asOf <= b.asOf ? [a.asOf, b.asOf] : [b.asOf, a.asOf]
  const side = (id: string) =>
    sql`SELECT customer_id, coalesce(${col}, ${UNSCORED}) AS k, monetary FROM customer_scores WHERE snapshot_id = ${id}`
  const rows = await conn.all<{
    from_key: string
    to_key: string
    customers: number
    revenue_from: number
    revenue_to: number
    period_revenue: number
  }>(sql`
    WITH a AS (${side(a.snapshotId)}), b AS (${side(b.snapshotId)}),
    p AS (
      SELECT o.customer_id, sum(${NET_CONTRIBUTION}) AS revenue FROM orders o
      WHERE o.customer_id IS NOT NULL
        AND o.ordered_at >= ${d.timestampLiteral(`${start} 00:00:00`)}
        AND o.ordered_at < ${d.timestampLiteral(`${end} 00:00:00`)}
      GROUP BY o.customer_id
    )
    SELECT coalesce(a.k, ${NOT_PRESENT}) AS from_key, coalesce(b.k, ${NOT_PRESENT}) AS to_key,
      count(*) AS customers,
      ${d.toDouble(sql`coalesce(sum(a.monetary), 0)`)} AS revenue_from,
      ${d.toDouble(sql`coalesce(sum(b.monetary), 0)`)} AS revenue_to,
      ${d.toDouble(sql`coalesce(sum(p.revenue), 0)`)} AS period_revenue
    FROM a FULL OUTER JOIN b ON a.customer_id = b.customer_id
    LEFT JOIN p ON p.customer_id = coalesce(a.customer_id, b.customer_id)
    GROUP BY 1, 2`)
  const groups = sortGroups(
    options.dimension,
    rows.flatMap((r) => [r.from_key, r.to_key]),
  )
  const order = new Map(groups.map((g, i) => [g, i]))
  const cells: MigrationCell[] = rows
    .map((r) => ({
      from: r.from_key,
      to: r.to_key,
      customers: Number(r.customers),
      revenueFrom: Number(r.revenue_from),
      revenueTo: Number(r.revenue_to),
      periodRevenue: Number(r.period_revenue),
      direction: moveDirection(options.dimension, r.from_key, r.to_key),
    }))
    .sort((x, y) => order.get(x.from)! - order.get(y.from)! || order.get(x.to)! - order.get(y.to)!)
  const rowTotals: Record<string, number> = {}
  const columnTotals: Record<string, number> = {}
  const moves = Object.fromEntries(
    (['same', 'upgrade', 'downgrade', 'lateral', 'entered', 'left'] as const).map((k) => [
      k,
      { customers: 0, periodRevenue: 0 },
    ]),
  ) as Record<MoveDirection, { customers: number; periodRevenue: number }>
  for (const c of cells) {
    rowTotals[c.from] = (rowTotals[c.from] ?? 0) + c.customers
    columnTotals[c.to] = (columnTotals[c.to] ?? 0) + c.customers
    moves[c.direction].customers += c.customers
    moves[c.direction].periodRevenue += c.periodRevenue
  }
  const used = (side: 'from' | 'to') => groups.filter((g) => cells.some((c) => c[side] === g))
  const sankey: SankeyData = {
    nodes: [
      ...used('from').map((key) => ({ name: `from:${key}`, key, side: 'from' as const })),
      ...used('to').map((key) => ({ name: `to:${key}`, key, side: 'to' as const })),
    ],
    links: cells.map((c) => ({
      source: `from:${c.from}`,
      target: `to:${c.to}`,
      value: c.customers,
      revenue: c.periodRevenue,
    })),
  }
  return {
    dimension: options.dimension,
    from: { snapshotId: a.snapshotId, asOf: a.asOf },
    to: { snapshotId: b.snapshotId, asOf: b.asOf },
    groups,
    cells,
    rowTotals,
    columnTotals,
    moves,
    sankey,
  }
}
