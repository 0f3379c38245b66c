import { SEGMENT_NAMES } from '../../analytics/rfm-segment-map.js'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import { LANGS, type Lang } from '../../i18n/locale.js'
import { t } from '../../i18n/translate.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import { getSetting, setSetting } from '../../store/store.js'
import '../strategy-tables.js'
import { INDUSTRIES, type Industry, isIndustry } from './industry-presets.js'
import { defaultPlaybook } from './playbook-defaults.js'
import { applyEdit, type PlaybookEdit } from './playbook-edit.js'
import {
  allPlaybookIds,
  type Intent,
  PLAYBOOK_FIELDS,
  PLAYBOOK_INTENT,
  type PlaybookField,
  type PlaybookId,
  type PlaybookText,
} from './playbook-types.js'

/** A playbook as a user sees it: shipped text under the preset, with their edits applied. */
export interface Playbook {
  readonly id: PlaybookId
  readonly intent: Intent
  readonly industry: Industry
  readonly lang: Lang
  readonly text: PlaybookText
  /** Fields that come from the user's edit rather than the shipped text. */
  readonly edited: readonly PlaybookField[]
}

const INDUSTRY_SETTING = 'strategy.industry'

/** The store's industry preset (`retail` until one is chosen). */
export async function storeIndustry(conn: Connection): Promise<Industry> {
  const value = await getSetting(conn, INDUSTRY_SETTING, 'retail')
  return isIndustry(value) ? value : 'retail'
}

export async function setStoreIndustry(conn: Connection, industry: Industry): Promise<void> {
  await setSetting(conn, INDUSTRY_SETTING, industry)
}

/** Checks a user-typed industry name. */
export function parseIndustry(value: string): Industry {
  const v = value.trim().toLowerCase()
  if (isIndustry(v)) return v
  throw new StrataError({
    code: 'strategy.playbook.unknown_industry',
    params: { industry: value, industries: INDUSTRIES.join(', ') },
  })
}

/**
 * Finds the playbook a person means: `rfm:Loyal`, `lifecycle:Loyal`, a segment or stage name in any of
 * our languages, any case (`champions`, `冠军客户`, `At-risk`). A bare name that is both an RFM segment
 * and a lifecycle stage (`Loyal`) is the RFM one.
 */
export function resolvePlaybookId(text: string): PlaybookId {
  const wanted = text.trim().toLowerCase()
  const ids = allPlaybookIds()
  const direct = ids.find((id) => id.toLowerCase() === wanted)
  if (direct) return direct
  for (const id of ids) {
    const [kind, name] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)]
    const labels =
      kind === 'rfm'
        ? [name, ...Object.values(SEGMENT_NAMES[name] ?? {})]
        : [name, ...LANGS.map((l) => t(l, `analytics.lifecycle.${name}`))]
    if (labels.some((l) => l.toLowerCase() === wanted)) return id
  }
  throw new StrataError(
    { code: 'strategy.playbook.not_found', params: { playbook: text, playbooks: ids.join(', ') } },
    EXIT.NOT_FOUND,
  )
}

async function readEdits(conn: Connection, industry: Industry) {
  const rows = await conn.all<{ playbook: string; lang: string; fields: string }>(sql`
    SELECT playbook, lang, CAST(fields AS VARCHAR) AS fields FROM playbook_overrides WHERE industry = ${industry}`)
  const edits = new Map<string, Partial<Record<PlaybookField, string | string[]>>>()
  for (const r of rows) edits.set(`${r.playbook}|${r.lang}`, JSON.parse(r.fields))
  return edits
}

function build(
  id: PlaybookId,
  industry: Industry,
  lang: Lang,
  edit: Partial<Record<PlaybookField, string | string[]>> | undefined,
): Playbook {
  return {
    id,
    intent: PLAYBOOK_INTENT[id]!,
    industry,
    lang,
    text: applyEdit(defaultPlaybook(id, industry, lang), edit),
    edited: PLAYBOOK_FIELDS.filter((f) => edit?.[f] !== undefined),
  }
}

/** One playbook under a preset, in one language, edits applied. */
export async function getPlaybook(
  conn: Connection,
  id: PlaybookId,
  options: { industry: Industry; lang: Lang },
): Promise<Playbook> {
  const edits = await readEdits(conn, options.industry)
  return build(id, options.industry, options.lang, edits.get(`${id}|${options.lang}`))
}

/** Every playbook (11 RFM segments, then the lifecycle stages) under a preset, edits applied. */
export async function listPlaybooks(
  conn: Connection,
  options: { industry: Industry; lang: Lang },
): Promise<Playbook[]> {
  const edits = await readEdits(conn, options.industry)
  return allPlaybookIds().map((id) =>
    build(id, options.industry, options.lang, edits.get(`${id}|${options.lang}`)),
  )
}

/**
 * Stores a checked edit (see `checkPlaybookEdit`): the new fields are merged into any earlier edit of the
 * same playbook, preset and language, in one transaction.
 */
export async function editPlaybook(
  conn: Connection,
  id: PlaybookId,
  edit: PlaybookEdit,
  options: { industry: Industry; now: string },
): Promise<void> {
  const existing = await readEdits(conn, options.industry)
  await conn.transaction(async () => {
    for (const [lang, fields] of Object.entries(edit)) {
      if (!fields || Object.keys(fields).length === 0) continue
      const merged = { ...(existing.get(`${id}|${lang}`) ?? {}), ...fields }
      await conn.run(sql`DELETE FROM playbook_overrides
        WHERE playbook = ${id} AND industry = ${options.industry} AND lang = ${lang}`)
      await conn.run(sql`INSERT INTO playbook_overrides (playbook, industry, lang, fields, updated_at)
        VALUES (${id}, ${options.industry}, ${lang}, ${JSON.stringify(merged)}, CAST(${options.now} AS TIMESTAMP))`)
    }
  })
}

/** Drops the user's edits of a playbook (one language, or all); returns how many were removed. */
export async function resetPlaybook(
  conn: Connection,
  id: PlaybookId,
  options: { industry: Industry; lang?: Lang },
): Promise<number> {
  const langFilter = options.lang ? sql` AND lang = ${options.lang}` : sql``
  const where = sql`playbook = ${id} AND industry = ${options.industry}${langFilter}`
  const row = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM playbook_overrides WHERE ${where}`)
  await conn.run(sql`DELETE FROM playbook_overrides WHERE ${where}`)
  return row?.n ?? 0
}
