import type { Cell, DemoTableSpec } from './demo-tables.js'

/** Quotes a CSV cell (RFC 4180): doubled quotes inside, quotes around. */
function quoteCsv(text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}

/**
 * One CSV line (with `\n`). Null becomes an empty cell. Only columns flagged as free text or JSON are
 * quoted: the others are generated ids, numbers and dates without separators, and skipping the check
 * on them keeps a ten-million-row export fast.
 */
export function csvLine(spec: DemoTableSpec, cells: readonly Cell[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]
    if (i > 0) line += ','
    if (v !== null && v !== undefined) line += spec.quoted[i] ? quoteCsv(v) : v
  }
  return `${line}\n`
}

/** The header line of a table's CSV file: the canonical column names. */
export function csvHeader(spec: DemoTableSpec): string {
  return `${spec.columns.map((c) => c.name).join(',')}\n`
}

/**
 * One NDJSON line: an object keyed by column name; JSON columns are embedded as objects, numbers stay
 * text only where the column is text.
 */
export function ndjsonLine(spec: DemoTableSpec, cells: readonly Cell[]): string {
  let line = '{'
  for (let i = 0; i < cells.length; i++) {
    const col = spec.columns[i]!
    const v = cells[i]
    if (i > 0) line += ','
    line += `"${col.name}":`
    if (v === null || v === undefined) line += 'null'
    else if (col.type === 'json') line += v
    else if (
      col.type === 'double' ||
      col.type === 'integer' ||
      col.type === 'money' ||
      col.type === 'quantity'
    )
      line += v
    else line += JSON.stringify(v)
  }
  return `${line}}\n`
}

/**
 * One tab-separated line of the cells at `pick`, without any quoting, for the internal bulk load only:
 * every generated value is free of tabs and line breaks, so nothing needs escaping — which saves the
 * quoting work on JSON cells (a tenth of the generation time at scale).
 */
export function tsvLine(cells: readonly Cell[], pick: readonly number[]): string {
  let line = cells[pick[0]!] ?? ''
  for (let i = 1; i < pick.length; i++) line += `\t${cells[pick[i]!] ?? ''}`
  return `${line}\n`
}
