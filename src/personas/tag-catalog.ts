import { findSnapshot } from '../analytics/snapshot-lookup.js'
import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { BUILTIN_TAGS, builtinOf } from './builtin-tags.js'
import { type CompileDefinition, compileDefinition } from './definition-compiler.js'
import { DEFAULT_TAG_CONFIG, type TagConfig } from './tag-config.js'
import { tagCutoffs } from './tag-refresh.js'
import { isValidTagName, type Localized, localized } from './tag-text.js'
import './tag-tables.js'

export interface TagInfo {
  readonly tag: string
  readonly source: 'builtin' | 'user'
  readonly definition: string | null
  readonly description: Partial<Localized> | null
  readonly customers: number
}

function parseDescription(v: unknown): Partial<Localized> | null {
  if (v === null || v === undefined) return null
  try {
    return JSON.parse(String(v)) as Partial<Localized>
  } catch {
    return null
  }
}

/**
 * Every tag with its description and how many customers carry it now. A family (category-lover) is
 * listed once per value found (`category-lover:母婴`), with the family's description.
 */
export async function listTags(conn: Connection): Promise<TagInfo[]> {
  const defs = await conn.all<{
    tag: string
    source: string
    definition: string | null
    description: unknown
  }>(sql`SELECT tag, source, definition, description FROM tag_definitions ORDER BY source, tag`)
  const counts = await conn.all<{ tag: string; customers: number }>(
    sql`SELECT tag, count(DISTINCT customer_id) AS customers FROM customer_tags GROUP BY tag`,
  )
  const byTag = new Map(counts.map((c) => [c.tag, Number(c.customers)]))
  const out: TagInfo[] = []
  for (const def of defs) {
    const source = def.source === 'user' ? 'user' : 'builtin'
    const description = parseDescription(def.description)
    const family = source === 'builtin' && BUILTIN_TAGS.find((b) => b.id === def.tag)?.family
    if (family) {
      const members = counts.filter((c) => c.tag.startsWith(`${def.tag}:`))
      for (const m of members.sort(
        (a, b) => Number(b.customers) - Number(a.customers) || a.tag.localeCompare(b.tag),
      ))
        out.push({ tag: m.tag, source, definition: null, description, customers: Number(m.customers) })
      continue
    }
    out.push({
      tag: def.tag,
      source,
      definition: def.definition,
      description,
      customers: byTag.get(def.tag) ?? 0,
    })
  }
  return out
}

export interface TagReason {
  readonly tag: string
  readonly source: 'builtin' | 'user'
  /** Message key and parameters: `personas.tag.<id>.why`, or the user definition. */
  readonly key: string
  readonly params: Record<string, unknown>
}

export interface CustomerTags {
  readonly customerId: string
  readonly snapshotId: string | null
  readonly tags: readonly TagReason[]
}

/**
 * Why a customer carries each of their tags: the built-ins with the customer's own numbers against the
 * thresholds, user tags with the definition they matched.
 */
export async function explainCustomerTags(
  conn: Connection,
  customerId: string,
  config: TagConfig = DEFAULT_TAG_CONFIG,
): Promise<CustomerTags> {
  const tags = await conn.all<{
    tag: string
    source: string
    snapshot_id: string | null
    definition: string | null
  }>(sql`
    SELECT ct.tag, ct.source, ct.snapshot_id, td.definition
    FROM customer_tags AS ct LEFT JOIN tag_definitions AS td ON td.tag = ct.tag AND td.source = 'user'
    WHERE ct.customer_id = ${customerId} ORDER BY ct.source, ct.tag`)
  if (tags.length === 0) {
    // No tags is an answer for a known customer; an unknown id is a mistake worth saying so.
    const known = await conn.one(sql`SELECT customer_id FROM customers WHERE customer_id = ${customerId}
      UNION ALL SELECT customer_id FROM customer_scores WHERE customer_id = ${customerId} LIMIT 1`)
    if (!known)
      throw new StrataError(
        { code: 'personas.customer_not_found', params: { customer: customerId } },
        EXIT.NOT_FOUND,
      )
  }
  const snapshotId = tags[0]?.snapshot_id ?? null
  const row =
    snapshotId === null
      ? undefined
      : await conn.one(
          sql`SELECT * FROM customer_scores WHERE snapshot_id = ${snapshotId} AND customer_id = ${customerId}`,
        )
  const cutoffs =
    snapshotId === null
      ? { highAov: null, bigSpender: null, lapsedVip: null }
      : await tagCutoffs(conn, snapshotId, config)
  const asOf =
    snapshotId === null
      ? null
      : ((
          await conn.one<{ as_of: string }>(
            sql`SELECT ${conn.dialect.formatDate(sql`as_of`)} AS as_of FROM snapshots WHERE snapshot_id = ${snapshotId}`,
          )
        )?.as_of ?? null)
  const evidence = new Map<string, Record<string, unknown>>()
  for (const t of tags) {
    const b = t.source === 'builtin' ? builtinOf(t.tag) : undefined
    if (b?.evidence && asOf !== null)
      evidence.set(t.tag, (await conn.one(b.evidence(conn.dialect, config, asOf, customerId))) ?? {})
  }
  const reasons: TagReason[] = tags.map((t) => {
    if (t.source === 'user')
      return {
        tag: t.tag,
        source: 'user',
        key: 'personas.tag.user.why',
        params: { definition: t.definition ?? '' },
      }
    const b = builtinOf(t.tag)
    if (!b || !row) return { tag: t.tag, source: 'builtin', key: 'personas.tag.unknown.why', params: {} }
    return {
      tag: t.tag,
      source: 'builtin',
      key: `personas.tag.${b.id}.why`,
      params: b.explain({ ...row, ...evidence.get(t.tag) }, t.tag, config, cutoffs),
    }
  })
  return { customerId, snapshotId, tags: reasons }
}

