import { type Command, Option } from 'commander'
import { storeStatus } from '../../store/status.js'
import type { RegisterCommand } from '../program.js'
import { runAnalyze } from './analyze.js'
import { runDemo } from './demo.js'

/**
 * The README's main job: on an empty store, load the demo retailer; then analyse and print the summary.
 * A store that already holds orders is analysed as it is, never overwritten with demo data.
 */
export const registerQuickstart: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  program
    .command('quickstart')
    .description(c().t('cli.quickstart.description'))
    .addOption(new Option('--customers <n>', c().t('cli.quickstart.opt.customers')).default('50000'))
    .addOption(new Option('--seed <seed>', c().t('cli.demo.opt.seed')))
    .action(async (opts: { customers: string; seed?: string }) => {
      const cx = c()
      const store = await cx.store()
      const before = await storeStatus(store.conn)
      if (before.counts.orders === 0) {
        cx.print(cx.t('cli.quickstart.empty', { path: store.path }))
        await runDemo(cx, { customers: opts.customers, seed: opts.seed })
      } else {
        cx.print(cx.t('cli.quickstart.existing', { path: store.path, orders: before.counts.orders }))
      }
      cx.print()
      await runAnalyze(cx, {})
      cx.print()
      cx.print(cx.t('cli.quickstart.next'))
    })
}
