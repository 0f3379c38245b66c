import type { ColumnDef, TableDef } from '../sql/dialect.js'
import { CUSTOMERS, EVENTS, FEEDBACK, ORDER_ITEMS, ORDERS } from '../store/schema.js'

/** The tables the demo writes, in the order rows are produced. */
export type DemoTable = 'customers' | 'orders' | 'order_items' | 'events' | 'feedback'

/** One demo output: its canonical columns (the file header) and which cells may need CSV quoting. */
export interface DemoTableSpec {
  readonly table: DemoTable
  readonly def: TableDef
  /** Canonical columns written to files; `source` (the data source) and `import_id` are set on load. */
  readonly columns: readonly ColumnDef[]
  /** Per column: may hold commas or quotes (JSON, free text). Every other cell is generated plain text. */
  readonly quoted: readonly boolean[]
  /**
   * Indexes of the cells the bulk file carries. Item lines leave out product name, category and brand:
   * the loader joins them from the catalogue by sku, which halves the bytes written and parsed.
   */
  readonly bulk: readonly number[]
}

/** Item columns the bulk loader takes from the catalogue instead of the file. */
export const CATALOGUE_COLUMNS: readonly string[] = ['product_name', 'category', 'brand']

// Columns the loader fills in itself. On customers `source` is the signup channel and is kept.
const LOADER_COLUMNS = new Set(['import_id'])
const FREE_TEXT = new Set(['text'])

function spec(table: DemoTable, def: TableDef, dropSource: boolean): DemoTableSpec {
  const columns = def.columns.filter(
    (c) => !LOADER_COLUMNS.has(c.name) && !(dropSource && c.name === 'source'),
  )
  return {
    table,
    def,
    columns,
    quoted: columns.map((c) => c.type === 'json' || FREE_TEXT.has(c.name)),
    bulk: columns
      .map((c, i) => (table === 'order_items' && CATALOGUE_COLUMNS.includes(c.name) ? -1 : i))
      .filter((i) => i >= 0),
  }
}

export const DEMO_TABLES: Readonly<Record<DemoTable, DemoTableSpec>> = {
  customers: spec('customers', CUSTOMERS, false),
  orders: spec('orders', ORDERS, true),
  order_items: spec('order_items', ORDER_ITEMS, true),
  events: spec('events', EVENTS, true),
  feedback: spec('feedback', FEEDBACK, true),
}

export const DEMO_TABLE_NAMES: readonly DemoTable[] = [
  'customers',
  'orders',
  'order_items',
  'events',
  'feedback',
]

/** A cell: generated text, or null for an absent value. */
export type Cell = string | null

/** Where generated rows go (files, or files that are then bulk-loaded into the store). */
export interface RowSink {
  row(table: DemoTable, cells: readonly Cell[]): void
}
