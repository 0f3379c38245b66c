import { type Command, Option } from 'commander'
import { segmentLabel } from '../../analytics/rfm-segment-map.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import {
  type AssociationRule,
  type Basis,
  boughtTogether,
  defaultRuleOptions,
  mineRules,
  nextBestProducts,
  type ProductInfo,
  productInfo,
  resolveItem,
  resolveSelection,
  saveRules,
  segmentCrossSell,
} from '../../strategy/index.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { atLeast, fraction, positiveInt } from './strategy-flags.js'

const pct = (c: CliContext, v: number) =>
  v.toLocaleString(c.lang, { style: 'percent', maximumFractionDigits: 2 })
const num = (c: CliContext, v: number, digits = 2) =>
  v.toLocaleString(c.lang, { maximumFractionDigits: digits })

/** An item as people read it: the product name beside its SKU, or the category. */
function itemText(item: string, info: ReadonlyMap<string, ProductInfo>): string {
  const name = info.get(item)?.name
  return name && name !== item ? `${item} ${name}` : item
}

async function namesFor(c: CliContext, by: Basis, items: readonly string[]) {
  if (by !== 'product') return new Map<string, ProductInfo>()
  return productInfo((await c.store()).conn, [...new Set(items)])
}

function ruleRows(
  c: CliContext,
  rules: readonly AssociationRule[],
  info: ReadonlyMap<string, ProductInfo>,
): string[][] {
  return rules.map((r) => [
    r.antecedent.map((a) => itemText(a, info)).join(' + '),
    itemText(r.consequent, info),
    pct(c, r.support),
    pct(c, r.confidence),
    num(c, r.lift),
    r.bothCount.toLocaleString(c.lang),
  ])
}

const byOption = (c: () => CliContext) =>
  new Option('--by <basis>', c().t('cli.recommend.opt.by'))
    .choices(['product', 'category'])
    .default('product')

interface RulesFlags {
  by: Basis
  minSupport?: string
  minConfidence?: string
  minLift?: string
  minCount?: string
  maxSize?: string
  asOf?: string
  since?: string
  limit: string
  save: boolean
  json?: boolean
}

