import { EXIT, StrataError } from '../core/diagnostics.js'
import type { CompiledQuery, Fragment } from './fragment.js'

/** Logical column types used by the schema; each dialect maps them to its own types. */
export type ColumnType =
  | 'text'
  | 'integer'
  | 'bigint'
  | 'double'
  | 'money'
  | 'quantity'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'json'

export interface ColumnDef {
  readonly name: string
  readonly type: ColumnType
  readonly nullable?: boolean
}

export interface TableDef {
  readonly name: string
  readonly columns: readonly ColumnDef[]
  /** Logical key: enforced by the importers' merge step, declared to engines that can afford it. */
  readonly key?: readonly string[]
  /** Column the scale-out engine shards and orders by (DESIGN §2: sharded by customer id). */
  readonly shardKey?: string
}

/**
 * Everything engine-specific about *writing* SQL. Methods are semantic (what the caller means), never
 * generic syntax, so callers need not know any engine's native syntax. A dialect that lacks a helper
 * throws an error naming itself (see `unsupported`).
 *
 * @example
 * const q = sql`SELECT ${dialect.daysBetween(sql`last_order_date`, sql`${asOf}`)} AS recency_days FROM f`
 */
export interface Dialect {
  readonly name: string
  /** Compiles a fragment to text with this engine's placeholders plus the ordered parameters. */
  compile(fragment: Fragment): CompiledQuery
  quoteIdent(name: string): string
  columnType(type: ColumnType): string
  /** DDL statements that create the table if it does not exist. */
  createTable(table: TableDef): Fragment[]
  /**
   * `CREATE … TABLE name` for a scratch table that lives as long as the connection, replacing one of the same
   * name; the caller appends `AS SELECT …` or a column list. Engines differ in temp-table syntax and scope.
   */
  replaceTempTable(name: string): Fragment
  /** DDL that adds a column if missing (migrations). */
  addColumn(table: string, column: ColumnDef): Fragment

  // --- dates -------------------------------------------------------------------------------------------
  /** A `YYYY-MM-DD` parameter read as a DATE. */
  dateLiteral(isoDate: string): Fragment
  /** A `YYYY-MM-DD HH:MM:SS` parameter read as a TIMESTAMP (wall-clock, no zone). */
  timestampLiteral(isoTimestamp: string): Fragment
  /** The calendar date of a wall-clock timestamp. */
  dateOf(timestamp: Fragment): Fragment
  /** Whole calendar days from `from` to `to` (both dates): to − from. */
  daysBetween(from: Fragment, to: Fragment): Fragment
  /** `date` plus `days` calendar days. */
  addDays(date: Fragment, days: Fragment): Fragment
  /** ISO day of week, Monday = 1 … Sunday = 7. */
  isoDayOfWeek(timestamp: Fragment): Fragment
  /** Hour of day 0–23. */
  hourOf(timestamp: Fragment): Fragment
  /** The date formatted `YYYY-MM-DD` as text. */
  formatDate(date: Fragment): Fragment

  // --- aggregates and ranking -------------------------------------------------------------------------
  /** Exact median of a numeric expression (an aggregate). */
  median(expr: Fragment): Fragment
  /** Count of rows in the window whose value is strictly smaller: a deterministic rank with ties shared. */
  countStrictlyBelow(expr: Fragment, partition?: Fragment): Fragment
  /** Aggregate: the value of `value` on the row with the largest `orderBy`. */
  argMax(value: Fragment, orderBy: Fragment): Fragment
  /** Aggregate: count of rows where `condition` holds. */
  countIf(condition: Fragment): Fragment
  /** Aggregate: sum of `value` over rows where `condition` holds (0 when none). */
  sumIf(value: Fragment, condition: Fragment): Fragment
  /** Exact decimal cast of a numeric expression to the money type. */
  toMoney(expr: Fragment): Fragment
  /** Double cast, for ratios. */
  toDouble(expr: Fragment): Fragment
  /** Extracts a text value from a JSON column at a top-level key. */
  jsonText(json: Fragment, key: string): Fragment

