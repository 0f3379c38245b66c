import { dependencyOrder } from '../../segments/index.js'
import {
  compileSegment,
  type KnownSegment,
  type ReadTable,
  readColumns,
  readTables,
  referencedSegments,
} from '../../segments/language/index.js'
import type { Connection } from '../../sql/driver.js'
import { type Fragment, ident, join, sql } from '../../sql/fragment.js'
import { at } from '../clock.js'

/** A customer entering or leaving a saved segment. */
export interface SegmentChange {
  readonly segmentId: string
  readonly segmentName: string
  readonly customerId: string
  readonly change: 'entered' | 'exited'
}

/** The customers a group touched and what it changed for them. */
export interface TouchedCustomers {
  /** Table with a `customer_id` column: the customers a group touched (each once). */
  readonly ids: string
  /** What the group changed for them: 'all' (a customer was created) or the tables written. */
  readonly changed: ReadonlySet<ReadTable> | 'all'
}

interface Compiled {
  readonly id: string
  readonly name: string
  readonly query: Fragment
  readonly reads: ReadonlySet<ReadTable>
  /** Columns of `customers` / `customer_scores` it reads (the narrow copies must hold them). */
  readonly columns: { readonly customers: ReadonlySet<string>; readonly customer_scores: ReadonlySet<string> }
  readonly references: readonly string[]
}

const POP_MEMBERS = 'strata_live_pop_members'
const POP_CUSTOMERS = 'strata_live_pop_customers'
const POP_SCORES = 'strata_live_pop_scores'

// Compiled definitions per context: a group re-uses the previous group's compilation (the population
// tables have fixed names, so the compiled text does not change between groups).
const compiledCache = new Map<string, Compiled | null>()

function compileFor(
  conn: Connection,
  seg: { segment_id: string; name: string; definition: string },
  ctx: { asOf: string; snapshotId: string | null },
  known: readonly KnownSegment[],
  knownKey: string,
  ids: string,
): Compiled | null {
  const key = JSON.stringify([seg.segment_id, seg.definition, ctx.asOf, ctx.snapshotId, knownKey, ids])
  if (compiledCache.has(key)) return compiledCache.get(key)!
  const compiled = compileSegment(seg.definition, conn.dialect, {
    asOf: ctx.asOf,
    snapshotId: ctx.snapshotId,
    segments: known,
    // The definitions read narrow copies of the touched customers' rows, made once per group (below).
    population: {
      ids: sql`SELECT customer_id FROM ${ident(ids)}`,
      customers: sql`${ident(POP_CUSTOMERS)}`,
      scores: sql`${ident(POP_SCORES)}`,
    },
  })
  const value = compiled.ok
    ? {
        id: seg.segment_id,
        name: seg.name,
        query: compiled.value.query,
        reads: readTables(compiled.value.ast),
        columns: readColumns(compiled.value.ast),
        references: referencedSegments(compiled.value.ast),
      }
    : null
  if (compiledCache.size > 500) compiledCache.clear()
  compiledCache.set(key, value)
  return value
}

/**
 * Segments whose membership can have moved: those reading a table the group changed, and those reading
 * other segments' members (`in_segment`) when any segment is re-evaluated — each after the segments it
 * reads, so it sees their fresh members.
 */
function toEvaluate(all: readonly Compiled[], changed: TouchedCustomers['changed']): Compiled[] {
  const direct = all.filter(
    (c) => changed === 'all' || [...c.reads].some((t) => t !== 'segment_members' && changed.has(t)),
  )
  if (direct.length === 0) return []
  const chosen = all.filter((c) => direct.includes(c) || c.reads.has('segment_members'))
  return dependencyOrder(chosen, (c) => c)
}

/**
 * Re-evaluates the saved dynamic segments whose membership the group can have changed, for just the
 * touched customers (the language's population: the compiled query and its scans read only their rows,
 * from narrow copies made once per group), and records entries and exits in
 * `segment_members` (a row per stay: entries insert, exits close the open row). Other customers'
 * memberships are untouched, so the cost follows the number of changed customers, not the store's size.
 * Definitions that no longer compile are skipped (their own refresh reports them).
 */
