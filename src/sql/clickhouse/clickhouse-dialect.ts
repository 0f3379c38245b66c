import { FORMULA_START, NOT_NUMERIC } from '../../core/csv-cell.js'
import { type ColumnDef, type ColumnType, type Dialect, type TableDef, unsupported } from '../dialect.js'
import { type CompiledQuery, type Fragment, join, raw, type SqlValue, sql } from '../fragment.js'

const TYPES: Record<ColumnType, string> = {
  text: 'String',
  integer: 'Int32',
  bigint: 'Int64',
  double: 'Float64',
  // Same exact money as DuckDB's DECIMAL(18,4): sums widen to Decimal(38,4), never to a float.
  money: 'Decimal(18, 4)',
  quantity: 'Decimal(18, 4)',
  boolean: 'Bool',
  // Date32 / DateTime64(0): the plain Date and DateTime types stop at 1970, and birth dates are older.
  date: 'Date32',
  timestamp: 'DateTime64(0)',
  // JSON stays text: readers extract keys (jsonText); the native JSON type would reorder and retype keys.
  json: 'String',
}

function quote(name: string): string {
  // Backquoted identifiers: a backquote or backslash inside the name is escaped with a backslash.
  return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``
}

function columnType(c: ColumnDef): string {
  // ClickHouse columns are non-nullable unless declared; a missing value would silently read as 0 or ''.
  return c.nullable === false ? TYPES[c.type] : `Nullable(${TYPES[c.type]})`
}

/**
 * The query-parameter type for a bound value. Values travel beside the text (`{p1:String}` placeholders);
 * NULL is typed Nullable(String), which every comparison and insert converts from.
 */
export function parameterType(value: SqlValue): string {
  if (value === null) return 'Nullable(String)'
  if (typeof value === 'string' || value instanceof Date) return 'String'
  if (typeof value === 'boolean') return 'Bool'
  if (typeof value === 'bigint') return 'Int64'
  return Number.isInteger(value) ? 'Int64' : 'Float64'
}

/** Options of one ClickHouse deployment: a cluster name makes the schema sharded (`Distributed`). */
export interface ClickHouseDialectOptions {
  readonly cluster?: string
}

/** The time column a sharded table is ordered by after the customer id (first non-null timestamp). */
function timeColumn(table: TableDef): string | undefined {
  return table.columns.find((c) => c.type === 'timestamp' && c.nullable === false)?.name
}

/**
 * `ORDER BY` of a table: its logical key when that holds the shard key (customer_scores: one snapshot's
 * rows are read together), else (shard key, time) for customer tables, else the logical key.
 */
export function sortingKey(table: TableDef): string[] {
  if (table.shardKey && table.key?.includes(table.shardKey)) return [...table.key]
  if (table.shardKey) {
    const time = timeColumn(table)
    return time ? [table.shardKey, time] : [table.shardKey]
  }
  return table.key ? [...table.key] : []
}

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * ClickHouse (a server or cluster over HTTP, or embedded through chdb). Same semantics as the DuckDB
 * dialect, written with ClickHouse idioms (countIf, intDiv, argMax, quantileExactInclusive).
 *
 * @example
 * const d = clickhouseDialect({ cluster: 'retail' })
 * d.createTable(ORDERS) // orders_local ON CLUSTER retail (MergeTree) + orders (Distributed)
 */
