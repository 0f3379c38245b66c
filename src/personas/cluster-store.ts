import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, sql } from '../sql/fragment.js'
import type { FeatureContrast } from './cluster-describe.js'
import { saveStaticSegment } from './static-segment.js'
import type { Localized } from './tag-text.js'
import './persona-tables.js'

export interface StoredCluster {
  readonly runId: string
  readonly snapshotId: string
  readonly cluster: number
  readonly size: number
  readonly share: number
  readonly name: Localized
  readonly description: Localized
  readonly contrasts: readonly FeatureContrast[]
}

/** The newest run that still has its members (the one clusters are saved and profiled from). */
export async function latestRunId(conn: Connection): Promise<string> {
  const row = await conn.one<{ run_id: string }>(sql`SELECT min(run_id) AS run_id FROM cluster_members`)
  if (!row?.run_id) throw new StrataError({ code: 'personas.cluster.no_run' }, EXIT.NOT_FOUND)
  return row.run_id
}

/** The clusters of the newest run, largest first. */
export async function storedClusters(conn: Connection): Promise<StoredCluster[]> {
  const runId = await latestRunId(conn)
  const rows = await conn.all<Record<string, unknown>>(sql`
    SELECT c.run_id, r.snapshot_id, c.cluster, c.size, c.name, c.description, c.profile
    FROM clusters AS c JOIN cluster_runs AS r ON r.run_id = c.run_id
    WHERE c.run_id = ${runId} ORDER BY c.cluster`)
  return rows.map((r) => {
    const profile = JSON.parse(String(r['profile'])) as { share: number; contrasts: FeatureContrast[] }
    return {
      runId: String(r['run_id']),
      snapshotId: String(r['snapshot_id']),
      cluster: Number(r['cluster']),
      size: Number(r['size']),
      share: profile.share,
      name: JSON.parse(String(r['name'])) as Localized,
      description: JSON.parse(String(r['description'])) as Localized,
      contrasts: profile.contrasts,
    }
  })
}

/** SELECT customer_id of one cluster of the newest run. */
export async function clusterMembers(
  conn: Connection,
  cluster: number,
): Promise<{ query: Fragment; info: StoredCluster }> {
  const all = await storedClusters(conn)
  const info = all.find((c) => c.cluster === cluster)
  if (!info)
    throw new StrataError(
      { code: 'personas.cluster.not_found', params: { cluster, k: all.length } },
      EXIT.NOT_FOUND,
    )
  return {
    query: sql`SELECT customer_id FROM cluster_members WHERE run_id = ${info.runId} AND cluster = ${cluster}`,
    info,
  }
}

/**
 * Saves clusters of the newest run as static segments: `name` for one cluster, or `name-<n>` for each
 * when `cluster` is omitted. The description is the cluster's generated one (English; the JSON of every
 * language stays with the run).
 */
export async function saveClustersAsSegments(
  conn: Connection,
  input: { name: string; cluster?: number; now: string },
): Promise<{ segmentId: string; name: string; members: number }[]> {
  const all = await storedClusters(conn)
  const chosen = input.cluster === undefined ? all : all.filter((c) => c.cluster === input.cluster)
  if (chosen.length === 0)
    throw new StrataError(
      { code: 'personas.cluster.not_found', params: { cluster: input.cluster, k: all.length } },
      EXIT.NOT_FOUND,
    )
  const saved: { segmentId: string; name: string; members: number }[] = []
  for (const c of chosen) {
    const name = input.cluster === undefined ? `${input.name}-${c.cluster}` : input.name
    const members = sql`SELECT customer_id FROM cluster_members WHERE run_id = ${c.runId} AND cluster = ${c.cluster}`
    const description = `${c.name.en}: ${c.description.en}`
    const snapshotId = c.snapshotId
    saved.push({
      name,
      ...(await saveStaticSegment(conn, { name, description, members, now: input.now, snapshotId })),
    })
  }
  return saved
}