export async function refreshSegmentsFor(
  conn: Connection,
  touched: TouchedCustomers,
  input: { asOf: string; snapshotId: string | null; now: Date },
): Promise<SegmentChange[]> {
  const d = conn.dialect
  const rows = await conn.all<{ segment_id: string; name: string; kind: string; definition: string | null }>(
    sql`SELECT segment_id, name, kind, definition FROM segments ORDER BY segment_id`,
  )
  const known = rows.map((r) => ({ id: r.segment_id, name: r.name }))
  const knownKey = JSON.stringify(known)
  const dynamic = rows.filter(
    (r): r is { segment_id: string; name: string; kind: string; definition: string } =>
      r.kind === 'dynamic' && r.definition !== null,
  )
  const compiled = dynamic
    .map((r) => compileFor(conn, r, input, known, knownKey, touched.ids))
    .filter((c): c is Compiled => c !== null)
  const segments = toEvaluate(compiled, touched.changed)
  if (segments.length === 0) return []

  const ids = sql`SELECT customer_id FROM ${ident(touched.ids)}`
  // The touched customers' rows of `customers` and of the snapshot's scores, with just the columns the
  // chosen definitions read: one narrow scan of each million-row table per group instead of one per
  // definition (the store has no index by customer; copying every column measured slower).
  const columns = (table: 'customers' | 'customer_scores', keys: string[]) => {
    const names = new Set(keys)
    for (const c of segments) for (const col of c.columns[table]) names.add(col)
    return join([...names].map((n) => sql`${ident(n)}`))
  }
  await conn.run(sql`${d.replaceTempTable(POP_CUSTOMERS)} AS
    SELECT ${columns('customers', ['customer_id'])} FROM customers WHERE customer_id IN (${ids})`)
  await conn.run(sql`${d.replaceTempTable(POP_SCORES)} AS
    SELECT ${columns('customer_scores', ['snapshot_id', 'customer_id'])} FROM customer_scores
    WHERE snapshot_id = ${input.snapshotId ?? ''} AND customer_id IN (${ids})`)
  // Their open stays in every segment, read once (each segment's diff below reads its own rows).
  await conn.run(sql`${d.replaceTempTable(POP_MEMBERS)} AS SELECT segment_id, customer_id FROM segment_members
    WHERE exited_at IS NULL AND customer_id IN (${ids})`)

  const changes: SegmentChange[] = []
  const now = at(d, input.now)
  for (const s of segments) {
    const diff = await conn.all<{ customer_id: string; now_in: boolean }>(sql`
      WITH now_in AS (SELECT q.customer_id FROM (${s.query}) AS q),
      was_in AS (SELECT customer_id FROM ${ident(POP_MEMBERS)} WHERE segment_id = ${s.id})
      SELECT coalesce(n.customer_id, w.customer_id) AS customer_id, n.customer_id IS NOT NULL AS now_in
      FROM now_in AS n FULL OUTER JOIN was_in AS w ON n.customer_id = w.customer_id
      WHERE n.customer_id IS NULL OR w.customer_id IS NULL
      ORDER BY 1`)
    for (const r of diff) {
      const change = r.now_in ? 'entered' : 'exited'
      changes.push({ segmentId: s.id, segmentName: s.name, customerId: r.customer_id, change })
    }
    // Entries are the rows just computed: no second evaluation of the definition.
    const entries = diff.filter((r) => r.now_in).map((r) => r.customer_id)
    for (let i = 0; i < entries.length; i += 500) {
      const values = entries.slice(i, i + 500).map((c) => sql`(${s.id}, ${c}, ${now}, NULL)`)
      await conn.run(
        sql`INSERT INTO segment_members (segment_id, customer_id, entered_at, exited_at) VALUES ${join(values)}`,
      )
    }
    const exits = diff.filter((r) => !r.now_in).map((r) => r.customer_id)
    for (let i = 0; i < exits.length; i += 500) {
      const chunk = exits.slice(i, i + 500)
      await conn.run(sql`UPDATE segment_members SET exited_at = ${now}
        WHERE segment_id = ${s.id} AND exited_at IS NULL AND customer_id IN (${join(chunk.map((c) => sql`${c}`))})`)
    }
  }
  return changes
}
