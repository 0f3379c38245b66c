import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import '../strategy-tables.js'

/** One audience export as remembered: counts only, never which customers. */
export interface ExportRecord {
  readonly exportId: string
  readonly exportedAt: string
  readonly actor: string
  readonly selectionKind: string
  readonly selection: string
  readonly snapshotId: string | null
  readonly format: string
  readonly columns: string | null
  readonly rows: number
  readonly withoutConsent: number
  readonly withoutIdentifier: number
  readonly destination: string | null
}

/** Adds an export to the history; its id is `exp-N`, N one more than the count so far. */
export async function recordExport(
  conn: Connection,
  record: Omit<ExportRecord, 'exportId'>,
): Promise<string> {
  return conn.transaction(async () => {
    const n = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM audience_exports`)
    const exportId = `exp-${(n?.n ?? 0) + 1}`
    await conn.run(sql`INSERT INTO audience_exports (export_id, exported_at, actor, selection_kind, selection,
        snapshot_id, format, columns, rows, without_consent, without_identifier, destination)
      VALUES (${exportId}, CAST(${record.exportedAt} AS TIMESTAMP), ${record.actor}, ${record.selectionKind},
        ${record.selection}, ${record.snapshotId}, ${record.format}, ${record.columns}, ${record.rows},
        ${record.withoutConsent}, ${record.withoutIdentifier}, ${record.destination})`)
    return exportId
  })
}

/** The history, newest first. */
export async function listExports(conn: Connection, limit = 50): Promise<ExportRecord[]> {
  const rows = await conn.all<Record<string, unknown>>(sql`
    SELECT export_id, CAST(exported_at AS VARCHAR) AS exported_at, actor, selection_kind, selection, snapshot_id,
      format, columns, rows, without_consent, without_identifier, destination
    FROM audience_exports ORDER BY exported_at DESC, export_id DESC LIMIT ${limit}`)
  return rows.map((r) => ({
    exportId: String(r['export_id']),
    exportedAt: String(r['exported_at']),
    actor: String(r['actor']),
    selectionKind: String(r['selection_kind']),
    selection: String(r['selection']),
    snapshotId: (r['snapshot_id'] as string | null) ?? null,
    format: String(r['format']),
    columns: (r['columns'] as string | null) ?? null,
    rows: Number(r['rows']),
    withoutConsent: Number(r['without_consent']),
    withoutIdentifier: Number(r['without_identifier']),
    destination: (r['destination'] as string | null) ?? null,
  }))
}
