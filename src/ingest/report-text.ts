import { type Diagnostic, renderDiagnostic } from '../core/diagnostics.js'
import type { Lang } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'
import type { QualityReport } from './quality-report.js'

/**
 * The data-quality report as lines a person reads, in their language. Zero counts of problems are left out;
 * every bad row is listed (the caller decides where the lines go).
 *
 * @example
 * renderReport(result.report, 'zh-CN').join('\n')
 */
export function renderReport(
  report: QualityReport,
  lang: Lang,
  problems: readonly Diagnostic[] = report.problems,
): string[] {
  const m = (key: string, params: Record<string, unknown> = {}) => t(lang, `ingest.report.${key}`, params)
  const lines: string[] = []
  lines.push(m(report.status === 'imported' ? 'title_imported' : 'title_rejected', { ...report }))
  lines.push(`  ${m('file', { file: report.file, format: report.format, encoding: report.encoding })}`)
  lines.push(`  ${m('source', { source: report.source, preset: report.preset })}`)
  lines.push(`  ${m('rows', report.rows)}`)
  if (report.status === 'imported') {
    lines.push(`  ${m(`records_${report.kind}`, report.records)}`)
    if (report.kind !== 'order-items') lines.push(`  ${m('customers', report.customers)}`)
  }
  if (report.dateRange.from) lines.push(`  ${m('date_range', report.dateRange)}`)
  const list = (items: readonly unknown[]) => items.map(String).join(', ')
  if (report.guestOrders.orders > 0) {
    lines.push(`  ${m('guest_orders', { ...report.guestOrders, sample: list(report.guestOrders.sample) })}`)
  }
  if (report.missingCustomerIds > 0)
    lines.push(`  ${m('missing_customer_ids', { n: report.missingCustomerIds })}`)
  if (report.erasedRows > 0) lines.push(`  ${m('erased_rows', { n: report.erasedRows })}`)
  if (report.duplicateIds.rows > 0) {
    const sample = list(report.duplicateIds.sample.map((d) => `${d.id} (${d.line})`))
    lines.push(`  ${m('duplicate_ids', { n: report.duplicateIds.rows, sample })}`)
  }
  if (report.nonPositiveAmounts.orders > 0) {
    lines.push(
      `  ${m('non_positive', { ...report.nonPositiveAmounts, sample: list(report.nonPositiveAmounts.sample) })}`,
    )
  }
  if (report.futureDates.rows > 0) {
    lines.push(
      `  ${m('future_dates', { n: report.futureDates.rows, after: report.futureDates.after, sample: list(report.futureDates.sample) })}`,
    )
  }
  if (report.outliers.orders > 0) {
    const sample = list(report.outliers.sample.map((o) => `${o.order_id} (${o.amount})`))
    lines.push(
      `  ${m('outliers', { n: report.outliers.orders, threshold: report.outliers.threshold, sample })}`,
    )
  }
  if (report.unmatchedItems.rows > 0) {
    const sample = list(report.unmatchedItems.sample.map((u) => `${u.order_id} (${u.line})`))
    lines.push(`  ${m('unmatched_items', { n: report.unmatchedItems.rows, sample })}`)
  }
  if (report.rejects) lines.push(`  ${m('rejects_file', report.rejects)}`)
  for (const w of report.warnings) lines.push(`  ${m('warning')}${renderDiagnostic(w, lang)}`)
  if (problems.length > 0) {
    lines.push(m('problems', { n: report.problemsTotal }))
    for (const p of problems) lines.push(`  ${renderDiagnostic(p, lang)}`)
    if (report.problemsTotal > problems.length)
      lines.push(`  ${m('more_problems', { n: report.problemsTotal - problems.length })}`)
  }
  if (report.status === 'rejected' && problems.length > 0 && !report.unreadable)
    lines.push(m('rejected_hint'))
  return lines
}