export const registerRecommend: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  const recommend = program.command('recommend').description(c().t('cli.recommend.description'))

  recommend
    .command('rules')
    .description(c().t('cli.recommend.rules.description'))
    .addOption(byOption(c))
    .option('--min-support <share>', c().t('cli.recommend.opt.min_support'))
    .option('--min-confidence <share>', c().t('cli.recommend.opt.min_confidence'))
    .option('--min-lift <n>', c().t('cli.recommend.opt.min_lift'))
    .option('--min-count <n>', c().t('cli.recommend.opt.min_count'))
    .addOption(new Option('--max-size <n>', c().t('cli.recommend.opt.max_size')).choices(['2', '3']))
    .option('--as-of <date>', c().t('cli.recommend.opt.as_of'))
    .option('--since <date>', c().t('cli.recommend.opt.since'))
    .option('--limit <n>', c().t('cli.recommend.opt.limit'), '20')
    .option('--no-save', c().t('cli.recommend.opt.no_save'))
    .option('--json', c().t('cli.opt.json'))
    .action(async (opts: RulesFlags) => {
      const cx = c()
      const defaults = defaultRuleOptions(opts.by)
      const options = {
        ...defaults,
        minSupport:
          opts.minSupport === undefined ? defaults.minSupport : fraction('--min-support', opts.minSupport),
        minConfidence:
          opts.minConfidence === undefined
            ? defaults.minConfidence
            : fraction('--min-confidence', opts.minConfidence),
        minLift: opts.minLift === undefined ? defaults.minLift : atLeast('--min-lift', opts.minLift, 0),
        minCount: opts.minCount === undefined ? defaults.minCount : positiveInt('--min-count', opts.minCount),
        maxSize: opts.maxSize === '2' ? (2 as const) : defaults.maxSize,
      }
      const limit = positiveInt('--limit', opts.limit)
      const store = await cx.store()
      const { rules, baskets } = await mineRules(store.conn, options, {
        asOf: opts.asOf ?? null,
        since: opts.since ?? null,
      })
      if (opts.save)
        await saveRules(store.conn, rules, { ...options, computedAt: cx.nowText(), asOf: opts.asOf ?? null })
      if (opts.json)
        return cx.printJson({
          ok: true,
          options,
          saved: opts.save,
          count: rules.length,
          baskets,
          rules: rules.slice(0, limit),
        })
      const shown = rules.slice(0, limit)
      const info = await namesFor(
        cx,
        opts.by,
        shown.flatMap((r) => [...r.antecedent, r.consequent]),
      )
      cx.print(
        cx.t('strategy.rules.header', {
          n: rules.length,
          baskets,
          by: cx.t(`strategy.by.${opts.by}`),
          minSupport: pct(cx, options.minSupport),
          minConfidence: pct(cx, options.minConfidence),
          minLift: options.minLift,
          minCount: options.minCount,
        }),
      )
      if (shown.length) {
        cx.print(
          renderTable(
            ['if', 'then', 'support', 'confidence', 'lift', 'baskets'].map((k) => cx.t(`strategy.col.${k}`)),
            ruleRows(cx, shown, info),
            [false, false, true, true, true, true],
          ),
        )
      }
      if (opts.save) cx.print(cx.t('strategy.rules.saved', { n: rules.length }))
    })

  recommend
    .command('together')
    .description(c().t('cli.recommend.together.description'))
    .argument('<item>', c().t('cli.recommend.arg.item'))
    .addOption(byOption(c))
    .option('--limit <n>', c().t('cli.recommend.opt.limit'), '10')
    .option('--min-count <n>', c().t('cli.recommend.opt.min_count'), '2')
    .option('--json', c().t('cli.opt.json'))
    .action(async (text: string, opts: { by: Basis; limit: string; minCount: string; json?: boolean }) => {
      const cx = c()
      const store = await cx.store()
      const anchor = await resolveItem(store.conn, text, opts.by)
      const result = await boughtTogether(store.conn, anchor, {
        by: opts.by,
        limit: positiveInt('--limit', opts.limit),
        minCount: positiveInt('--min-count', opts.minCount),
      })
      if (opts.json) return cx.printJson({ ok: true, ...result })
      const info = await namesFor(cx, opts.by, [anchor, ...result.items.map((i) => i.item)])
      cx.print(
        cx.t('strategy.together.header', {
          item: itemText(anchor, info),
          n: result.anchorBaskets,
          baskets: result.baskets,
        }),
      )
      cx.print(
        renderTable(
          ['item', 'baskets', 'confidence', 'lift'].map((k) => cx.t(`strategy.col.${k}`)),
          result.items.map((i) => [
            itemText(i.item, info),
            i.both.toLocaleString(cx.lang),
            pct(cx, i.confidence),
            num(cx, i.lift),
          ]),
          [false, true, true, true],
        ),
      )
    })

  recommend
    .command('customer')
    .description(c().t('cli.recommend.customer.description'))
    .argument('<id>', c().t('cli.customer.arg.id'))
    .option('--limit <n>', c().t('cli.recommend.opt.limit'), '5')
    .option('--price-band <factor>', c().t('cli.recommend.opt.price_band'), '3')
    .option('--json', c().t('cli.opt.json'))
    .action(async (text: string, opts: { limit: string; priceBand: string; json?: boolean }) => {
      const cx = c()
      const store = await cx.store()
      const id = await resolveCustomerId(store.conn, text)
      const result = await nextBestProducts(store.conn, id, {
        limit: positiveInt('--limit', opts.limit),
        priceBand: atLeast('--price-band', opts.priceBand, 1),
      })
      if (opts.json) return cx.printJson({ ok: true, ...result })
      cx.print(
        cx.t('strategy.customer.header', {
          customer: id,
          price: result.priceLevel === null ? '—' : num(cx, result.priceLevel),
          aov: result.aov === null ? '—' : num(cx, result.aov),
          categories: result.topCategories.map((t) => `${t.category} ${pct(cx, t.share)}`).join(', ') || '—',
        }),
      )
      if (result.products.length === 0) return cx.print(cx.t('strategy.customer.none'))
      cx.print(
        renderTable(
          ['item', 'category', 'price', 'why'].map((k) => cx.t(`strategy.col.${k}`)),
          result.products.map((p) => [
            p.name ? `${p.item} ${p.name}` : p.item,
            p.category ?? '—',
            p.price === null ? '—' : num(cx, p.price),
            p.reason.kind === 'rule'
              ? cx.t('strategy.customer.why_rule', {
                  items: p.reason.antecedent.join(' + '),
                  confidence: pct(cx, p.reason.confidence),
                  lift: num(cx, p.reason.lift),
                })
              : cx.t('strategy.customer.why_category', {
                  category: p.reason.category,
                  share: pct(cx, p.reason.categoryShare),
                }),
          ]),
          [false, false, true, false],
        ),
      )
    })

  recommend
    .command('segment')
    .description(c().t('cli.recommend.segment.description'))
    .argument('<name>', c().t('cli.recommend.arg.segment'))
    .addOption(byOption(c))
    .option('--limit <n>', c().t('cli.recommend.opt.limit'), '10')
    .option('--min-count <n>', c().t('cli.recommend.opt.segment_min_count'), '5')
    .option('--json', c().t('cli.opt.json'))
    .action(async (name: string, opts: { by: Basis; limit: string; minCount: string; json?: boolean }) => {
      const cx = c()
      const store = await cx.store()
      const selection = await resolveSelection(store.conn, { kind: 'segment', ref: name })
      const result = await segmentCrossSell(store.conn, selection, {
        by: opts.by,
        limit: positiveInt('--limit', opts.limit),
        minSegmentCount: positiveInt('--min-count', opts.minCount),
      })
      if (opts.json) {
        const { query: _query, ...who } = result.selection
        return cx.printJson({ ok: true, ...result, selection: who })
      }
      const info = await namesFor(
        cx,
        opts.by,
        result.rules.flatMap((r) => [...r.rule.antecedent, r.rule.consequent]),
      )
      const label =
        selection.kind === 'rfm'
          ? segmentLabel(selection.name, cx.lang)
          : selection.kind === 'lifecycle'
            ? cx.t(`analytics.lifecycle.${selection.name}`)
            : selection.label
      cx.print(cx.t('strategy.segment.header', { segment: label, baskets: result.segmentBaskets }))
      if (result.rules.length === 0) return cx.print(cx.t('strategy.segment.none'))
      cx.print(
        renderTable(
          ['if', 'then', 'index', 'segment_confidence', 'confidence', 'baskets'].map((k) =>
            cx.t(`strategy.col.${k}`),
          ),
          result.rules.map((r) => [
            r.rule.antecedent.map((a) => itemText(a, info)).join(' + '),
            itemText(r.rule.consequent, info),
            num(cx, r.index),
            pct(cx, r.segmentConfidence),
            pct(cx, r.rule.confidence),
            r.segmentBoth.toLocaleString(cx.lang),
          ]),
          [false, false, true, true, true, true],
        ),
      )
    })
}
