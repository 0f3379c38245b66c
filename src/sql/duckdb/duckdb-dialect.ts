import type { ColumnDef, ColumnType, Dialect, TableDef } from '../dialect.js'
import { type CompiledQuery, type Fragment, raw, type SqlValue, sql } from '../fragment.js'

const TYPES: Record<ColumnType, string> = {
  text: 'VARCHAR',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  // Money is exact (DESIGN §3): four decimals keep quantity × unit price exact for prices with 3 decimals.
  money: 'DECIMAL(18,4)',
  quantity: 'DECIMAL(18,4)',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  json: 'JSON',
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** DuckDB, the embedded default engine. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',

  compile(fragment: Fragment): CompiledQuery {
    let text = ''
    const parameters: SqlValue[] = []
    for (const part of fragment.parts) {
      if (part.kind === 'raw') text += part.text
      else if (part.kind === 'ident') text += part.names.map(quote).join('.')
      else {
        parameters.push(part.value instanceof Date ? part.value.toISOString() : part.value)
        text += `$${parameters.length}`
      }
    }
    return { sql: text, parameters }
  },

  quoteIdent: quote,
  columnType: (type) => TYPES[type],

  createTable(table: TableDef) {
    const cols = table.columns.map(
      (c) => `${quote(c.name)} ${TYPES[c.type]}${c.nullable === false ? ' NOT NULL' : ''}`,
    )
    // Keys are not declared as PRIMARY KEY: DuckDB's ART index makes bulk loads of millions of rows
    // 3× slower and costs memory at analyze time; the importers' merge step enforces them instead.
    return [raw(`CREATE TABLE IF NOT EXISTS ${quote(table.name)} (\n  ${cols.join(',\n  ')}\n)`)]
  },

  addColumn(table: string, column: ColumnDef) {
    return raw(
      `ALTER TABLE ${quote(table)} ADD COLUMN IF NOT EXISTS ${quote(column.name)} ${TYPES[column.type]}`,
    )
  },

  dateLiteral: (iso) => sql`CAST(${iso} AS DATE)`,
  timestampLiteral: (iso) => sql`CAST(${iso} AS TIMESTAMP)`,
  dateOf: (ts) => sql`CAST(${ts} AS DATE)`,
  // date_diff('day', …) on DATE values counts calendar-day boundaries, which is exactly "calendar days".
  daysBetween: (from, to) => sql`date_diff('day', ${from}, ${to})`,
  addDays: (date, days) => sql`CAST(${date} + CAST(${days} AS INTEGER) AS DATE)`,
  isoDayOfWeek: (ts) => sql`isodow(${ts})`,
  hourOf: (ts) => sql`hour(${ts})`,
  formatDate: (date) => sql`strftime(${date}, '%Y-%m-%d')`,

  median: (expr) => sql`quantile_cont(${expr}, 0.5)`,
  countStrictlyBelow: (expr, partition) =>
    // rank() − 1 over ascending values = number of rows strictly smaller; ties share it.
    partition
      ? sql`(rank() OVER (PARTITION BY ${partition} ORDER BY ${expr} ASC) - 1)`
      : sql`(rank() OVER (ORDER BY ${expr} ASC) - 1)`,
  argMax: (value, orderBy) => sql`arg_max(${value}, ${orderBy})`,
  countIf: (cond) => sql`count(*) FILTER (WHERE ${cond})`,
  sumIf: (value, cond) => sql`coalesce(sum(${value}) FILTER (WHERE ${cond}), 0)`,
  toMoney: (expr) => sql`CAST(${expr} AS DECIMAL(18,4))`,
  toDouble: (expr) => sql`CAST(${expr} AS DOUBLE)`,
  jsonText: (json, key) => sql`json_extract_string(${json}, ${'$.' + key})`,
}
