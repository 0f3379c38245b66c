import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { type Fragment, sql } from '../sql/fragment.js'
import { compileDefinition, knownSegments } from './definition.js'
import { insertMembers, materializeQuery, recordStaticSize, type SizeRecord } from './materialize.js'
import type { SegmentContext } from './query-context.js'
import {
  assertNameFree,
  getSegment,
  insertSegmentRow,
  newSegmentId,
  type SegmentInfo,
} from './segment-catalog.js'
import { dropResolvedUpload, RESOLVED_UPLOAD, resolveIdList, type UploadResolution } from './static-upload.js'

/** When and against what a write happens: the edge's clock and the evaluation context. */
export interface WriteOptions {
  /** `YYYY-MM-DD HH:MM:SS`: stamps the segment and every stay opened or closed. */
  readonly now: string
  readonly ctx: SegmentContext
}

export interface NewDynamicSegment {
  readonly name: string
  readonly definition: string
  readonly description?: string | null
  readonly templateId?: string | null
}

/**
 * Saves a dynamic segment and materialises its members, in one transaction. The definition is checked
 * and compiled first: an invalid one throws with its diagnostics and nothing is written. The canonical
 * text is stored (so the web builder and the text agree).
 *
 * @example
 * await createSegment(conn, { name: 'At Risk VIPs', definition: "rfm_segment = 'At Risk'" }, { now, ctx })
 */
export async function createSegment(
  conn: Connection,
  input: NewDynamicSegment,
  options: WriteOptions,
): Promise<{ segment: SegmentInfo; size: SizeRecord }> {
  const compiled = compileDefinition(conn, input.definition, options.ctx, await knownSegments(conn))
  return conn.transaction(async () => {
    await assertNameFree(conn, input.name)
    const segmentId = await newSegmentId(conn, input.name, input.templateId ?? undefined)
    await insertSegmentRow(conn, {
      segmentId,
      name: input.name,
      kind: 'dynamic',
      definition: compiled.canonical,
      description: input.description ?? null,
      templateId: input.templateId ?? null,
      frozenFrom: null,
      now: options.now,
    })
    const size = await materializeQuery(conn, segmentId, compiled.query, options)
    return { segment: await getSegment(conn, segmentId), size }
  })
}

/**
 * A static segment's header row, its members (a query with `customer_id`) and the first size point — what an
 * uploaded list, a saved query and a freeze share. `members` is the count when the caller knows it.
 */
async function insertStaticSegment(
  conn: Connection,
  row: {
    name: string
    description: string | null
    definition?: string | null
    templateId?: string | null
    frozenFrom?: string | null
  },
  customers: Fragment,
  members: number | null,
  options: WriteOptions,
): Promise<{ segment: SegmentInfo; size: SizeRecord }> {
  const segmentId = await newSegmentId(conn, row.name)
  await insertSegmentRow(conn, {
    segmentId,
    kind: 'static',
    now: options.now,
    name: row.name,
    description: row.description,
    definition: row.definition ?? null,
    templateId: row.templateId ?? null,
    frozenFrom: row.frozenFrom ?? null,
  })
  await insertMembers(conn, segmentId, customers, options.now)
  const counted =
    members ??
    Number(
      (
        await conn.one<{ n: number }>(
          sql`SELECT count(*) AS n FROM segment_members WHERE segment_id = ${segmentId} AND exited_at IS NULL`,
        )
      )?.n ?? 0,
    )
  const size = await recordStaticSize(conn, segmentId, counted, options)
  return { segment: await getSegment(conn, segmentId), size }
}

/**
 * Saves a static segment from an uploaded id list (CSV or TXT). Ids resolve like a typed customer id
 * (canonical id, source id, email). Unknown or ambiguous ids are reported with file and line; unless
 * `allowUnknown`, any of them rejects the upload (exit 3) and nothing is saved.
 */
