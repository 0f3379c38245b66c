import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import '../evaluation/evaluation-tables.js'

export interface StoredReport {
  readonly reportId: string
  readonly kind: string
  readonly asOf: string
  readonly lang: string
  readonly format: string
  readonly snapshotId: string | null
  readonly createdAt: string
  readonly path: string | null
}

/** Keeps a generated report (its HTML and where a file was written); returns its id. */
export async function saveReport(
  conn: Connection,
  r: Omit<StoredReport, 'reportId'> & { html: string },
): Promise<string> {
  const d = conn.dialect
  const row = await conn.one<{ n: number }>(
    sql`SELECT coalesce(max(CAST(report_id AS INTEGER)), 0) + 1 AS n FROM reports`,
  )
  const id = String(row?.n ?? 1)
  await conn.run(sql`INSERT INTO reports (report_id, kind, as_of, lang, format, snapshot_id, created_at, path, html)
    VALUES (${id}, ${r.kind}, ${d.dateLiteral(r.asOf)}, ${r.lang}, ${r.format}, ${r.snapshotId},
      ${d.timestampLiteral(r.createdAt)}, ${r.path}, ${r.html})`)
  return id
}

/** Past reports, newest first (without their HTML). */
export async function listReports(conn: Connection): Promise<StoredReport[]> {
  const d = conn.dialect
  const rows = await conn.all<Record<string, string | null>>(sql`
    SELECT report_id, kind, ${d.formatDate(sql`as_of`)} AS as_of, lang, format, snapshot_id,
      CAST(created_at AS VARCHAR) AS created_at, path
    FROM reports ORDER BY CAST(report_id AS INTEGER) DESC`)
  return rows.map((r) => ({
    reportId: String(r['report_id']),
    kind: String(r['kind']),
    asOf: String(r['as_of']),
    lang: String(r['lang']),
    format: String(r['format']),
    snapshotId: r['snapshot_id'] ?? null,
    createdAt: String(r['created_at']),
    path: r['path'] ?? null,
  }))
}

/** A past report's HTML, or null. */
export async function reportHtml(conn: Connection, reportId: string): Promise<string | null> {
  const row = await conn.one<{ html: string }>(sql`SELECT html FROM reports WHERE report_id = ${reportId}`)
  return row?.html ?? null
}
