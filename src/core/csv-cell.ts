/**
 * Spreadsheet formula injection: a cell that opens with `=`, `+`, `-`, `@`, tab or CR is run as a formula by
 * Excel, WPS and LibreOffice, so an imported name like `=HYPERLINK(…)` would act when a marketer opens an
 * export. Such a cell gets a leading `'` — unless it holds only digits and number punctuation, which no
 * formula can abuse and which phones (`+86 138 0013 8000`) and negative amounts look like. The patterns are
 * RE2-compatible and bound as parameters by the dialects' `spreadsheetSafeText`, so engine exports and
 * JavaScript exports apply one rule.
 */
export const FORMULA_START = '^[=+\\-@\\t\\r]'
export const NOT_NUMERIC = '[^0-9\\s.,+\\-()/]'

const formulaStart = new RegExp(FORMULA_START)
const notNumeric = new RegExp(NOT_NUMERIC)

/** Text of a value made inert for spreadsheets (see above). */
export function spreadsheetSafe(text: string): string {
  return formulaStart.test(text) && notNumeric.test(text) ? `'${text}` : text
}

/** One CSV cell: empty for null, JSON for objects, quoted when needed, formula-safe. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  const safe = typeof value === 'string' ? spreadsheetSafe(text) : text
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}
