import { LIFECYCLE_STAGES } from '../analytics/lifecycle.js'
import { SEGMENT_NAMES } from '../analytics/rfm-segment-map.js'
import type { SnapshotInfo } from '../analytics/snapshot-lookup.js'
import { VALUE_TIERS } from '../analytics/value-tier.js'
import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, sql } from '../sql/fragment.js'
import { clusterMembers } from './cluster-store.js'
import { type CompileDefinition, compileDefinition } from './definition-compiler.js'
import '../segments/segment-tables.js'
import './persona-tables.js'

/** A group of customers a persona card or a lookalike search can start from. */
export type GroupRef =
  | { readonly kind: 'all' }
  | { readonly kind: 'segment'; readonly value: string }
  | { readonly kind: 'rfm'; readonly value: string }
  | { readonly kind: 'lifecycle'; readonly value: string }
  | { readonly kind: 'tier'; readonly value: string }
  | { readonly kind: 'tag'; readonly value: string }
  | { readonly kind: 'cluster'; readonly value: number }
  | { readonly kind: 'persona'; readonly value: string }

export interface ResolvedGroup {
  readonly ref: GroupRef
  /** The canonical value (segment id, exact RFM segment name …) for display. */
  readonly label: string
  /** SELECT customer_id (each once). */
  readonly query: Fragment
}

/** Case-insensitive match of a value against a vocabulary (also accepts the localised names). */
function pick(
  kind: 'rfm' | 'lifecycle' | 'tier',
  value: string,
  names: readonly string[],
  aliases: Record<string, readonly string[]> = {},
): string {
  const v = value.trim().toLowerCase()
  const found = names.find(
    (n) => n.toLowerCase() === v || (aliases[n] ?? []).some((a) => a.toLowerCase() === v),
  )
  if (!found)
    throw new StrataError(
      { code: `personas.bad_group.${kind}`, params: { value, expected: names.join(', ') } },
      EXIT.USAGE,
    )
  return found
}

/**
 * Turns a group reference into a SELECT of its customer ids for a snapshot: a saved segment's current
 * members, an RFM segment / lifecycle stage / value tier of the snapshot, a tag, a cluster of the newest
 * run, or a buyer persona's definition.
 */
export async function resolveGroup(
  conn: Connection,
  ref: GroupRef,
  snap: SnapshotInfo,
  compile: CompileDefinition = compileDefinition,
): Promise<ResolvedGroup> {
  const scores = (where: Fragment) =>
    sql`SELECT customer_id FROM customer_scores WHERE snapshot_id = ${snap.snapshotId} AND ${where}`
  switch (ref.kind) {
    case 'all':
      return { ref, label: '*', query: scores(sql`TRUE`) }
    case 'segment': {
      const row = await conn.one<{ segment_id: string; name: string }>(
        sql`SELECT segment_id, name FROM segments WHERE segment_id = ${ref.value} OR name = ${ref.value}
            ORDER BY CASE WHEN segment_id = ${ref.value} THEN 0 ELSE 1 END LIMIT 1`,
      )
      if (!row)
        throw new StrataError(
          { code: 'personas.segment_not_found', params: { segment: ref.value } },
          EXIT.NOT_FOUND,
        )
      return {
        ref,
        label: row.name,
        query: sql`SELECT DISTINCT customer_id FROM segment_members WHERE segment_id = ${row.segment_id} AND exited_at IS NULL`,
      }
    }
    case 'rfm': {
      const aliases = Object.fromEntries(Object.entries(SEGMENT_NAMES).map(([k, v]) => [k, Object.values(v)]))
      const name = pick('rfm', ref.value, Object.keys(SEGMENT_NAMES), aliases)
      return { ref, label: name, query: scores(sql`rfm_segment = ${name}`) }
    }
    case 'lifecycle': {
      const stage = pick('lifecycle', ref.value, LIFECYCLE_STAGES)
      return { ref, label: stage, query: scores(sql`lifecycle = ${stage}`) }
    }
    case 'tier': {
      const tier = pick('tier', ref.value, VALUE_TIERS)
      return { ref, label: tier, query: scores(sql`value_tier = ${tier}`) }
    }
    case 'tag':
      return {
        ref,
        label: ref.value,
        query: sql`SELECT DISTINCT customer_id FROM customer_tags WHERE tag = ${ref.value}`,
      }
    case 'cluster': {
      const { query, info } = await clusterMembers(conn, ref.value)
      return { ref, label: `${ref.value}: ${info.name.en}`, query }
    }
    case 'persona': {
      const row = await conn.one<{ definition: string }>(
        sql`SELECT definition FROM buyer_personas WHERE name = ${ref.value}`,
      )
      if (!row)
        throw new StrataError(
          { code: 'personas.persona.not_found', params: { name: ref.value } },
          EXIT.NOT_FOUND,
        )
      const compiled = compile(row.definition, conn.dialect, { asOf: snap.asOf, snapshotId: snap.snapshotId })
      if (!compiled.ok) {
        const [first, ...more] = compiled.diagnostics
        throw new StrataError(first!, EXIT.USAGE, more)
      }
      return { ref, label: ref.value, query: compiled.value.query }
    }
  }
}
