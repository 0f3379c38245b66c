import { findSnapshot } from '../analytics/snapshot-lookup.js'
import type { Diagnostic } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { BUILTIN_TAGS } from './builtin-tags.js'
import { type CompileDefinition, compileDefinition } from './definition-compiler.js'
import { DEFAULT_TAG_CONFIG, type TagConfig, type TagCutoffs } from './tag-config.js'
import { localized } from './tag-text.js'
import './tag-tables.js'

export interface RefreshTagsOptions {
  /** Snapshot id, or `latest` / undefined for the newest. */
  readonly snapshot?: string
  /** When the tags were assigned (`YYYY-MM-DD HH:MM:SS`, the caller's clock). */
  readonly now: string
  readonly config?: TagConfig
  readonly compile?: CompileDefinition
}

export interface TagCount {
  readonly tag: string
  readonly source: 'builtin' | 'user'
  readonly customers: number
}

export interface RefreshTagsResult {
  readonly snapshotId: string
  readonly asOf: string
  readonly cutoffs: TagCutoffs
  readonly counts: readonly TagCount[]
  /** User tags whose definition no longer compiles (kept, but assigned to nobody this time). */
  readonly warnings: readonly Diagnostic[]
}

/**
 * The quantile cut-offs of a snapshot's scored customers. Computed once per refresh and bound as values,
 * so the same numbers appear in the SQL, the descriptions and the explanations.
 */
export async function tagCutoffs(
  conn: Connection,
  snapshotId: string,
  config: TagConfig,
): Promise<TagCutoffs> {
  const d = conn.dialect
  const row = await conn.one<Record<string, number | null>>(sql`
    SELECT ${d.quantileCont(sql`s.aov`, config.highAovQuantile)} AS high_aov,
      ${d.quantileCont(sql`s.monetary`, config.bigSpenderQuantile)} AS big_spender,
      ${d.quantileCont(sql`s.monetary`, config.lapsedVipQuantile)} AS lapsed_vip
    FROM customer_scores AS s WHERE s.snapshot_id = ${snapshotId} AND s.frequency > 0`)
  const round = (v: number | null | undefined) =>
    v === null || v === undefined ? null : Math.round(v * 100) / 100
  return {
    highAov: round(row?.['high_aov']),
    bigSpender: round(row?.['big_spender']),
    lapsedVip: round(row?.['lapsed_vip']),
  }
}

/** Rewrites the built-in rows of `tag_definitions` so their descriptions state the thresholds in force. */
async function writeBuiltinDefinitions(
  conn: Connection,
  config: TagConfig,
  cutoffs: TagCutoffs,
  now: string,
) {
  const d = conn.dialect
  await conn.run(sql`DELETE FROM tag_definitions WHERE source = 'builtin'`)
  for (const b of BUILTIN_TAGS) {
    const description = JSON.stringify(
      localized(`personas.tag.${b.id}.description`, b.params(config, cutoffs)),
    )
    await conn.run(sql`INSERT INTO tag_definitions (tag, source, definition, description, created_at)
      VALUES (${b.id}, 'builtin', NULL, ${description}, ${d.timestampLiteral(now)})`)
  }
}

/**
 * Recomputes every tag for a snapshot: the built-ins from its features, then the user tags from their
 * segment-language definitions, replacing the current `customer_tags` in one transaction (a failure
 * leaves the previous tags in place).
 *
 * @example
 * await refreshTags(conn, { now: '2026-07-01 08:00:00' })
 */
export async function refreshTags(conn: Connection, options: RefreshTagsOptions): Promise<RefreshTagsResult> {
  const d = conn.dialect
  const config = options.config ?? DEFAULT_TAG_CONFIG
  const compile = options.compile ?? compileDefinition
  const snap = await findSnapshot(conn, options.snapshot)
  const cutoffs = await tagCutoffs(conn, snap.snapshotId, config)
  const at = d.timestampLiteral(options.now)
  const warnings: Diagnostic[] = []
  await conn.transaction(async () => {
    await conn.run(sql`DELETE FROM customer_tags`)
    await writeBuiltinDefinitions(conn, config, cutoffs, options.now)
    for (const b of BUILTIN_TAGS) {
      const tag = b.tagText ? b.tagText(d) : sql`${b.id}`
      await conn.run(sql`INSERT INTO customer_tags (customer_id, tag, source, snapshot_id, assigned_at)
        SELECT s.customer_id, ${tag}, 'builtin', s.snapshot_id, ${at}
        FROM customer_scores AS s
        WHERE s.snapshot_id = ${snap.snapshotId} AND s.frequency > 0 AND ${b.condition(d, config, cutoffs, snap.asOf)}`)
    }
    const users = await conn.all<{ tag: string; definition: string }>(
      sql`SELECT tag, definition FROM tag_definitions WHERE source = 'user' ORDER BY created_at, tag`,
    )
    for (const u of users) {
      const compiled = compile(u.definition, d, { asOf: snap.asOf, snapshotId: snap.snapshotId })
      if (!compiled.ok) {
        warnings.push({ code: 'personas.tag.definition_broken', params: { tag: u.tag }, severity: 'warning' })
        continue
      }
      await conn.run(sql`INSERT INTO customer_tags (customer_id, tag, source, snapshot_id, assigned_at)
        SELECT m.customer_id, ${u.tag}, 'user', ${snap.snapshotId}, ${at}
        FROM (${compiled.value.query}) AS m`)
    }
  })
  return { snapshotId: snap.snapshotId, asOf: snap.asOf, cutoffs, counts: await tagCounts(conn), warnings }
}

/** Customers per current tag, largest first (ties by name). */
export async function tagCounts(conn: Connection): Promise<TagCount[]> {
  const rows = await conn.all<{ tag: string; source: 'builtin' | 'user'; customers: number }>(sql`
    SELECT tag, min(source) AS source, count(DISTINCT customer_id) AS customers
    FROM customer_tags GROUP BY tag ORDER BY customers DESC, tag`)
  return rows.map((r) => ({ tag: r.tag, source: r.source, customers: Number(r.customers) }))
}
