import type { Command } from 'commander'
import { segmentLabel } from '../../analytics/rfm-segment-map.js'
import {
  defineBuyerPersona,
  deleteBuyerPersona,
  listBuyerPersonas,
  type PersonaCard,
  personaCard,
  type Share,
} from '../../personas/index.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { groupFrom, groupOptions, num, pct, pick, sub } from './personas-shared.js'

function line(cx: CliContext, list: readonly Share[], label: (v: string) => string = (v) => v): string {
  return list.length === 0 ? '—' : list.map((s) => `${label(s.value)} ${pct(cx, s.share, 0)}`).join(', ')
}

function printCard(cx: CliContext, card: PersonaCard) {
  const group = card.group.kind === 'rfm' ? segmentLabel(card.group.label, cx.lang) : card.group.label
  cx.print(
    cx.t('cli.persona.header', {
      kind: cx.t(`cli.persona.kind.${card.group.kind}`),
      group,
      snapshot: card.snapshotId,
      asOf: card.asOf,
    }),
  )
  cx.print()
  cx.print(pick(card.summary, cx.lang))
  cx.print()
  const ranked = (list: PersonaCard['topCategories']) =>
    list.length === 0 ? '—' : list.map((r) => `${r.name} ${pct(cx, r.share, 0)}`).join(', ')
  const rows: [string, string][] = [
    ['size', `${num(cx, card.size)} (${pct(cx, card.sizeShare)})`],
    ['revenue', `${num(cx, card.revenue, 0)} (${pct(cx, card.revenueShare)})`],
    ['age', line(cx, card.age)],
    ['gender', line(cx, card.gender, (v) => (v === 'F' || v === 'M' ? cx.t(`cli.persona.gender.${v}`) : v))],
    ['city_tier', line(cx, card.cityTier, (v) => cx.t(`cli.persona.tier.${v}`))],
    ['region', line(cx, card.region.slice(0, 5))],
    ['categories', ranked(card.topCategories)],
    ['brands', ranked(card.topBrands)],
    [
      'channels',
      [
        pct(cx, card.channels.online, 0),
        pct(cx, card.channels.store, 0),
        pct(cx, card.channels.community, 0),
      ].join(' / '),
    ],
    [
      'price',
      `${pct(cx, card.priceSensitivity.discountedOrders, 0)} / ${pct(cx, card.priceSensitivity.taggedShare, 0)}`,
    ],
    ['aov', `${num(cx, card.aov.overall, 0)} / ${num(cx, card.aov.median, 0)}`],
    ['interval', num(cx, card.intervalDays, 1)],
    ['nps', card.nps.score === null ? '—' : `${card.nps.score} (${num(cx, card.nps.respondents)})`],
    [
      'clv',
      card.clv.predicted === 0
        ? '—'
        : [card.clv.p25, card.clv.median, card.clv.p75].map((v) => num(cx, v, 0)).join(' / '),
    ],
    ['churn', line(cx, card.churnRisk, (v) => cx.t(`analytics.band.${v}`))],
  ]
  cx.print(
    renderTable(
      [cx.t('cli.persona.col.measure'), ''],
      rows.map(([k, v]) => [cx.t(`cli.persona.row.${k}`), v]),
    ),
  )
}

export const registerPersona: RegisterCommand = (program: Command, ctx) => {
  const persona = program.command('persona').description(ctx().t('cli.persona.description'))

  groupOptions(sub(persona.command('show').description(ctx().t('cli.persona.show.description')), ctx), ctx)
    .option('--all', ctx().t('cli.personas.opt.all'))
    .option('--snapshot <id>', ctx().t('cli.customer.opt.snapshot'), 'latest')
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const cx = ctx()
      const ref = groupFrom(opts)
      const store = await cx.store()
      const card = await personaCard(store.conn, ref, { snapshot: String(opts['snapshot']) })
      if (opts['json']) return cx.printJson({ ok: true, ...card })
      printCard(cx, card)
    })

  sub(persona.command('define').description(ctx().t('cli.persona.define.description')), ctx)
    .argument('<name>', ctx().t('cli.persona.arg.name'))
    .argument('<definition>', ctx().t('cli.tag.arg.definition'))
    .option('--description <text>', ctx().t('cli.tag.opt.description'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (name: string, definition: string, opts: { description?: string; json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      const p = await defineBuyerPersona(store.conn, {
        name,
        definition,
        description: opts.description,
        now: cx.nowText(),
      })
      if (opts.json) return cx.printJson({ ok: true, ...p })
      cx.print(
        cx.t('cli.persona.defined', { name: p.name, customers: p.customers ?? 0, definition: p.definition }),
      )
    })

  sub(persona.command('list').description(ctx().t('cli.persona.list.description')), ctx)
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: { json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      const list = await listBuyerPersonas(store.conn)
      if (opts.json) return cx.printJson({ ok: true, personas: list })
      if (list.length === 0) return cx.print(cx.t('cli.persona.none'))
      cx.print(
        renderTable(
          [
            cx.t('cli.persona.col.name'),
            cx.t('cli.tag.col.customers'),
            cx.t('cli.persona.col.definition'),
            cx.t('cli.tag.col.description'),
          ],
          list.map((p) => [
            p.name,
            p.customers === null ? cx.t('cli.persona.broken') : num(cx, p.customers),
            p.definition,
            p.description ?? '',
          ]),
          [false, true, false, false],
        ),
      )
    })

  sub(persona.command('delete').description(ctx().t('cli.persona.delete.description')), ctx)
    .argument('<name>', ctx().t('cli.persona.arg.name'))
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (name: string, opts: { json?: boolean }) => {
      const cx = ctx()
      const store = await cx.store()
      await deleteBuyerPersona(store.conn, name)
      if (opts.json) return cx.printJson({ ok: true, name })
      cx.print(cx.t('cli.persona.deleted', { name }))
    })
}