  // --- added by analytics ----------------------------------------------------------------------------
  /** Integer division rounded down, for non-negative integers (exact: no floating point involved). */
  floorDiv(numerator: Fragment, denominator: Fragment): Fragment
  /** Whole years elapsed from `from` to `to` (both dates): an age on a given day. */
  wholeYearsBetween(from: Fragment, to: Fragment): Fragment
  /**
   * Statement capping the engine's working memory for this connection (megabytes); beyond it the engine
   * spills to disk instead of growing. For heavy batch work (analyze) on a shared machine.
   */
  limitMemory(megabytes: number): Fragment
  // --- added by ingest -------------------------------------------------------------------------------
  /** Aggregate: the continuous (interpolated) quantile `fraction` (0–1) of a numeric expression. */
  quantileCont(expr: Fragment, fraction: number): Fragment
  // --- added by demo ----------------------------------------------------------------------------------
  /**
   * A relation (for FROM) over a UTF-8 delimited text file with exactly `columns`, typed as declared;
   * empty cells are NULL. `csv`: comma-separated with a header row and RFC 4180 quotes; `tsv-raw`:
   * tab-separated, no header, no quoting at all (values hold no tabs or line breaks). Meant for
   * bulk-loading files the program wrote itself.
   */
  delimitedFileRelation(path: string, columns: readonly ColumnDef[], format: 'csv' | 'tsv-raw'): Fragment
  // --- added by clickhouse (issue 10) -----------------------------------------------------------------
  /** A NULL of a logical type (engines with non-nullable defaults refuse an untyped or plain-typed NULL). */
  typedNull(type: ColumnType): Fragment
  /**
   * Window: the sum of `value` over the rows whose `orderBy` is strictly greater than this row's (peers
   * excluded); 0 or NULL for the top group — callers coalesce.
   */
  sumOverHigher(value: Fragment, orderBy: Fragment): Fragment
  /**
   * Aggregate: the dates `date` of the rows where `condition` holds, as a list sorted ascending (repeats
   * kept). Empty or NULL when no row qualifies; `positiveDayGaps` and the list statistics accept both.
   */
  sortedDatesIf(date: Fragment, condition: Fragment): Fragment
  /** The gaps in days between consecutive dates of a sorted date list, zero gaps (same day) left out. */
  positiveDayGaps(sortedDates: Fragment): Fragment
  /** Mean of a numeric list; NULL when the list is empty or NULL. */
  listMean(list: Fragment): Fragment
  /** Exact median of a numeric list, interpolated as `median`; NULL when the list is empty or NULL. */
  listMedian(list: Fragment): Fragment
  /** Money ÷ a count, as money rounded to its 4 decimals (not truncated). */
  moneyRatio(numerator: Fragment, denominator: Fragment): Fragment
  /** A relation (for FROM) over a file in a bulk format, read by the engine (bulk loads of Parquet). */
  bulkFileRelation(path: string, format: 'csv' | 'parquet' | 'json'): Fragment
  // --- added by evaluation ----------------------------------------------------------------------------
  /**
   * The calendar month of a date or wall-clock timestamp as a whole number, year × 12 + (month − 1), so
   * "months since first purchase" is a plain subtraction on every engine.
   */
  monthIndex(dateOrTimestamp: Fragment): Fragment
  // --- added by strategy ------------------------------------------------------------------------------
  /** Double value of a text expression, NULL (not an error) when the text is not a number. */
  tryToDouble(expr: Fragment): Fragment
  // --- added by segments (language) ---------------------------------------------------------------
  /** Month of year 1–12 of a date. */
  monthOf(date: Fragment): Fragment
  /**
   * Aggregate: number of distinct `keys` tuples over rows where `condition` holds (0 when none); `keys` is
   * a composite key such as (source, order_id), compared as a whole.
   */
  countDistinctIf(keys: readonly Fragment[], condition: Fragment): Fragment
  /** True when `needle` occurs in `haystack` as plain text (case-sensitive; no wildcard characters). */
  containsText(haystack: Fragment, needle: Fragment): Fragment
  // --- added by clickhouse (issue 10: import) -----------------------------------------------------
  /**
   * Type text of a column that accepts NULL, for scratch tables declared column by column (staging):
   * engines whose columns refuse NULL unless declared otherwise wrap the type.
   */
  nullableColumnType(type: ColumnType): string
  /**
   * Statements (run in order) that overwrite `columns` of the rows of `table` whose `key` equals the key
   * of a row of the scratch table `changes`, with that row's values. `changes` holds one row per key, the
   * key and `columns` under the table's column names and types. Names are program-written identifiers.
   * (DuckDB: UPDATE … FROM; engines without UPDATE … FROM write it their own way.)
   */
  updateFromScratch(table: string, key: string, columns: readonly string[], changes: string): Fragment[]
  /**
   * A query giving, for every ordered pair of groups (each group with itself too), the number of members
   * in both — columns `row_id`, `col_id`, `shared` — over `members`, a relation of `(group_id,
   * customer_id)` rows with one row per member of a group. Exact (no sketches).
   */
  pairOverlap(members: Fragment): Fragment
  /** A statement listing the result columns of `query` (not running it) as rows `{ name, type }`. */
  describeQuery(query: Fragment): Fragment
  /** True when a type name from `describeQuery` holds text (nullable and dictionary forms included). */
  isTextType(type: string): boolean
  /**
   * Text made inert for spreadsheets: a value that opens like a formula (`= + - @`, tab, CR) and holds more
   * than digits and number punctuation gets a leading `'`. Phones (`+86 138…`) and negative numbers pass.
   */
  spreadsheetSafeText(text: Fragment): Fragment
}

/**
 * Error for a feature an engine cannot run: a user-facing StrataError whose message (catalog key
 * `sql.unsupported.<feature>`, in every language) names the feature and the engine.
 */
export function unsupported(engine: string, feature: string): never {
  throw new StrataError({ code: `sql.unsupported.${feature}`, params: { engine } }, EXIT.USAGE)
}
