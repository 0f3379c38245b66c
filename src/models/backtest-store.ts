import type { TableDef } from '../sql/dialect.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { registerMigration } from '../store/migrations.js'
import type { BacktestResult } from './backtest.js'

/** Stored backtests, read by the report: the whole result as JSON beside its dates. */
export const BACKTESTS: TableDef = {
  name: 'backtests',
  key: ['backtest_id'],
  columns: [
    { name: 'backtest_id', type: 'text', nullable: false },
    { name: 'calibration_end', type: 'date', nullable: false },
    { name: 'holdout_end', type: 'date', nullable: false },
    { name: 'unit', type: 'text', nullable: false },
    { name: 'created_at', type: 'timestamp' },
    { name: 'result', type: 'json' },
  ],
}

registerMigration({ version: 20, name: 'model backtests', up: (d) => d.createTable(BACKTESTS) })

/**
 * Stores a backtest; the id is `bt-<calibration end>-<holdout end>-<unit>-<n>` (n counts earlier runs of
 * the same dates), so ids are readable and deterministic. `createdAt` comes from the caller (the edge).
 *
 * @example
 * const id = await saveBacktest(conn, result, '2026-11-23 12:00:00')
 */
export async function saveBacktest(
  conn: Connection,
  result: BacktestResult,
  createdAt: string,
): Promise<string> {
  return conn.transaction(async () => {
    const prefix = `bt-${result.calibrationEnd}-${result.holdoutEnd}-${result.unit}-`
    const row = await conn.one<{ n: number }>(
      sql`SELECT count(*) AS n FROM backtests WHERE backtest_id LIKE ${`${prefix}%`}`,
    )
    const id = `${prefix}${(row?.n ?? 0) + 1}`
    const d = conn.dialect
    await conn.run(sql`
      INSERT INTO backtests (backtest_id, calibration_end, holdout_end, unit, created_at, result)
      VALUES (${id}, ${d.dateLiteral(result.calibrationEnd)}, ${d.dateLiteral(result.holdoutEnd)}, ${result.unit},
        ${d.timestampLiteral(createdAt)}, ${JSON.stringify(result)})`)
    return id
  })
}

/** A stored backtest's result, or undefined. */
export async function loadBacktest(conn: Connection, id: string): Promise<BacktestResult | undefined> {
  const row = await conn.one<{ result: string }>(
    sql`SELECT CAST(result AS VARCHAR) AS result FROM backtests WHERE backtest_id = ${id}`,
  )
  return row ? (JSON.parse(row.result) as BacktestResult) : undefined
}
