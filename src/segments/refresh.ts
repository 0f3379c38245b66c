import type { Connection } from '../sql/driver.js'
import { compileDefinition, knownSegments } from './definition.js'
import { dependencyOrder } from './dependency-order.js'
import { applyMembership, type MembershipChange, recordSizes, type SizeRecord } from './materialize.js'
import { readPopulation } from './population.js'
import type { SegmentContext } from './query-context.js'
import { getSegment, listSegments } from './segment-catalog.js'

/**
 * Rematerialises the given dynamic segments (static ones keep their list) in ONE transaction: a refresh
 * killed midway leaves every segment as it was. Definitions are compiled first, so a definition that no
 * longer compiles (a field removed) fails before anything is written.
 *
 * @example
 * await refreshSegments(conn, ['at-risk'], { now: '2026-06-08 06:00:00', ctx })
 */
export async function refreshSegments(
  conn: Connection,
  refs: readonly string[] | 'all',
  options: {
    now: string
    ctx: SegmentContext
    /** Called after each segment, inside the transaction (progress display); a throw rolls everything back. */
    onSegment?: (change: MembershipChange, done: number, total: number) => void | Promise<void>
  },
): Promise<SizeRecord[]> {
  const segments =
    refs === 'all' ? await listSegments(conn) : await Promise.all(refs.map((r) => getSegment(conn, r)))
  const known = await knownSegments(conn)
  const dynamic = segments
    .filter((s) => s.kind === 'dynamic' && s.definition !== null)
    .map((seg) => ({ seg, compiled: compileDefinition(conn, seg.definition!, options.ctx, known) }))
  const ordered = dependencyOrder(dynamic, (p) => ({
    id: p.seg.segmentId,
    name: p.seg.name,
    references: p.compiled.references,
  }))
  return conn.transaction(async () => {
    const changes: MembershipChange[] = []
    for (const { seg, compiled } of ordered) {
      const change = await applyMembership(conn, seg.segmentId, compiled.query, options.now)
      changes.push(change)
      await options.onSegment?.(change, changes.length, ordered.length)
    }
    // Counted once here (after analyze), so the previews of this snapshot find the population cached.
    await readPopulation(conn, options.ctx)
    return recordSizes(conn, changes, options)
  })
}

/**
 * Every dynamic segment recomputed for a snapshot — the step that follows each `analyze`.
 *
 * @example
 * await refreshAllSegments(conn, { asOf: '2026-06-08', snapshotId: '4', now: '2026-06-08 06:00:00' })
 */
export async function refreshAllSegments(
  conn: Connection,
  options: { asOf: string; snapshotId: string | null; now: string },
): Promise<SizeRecord[]> {
  return refreshSegments(conn, 'all', {
    now: options.now,
    ctx: { asOf: options.asOf, snapshotId: options.snapshotId },
  })
}