/** Thresholds and cut-offs of a built-in as stated in its description, for a given language. */
export function builtinDescription(id: string): Localized | null {
  const b = BUILTIN_TAGS.find((x) => x.id === id)
  return b
    ? localized(
        `personas.tag.${b.id}.description`,
        b.params(DEFAULT_TAG_CONFIG, { highAov: null, bigSpender: null, lapsedVip: null }),
      )
    : null
}

export interface DefineTagInput {
  readonly tag: string
  readonly definition: string
  readonly description?: string
  readonly now: string
  readonly compile?: CompileDefinition
}

/**
 * Adds or replaces a user tag defined in the segment language and assigns it for the newest snapshot
 * straight away. The definition must compile; a built-in name cannot be taken.
 */
export async function defineTag(
  conn: Connection,
  input: DefineTagInput,
): Promise<{ tag: string; canonical: string; customers: number }> {
  const d = conn.dialect
  if (!isValidTagName(input.tag))
    throw new StrataError({ code: 'personas.tag.bad_name', params: { tag: input.tag } }, EXIT.USAGE)
  if (builtinOf(input.tag) || BUILTIN_TAGS.some((b) => b.id === input.tag))
    throw new StrataError({ code: 'personas.tag.builtin_name', params: { tag: input.tag } }, EXIT.USAGE)
  const snap = await findSnapshot(conn, 'latest')
  const compile = input.compile ?? compileDefinition
  const compiled = compile(input.definition, d, { asOf: snap.asOf, snapshotId: snap.snapshotId })
  if (!compiled.ok) {
    const [first, ...more] = compiled.diagnostics
    throw new StrataError(first!, EXIT.USAGE, more)
  }
  const description = input.description
    ? JSON.stringify({ en: input.description, 'zh-CN': input.description, 'zh-TW': input.description })
    : null
  const at = d.timestampLiteral(input.now)
  await conn.transaction(async () => {
    await conn.run(sql`DELETE FROM tag_definitions WHERE tag = ${input.tag}`)
    await conn.run(sql`DELETE FROM customer_tags WHERE tag = ${input.tag}`)
    await conn.run(sql`INSERT INTO tag_definitions (tag, source, definition, description, created_at)
      VALUES (${input.tag}, 'user', ${compiled.value.canonical}, ${description}, ${at})`)
    await conn.run(sql`INSERT INTO customer_tags (customer_id, tag, source, snapshot_id, assigned_at)
      SELECT m.customer_id, ${input.tag}, 'user', ${snap.snapshotId}, ${at} FROM (${compiled.value.query}) AS m`)
  })
  const n = await conn.one<{ n: number }>(
    sql`SELECT count(*) AS n FROM customer_tags WHERE tag = ${input.tag}`,
  )
  return { tag: input.tag, canonical: compiled.value.canonical, customers: Number(n?.n ?? 0) }
}

/** Removes a user tag and its assignments; built-ins cannot be deleted (they are recomputed each refresh). */
export async function deleteTag(conn: Connection, tag: string): Promise<void> {
  const row = await conn.one<{ source: string }>(sql`SELECT source FROM tag_definitions WHERE tag = ${tag}`)
  if (!row) throw new StrataError({ code: 'personas.tag.not_found', params: { tag } }, EXIT.NOT_FOUND)
  if (row.source !== 'user')
    throw new StrataError({ code: 'personas.tag.builtin_name', params: { tag } }, EXIT.USAGE)
  await conn.transaction(async () => {
    await conn.run(sql`DELETE FROM customer_tags WHERE tag = ${tag}`)
    await conn.run(sql`DELETE FROM tag_definitions WHERE tag = ${tag}`)
  })
}
