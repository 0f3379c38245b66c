import type { Dialect } from '../sql/dialect.js'
import { knownMigrations } from './migrations.js'
import { SCHEMA_MIGRATIONS } from './schema.js'

/**
 * The whole store schema as the statements an engine would run, in order: the migrations table, then
 * every registered migration (each subsystem's tables). For `strata init --print` and the docs: a DBA can
 * review or apply the DDL by hand before pointing Strata at a cluster.
 *
 * @example
 * schemaDdl(clickhouseDialect({ cluster: 'retail' })).join(';\n\n')
 */
export function schemaDdl(dialect: Dialect): string[] {
  const statements = [
    ...dialect.createTable(SCHEMA_MIGRATIONS),
    ...knownMigrations().flatMap((m) => m.up(dialect)),
  ]
  return statements.map((s) => dialect.compile(s).sql)
}