export async function createStaticSegment(
  conn: Connection,
  input: { name: string; file: string; description?: string | null; allowUnknown?: boolean },
  options: WriteOptions,
): Promise<{ segment: SegmentInfo; size: SizeRecord; upload: UploadResolution }> {
  await assertNameFree(conn, input.name)
  return conn.transaction(async () => {
    const upload = await resolveIdList(conn, input.file)
    try {
      const [first, ...more] = upload.problems
      if (first && !input.allowUnknown) throw new StrataError(first, EXIT.DATA, more)
      if (upload.lines === 0) {
        throw new StrataError({ code: 'segments.upload.empty', params: { file: input.file } }, EXIT.DATA)
      }
      const row = { name: input.name, description: input.description ?? null }
      return { ...(await insertStaticSegment(conn, row, RESOLVED_UPLOAD, upload.customers, options)), upload }
    } finally {
      await dropResolvedUpload(conn)
    }
  })
}

/**
 * Saves the customers a query selects (a column `customer_id`) as a static segment: what clusters and
 * lookalikes are kept as. Same ids, name check, members and first size point as an uploaded list.
 *
 * @example
 * await createSegmentFromQuery(conn, { name: 'Night owls', members: sql`SELECT customer_id FROM …` }, { now, ctx })
 */
export async function createSegmentFromQuery(
  conn: Connection,
  input: { name: string; members: Fragment; description?: string | null },
  options: WriteOptions,
): Promise<{ segment: SegmentInfo; size: SizeRecord }> {
  return conn.transaction(async () => {
    await assertNameFree(conn, input.name)
    const row = { name: input.name, description: input.description ?? null }
    return insertStaticSegment(conn, row, input.members, null, options)
  })
}

/**
 * A static copy of a segment's current members under a new name (`frozen_from` names the source): a
 * campaign audience that must not move while the campaign runs.
 */
export async function freezeSegment(
  conn: Connection,
  ref: string,
  input: { name: string; description?: string | null },
  options: WriteOptions,
): Promise<{ segment: SegmentInfo; size: SizeRecord }> {
  return conn.transaction(async () => {
    const source = await getSegment(conn, ref)
    await assertNameFree(conn, input.name)
    const row = {
      name: input.name,
      description: input.description ?? source.description,
      definition: source.definition,
      templateId: source.templateId,
      frozenFrom: source.segmentId,
    }
    const current = sql`SELECT customer_id FROM segment_members WHERE segment_id = ${source.segmentId} AND exited_at IS NULL`
    return insertStaticSegment(conn, row, current, source.members, options)
  })
}

/**
 * Renames, redescribes or redefines a segment. A new definition is compiled first (invalid → nothing
 * written) and the members are rematerialised in the same transaction, closing and opening stays, so the
 * history shows who the edit moved. Static segments take no definition.
 */
export async function updateSegment(
  conn: Connection,
  ref: string,
  change: { name?: string; definition?: string; description?: string | null },
  options: WriteOptions,
): Promise<{ segment: SegmentInfo; size: SizeRecord | null }> {
  const seg = await getSegment(conn, ref)
  if (change.definition !== undefined && seg.kind === 'static') {
    throw new StrataError({ code: 'segments.static_definition', params: { segment: seg.name } })
  }
  const compiled =
    change.definition === undefined
      ? undefined
      : compileDefinition(conn, change.definition, options.ctx, await knownSegments(conn))
  return conn.transaction(async () => {
    if (change.name !== undefined && change.name !== seg.name) {
      await assertNameFree(conn, change.name, seg.segmentId)
    }
    const d = conn.dialect
    await conn.run(sql`UPDATE segments SET
        name = ${change.name ?? seg.name},
        description = ${change.description === undefined ? seg.description : change.description},
        definition = ${compiled?.canonical ?? seg.definition},
        updated_at = ${d.timestampLiteral(options.now)}
      WHERE segment_id = ${seg.segmentId}`)
    const size = compiled ? await materializeQuery(conn, seg.segmentId, compiled.query, options) : null
    return { segment: await getSegment(conn, seg.segmentId), size }
  })
}
