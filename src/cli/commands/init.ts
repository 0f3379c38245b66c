import type { Command } from 'commander'
import { sql } from '../../sql/fragment.js'
import { engineDialect } from '../../sql/open-engine.js'
import { storeVersion } from '../../store/migrations.js'
import { schemaDdl } from '../../store/schema-ddl.js'
import type { RegisterCommand } from '../program.js'

/**
 * `strata init [--print]`: creates the schema on the chosen engine (`--engine clickhouse --url … --database …
 * [--cluster NAME]`, `--engine chdb --db DIR`, or the default DuckDB file), or prints its DDL.
 */
export const registerInit: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  program
    .command('init')
    .description(c().t('cli.init.description'))
    .option('--print', c().t('cli.init.print'))
    .option('--json', c().t('cli.opt.json'))
    .action(async (opts: { print?: boolean; json?: boolean }) => {
      const config = c().engineConfig()
      if (opts.print) {
        const ddl = schemaDdl(engineDialect(config))
        if (opts.json) return c().printJson({ engine: config.engine, statements: ddl })
        for (const statement of ddl) c().print(`${statement};\n`)
        return
      }
      const store = await c().store()
      const version = await storeVersion(store.conn)
      const tables = ddlTables(schemaDdl(store.conn.dialect))
      const info = { engine: config.engine, where: store.path, version, tables }
      if (opts.json) return c().printJson(info)
      c().print(c().t('cli.init.done', info))
      // The store answers: proves the connection works end to end, not just the DDL.
      await store.conn.one(sql`SELECT count(*) AS n FROM schema_migrations`)
    })
}

/** Number of logical tables created (a Distributed table and its local part count once). */
function ddlTables(statements: readonly string[]): number {
  return statements.filter((s) => /^CREATE TABLE/i.test(s) && !/ENGINE = Distributed/.test(s)).length
}
