import { type Command, Option } from 'commander'
import {
  type CustomerExplanation,
  explainCustomer,
  explanationSentences,
  readable,
  readableShare,
} from '../../analytics/index.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'

function fmt(c: CliContext, v: unknown, digits = 2): string {
  return readable(c.lang, v, digits)
}
function pct(c: CliContext, v: unknown): string {
  return readableShare(c.lang, v)
}

function printWhy(c: CliContext, why: CustomerExplanation): void {
  const row = why.row
  for (const s of explanationSentences(why, c.lang)) c.print(s.text)
  c.print()
  const features: [string, string][] = [
    ['aov', fmt(c, row['aov'])],
    ['tenure_days', fmt(c, row['tenure_days'])],
    ['median_interval_days', fmt(c, row['median_interval_days'], 1)],
    ['refund_share', pct(c, row['refund_share'])],
    ['discount_share', pct(c, row['discount_share'])],
    ['top_category', `${fmt(c, row['top_category'])} (${pct(c, row['top_category_share'])})`],
    ['top_brand', `${fmt(c, row['top_brand'])} (${pct(c, row['top_brand_share'])})`],
    ['channels', ['online_share', 'store_share', 'community_share'].map((k) => pct(c, row[k])).join(' / ')],
    ['weekend_night', ['weekend_share', 'night_share'].map((k) => pct(c, row[k])).join(' / ')],
    ['events_30d', ['views_30d', 'searches_30d', 'carts_30d'].map((k) => fmt(c, row[k])).join(' / ')],
    ['latest_nps', ['latest_nps', 'latest_satisfaction'].map((k) => fmt(c, row[k])).join(' / ')],
    ['profile', ['age', 'gender', 'city', 'city_tier'].map((k) => fmt(c, row[k])).join(' / ')],
  ]
  c.print(
    renderTable(
      [c.t('analytics.why.features'), ''],
      features.map(([k, v]) => [c.t(`analytics.feature.${k}`), v]),
    ),
  )
}

export const registerCustomer: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  program
    .command('customer')
    .description(c().t('cli.customer.description'))
    .argument('<id>', c().t('cli.customer.arg.id'))
    .addOption(new Option('--snapshot <id>', c().t('cli.customer.opt.snapshot')).default('latest'))
    .option('--json', c().t('cli.opt.json'))
    .action(async (id: string, opts: { snapshot: string; json?: boolean }) => {
      const cx = c()
      const store = await cx.store()
      const why = await explainCustomer(store.conn, opts.snapshot, await resolveCustomerId(store.conn, id))
      if (opts.json) return cx.printJson({ ok: true, ...why })
      printWhy(cx, why)
    })
}
