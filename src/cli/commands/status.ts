import type { Command } from 'commander'
import { storeStatus } from '../../store/status.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'

export const registerStatus: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  program
    .command('status')
    .description(c().t('cli.status.description'))
    .option('--json', c().t('cli.opt.json'))
    .action(async (opts: { json?: boolean }) => {
      const store = await c().store()
      const status = await storeStatus(store.conn)
      if (opts.json) return c().printJson({ db: store.path, ...status })
      c().print(c().t('cli.status.title', { path: store.path }))
      const rows = Object.entries(status.counts).map(([k, v]) => [
        c().t(`cli.status.${k}`),
        v.toLocaleString(c().lang),
      ])
      c().print(renderTable([c().t('cli.status.table'), c().t('cli.status.rows')], rows, [false, true]))
      if (status.lastImport) {
        const li = status.lastImport
        c().print()
        c().print(c().t('cli.status.last_import', { ...li }))
      }
    })
}
