import { FORMULA_START, NOT_NUMERIC } from '../../core/csv-cell.js'
import type { ColumnDef, ColumnType, Dialect, TableDef } from '../dialect.js'
import { type CompiledQuery, type Fragment, join, raw, type SqlValue, sql } from '../fragment.js'

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

  replaceTempTable: (name) => raw(`CREATE OR REPLACE TEMP TABLE ${quote(name)}`),

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

  // `/` on two integers yields a DOUBLE in DuckDB; `//` is exact integer floor division.
  floorDiv: (numerator, denominator) => sql`(${numerator} // ${denominator})`,
  // date_sub counts whole elapsed years (a birthday not yet reached this year does not count), unlike
  // date_diff, which counts year boundaries crossed.
  wholeYearsBetween: (from, to) => sql`date_sub('year', ${from}, ${to})`,
  // SET takes no bound parameters; the value is a checked whole number. Insertion order is not needed by
  // analytics (every read orders explicitly) and keeping it makes big INSERT … SELECTs hold more memory.
  limitMemory: (megabytes) => {
    if (!Number.isInteger(megabytes) || megabytes < 64)
      throw new Error(`memory limit ${megabytes} MB is too small`)
    return raw(`SET memory_limit = '${megabytes}MB'; SET preserve_insertion_order = false`)
  },

  // quantile_cont needs its fraction as a constant (a bound parameter is refused), so it is written as
  // text after checking it is a plain number in [0, 1].
  quantileCont: (expr, fraction) => {
    if (!(fraction >= 0 && fraction <= 1)) throw new Error(`quantile fraction ${fraction} is not in [0, 1]`)
    return sql`quantile_cont(${expr}, ${raw(String(fraction))})`
  },

  monthOf: (date) => sql`month(${date})`,
  // A row value counts NULL-free tuples as a whole; with one key it is the plain value.
  countDistinctIf: (keys, cond) =>
    keys.length === 1
      ? sql`count(DISTINCT ${keys[0]!}) FILTER (WHERE ${cond})`
      : sql`count(DISTINCT row(${join(keys)})) FILTER (WHERE ${cond})`,
  // contains() is a plain substring test: `%` and `_` in the needle mean themselves (LIKE would not).
  containsText: (haystack, needle) => sql`contains(${haystack}, ${needle})`,
  describeQuery: (query) => sql`SELECT column_name AS name, column_type AS type FROM (DESCRIBE ${query})`,
  isTextType: (type) => type === 'VARCHAR',
  spreadsheetSafeText: (text) =>
    sql`CASE WHEN regexp_matches(${text}, ${FORMULA_START}) AND regexp_matches(${text}, ${NOT_NUMERIC})
      THEN '''' || ${text} ELSE ${text} END`,

  // read_csv with sniffing off: the program wrote the file, so detection could only guess wrong (a column
  // of digits read as a number); the types come from the schema. Column names inside the struct literal
  // are schema names, quoted as string literals. quote = '' turns quoting off for the raw TSV form.
  delimitedFileRelation: (path, columns, format) => {
    const spec = columns.map((c) => `'${c.name.replaceAll("'", "''")}': '${TYPES[c.type]}'`).join(', ')
    const options =
      format === 'csv'
        ? `header = true, delim = ',', quote = '"', escape = '"'`
        : `header = false, delim = '\t', quote = '', escape = ''`
    return sql`read_csv(${path}, auto_detect = false, ${raw(options)}, columns = {${raw(spec)}})`
  },
  typedNull: (type) => raw(`CAST(NULL AS ${TYPES[type]})`),
  // SQL:2011 frame exclusion: everything ranked before the row's peer group, i.e. strictly higher values.
  sumOverHigher: (value, orderBy) => sql`sum(${value}) OVER (ORDER BY ${orderBy} DESC
    RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP)`,
  sortedDatesIf: (date, cond) => sql`list_sort(list(${date}) FILTER (WHERE ${cond}))`,
  positiveDayGaps: (dates) =>
    sql`list_filter([date_diff('day', ${dates}[i - 1], ${dates}[i]) for i in range(2, len(${dates}) + 1)], g -> g > 0)`,
  listMean: (list) => sql`list_avg(${list})`,
  // list_median is quantile_cont(…, 0.5), like `median`.
  listMedian: (list) => sql`list_median(${list})`,
  // DECIMAL ÷ integer is a DOUBLE here, and 136.07625 as a double rounds down. Exact instead: in units of
  // 0.0001, q = (2·|n| + d) // (2·d) rounds half away from zero (as ClickHouse's decimal round does).
  moneyRatio: (numerator, denominator) => sql`CAST(CAST(sign(${numerator}) *
    ((2 * abs(CAST(${numerator} * 10000 AS HUGEINT)) + ${denominator}) // (2 * ${denominator})) AS DECIMAL(38,0))
    * CAST(0.0001 AS DECIMAL(5,4)) AS DECIMAL(18,4))`,
  bulkFileRelation: (path, format) =>
    format === 'parquet'
      ? sql`read_parquet(${path})`
      : format === 'csv'
        ? sql`read_csv(${path})`
        : sql`read_json(${path})`,

  monthIndex: (d) => sql`(year(${d}) * 12 + month(${d}) - 1)`,
  tryToDouble: (expr) => sql`TRY_CAST(${expr} AS DOUBLE)`,

  // Columns accept NULL unless declared NOT NULL.
  nullableColumnType: (type) => TYPES[type],
  // The members joined with themselves on the customer: one row per (pair, shared customer).
  pairOverlap: (members) => sql`WITH m AS (${members})
    SELECT a.group_id AS row_id, b.group_id AS col_id, count(*) AS shared
    FROM m a JOIN m b ON a.customer_id = b.customer_id
    GROUP BY a.group_id, b.group_id`,
  updateFromScratch: (table, key, columns, changes) => {
    const sets = columns.map((c) => `${quote(c)} = u.${quote(c)}`).join(', ')
    return [
      raw(
        `UPDATE ${quote(table)} SET ${sets} FROM ${quote(changes)} AS u WHERE ${quote(table)}.${quote(key)} = u.${quote(key)}`,
      ),
    ]
  },
}
