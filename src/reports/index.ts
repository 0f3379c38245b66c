// Reports: the weekly report (HTML with server-rendered SVG charts, PDF through headless Chromium).
import { writeFileSync } from 'node:fs'
import type { Lang } from '../i18n/locale.js'
import type { Connection } from '../sql/driver.js'
import { htmlToPdf } from './pdf.js'
import { saveReport } from './report-store.js'
import { gatherWeekly } from './weekly-data.js'
import { renderWeeklyHtml } from './weekly-html.js'

export { findChromium } from '../core/chromium.js'
export { cohortChart, kpiTrendChart, migrationChart, renderSvg, segmentChart } from './charts.js'
export { htmlToPdf } from './pdf.js'
export type { StoredReport } from './report-store.js'
export { getReport, listReports, reportHtml, saveReport } from './report-store.js'
export type { AtRiskCustomer, ImportQuality, WeeklyData } from './weekly-data.js'
export { gatherWeekly } from './weekly-data.js'
export { renderWeeklyHtml } from './weekly-html.js'

export interface WeeklyReportOptions {
  readonly asOf?: string
  readonly lang: Lang
  readonly format: 'html' | 'pdf'
  /** File to write; none for HTML means the caller prints it. A PDF needs a file. */
  readonly out?: string
  /** When it was generated (the caller's clock), `YYYY-MM-DD HH:MM:SS`. */
  readonly now: string
  readonly chromium?: string
  /** Add name, e-mail and phone to the at-risk list (personal data: only when asked). */
  readonly withContact?: boolean
}

/**
 * Builds the weekly report, writes it (HTML, or PDF via Chromium) when `out` is given, and keeps it in
 * `reports`. Returns the HTML and the stored id — the server's scheduler calls this too.
 */
export async function weeklyReport(
  conn: Connection,
  options: WeeklyReportOptions,
): Promise<{ reportId: string; html: string; asOf: string; snapshotId: string }> {
  const data = await gatherWeekly(conn, { asOf: options.asOf, withContact: options.withContact })
  const html = renderWeeklyHtml(data, options.lang, options.now)
  if (options.out) {
    if (options.format === 'pdf') await htmlToPdf(html, options.out, { chromium: options.chromium })
    else writeFileSync(options.out, html)
  }
  const reportId = await saveReport(conn, {
    // Marked, so a server shows a report with contact details only to roles that may see them.
    kind: options.withContact ? 'weekly-contact' : 'weekly',
    asOf: data.asOf,
    lang: options.lang,
    format: options.format,
    snapshotId: data.current.snapshotId,
    createdAt: options.now,
    path: options.out ?? null,
    html,
  })
  return { reportId, html, asOf: data.asOf, snapshotId: data.current.snapshotId }
}
