import type { Dialect } from '../dialect.js'
import type { BulkFormat, Connection, Row } from '../driver.js'
import { type Fragment, ident, raw, type SqlValue, sql } from '../fragment.js'

/**
 * Settings every Strata session on ClickHouse runs with, so the same SQL means what it means on DuckDB:
 * outer joins and grouping sets yield NULL (not 0 / ''), CAST keeps NULL, a bare UNION is distinct, a column name wins over
 * a SELECT alias of the same name, mutations finish before the statement returns, wall-clock times are
 * not shifted by a server zone, and 64-bit integers come back as JSON numbers.
 */
export const SESSION_SETTINGS: Readonly<Record<string, string | number>> = {
  join_use_nulls: 1,
  cast_keep_nullable: 1,
  group_by_use_nulls: 1,
  union_default_mode: 'DISTINCT',
  prefer_column_name_to_alias: 1,
  mutations_sync: 2,
  lightweight_deletes_sync: 2,
  // DELETE writes patch parts (like a lightweight UPDATE) instead of a mutation rewriting every part: it
  // runs while merges are paused inside a transaction, and a failed transaction drops the patch parts,
  // which undoes the delete.
  lightweight_delete_mode: 'lightweight_update',
  session_timezone: 'UTC',
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_decimals: 0,
  output_format_json_quote_denormals: 0,
  date_time_output_format: 'simple',
  // On a cluster a subquery over a Distributed table inside IN / JOIN is run once and shipped to the
  // shards (order_items is not sharded by customer); no effect on one node.
  distributed_product_mode: 'global',
}

/** What a ClickHouse transport does: run text with named `p1…pN` parameters, insert rows in bulk. */
export interface ClickHouseExecutor {
  /** Runs a query and returns its rows (JSONEachRow). */
  query(text: string, params: Record<string, SqlValue>): Promise<Row[]>
  /** Runs a statement, discarding any rows. */
  command(text: string, params: Record<string, SqlValue>): Promise<void>
  /** Runs a query and yields its rows a block at a time (the engine's own chunks). */
  stream(text: string, params: Record<string, SqlValue>): AsyncIterable<Row[]>
  /** Inserts rows of JSON values in one block (sent as JSONCompactEachRow data, never SQL text). */
  insertRows(table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void>
  close(): Promise<void>
}

/** Rows per insert block: ClickHouse wants few large inserts (each one writes a part on disk). */
const APPEND_BATCH_ROWS = 200_000

function named(parameters: readonly SqlValue[]): Record<string, SqlValue> {
  const out: Record<string, SqlValue> = {}
  parameters.forEach((v, i) => {
    out[`p${i + 1}`] = typeof v === 'bigint' ? v.toString() : v
  })
  return out
}

/** A JSON value for one cell: bigints as text (ClickHouse parses quoted numbers), dates as ISO text. */
function cell(value: SqlValue | undefined): unknown {
  if (value === undefined) return null
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ')
  return value
}

const FILE_FORMATS: Record<BulkFormat, string> = { csv: 'CSVWithNames', parquet: 'Parquet', json: 'JSON' }

/**
 * The `Connection` for ClickHouse over any transport (chdb in-process, HTTP). There are no transactions
 * in ClickHouse: `transaction` serialises the work and, when it throws, drops the parts it inserted (see
 * `PartsRollback`), so a failed analyze or import leaves no half-written rows behind.
 */
export class ClickHouseConnection implements Connection {
  private queue: Promise<unknown> = Promise.resolve()
  private depth = 0
  private inserted = new Set<string>()

  constructor(
    readonly dialect: Dialect,
    private readonly exec: ClickHouseExecutor,
  ) {}

  async run(query: Fragment): Promise<void> {
    const compiled = this.dialect.compile(query)
    // ClickHouse's DELETE needs a WHERE clause; `DELETE FROM t` (empty the table) means `WHERE 1`.
    const sql = /^\s*DELETE\s+FROM\s+[^\s]+\s*$/i.test(compiled.sql)
      ? `${compiled.sql.trim()} WHERE 1`
      : compiled.sql
    const parameters = compiled.parameters
    this.noteInsert(sql)
    // Program-written DDL may hold several statements (a local and a Distributed table); never with values.
    const statements = parameters.length === 0 ? splitStatements(sql) : [sql]
    for (const statement of statements) await this.exec.command(statement, named(parameters))
  }

  async all<T extends Row = Row>(query: Fragment): Promise<T[]> {
    const { sql, parameters } = this.dialect.compile(query)
    return (await this.exec.query(sql, named(parameters))) as T[]
  }

  async one<T extends Row = Row>(query: Fragment): Promise<T | undefined> {
    return (await this.all<T>(query))[0]
  }

