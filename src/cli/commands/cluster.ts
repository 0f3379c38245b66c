import type { Command } from 'commander'
import { seedFrom } from '../../demo/prng.js'
import { type ClusterRun, runClusters, saveClustersAsSegments, storedClusters } from '../../personas/index.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { intFlag, num, pct, pick, sub } from './personas-shared.js'

function printClusters(
  cx: CliContext,
  clusters: readonly {
    cluster: number
    size: number
    share: number
    name: Record<string, string>
    description: Record<string, string>
  }[],
) {
  cx.print(
    renderTable(
      [
        cx.t('cli.cluster.col.cluster'),
        cx.t('cli.cluster.col.size'),
        cx.t('cli.cluster.col.share'),
        cx.t('cli.cluster.col.name'),
      ],
      clusters.map((c) => [String(c.cluster), num(cx, c.size), pct(cx, c.share), pick(c.name, cx.lang)]),
      [true, true, true, false],
    ),
  )
  for (const c of clusters) cx.print(`${c.cluster}. ${pick(c.description, cx.lang)}`)
}

function printRun(cx: CliContext, run: ClusterRun) {
  cx.print(
    cx.t('cli.cluster.done', {
      run: run.runId,
      snapshot: run.snapshotId,
      customers: run.customers,
      k: run.k,
      features: run.features.length,
      seconds: num(cx, Object.values(run.timings).reduce((a, b) => a + b, 0) / 1000, 1),
    }),
  )
  cx.print(
    renderTable(
      ['k', cx.t('cli.cluster.col.silhouette'), ''],
      run.kScores.map((s) => [
        String(s.k),
        num(cx, s.silhouette, 4),
        s.k === run.k ? cx.t('cli.cluster.chosen') : '',
      ]),
      [true, true, false],
    ),
  )
  printClusters(cx, run.clusters)
}

export const registerCluster: RegisterCommand = (program: Command, ctx) => {
  const cluster = program.command('cluster').description(ctx().t('cli.cluster.description'))

  sub(cluster.command('run').description(ctx().t('cli.cluster.run.description')), ctx)
    .option('--k <n>', ctx().t('cli.cluster.opt.k'))
    .option('--seed <seed>', ctx().t('cli.cluster.opt.seed'), '1')
    .option('--snapshot <id>', ctx().t('cli.customer.opt.snapshot'), 'latest')
    .option('--save-as <name>', ctx().t('cli.cluster.opt.save_as'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: { k?: string; seed: string; snapshot: string; saveAs?: string; json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      const run = await runClusters(store.conn, {
        snapshot: opts.snapshot,
        k: opts.k === undefined ? undefined : intFlag(opts.k, '--k'),
        seed: seedFrom(/^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed),
        now: cx.nowText(),
      })
      const saved = opts.saveAs
        ? await saveClustersAsSegments(store.conn, { name: opts.saveAs, now: cx.nowText() })
        : []
      if (opts.json) return cx.printJson({ ok: true, ...run, saved })
      printRun(cx, run)
      for (const s of saved) cx.print(cx.t('cli.personas.saved', s))
    })

  sub(cluster.command('list').description(ctx().t('cli.cluster.list.description')), ctx)
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: { json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      const clusters = await storedClusters(store.conn)
      if (opts.json) return cx.printJson({ ok: true, clusters })
      cx.print(
        cx.t('cli.cluster.list.header', {
          run: clusters[0]?.runId ?? '—',
          snapshot: clusters[0]?.snapshotId ?? '—',
        }),
      )
      printClusters(cx, clusters)
    })

  sub(cluster.command('save').description(ctx().t('cli.cluster.save.description')), ctx)
    .argument('<name>', ctx().t('cli.cluster.arg.name'))
    .option('--cluster <n>', ctx().t('cli.cluster.opt.cluster'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (name: string, opts: { cluster?: string; json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      const saved = await saveClustersAsSegments(store.conn, {
        name,
        cluster: opts.cluster === undefined ? undefined : intFlag(opts.cluster, '--cluster'),
        now: cx.nowText(),
      })
      if (opts.json) return cx.printJson({ ok: true, saved })
      for (const s of saved) cx.print(cx.t('cli.personas.saved', s))
    })
}
