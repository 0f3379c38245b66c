import { once } from 'node:events'
import { findSnapshot } from '../../analytics/snapshot-lookup.js'
import { csvCell } from '../../core/csv-cell.js'
import { StrataError } from '../../core/diagnostics.js'
import type { Dialect } from '../../sql/dialect.js'
import type { Connection } from '../../sql/driver.js'
import { type Fragment, ident, join, sql } from '../../sql/fragment.js'
import { hashedEmail, hashedPhone, type IdentifierOptions } from './identifiers.js'
import type { Selection } from './selection.js'

export const AUDIENCE_FORMATS = ['csv', 'json', 'ads'] as const
export type AudienceFormat = (typeof AUDIENCE_FORMATS)[number]

/** Columns an audience can carry: the customer's profile, and scores from the snapshot. */
const COLUMNS: Readonly<
  Record<string, { readonly score: boolean; readonly expr: (d: Dialect) => Fragment }>
> = {
  customer_id: { score: false, expr: () => sql`c.customer_id` },
  email: { score: false, expr: () => sql`c.email` },
  phone: { score: false, expr: () => sql`c.phone` },
  name: { score: false, expr: () => sql`c.name` },
  gender: { score: false, expr: () => sql`c.gender` },
  birth_date: { score: false, expr: (d) => d.formatDate(sql`c.birth_date`) },
  city: { score: false, expr: () => sql`c.city` },
  region: { score: false, expr: () => sql`c.region` },
  country: { score: false, expr: () => sql`c.country` },
  signup_at: { score: false, expr: (d) => d.formatDate(sql`c.signup_at`) },
  rfm_segment: { score: true, expr: () => sql`s.rfm_segment` },
  rfm_code: { score: true, expr: () => sql`s.rfm_code` },
  lifecycle: { score: true, expr: () => sql`s.lifecycle` },
  value_tier: { score: true, expr: () => sql`s.value_tier` },
  recency_days: { score: true, expr: () => sql`s.recency_days` },
  frequency: { score: true, expr: () => sql`s.frequency` },
  monetary: { score: true, expr: (d) => d.toDouble(sql`s.monetary`) },
  aov: { score: true, expr: (d) => d.toDouble(sql`s.aov`) },
  clv_12m: { score: true, expr: (d) => d.toDouble(sql`s.clv_12m`) },
  p_alive: { score: true, expr: () => sql`s.p_alive` },
  churn_band: { score: true, expr: () => sql`s.churn_band` },
  top_category: { score: true, expr: () => sql`s.top_category` },
}
export const AUDIENCE_COLUMNS = Object.keys(COLUMNS)
export const DEFAULT_AUDIENCE_COLUMNS = [
  'customer_id',
  'email',
  'phone',
  'city',
  'rfm_segment',
  'lifecycle',
  'clv_12m',
]
/** The ad-platform file: only hashed identifiers, the header most platforms accept. */
export const ADS_COLUMNS = ['email_sha256', 'phone_sha256']

export interface AudienceExportOptions extends IdentifierOptions {
  readonly selection: Selection
  readonly format: AudienceFormat
  /** For csv / json; ignored by `ads`, which carries hashed identifiers only. */
  readonly columns?: readonly string[]
  /** Snapshot for score columns (default: the selection's, else the latest). */
  readonly snapshot?: string
}

export interface AudienceExportResult {
  readonly rows: number
  /** Members left out because they have not given marketing consent (or are not in `customers`). */
  readonly withoutConsent: number
  /** ads format: consenting members with neither a valid email nor a valid phone. */
  readonly withoutIdentifier: number
  readonly columns: readonly string[]
  readonly snapshotId: string | null
}

/** Checks a user's column list against the known columns. */
export function checkColumns(columns: readonly string[]): string[] {
  const list = columns.map((c) => c.trim()).filter((c) => c !== '')
  const unknown = list.filter((c) => !(c in COLUMNS))
  if (unknown.length || list.length === 0) {
    throw new StrataError({
      code: 'strategy.audience.unknown_column',
      params: { columns: unknown.join(', ') || '—', choices: AUDIENCE_COLUMNS.join(', ') },
    })
  }
  return [...new Set(list)]
}

/**
 * Writes a selection's members who gave marketing consent (`customers.consent_marketing` true — false,
 * unknown and customers without a profile are all left out) to `out`, streaming: rows come from the
 * engine in chunks and each chunk is written (honouring back-pressure) before the next is read, so memory
 * stays flat whatever the size. `ads` writes SHA-256 hashes of the normalised email and phone, never the
 * raw values, and skips members with neither.
 */
export async function exportAudience(
  conn: Connection,
  options: AudienceExportOptions,
  out: NodeJS.WritableStream,
): Promise<AudienceExportResult> {
  const d = conn.dialect
  const ads = options.format === 'ads'
  const columns = ads ? ['email', 'phone'] : checkColumns(options.columns ?? DEFAULT_AUDIENCE_COLUMNS)
  const needsScores = columns.some((c) => COLUMNS[c]!.score)
  const snapshotId = needsScores
    ? (options.selection.snapshotId ?? (await findSnapshot(conn, options.snapshot)).snapshotId)
    : options.selection.snapshotId
  const members = sql`(SELECT DISTINCT customer_id FROM (${options.selection.query}) q) m`
  const scores = needsScores
    ? sql` LEFT JOIN customer_scores s ON s.snapshot_id = ${snapshotId} AND s.customer_id = m.customer_id`
    : sql``
  const excluded = await conn.one<{ n: number }>(sql`
    SELECT count(*) AS n FROM ${members} LEFT JOIN customers c ON c.customer_id = m.customer_id
    WHERE c.consent_marketing IS NULL OR c.consent_marketing <> TRUE`)
  const select = join(columns.map((c) => sql`${COLUMNS[c]!.expr(d)} AS ${ident(c)}`))
  const query = sql`
    SELECT ${select} FROM ${members} JOIN customers c ON c.customer_id = m.customer_id${scores}
    WHERE c.consent_marketing = TRUE ORDER BY c.customer_id`

  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  const header = ads ? ADS_COLUMNS : columns
  let rows = 0
  let withoutIdentifier = 0
  if (options.format === 'json') await write('[')
  else await write(`${header.join(',')}\n`)
  for await (const chunk of conn.stream<Record<string, unknown>>(query)) {
    let text = ''
    for (const row of chunk) {
      if (ads) {
        const email = hashedEmail(row['email'] as string | null, options)
        const phone = hashedPhone(row['phone'] as string | null, options)
        if (email === null && phone === null) {
          withoutIdentifier++
          continue
        }
        text += `${email ?? ''},${phone ?? ''}\n`
      } else if (options.format === 'json') {
        text += `${rows === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`
      } else {
        text += `${columns.map((c) => csvCell(row[c])).join(',')}\n`
      }
      rows++
    }
    if (text) await write(text)
  }
  if (options.format === 'json') await write(rows ? '\n]\n' : ']\n')
  return { rows, withoutConsent: excluded?.n ?? 0, withoutIdentifier, columns: header, snapshotId }
}