export function clickhouseDialect(options: ClickHouseDialectOptions = {}): Dialect {
  const cluster = options.cluster
  if (cluster !== undefined && !NAME_PATTERN.test(cluster)) {
    throw new Error(`cluster name ${JSON.stringify(cluster)} must be letters, digits and _`)
  }
  const onCluster = cluster ? ` ON CLUSTER ${quote(cluster)}` : ''
  return {
    name: 'clickhouse',

    compile(fragment: Fragment): CompiledQuery {
      let text = ''
      const parameters: SqlValue[] = []
      for (const part of fragment.parts) {
        if (part.kind === 'raw') text += part.text
        else if (part.kind === 'ident') text += part.names.map(quote).join('.')
        else {
          const value = part.value instanceof Date ? part.value.toISOString() : part.value
          parameters.push(value)
          text += `{p${parameters.length}:${parameterType(value)}}`
        }
      }
      return { sql: text, parameters }
    },

    quoteIdent: quote,
    columnType: (type) => TYPES[type],

    createTable(table: TableDef) {
      const cols = table.columns.map((c) => `${quote(c.name)} ${columnType(c)}`).join(',\n  ')
      const key = sortingKey(table).map(quote).join(', ')
      // A guest order has no customer id, yet orders are sorted by it: nullable sorting keys are allowed.
      // Block number/offset columns enable lightweight UPDATE (segment memberships close stays with it).
      const engine =
        `ENGINE = MergeTree ORDER BY (${key})\nSETTINGS allow_nullable_key = 1, ` +
        'enable_block_number_column = 1, enable_block_offset_column = 1'
      if (!cluster) {
        return [raw(`CREATE TABLE IF NOT EXISTS ${quote(table.name)} (\n  ${cols}\n) ${engine}`)]
      }
      // Each shard keeps its part in `<name>_local`; `<name>` fans reads out and routes writes by the
      // customer id's hash, so one customer's rows (orders, events, scores) always sit on one shard.
      const local = `${table.name}_local`
      const shard = table.shardKey ? `cityHash64(${quote(table.shardKey)})` : 'rand()'
      return [
        raw(`CREATE TABLE IF NOT EXISTS ${quote(local)}${onCluster} (\n  ${cols}\n) ${engine}`),
        raw(
          `CREATE TABLE IF NOT EXISTS ${quote(table.name)}${onCluster} AS ${quote(local)}\n` +
            `ENGINE = Distributed(${quote(cluster)}, currentDatabase(), ${quote(local)}, ${shard})`,
        ),
      ]
    },

    // Temporary tables live in the session (chdb session, HTTP session_id) and default to the Memory engine.
    replaceTempTable: (name) => raw(`CREATE OR REPLACE TEMPORARY TABLE ${quote(name)}`),

    addColumn(table: string, column: ColumnDef) {
      const target = cluster ? [`${table}_local`, table] : [table]
      // One statement per physical table would be needed on a cluster; the local table is altered first.
      return raw(
        target
          .map(
            (t) =>
              `ALTER TABLE ${quote(t)}${onCluster} ADD COLUMN IF NOT EXISTS ${quote(column.name)} ${columnType(column)}`,
          )
          .join(';\n'),
      )
    },

    dateLiteral: (iso) => sql`toDate32(${iso})`,
    timestampLiteral: (iso) => sql`toDateTime64(${iso}, 0)`,
    dateOf: (ts) => sql`toDate32(${ts})`,
    daysBetween: (from, to) => sql`dateDiff('day', ${from}, ${to})`,
    addDays: (date, days) => sql`addDays(toDate32(${date}), toInt32(${days}))`,
    isoDayOfWeek: (ts) => sql`toDayOfWeek(${ts})`,
    hourOf: (ts) => sql`toHour(${ts})`,
    formatDate: (date) => sql`formatDateTime(${date}, '%Y-%m-%d')`,

    // The inclusive (R-7, linearly interpolated) quantile is what DuckDB's quantile_cont computes.
    median: (expr) => sql`quantileExactInclusive(0.5)(toFloat64(${expr}))`,
    countStrictlyBelow: (expr, partition) =>
      partition
        ? sql`(rank() OVER (PARTITION BY ${partition} ORDER BY ${expr} ASC) - 1)`
        : sql`(rank() OVER (ORDER BY ${expr} ASC) - 1)`,
    // argMax skips rows whose ordering value is NULL (its -Null combinator), as DuckDB's arg_max does.
    argMax: (value, orderBy) => sql`argMax(${value}, ${orderBy})`,
    countIf: (cond) => sql`countIf(${cond})`,
    sumIf: (value, cond) => sql`coalesce(sumIf(${value}, ${cond}), 0)`,
    // Via scale 8, then rounded to 4: a float or text converted straight to Decimal(18,4) is truncated,
    // where DuckDB's CAST rounds. Accepts numbers, decimals and numeric text, like CAST does.
    toMoney: (expr) => sql`toDecimal64(round(toDecimal128(${expr}, 8), 4), 4)`,
    toDouble: (expr) => sql`toFloat64(${expr})`,
    jsonText: (json, key) => sql`JSONExtract(${json}, ${key}, 'Nullable(String)')`,

    floorDiv: (numerator, denominator) => sql`intDiv(${numerator}, ${denominator})`,
    // age() counts whole elapsed units: a birthday not reached yet this year does not count.
    wholeYearsBetween: (from, to) => sql`age('year', ${from}, ${to})`,
    // One SET with several settings (a statement per request). Beyond the cap, GROUP BY and ORDER BY
    // spill to disk at half of it instead of failing.
    limitMemory: (megabytes) => {
      if (!Number.isInteger(megabytes) || megabytes < 64)
        throw new Error(`memory limit ${megabytes} MB is too small`)
      const bytes = megabytes * 1024 * 1024
      const spill = Math.floor(bytes / 2)
      return raw(
        `SET max_memory_usage = ${bytes}, max_bytes_before_external_group_by = ${spill}, max_bytes_before_external_sort = ${spill}`,
      )
    },
    quantileCont: (expr, fraction) => {
      if (!(fraction >= 0 && fraction <= 1)) throw new Error(`quantile fraction ${fraction} is not in [0, 1]`)
      return sql`quantileExactInclusive(${raw(String(fraction))})(toFloat64(${expr}))`
    },
    // file() reads on the machine that runs the query (the embedded engine, or the server's user_files).
    // Every cell is read as text and converted here, so an empty cell is NULL whatever its type (the
    // formats' own empty-cell rules give 0 or '').
    delimitedFileRelation: (path, columns, format) => {
      const structure = columns.map((c) => `${quote(c.name)} String`).join(', ')
      const fmt = format === 'csv' ? 'CSVWithNames' : 'TSVRaw'
      const cells = columns
        .map(
          (c) =>
            `CAST(nullIf(${quote(c.name)}, '') AS ${columnType({ ...c, nullable: true })}) AS ${quote(c.name)}`,
        )
        .join(', ')
      return sql`(SELECT ${raw(cells)} FROM file(${path}, ${fmt}, ${structure}))`
    },

    monthIndex: (d) => sql`(toYear(${d}) * 12 + toMonth(${d}) - 1)`,
    // NULL, not an error, for text that is not a number (DuckDB's TRY_CAST).
    tryToDouble: (expr) => sql`toFloat64OrNull(toString(${expr}))`,
    monthOf: (date) => sql`toMonth(${date})`,
    // uniqExact over a tuple: exact distinct count of the composite key, only rows where the condition holds.
    countDistinctIf: (keys, cond) =>
      keys.length === 1
        ? sql`uniqExactIf(${keys[0]!}, ${cond})`
        : sql`uniqExactIf(tuple(${join(keys)}), ${cond})`,
    // position() is a plain substring search (no wildcards); > 0 when found. NULL in, NULL out.
    containsText: (haystack, needle) => sql`(position(${haystack}, ${needle}) > 0)`,
    describeQuery: (query) => sql`DESCRIBE TABLE (${query})`,
    isTextType: (type) => /^(LowCardinality\()?(Nullable\()?(String|FixedString\(\d+\))\)*$/.test(type),
    spreadsheetSafeText: (text) =>
      sql`if(match(${text}, ${FORMULA_START}) AND match(${text}, ${NOT_NUMERIC}), concat('''', ${text}), ${text})`,
    bulkFileRelation: (path, format) =>
      sql`file(${path}, ${format === 'parquet' ? 'Parquet' : format === 'csv' ? 'CSVWithNames' : 'JSON'})`,
    typedNull: (type) => raw(`CAST(NULL AS Nullable(${TYPES[type]}))`),
    // Running total including the row's peers minus the peers' own total = strictly higher values only
    // (ClickHouse has no EXCLUDE GROUP frame). Exact for money; within float rounding for doubles.
    sumOverHigher: (value, orderBy) => sql`(sum(${value}) OVER (ORDER BY ${orderBy} DESC
      RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - sum(${value}) OVER (PARTITION BY ${orderBy}))`,
    sortedDatesIf: (date, cond) => sql`arraySort(groupArrayIf(${date}, ${cond}))`,
    // arrayDifference starts with 0 for the first element, which the filter drops with the same-day gaps.
    positiveDayGaps: (dates) =>
      sql`arrayFilter(g -> g > 0, arrayDifference(arrayMap(x -> toInt32(x), ${dates})))`,
    // Both statistics give nan on an empty array; DuckDB's give NULL.
    listMean: (list) => sql`if(empty(${list}), NULL, arrayAvg(${list}))`,
    listMedian: (list) =>
      sql`if(empty(${list}), NULL, arrayReduce('quantileExactInclusive(0.5)', arrayMap(x -> toFloat64(x), ${list})))`,
    // Decimal ÷ integer truncates to the dividend's scale: divide at scale 8, then round to 4 like DuckDB.
    moneyRatio: (numerator, denominator) =>
      sql`toDecimal64(round(toDecimal128(${numerator}, 8) / ${denominator}, 4), 4)`,

    // No self-join (a hash table of every member row): one pass groups each customer's groups into an
    // array, and two ARRAY JOINs expand it to that customer's pairs. Exact, unlike a bitmap over hashed
    // text ids (customer ids are text; cityHash64 could collide, and there is no dense numeric key).
    pairOverlap: (members) => sql`SELECT a AS row_id, b AS col_id, count() AS shared
    FROM (SELECT groupArray(group_id) AS groups FROM (${members}) AS m GROUP BY customer_id) AS g
    ARRAY JOIN groups AS a ARRAY JOIN groups AS b
    GROUP BY a, b`,
    nullableColumnType: (type) => `Nullable(${TYPES[type]})`,
    // No UPDATE … FROM: the changes become a Join-engine table keyed by `key` (a hash map in the session),
    // and one lightweight UPDATE reads each new value with joinGet. A lightweight UPDATE writes patch
    // parts (new parts, even while merges are paused), so a failed transaction drops them like inserts.
    updateFromScratch: (table, key, columns, changes) => {
      // A lightweight UPDATE cannot go through a Distributed table, and the session's Join table exists
      // on the entry node only.
      if (cluster) unsupported('clickhouse', 'cluster_update')
      for (const name of [table, key, changes, ...columns]) {
        if (!NAME_PATTERN.test(name)) throw new Error(`${JSON.stringify(name)} is not a plain name`)
      }
      const byKey = `${changes}_by_key`
      const cols = [key, ...columns].map(quote).join(', ')
      const sets = columns.map((c) => `${quote(c)} = joinGet('${byKey}', '${c}', ${quote(key)})`).join(', ')
      return [
        raw(
          `CREATE OR REPLACE TEMPORARY TABLE ${quote(byKey)} ENGINE = Join(ANY, LEFT, ${quote(key)}) AS SELECT ${cols} FROM ${quote(changes)}`,
        ),
        raw(
          `UPDATE ${quote(table)} SET ${sets} WHERE ${quote(key)} IN (SELECT ${quote(key)} FROM ${quote(changes)})`,
        ),
        raw(`DROP TABLE IF EXISTS ${quote(byKey)}`),
      ]
    },
  }
}
