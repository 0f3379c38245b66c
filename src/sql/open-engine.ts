import { resolve } from 'node:path'
import { clickhouseDialect } from './clickhouse/clickhouse-dialect.js'
import type { Dialect } from './dialect.js'
import type { Connection } from './driver.js'
import { duckdbDialect } from './duckdb/duckdb-dialect.js'

/** Where a store lives and which engine runs it. DuckDB (a file) is the default. */
export type EngineConfig =
  | { readonly engine: 'duckdb'; readonly path: string }
  /** Embedded ClickHouse: a chdb data directory and a database inside it. */
  | { readonly engine: 'chdb'; readonly path: string; readonly database: string }
  /** A ClickHouse server or cluster over HTTP(S). */
  | {
      readonly engine: 'clickhouse'
      readonly url: string
      readonly database: string
      readonly username?: string
      readonly password?: string
      readonly cluster?: string
    }

export const ENGINES = ['duckdb', 'chdb', 'clickhouse'] as const
export type EngineName = (typeof ENGINES)[number]

/** Engine choice as given on the command line (`--engine`, `--db`, `--url`, `--database`, `--cluster`). */
export interface EngineFlags {
  readonly engine?: string
  readonly db?: string
  readonly url?: string
  readonly database?: string
  readonly cluster?: string
}

/** A user error in the engine choice: the i18n key (store.engine.*) and its parameters. */
export class EngineChoiceError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown>,
  ) {
    super(`${code} ${JSON.stringify(params)}`)
  }
}

/**
 * Reads the engine choice: flags win over `STRATA_ENGINE`, `STRATA_DB`, `STRATA_CLICKHOUSE_URL`,
 * `STRATA_CLICKHOUSE_DATABASE`, `STRATA_CLICKHOUSE_USER`, `STRATA_CLICKHOUSE_PASSWORD`,
 * `STRATA_CLICKHOUSE_CLUSTER`. `defaultPath` is the DuckDB file used when nothing is chosen.
 *
 * @example
 * resolveEngine({ engine: 'chdb', db: './data/ch' }, process.env, './strata-data/strata.duckdb')
 */
export function resolveEngine(
  flags: EngineFlags,
  env: Record<string, string | undefined>,
  defaultPath: string,
): EngineConfig {
  const name = flags.engine ?? env['STRATA_ENGINE'] ?? 'duckdb'
  const path = (p: string) => (p === ':memory:' ? p : resolve(p))
  const database = flags.database ?? env['STRATA_CLICKHOUSE_DATABASE'] ?? 'strata'
  const cluster = flags.cluster ?? env['STRATA_CLICKHOUSE_CLUSTER']
  if (name === 'duckdb') return { engine: 'duckdb', path: path(flags.db ?? env['STRATA_DB'] ?? defaultPath) }
  if (name === 'chdb') {
    const dir = flags.db ?? env['STRATA_DB'] ?? defaultPath.replace(/\.duckdb$/, '.chdb')
    return { engine: 'chdb', path: path(dir), database }
  }
  if (name === 'clickhouse') {
    const url = flags.url ?? env['STRATA_CLICKHOUSE_URL']
    if (!url) throw new EngineChoiceError('store.engine.url_missing', {})
    return {
      engine: 'clickhouse',
      url,
      database,
      ...(env['STRATA_CLICKHOUSE_USER'] ? { username: env['STRATA_CLICKHOUSE_USER'] } : {}),
      ...(env['STRATA_CLICKHOUSE_PASSWORD'] ? { password: env['STRATA_CLICKHOUSE_PASSWORD'] } : {}),
      ...(cluster ? { cluster } : {}),
    }
  }
  throw new EngineChoiceError('store.engine.unknown', { engine: name, choices: ENGINES.join(', ') })
}

/** A readable name for where the store lives (a path, or url/database), for messages and `status`. */
export function describeEngine(config: EngineConfig): string {
  if (config.engine === 'duckdb') return config.path
  if (config.engine === 'chdb') return `chdb:${config.path}#${config.database}`
  return `${config.url.replace(/\/\/[^@/]*@/, '//')}#${config.database}`
}

/** The dialect an engine writes, without connecting (e.g. to print DDL). */
export function engineDialect(config: EngineConfig): Dialect {
  if (config.engine === 'duckdb') return duckdbDialect
  return clickhouseDialect(
    config.engine === 'clickhouse' && config.cluster ? { cluster: config.cluster } : {},
  )
}

/**
 * Opens a connection to the chosen engine. The ClickHouse drivers are imported on demand, so a DuckDB
 * store never loads them.
 *
 * @example
 * const conn = await openEngine({ engine: 'chdb', path: '/tmp/ch', database: 'strata' })
 */
export async function openEngine(config: EngineConfig): Promise<Connection> {
  if (config.engine === 'duckdb') {
    const { openDuckDB } = await import('./duckdb/duckdb-driver.js')
    return openDuckDB(config.path)
  }
  if (config.engine === 'chdb') {
    const { openChdb } = await import('./clickhouse/chdb-driver.js')
    return openChdb(config.path, config.database)
  }
  const { openClickHouseHttp } = await import('./clickhouse/http-driver.js')
  return openClickHouseHttp(config)
}
