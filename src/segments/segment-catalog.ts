import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection, Row } from '../sql/driver.js'
import { ident, sql } from '../sql/fragment.js'
import './segment-tables.js'

export type SegmentKind = 'dynamic' | 'static'

/** A saved segment's header (the `segments` row) with its current size. */
export interface SegmentInfo {
  readonly segmentId: string
  readonly name: string
  readonly kind: SegmentKind
  readonly definition: string | null
  readonly description: string | null
  readonly templateId: string | null
  readonly frozenFrom: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly computedAt: string | null
  readonly computedAsOf: string | null
  /** Current members (stays with no exit). */
  readonly members: number
}

function text(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v)
}

function toInfo(r: Row): SegmentInfo {
  return {
    segmentId: String(r['segment_id']),
    name: String(r['name']),
    kind: r['kind'] as SegmentKind,
    definition: text(r['definition']),
    description: text(r['description']),
    templateId: text(r['template_id']),
    frozenFrom: text(r['frozen_from']),
    createdAt: String(r['created_at']),
    updatedAt: String(r['updated_at']),
    computedAt: text(r['computed_at']),
    computedAsOf: text(r['computed_as_of']),
    members: Number(r['members'] ?? 0),
  }
}

function selectSegments(conn: Connection) {
  const d = conn.dialect
  return sql`SELECT s.segment_id, s.name, s.kind, s.definition, s.description, s.template_id, s.frozen_from,
      CAST(s.created_at AS VARCHAR) AS created_at, CAST(s.updated_at AS VARCHAR) AS updated_at,
      CAST(s.computed_at AS VARCHAR) AS computed_at, ${d.formatDate(sql`s.computed_as_of`)} AS computed_as_of,
      (SELECT count(*) FROM segment_members m WHERE m.segment_id = s.segment_id AND m.exited_at IS NULL)
        AS members
    FROM segments s`
}

/** Every saved segment, by name. */
export async function listSegments(conn: Connection): Promise<SegmentInfo[]> {
  const rows = await conn.all(sql`${selectSegments(conn)} ORDER BY s.name, s.segment_id`)
  return rows.map(toInfo)
}

/** The segment with this id, else this exact name; undefined when there is none. */
export async function findSegment(conn: Connection, ref: string): Promise<SegmentInfo | undefined> {
  const rows = await conn.all(
    sql`${selectSegments(conn)} WHERE s.segment_id = ${ref} OR s.name = ${ref}
      ORDER BY CASE WHEN s.segment_id = ${ref} THEN 0 ELSE 1 END LIMIT 1`,
  )
  return rows[0] ? toInfo(rows[0]) : undefined
}

/**
 * The segment a person means (id or name); a missing one is a user error (exit 4).
 *
 * @example
 * const seg = await getSegment(conn, 'At Risk')
 */
export async function getSegment(conn: Connection, ref: string): Promise<SegmentInfo> {
  const found = await findSegment(conn, ref)
  if (!found) throw new StrataError({ code: 'segments.not_found', params: { segment: ref } }, EXIT.NOT_FOUND)
  return found
}

/**
 * A stable id for a new segment: the name as an ASCII slug (`At Risk` → `at-risk`), or `seg-N` when the
 * name has no ASCII letters or digits (`高价值` → `seg-3`); a taken id gets `-2`, `-3`… Ids never change
 * after creation, so a renamed segment keeps its history and every reference to it. A segment made from
 * a template takes the template's id when it is free (`rfm-at-risk`), whatever language its name is in.
 */
export async function newSegmentId(conn: Connection, name: string, preferred?: string): Promise<string> {
  const taken = new Set(
    (await conn.all<{ segment_id: string }>(sql`SELECT segment_id FROM segments`)).map((r) => r.segment_id),
  )
  if (preferred && !taken.has(preferred)) return preferred
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
  if (!slug) {
    let n = taken.size + 1
    while (taken.has(`seg-${n}`)) n++
    return `seg-${n}`
  }
  if (!taken.has(slug)) return slug
  let n = 2
  while (taken.has(`${slug}-${n}`)) n++
  return `${slug}-${n}`
}

/** Refuses a name another segment (other than `except`) already has, or an empty one. */
export async function assertNameFree(conn: Connection, name: string, except?: string): Promise<void> {
  if (name.trim() === '') throw new StrataError({ code: 'segments.name_empty' })
  const clash = await conn.one(
    sql`SELECT segment_id FROM segments WHERE (name = ${name} OR segment_id = ${name})
      AND segment_id <> ${except ?? ''}`,
  )
  if (clash) throw new StrataError({ code: 'segments.name_taken', params: { name } })
}

/** The header row of a new segment. */
export async function insertSegmentRow(
  conn: Connection,
  row: {
    segmentId: string
    name: string
    kind: SegmentKind
    definition: string | null
    description: string | null
    templateId: string | null
    frozenFrom: string | null
    now: string
  },
): Promise<void> {
  const now = conn.dialect.timestampLiteral(row.now)
  await conn.run(sql`INSERT INTO segments (segment_id, name, kind, definition, description, template_id,
      frozen_from, created_at, updated_at)
    VALUES (${row.segmentId}, ${row.name}, ${row.kind}, ${row.definition}, ${row.description},
      ${row.templateId}, ${row.frozenFrom}, ${now}, ${now})`)
}

/**
 * Deletes a segment with its membership history, size series and export log, in one transaction.
 *
 * @example
 * await deleteSegment(conn, 'old-promo')
 */
export async function deleteSegment(conn: Connection, ref: string): Promise<SegmentInfo> {
  const seg = await getSegment(conn, ref)
  await conn.transaction(async () => {
    for (const table of ['segment_members', 'segment_sizes', 'segment_exports', 'segments'] as const) {
      await conn.run(sql`DELETE FROM ${ident(table)} WHERE segment_id = ${seg.segmentId}`)
    }
  })
  return seg
}
