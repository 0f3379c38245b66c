import type { Command } from 'commander'
import { sql } from '../../sql/fragment.js'
import { engineDialect } from '../../sql/open-engine.js'
import { storeVersion } from '../../store/migrations.js'
import { schemaDdl } from '../../store/schema-ddl.js'
import { openStore, type Store } from '../../store/store.js'
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
    // An option of `init` only: `--cluster` elsewhere names k-means clusters (strata cluster / persona).
    .option('--cluster <name>', c().t('engine.opt.cluster'))
    .option('--json', c().t('cli.opt.json'))
    .action(async (opts: { print?: boolean; json?: boolean; cluster?: string }) => {
      const config = c().engineConfig(opts.cluster ? { cluster: opts.cluster } : {})
      if (opts.print) {
        const ddl = schemaDdl(engineDialect(config))
        if (opts.json) return c().printJson({ engine: config.engine, statements: ddl })
        for (const statement of ddl) c().print(`${statement};\n`)
        return
      }
      // Opened here, not through the context: the cluster named on `init` shapes the DDL.
      const store: Store = await openStore(config)
      try {
        const version = await storeVersion(store.conn)
        const tables = ddlTables(schemaDdl(store.conn.dialect))
        const info = { engine: config.engine, where: store.path, version, tables }
        // The store answers: proves the connection works end to end, not just the DDL.
        await store.conn.one(sql`SELECT count(*) AS n FROM schema_migrations`)
        if (opts.json) c().printJson(info)
        else c().print(c().t('cli.init.done', info))
      } finally {
        await store.close()
      }
    })
}

/** Number of logical tables created (a Distributed table and its local part count once). */
function ddlTables(statements: readonly string[]): number {
  return statements.filter((s) => /^CREATE TABLE/i.test(s) && !/ENGINE = Distributed/.test(s)).length
}