  async *stream<T extends Row = Row>(query: Fragment): AsyncIterable<T[]> {
    const { sql, parameters } = this.dialect.compile(query)
    for await (const rows of this.exec.stream(sql, named(parameters))) if (rows.length) yield rows as T[]
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return work()
    const previous = this.queue
    let release: () => void = () => undefined
    this.queue = new Promise<void>((r) => {
      release = r
    })
    await previous
    this.depth++
    const rollback = new PartsRollback(this)
    this.inserted = new Set()
    try {
      await rollback.begin()
      const result = await work()
      await rollback.commit()
      return result
    } catch (error) {
      await rollback.undo(this.inserted).catch(() => undefined)
      throw error
    } finally {
      this.depth--
      this.inserted = new Set()
      release()
    }
  }

  async append(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly SqlValue[]>,
  ): Promise<number> {
    let count = 0
    let batch: unknown[][] = []
    const flush = async () => {
      if (batch.length === 0) return
      await this.exec.insertRows(table, columns, batch)
      batch = []
    }
    this.inserted.add(table)
    for (const row of rows) {
      if (row.length !== columns.length) {
        throw new Error(`append to ${table}: ${row.length} values for ${columns.length} columns`)
      }
      batch.push(row.map(cell))
      count++
      if (batch.length >= APPEND_BATCH_ROWS) await flush()
    }
    await flush()
    return count
  }

  async copyToFile(query: Fragment, path: string, format: BulkFormat): Promise<void> {
    const { sql, parameters } = this.dialect.compile(query)
    // The file path is a bound parameter of the file() table function, like every other value.
    const at = `p${parameters.length + 1}`
    await this.exec.command(
      `INSERT INTO FUNCTION file({${at}:String}, '${FILE_FORMATS[format]}') SETTINGS engine_file_truncate_on_insert = 1 ${sql}`,
      { ...named(parameters), [at]: path },
    )
  }

  async readFileAsTable(path: string, format: BulkFormat, table: string): Promise<void> {
    await this.exec.command(
      `CREATE OR REPLACE TEMPORARY TABLE ${this.dialect.quoteIdent(table)} AS SELECT * FROM file({p1:String}, '${FILE_FORMATS[format]}')`,
      { p1: path },
    )
  }

  async close(): Promise<void> {
    await this.exec.close()
  }

  /**
   * Remembers which table an INSERT, a lightweight UPDATE or a DELETE writes, for rollback: each adds new
   * parts (UPDATE and DELETE write patch parts), which a failed transaction drops.
   */
  private noteInsert(text: string): void {
    const m =
      /^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?!FUNCTION\b)(`(?:[^`\\]|\\.)*`|[A-Za-z_][A-Za-z0-9_]*)/i.exec(
        text,
      )
    if (m) this.inserted.add(m[1]!.startsWith('`') ? m[1]!.slice(1, -1).replace(/\\(.)/g, '$1') : m[1]!)
  }
}

/** Splits program-written DDL on `;` + newline. Only used for texts without bound values. */
function splitStatements(text: string): string[] {
  return text
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/**
 * Undo for ClickHouse's missing transactions. Every INSERT writes new data parts, and so do lightweight
 * UPDATE and DELETE (patch parts, `lightweight_delete_mode = 'lightweight_update'`); before the work
 * starts the active parts of the database are listed, and merges are paused for it so no new part
 * swallows an old one. When the work throws, the parts that appeared since in the tables it wrote are
 * dropped, which removes exactly the rows it inserted and the updates and deletes it made. `ALTER … UPDATE`
 * / `ALTER … DELETE` mutations rewrite old parts and are not undone: Strata does not issue them.
 */
class PartsRollback {
  private before = new Set<string>()

  constructor(private readonly conn: ClickHouseConnection) {}

  private activeParts(): Promise<{ table: string; name: string }[]> {
    return this.conn.all<{ table: string; name: string }>(
      sql`SELECT table, name FROM system.parts WHERE database = currentDatabase() AND active`,
    )
  }

  async begin(): Promise<void> {
    await this.conn.run(raw('SYSTEM STOP MERGES'))
    this.before = new Set((await this.activeParts()).map((p) => `${p.table}\u0000${p.name}`))
  }

  async commit(): Promise<void> {
    await this.conn.run(raw('SYSTEM START MERGES'))
  }

  async undo(tables: ReadonlySet<string>): Promise<void> {
    try {
      const fresh = (await this.activeParts()).filter(
        (p) => tables.has(p.table) && !this.before.has(`${p.table}\u0000${p.name}`),
      )
      for (const p of fresh) {
        // DROP PART takes a literal, not a parameter; part names are the engine's own (`all_3_3_0`).
        if (!/^[A-Za-z0-9_-]+$/.test(p.name)) throw new Error(`unexpected part name ${p.name}`)
        await this.conn.run(sql`ALTER TABLE ${ident(p.table)} DROP PART ${raw(`'${p.name}'`)}`)
      }
    } finally {
      await this.conn.run(raw('SYSTEM START MERGES'))
    }
  }
}
