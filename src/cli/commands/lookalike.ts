import type { Command } from 'commander'
import { featureValue } from '../../personas/cluster-describe.js'
import { findLookalikes, saveLookalikes } from '../../personas/index.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { groupFrom, groupOptions, intFlag, num, pct, sub, unprefixed } from './personas-shared.js'

export const registerLookalike: RegisterCommand = (program: Command, ctx) => {
  groupOptions(
    sub(program.command('lookalike').description(ctx().t('cli.lookalike.description')), ctx),
    ctx,
    'seed-',
  )
    .option('--limit <n>', ctx().t('cli.lookalike.opt.limit'), '100')
    .option('--snapshot <id>', ctx().t('cli.customer.opt.snapshot'), 'latest')
    .option('--save-as <name>', ctx().t('cli.lookalike.opt.save_as'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: Record<string, string | undefined> & { json?: boolean }) => {
      const cx = ctx()
      const seed = groupFrom(unprefixed(opts, 'seed'), 'seed-')
      const store = await cx.store()
      const result = await findLookalikes(store.conn, seed, {
        snapshot: opts['snapshot'],
        limit: intFlag(opts['limit'] ?? '100', '--limit'),
      })
      const saved = opts['saveAs']
        ? await saveLookalikes(store.conn, result, { name: opts['saveAs'], now: cx.nowText() })
        : null
      if (opts.json) return cx.printJson({ ok: true, ...result, saved })
      cx.print(
        cx.t('cli.lookalike.header', {
          seed: result.seedLabel,
          size: result.seedSize,
          n: result.lookalikes.length,
          snapshot: result.snapshotId,
        }),
      )
      const top = [...result.profile].sort((a, b) => b.weight - a.weight).slice(0, 4)
      cx.print(
        cx.t('cli.lookalike.weights', {
          features: top
            .map(
              (p) =>
                `${cx.t(`personas.feature.${p.key}`, { category: p.category ?? '' })} ${pct(cx, p.weight, 0)}`,
            )
            .join(cx.t('personas.list.sentence_separator')),
        }),
      )
      const rows = result.lookalikes.map((l, i) => [
        String(i + 1),
        l.customerId,
        num(cx, l.similarity, 3),
        l.reasons
          .map((r) => {
            const spec = { name: r.feature, key: r.key, category: r.category, log: false, share: r.share }
            const label = cx.t(`personas.feature.${r.key}`, { category: r.category ?? '' })
            return cx.t('cli.lookalike.reason', {
              label,
              value: featureValue(cx.lang, spec, r.value),
              seed: featureValue(cx.lang, spec, r.seedMean),
              overall: featureValue(cx.lang, spec, r.overallMean),
            })
          })
          .join(cx.t('personas.list.sentence_separator')),
      ])
      cx.print(
        renderTable(
          [
            '#',
            cx.t('cli.lookalike.col.customer'),
            cx.t('cli.lookalike.col.similarity'),
            cx.t('cli.lookalike.col.why'),
          ],
          rows,
          [true, false, true, false],
        ),
      )
      if (saved) cx.print(cx.t('cli.personas.saved', { name: opts['saveAs'], ...saved }))
    })
}
