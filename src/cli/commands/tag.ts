import type { Command } from 'commander'
import { defineTag, deleteTag, explainCustomerTags, listTags, refreshTags } from '../../personas/index.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { num, pick, sub } from './personas-shared.js'

export const registerTag: RegisterCommand = (program: Command, ctx) => {
  const tag = program.command('tag').description(ctx().t('cli.tag.description'))

  sub(tag.command('list').description(ctx().t('cli.tag.list.description')), ctx)
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: { json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      const tags = await listTags(store.conn)
      if (opts.json) return cx.printJson({ ok: true, tags })
      if (tags.length === 0) return cx.print(cx.t('cli.tag.none'))
      const rows = tags.map((t) => [
        t.tag,
        cx.t(`cli.tag.source.${t.source}`),
        num(cx, t.customers),
        pick(t.description, cx.lang) || (t.definition ?? ''),
      ])
      cx.print(
        renderTable(
          [
            cx.t('cli.tag.col.tag'),
            cx.t('cli.tag.col.source'),
            cx.t('cli.tag.col.customers'),
            cx.t('cli.tag.col.description'),
          ],
          rows,
          [false, false, true, false],
        ),
      )
    })

  sub(tag.command('refresh').description(ctx().t('cli.tag.refresh.description')), ctx)
    .option('--snapshot <id>', ctx().t('cli.customer.opt.snapshot'), 'latest')
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: { snapshot: string; json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      const result = await refreshTags(store.conn, { snapshot: opts.snapshot, now: cx.nowText() })
      if (opts.json) return cx.printJson({ ok: true, ...result })
      for (const w of result.warnings) cx.err.write(`${cx.t(w.code, w.params)}\n`)
      cx.print(
        cx.t('cli.tag.refreshed', {
          snapshot: result.snapshotId,
          asOf: result.asOf,
          tags: result.counts.length,
          assignments: result.counts.reduce((s, c) => s + c.customers, 0),
        }),
      )
      cx.print(
        renderTable(
          [cx.t('cli.tag.col.tag'), cx.t('cli.tag.col.customers')],
          result.counts.map((c) => [c.tag, num(cx, c.customers)]),
          [false, true],
        ),
      )
    })

  sub(tag.command('explain').description(ctx().t('cli.tag.explain.description')), ctx)
    .argument('<customer>', ctx().t('cli.customer.arg.id'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (customer: string, opts: { json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      const id = await resolveCustomerId(store.conn, customer)
      const why = await explainCustomerTags(store.conn, id)
      const lines = why.tags.map((r) => ({ ...r, text: cx.t(r.key, r.params) }))
      if (opts.json)
        return cx.printJson({ ok: true, customerId: why.customerId, snapshotId: why.snapshotId, tags: lines })
      cx.print(
        cx.t('cli.tag.explain.header', {
          customer: why.customerId,
          n: lines.length,
          snapshot: why.snapshotId ?? '—',
        }),
      )
      for (const l of lines) cx.print(`  ${l.tag} — ${l.text}`)
    })

  sub(tag.command('define').description(ctx().t('cli.tag.define.description')), ctx)
    .argument('<name>', ctx().t('cli.tag.arg.name'))
    .argument('<definition>', ctx().t('cli.tag.arg.definition'))
    .option('--description <text>', ctx().t('cli.tag.opt.description'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (name: string, definition: string, opts: { description?: string; json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      const result = await defineTag(store.conn, {
        tag: name,
        definition,
        description: opts.description,
        now: cx.nowText(),
      })
      if (opts.json) return cx.printJson({ ok: true, ...result })
      cx.print(cx.t('cli.tag.defined', result))
    })

  sub(tag.command('delete').description(ctx().t('cli.tag.delete.description')), ctx)
    .argument('<name>', ctx().t('cli.tag.arg.name'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (name: string, opts: { json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      await deleteTag(store.conn, name)
      if (opts.json) return cx.printJson({ ok: true, tag: name })
      cx.print(cx.t('cli.tag.deleted', { tag: name }))
    })
}
