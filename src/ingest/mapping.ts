import { type Diagnostic, fail, ok, type Result } from '../core/diagnostics.js'
import { type FieldDef, fieldsOf, type ImportKind, normaliseHeader } from './fields.js'
import type { Preset } from './presets/index.js'
import { closest } from './suggest.js'

/** Where a canonical field is read from: the column's name and its 1-based position in the file. */
export interface MappedColumn {
  readonly field: FieldDef
  readonly column: string
  readonly index: number
}

/** The resolved mapping of one file: canonical field name → source column. */
export type Mapping = ReadonlyMap<string, MappedColumn>

/**
 * Parses `--map field=column,field=column`. A column name containing a comma or `=` may be quoted with
 * double quotes (`amount="Total, incl. tax"`).
 *
 * @example
 * parseMapOption('order_id=订单号,amount=实付金额') // ok([['order_id','订单号'],['amount','实付金额']])
 */
export function parseMapOption(text: string | undefined): Result<[string, string][]> {
  if (!text?.trim()) return ok([])
  const pairs: [string, string][] = []
  const diagnostics: Diagnostic[] = []
  for (const item of splitOutsideQuotes(text)) {
    const eq = item.indexOf('=')
    const field = eq > 0 ? item.slice(0, eq).trim() : ''
    let column = eq > 0 ? item.slice(eq + 1).trim() : ''
    if (column.length >= 2 && column.startsWith('"') && column.endsWith('"')) column = column.slice(1, -1)
    if (!field || !column) diagnostics.push({ code: 'ingest.map.bad_pair', params: { value: item } })
    else pairs.push([field, column])
  }
  return diagnostics.length ? fail(...diagnostics) : ok(pairs)
}

function splitOutsideQuotes(text: string): string[] {
  const items: string[] = []
  let current = ''
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    if (ch === ',' && !quoted) {
      if (current.trim()) items.push(current)
      current = ''
    } else current += ch
  }
  if (current.trim()) items.push(current)
  return items
}

/** The fields a kind cannot do without (one of each inner list). */
const REQUIRED: Record<ImportKind, readonly (readonly string[])[]> = {
  customers: [['customer_id', 'email', 'phone']],
  orders: [['order_id'], ['ordered_at'], ['amount', 'unit_price']],
  'order-items': [['order_id'], ['quantity'], ['unit_price']],
  events: [['occurred_at'], ['type']],
  feedback: [['answered_at']],
}

function findColumn(columns: readonly string[], wanted: string): number {
  const exact = columns.indexOf(wanted)
  if (exact >= 0) return exact
  const n = normaliseHeader(wanted)
  return columns.findIndex((c) => normaliseHeader(c) === n)
}

/**
 * Decides which column feeds each canonical field: `--map` first, then the preset's own column names,
 * then (for presets that allow it) the generic aliases. Reports unknown fields and columns with a
 * "did you mean", and required fields no column provides.
 *
 * @example
 * resolveMapping('orders', genericPreset, ['订单号', '下单时间', '实付金额'], [])
 */
export function resolveMapping(
  kind: ImportKind,
  preset: Preset,
  columns: readonly string[],
  explicit: readonly [string, string][],
): Result<Mapping> {
  const fields = fieldsOf(kind)
  const byName = new Map(fields.map((f) => [f.name, f]))
  const mapping = new Map<string, MappedColumn>()
  const claimed = new Set<number>()
  const diagnostics: Diagnostic[] = []

  for (const [fieldName, column] of explicit) {
    const field = byName.get(fieldName)
    if (!field) {
      const suggestion = closest(fieldName, [...byName.keys()])
      diagnostics.push({
        code: suggestion ? 'ingest.map.unknown_field_suggest' : 'ingest.map.unknown_field',
        params: { field: fieldName, kind, suggestion, fields: [...byName.keys()].join(', ') },
      })
      continue
    }
    const index = findColumn(columns, column)
    if (index < 0) {
      const suggestion = closest(column, columns)
      diagnostics.push({
        code: suggestion ? 'ingest.map.unknown_column_suggest' : 'ingest.map.unknown_column',
        params: { column, field: fieldName, suggestion, columns: columns.join(', ') },
      })
      continue
    }
    mapping.set(field.name, { field, column: columns[index]!, index: index + 1 })
    claimed.add(index)
  }

  for (const field of fields) {
    if (mapping.has(field.name)) continue
    for (const candidate of preset.columns[field.name] ?? []) {
      const index = findColumn(columns, candidate)
      if (index >= 0 && !claimed.has(index)) {
        mapping.set(field.name, { field, column: columns[index]!, index: index + 1 })
        claimed.add(index)
        break
      }
    }
  }

  if (preset.useAliases) {
    const normalised = columns.map(normaliseHeader)
    for (const field of fields) {
      if (mapping.has(field.name)) continue
      for (const alias of field.aliases) {
        const index = normalised.indexOf(normaliseHeader(alias))
        if (index >= 0 && !claimed.has(index)) {
          mapping.set(field.name, { field, column: columns[index]!, index: index + 1 })
          claimed.add(index)
          break
        }
      }
    }
  }

  for (const oneOf of REQUIRED[kind]) {
    if (oneOf.some((name) => mapping.has(name))) continue
    const suggestion = closest(
      oneOf[0]!,
      columns.filter((_, i) => !claimed.has(i)),
    )
    diagnostics.push({
      code: suggestion ? 'ingest.map.missing_field_suggest' : 'ingest.map.missing_field',
      params: {
        field: oneOf.join(' | '),
        first: oneOf[0],
        kind,
        preset: preset.name,
        suggestion,
        columns: columns.join(', '),
      },
    })
  }
  return diagnostics.length ? fail(...diagnostics) : ok(mapping)
}
