// The builder's visual editor, kept in sync with the text through the segment language's own parser and
// printer (src/segments/language): text → tree → rows, and rows → text → tree → canonical text.
import type { SegmentExpr } from '../../../src/segments/language/ast.js'
import { parse } from '../../../src/segments/language/parser.js'
import { printExpr, printLiteral } from '../../../src/segments/language/printer.js'

export type RowOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'IN' | 'NOT IN'
export const ROW_OPS: readonly RowOp[] = ['=', '!=', '<', '<=', '>', '>=', 'IN', 'NOT IN']

/** One line of the visual editor: a condition on a field, or any other condition kept as its text. */
export type Row =
  | { readonly kind: 'condition'; readonly field: string; readonly op: RowOp; readonly value: string }
  | { readonly kind: 'text'; readonly text: string }

export interface Rows {
  readonly mode: 'and' | 'or'
  readonly rows: readonly Row[]
}

function rowOf(e: SegmentExpr): Row {
  if (e.kind === 'compare' && e.left.kind === 'field')
    return { kind: 'condition', field: e.left.name, op: e.op, value: printLiteral(e.right) }
  if (e.kind === 'in' && e.left.kind === 'field')
    return {
      kind: 'condition',
      field: e.left.name,
      op: e.negated ? 'NOT IN' : 'IN',
      value: e.values.map(printLiteral).join(', '),
    }
  return { kind: 'text', text: printExpr(e) }
}

/**
 * The rows of a definition: its top-level AND (or OR) items; null when the text does not parse (the
 * visual editor then waits for the text to be fixed).
 *
 * @example
 * textToRows("city = '上海' AND frequency >= 3")?.rows.length // 2
 */
export function textToRows(text: string): Rows | null {
  if (!text.trim()) return { mode: 'and', rows: [] }
  const { ast } = parse(text)
  if (!ast) return null
  if (ast.kind === 'and' || ast.kind === 'or') return { mode: ast.kind, rows: ast.items.map(rowOf) }
  return { mode: 'and', rows: [rowOf(ast)] }
}

const BARE = /^(-?\d+(\.\d+)?|[+-]\d+[dwmy]|today|true|false|\d{4}-\d{2}-\d{2})$/i

/** A value as typed in the visual editor: numbers, dates, -30d, today stay bare; other text is quoted. */
export function valueText(value: string): string {
  const v = value.trim()
  if (v === '' || BARE.test(v) || v.startsWith("'") || v.startsWith('"')) return v
  return `'${v.replaceAll("'", "''")}'`
}

function rowText(r: Row): string {
  if (r.kind === 'text') return /\s(AND|OR)\s/i.test(r.text) ? `(${r.text})` : r.text
  if (r.op === 'IN' || r.op === 'NOT IN') {
    const items = r.value
      .split(',')
      .map((v) => valueText(v))
      .filter(Boolean)
    return `${r.field} ${r.op} (${items.join(', ')})`
  }
  return `${r.field} ${r.op} ${valueText(r.value)}`
}

/**
 * The definition for edited rows, in canonical form when it parses (the printer's spacing, quotes and
 * keywords), else as assembled so the text editor shows what is wrong.
 */
export function rowsToText(rows: Rows): string {
  const joined = rows.rows.map(rowText).join(rows.mode === 'and' ? ' AND ' : ' OR ')
  const { ast } = parse(joined)
  return ast ? printExpr(ast) : joined
}
