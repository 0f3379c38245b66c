import { LIFECYCLE_STAGES } from '../../analytics/lifecycle.js'
import { SEGMENT_NAMES } from '../../analytics/rfm-segment-map.js'
import { findSnapshot } from '../../analytics/snapshot-lookup.js'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import { LANGS } from '../../i18n/locale.js'
import { t } from '../../i18n/translate.js'
import { currentMemberIds, findSegment } from '../../segments/index.js'
import type { Connection } from '../../sql/driver.js'
import { type Fragment, sql } from '../../sql/fragment.js'

/** Who an audience or a cross-sell list is about. */
export type SelectionRequest =
  | { readonly kind: 'segment'; readonly ref: string }
  | { readonly kind: 'rfm'; readonly name: string }
  | { readonly kind: 'lifecycle'; readonly name: string }

/** A resolved selection: a query returning `customer_id` once per member, and what it was. */
export interface Selection {
  readonly kind: 'segment' | 'rfm' | 'lifecycle'
  /** Canonical name: the saved segment's id, the RFM segment or lifecycle stage in English. */
  readonly name: string
  /** What people call it: the saved segment's name, else the canonical name. */
  readonly label: string
  /** The snapshot an RFM / lifecycle selection reads (null for saved segments). */
  readonly snapshotId: string | null
  readonly query: Fragment
}

function matchName(
  text: string,
  names: readonly string[],
  labels: (name: string) => string[],
): string | undefined {
  const wanted = text.trim().toLowerCase()
  return names.find((n) => [n, ...labels(n)].some((l) => l.toLowerCase() === wanted))
}

const rfmName = (text: string) =>
  matchName(text, Object.keys(SEGMENT_NAMES), (n) => Object.values(SEGMENT_NAMES[n] ?? {}))
const lifecycleName = (text: string) =>
  matchName(text, LIFECYCLE_STAGES, (n) => LANGS.map((l) => t(l, `analytics.lifecycle.${n}`)))

/**
 * Turns a user's choice into a member query. A saved segment is found by id or name; an RFM segment or
 * lifecycle stage by its name in any language, read from the latest (or given) snapshot. A `segment`
 * reference that names no saved segment but is an RFM segment or lifecycle stage is taken as such.
 */
export async function resolveSelection(
  conn: Connection,
  request: SelectionRequest,
  options: { snapshot?: string } = {},
): Promise<Selection> {
  if (request.kind === 'segment') {
    const saved = await findSegment(conn, request.ref)
    if (saved) {
      const query = currentMemberIds(conn, saved.segmentId)
      return { kind: 'segment', name: saved.segmentId, label: saved.name, snapshotId: null, query }
    }
    if (rfmName(request.ref)) return resolveSelection(conn, { kind: 'rfm', name: request.ref }, options)
    if (lifecycleName(request.ref))
      return resolveSelection(conn, { kind: 'lifecycle', name: request.ref }, options)
    throw new StrataError(
      { code: 'strategy.segment_not_found', params: { segment: request.ref } },
      EXIT.NOT_FOUND,
    )
  }
  const name = request.kind === 'rfm' ? rfmName(request.name) : lifecycleName(request.name)
  if (!name) {
    const choices = request.kind === 'rfm' ? Object.keys(SEGMENT_NAMES) : [...LIFECYCLE_STAGES]
    throw new StrataError({
      code: `strategy.unknown_${request.kind}`,
      params: { name: request.name, choices: choices.join(', ') },
    })
  }
  const snap = await findSnapshot(conn, options.snapshot)
  const column = request.kind === 'rfm' ? sql`rfm_segment` : sql`lifecycle`
  return {
    kind: request.kind,
    name,
    label: name,
    snapshotId: snap.snapshotId,
    query: sql`SELECT customer_id FROM customer_scores WHERE snapshot_id = ${snap.snapshotId} AND ${column} = ${name}`,
  }
}
