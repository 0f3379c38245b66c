import { dirname, join, resolve } from 'node:path'
import { type Command, Option } from 'commander'
import { StrataError } from '../../core/diagnostics.js'
import { countUsers, createUser } from '../../server/auth/users.js'
import { createServer } from '../../server/index.js'
import { parseWeeklyWhen } from '../../server/schedule/weekly.js'
import type { EngineConfig } from '../../sql/open-engine.js'
import { storeStatus } from '../../store/status.js'
import { DEFAULT_DB_PATH } from '../../store/store.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { runAnalyze } from './analyze.js'
import { runDemo } from './demo.js'

interface ServeFlags {
  port: string
  host: string
  demo?: boolean
  demoCustomers: string
  weeklyReport?: string
}

/** The live journal sits beside the store file (none for a throwaway in-memory store). */
export function journalPathFor(config: EngineConfig): string | null {
  if (config.engine === 'duckdb')
    return config.path === ':memory:' ? null : join(dirname(config.path), 'live-journal.ndjson')
  // chdb keeps its data in a local directory; a remote server's journal stays on this machine, one per
  // database (the server process is what acknowledges, so its disk is what must hold the journal).
  if (config.engine === 'chdb') return join(config.path, `live-journal-${config.database}.ndjson`)
  return resolve(dirname(DEFAULT_DB_PATH), `live-journal-${config.database}.ndjson`)
}

async function firstAdminFromEnv(cx: CliContext): Promise<void> {
  const username = cx.env['STRATA_ADMIN_USER']
  const password = cx.env['STRATA_ADMIN_PASSWORD']
  const store = await cx.store()
  if ((await countUsers(store.conn)) > 0) return
  if (username && password) {
    const u = await createUser(store.conn, {
      username,
      password,
      role: 'admin',
      now: new Date(),
      onlyIfNone: true,
    })
    cx.print(cx.t('server.user.created', { role: 'admin', username, id: u.userId }))
  } else cx.print(cx.t('server.serve.first_run'))
}

/**
 * `strata serve`: the HTTP API, live ingestion and webhook delivery in one process, until SIGINT/SIGTERM.
 * With `--demo`, an empty store first gets the demo data and an analysis (what `npm start` runs). Binds to
 * 127.0.0.1 unless told otherwise, so a first run with no account yet is reachable from this machine only.
 */
export const registerServe: RegisterCommand = (program: Command, ctx) => {
  program
    .command('serve')
    .description(ctx().t('server.serve.description'))
    .addOption(new Option('--port <port>', ctx().t('server.serve.opt.port')).default('8080'))
    .addOption(new Option('--host <host>', ctx().t('server.serve.opt.host')).default('127.0.0.1'))
    .addOption(new Option('--demo', ctx().t('server.serve.opt.demo')))
    .addOption(new Option('--demo-customers <n>', ctx().t('cli.quickstart.opt.customers')).default('50000'))
    .addOption(new Option('--weekly-report <when>', ctx().t('server.serve.opt.weekly_report')))
    .action(async (opts: ServeFlags) => {
      const cx = ctx()
      const port = Number(opts.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new StrataError({ code: 'analytics.bad_number', params: { field: '--port', value: opts.port } })
      const weeklyWhen = opts.weeklyReport ?? cx.env['STRATA_WEEKLY_REPORT']
      if (weeklyWhen) parseWeeklyWhen(weeklyWhen)
      const store = await cx.store()
      if (opts.demo && (await storeStatus(store.conn)).counts.orders === 0) {
        cx.print(cx.t('cli.quickstart.empty', { path: store.path }))
        await runDemo(cx, { customers: opts.demoCustomers })
        await runAnalyze(cx, {})
      }
      await firstAdminFromEnv(cx)
      const server = await createServer({
        store,
        logger: cx.env['STRATA_LOG'] === '1',
        options: {
          journalPath: journalPathFor(cx.engineConfig()),
          weeklyReport: weeklyWhen ? { when: weeklyWhen, lang: cx.lang } : null,
        },
      })
      if (weeklyWhen) cx.print(cx.t('server.schedule.enabled', { when: weeklyWhen }))
      if (server.replayed) cx.print(cx.t('server.serve.replayed', { n: server.replayed }))
      await server.app.listen({ port, host: opts.host })
      const address = server.app.server.address()
      const actualPort = typeof address === 'object' && address ? address.port : port
      cx.print(cx.t('server.serve.listening', { host: opts.host, port: String(actualPort) }))
      await new Promise<void>((resolve) => {
        const stop = () => resolve()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      await server.close()
    })
}
