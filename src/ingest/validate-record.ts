import type { Diagnostic } from '../core/diagnostics.js'
import type { FieldType, ImportKind } from './fields.js'
import type { Mapping } from './mapping.js'
import { type CellOptions, type CellResult, columnParser } from './parse-cell.js'
import type { RawRecord, RawValue } from './read/types.js'

/** A record's canonical values by field name (money as exact decimal text, timestamps `YYYY-MM-DD HH:MM:SS`). */
export type CanonicalValues = Record<string, string | number | boolean | null>

/** A record that passed validation, or every reason it did not. */
export type Validated =
  | { readonly ok: true; readonly line: number; readonly values: CanonicalValues }
  | { readonly ok: false; readonly line: number; readonly diagnostics: Diagnostic[] }

/** Per-record requirements (the mapping already checked that the columns exist). */
const ROW_REQUIRED: Record<ImportKind, readonly (readonly string[])[]> = {
  customers: [['customer_id', 'email', 'phone']],
  orders: [['order_id']],
  'order-items': [['order_id'], ['quantity'], ['unit_price']],
  events: [['occurred_at'], ['type']],
  feedback: [['answered_at']],
}

function isBlank(value: RawValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
}

/**
 * Turns raw records into canonical values for one file: every mapped cell parsed by its field's type,
 * every problem reported with file, line, column (1-based position of the source column), field and value.
 *
 * @example
 * const validate = recordValidator('orders', mapping, { file: 'a.csv', timezone: 'UTC' })
 * validate({ line: 2, values: { order_id: 'A1', ... }, raw: '…' })
 */
export function recordValidator(
  kind: ImportKind,
  mapping: Mapping,
  options: CellOptions & { file: string; noneIds?: readonly string[] },
): (record: RawRecord) => Validated {
  const noneIds = new Set(options.noneIds ?? [])
  // Everything that does not change from row to row is decided once: this runs for every cell of the file.
  const columns = [...mapping.values()].map((m) => ({
    m,
    name: m.field.name,
    column: m.column,
    /** Ids and text are only trimmed: no parser, no result object. */
    trimOnly: m.field.type === 'id' || m.field.type === 'text',
    checkNone: m.field.type === 'id' && noneIds.size > 0,
    parse: columnParser(m.field.type as FieldType, options) as (raw: RawValue) => CellResult,
  }))
  const required = ROW_REQUIRED[kind].filter((oneOf) => oneOf.some((f) => mapping.has(f)))
  return (record) => {
    if (record.error) return { ok: false, line: record.line, diagnostics: [record.error] }
    const values: CanonicalValues = {}
    let diagnostics: Diagnostic[] | undefined
    let failed: Set<string> | undefined
    const cells = record.values
    for (const c of columns) {
      const raw = cells[c.column]
      if (isBlank(raw) || (c.checkNone && noneIds.has(String(raw).trim()))) {
        values[c.name] = null
        continue
      }
      if (c.trimOnly) {
        values[c.name] = typeof raw === 'string' ? raw.trim() : String(raw)
        continue
      }
      const parsed = c.parse(raw as RawValue)
      if (parsed.ok) {
        values[c.name] = parsed.value
        if (parsed.extra) for (const k in parsed.extra) values[`${c.name}.${k}`] = parsed.extra[k]!
      } else {
        const m = c.m
        values[m.field.name] = null
        failed ??= new Set()
        failed.add(m.field.name)
        diagnostics ??= []
        diagnostics.push({
          code: parsed.code,
          params: { ...parsed.params, type: m.field.type },
          at: {
            file: options.file,
            line: record.line,
            column: m.index,
            field: m.field.name,
            value: String(raw),
          },
        })
      }
    }
    for (const oneOf of required) {
      // A field that failed to parse has already been reported; "missing" would say it twice.
      if (oneOf.some((f) => (values[f] !== null && values[f] !== undefined) || failed?.has(f))) continue
      const first = mapping.get(oneOf.find((f) => mapping.has(f))!)!
      diagnostics ??= []
      diagnostics.push({
        code: 'ingest.row.missing_value',
        params: { fields: oneOf.join(' | ') },
        at: {
          file: options.file,
          line: record.line,
          column: first.index,
          field: first.field.name,
          value: '',
        },
      })
    }
    return diagnostics
      ? { ok: false, line: record.line, diagnostics }
      : { ok: true, line: record.line, values }
  }
}
