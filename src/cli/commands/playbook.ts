import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { type Command, Option } from 'commander'
import { parse as parseYaml } from 'yaml'
import { segmentLabel } from '../../analytics/rfm-segment-map.js'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import { LANGS, type Lang } from '../../i18n/locale.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import {
  checkPlaybookEdit,
  communityInvitations,
  editPlaybook,
  getPlaybook,
  INDUSTRIES,
  INDUSTRY_PRESETS,
  type Industry,
  listPlaybooks,
  nextActionFor,
  type Playbook,
  parseIndustry,
  resetPlaybook,
  resolvePlaybookId,
  setStoreIndustry,
  storeIndustry,
} from '../../strategy/index.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { positiveInt } from './strategy-flags.js'

/** A playbook's name for people: the segment or stage in their language. */
export function playbookLabel(c: CliContext, id: string): string {
  const [kind, name] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)]
  return kind === 'rfm'
    ? segmentLabel(name, c.lang)
    : `${c.t(`analytics.lifecycle.${name}`)} (${c.t('strategy.lifecycle_word')})`
}

async function industryOf(c: CliContext, flag: string | undefined): Promise<Industry> {
  if (flag !== undefined) return parseIndustry(flag)
  return storeIndustry((await c.store()).conn)
}

function printPlaybook(c: CliContext, p: Playbook): void {
  c.print(
    c.t('strategy.playbook.header', {
      playbook: playbookLabel(c, p.id),
      industry: c.t(`strategy.industry.${p.industry}`),
      intent: c.t(`strategy.intent.${p.intent}`),
    }),
  )
  const mark = (f: string) =>
    p.edited.includes(f as never) ? ` ${c.t('strategy.playbook.edited_mark')}` : ''
  c.print(`${c.t('strategy.field.goal')}${mark('goal')}: ${p.text.goal}`)
  c.print(`${c.t('strategy.field.actions')}${mark('actions')}:`)
  p.text.actions.forEach((a, i) => void c.print(`  ${i + 1}. ${a}`))
  for (const f of ['offer', 'channel', 'cadence', 'kpi'] as const) {
    c.print(`${c.t(`strategy.field.${f}`)}${mark(f)}: ${p.text[f]}`)
  }
}

function printPreset(c: CliContext, industry: Industry): void {
  const preset = INDUSTRY_PRESETS[industry]
  c.print(
    c.t('strategy.preset.line', {
      industry: c.t(`strategy.industry.${industry}`),
      measure: c.t(`strategy.measure.${preset.valueMeasure}`),
    }),
  )
  c.print(`  ${c.t(`strategy.preset.changes.${industry}`)}`)
  for (const note of preset.notes?.[c.lang] ?? []) c.print(`  · ${note}`)
}

/** Reads an edit file: JSON or YAML (by extension; YAML, a superset of JSON, otherwise). */
function readEditFile(file: string): unknown {
  const path = resolve(file)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new StrataError(
      { code: 'strategy.playbook.file_unreadable', params: { file, reason } },
      EXIT.NOT_FOUND,
    )
  }
  try {
    return extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new StrataError({ code: 'strategy.playbook.file_syntax', params: { file, reason } }, EXIT.DATA)
  }
}

interface EditFlags {
  industry?: string
  lang?: Lang
  file?: string
  goal?: string
  action?: string[]
  offer?: string
  channel?: string
  cadence?: string
  kpi?: string
  json?: boolean
}

export const registerPlaybook: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  const industryOption = () =>
    new Option('--industry <name>', c().t('cli.playbook.opt.industry')).choices([...INDUSTRIES])
  const list = async (opts: { industry?: string; json?: boolean }) => {
    const cx = c()
    const store = await cx.store()
    const industry = await industryOf(cx, opts.industry)
    const books = await listPlaybooks(store.conn, { industry, lang: cx.lang })
    if (opts.json) return cx.printJson({ ok: true, industry, playbooks: books })
    printPreset(cx, industry)
    cx.print()
    cx.print(
      renderTable(
        [cx.t('strategy.col.playbook'), cx.t('strategy.col.intent'), cx.t('strategy.field.goal')],
        books.map((b) => [
          playbookLabel(cx, b.id) + (b.edited.length ? ` ${cx.t('strategy.playbook.edited_mark')}` : ''),
          cx.t(`strategy.intent.${b.intent}`),
          b.text.goal,
        ]),
      ),
    )
  }
  const playbook = program
    .command('playbook')
    .description(c().t('cli.playbook.description'))
    .addOption(industryOption())
    .option('--json', c().t('cli.opt.json'))
    .action(list)
  // `--industry` and `--json` written after a subcommand are taken by this parent command (commander reads
  // a parent's options anywhere); the subcommands merge them back in.
  const parentOpts = () => playbook.opts() as { industry?: string; json?: boolean }

  playbook
    .command('list')
    .description(c().t('cli.playbook.list.description'))
    .addOption(industryOption())
    .option('--json', c().t('cli.opt.json'))
    .action((own: { industry?: string; json?: boolean }) => list({ ...parentOpts(), ...own }))

  playbook
    .command('show')
    .description(c().t('cli.playbook.show.description'))
    .argument('<name>', c().t('cli.playbook.arg.name'))
    .addOption(industryOption())
    .option('--json', c().t('cli.opt.json'))
    .action(async (name: string, own: { industry?: string; json?: boolean }) => {
      const opts = { ...parentOpts(), ...own }
      const cx = c()
      const store = await cx.store()
      const industry = await industryOf(cx, opts.industry)
      const book = await getPlaybook(store.conn, resolvePlaybookId(name), { industry, lang: cx.lang })
      if (opts.json) return cx.printJson({ ok: true, playbook: book })
      printPlaybook(cx, book)
      cx.print()
      printPreset(cx, industry)
    })

  playbook
    .command('edit')
    .description(c().t('cli.playbook.edit.description'))
    .argument('<name>', c().t('cli.playbook.arg.name'))
    .addOption(industryOption())
    .addOption(new Option('--text-lang <lang>', c().t('cli.playbook.opt.text_lang')).choices([...LANGS]))
    .option('--file <file>', c().t('cli.playbook.opt.file'))
    .option('--goal <text>', c().t('cli.playbook.opt.field'))
    .option('--action <text>', c().t('cli.playbook.opt.action'), (v: string, prev: string[] = []) => [
      ...prev,
      v,
    ])
    .option('--offer <text>', c().t('cli.playbook.opt.field'))
    .option('--channel <text>', c().t('cli.playbook.opt.field'))
    .option('--cadence <text>', c().t('cli.playbook.opt.field'))
    .option('--kpi <text>', c().t('cli.playbook.opt.field'))
    .option('--json', c().t('cli.opt.json'))
    .action(async (name: string, own: EditFlags & { textLang?: Lang }) => {
      const raw = { ...parentOpts(), ...own }
      const cx = c()
      const id = resolvePlaybookId(name)
      const lang = raw.textLang ?? cx.lang
      const flags: Record<string, unknown> = {}
      for (const f of ['goal', 'offer', 'channel', 'cadence', 'kpi'] as const)
        if (raw[f] !== undefined) flags[f] = raw[f]
      if (raw.action) flags['actions'] = raw.action
      const checked = [] as ReturnType<typeof checkPlaybookEdit>[]
      if (raw.file) checked.push(checkPlaybookEdit(readEditFile(raw.file), { lang, file: raw.file }))
      if (Object.keys(flags).length) checked.push(checkPlaybookEdit(flags, { lang }))
      if (checked.length === 0) throw new StrataError({ code: 'strategy.playbook.edit_nothing' })
      const problems = checked.flatMap((r) => (r.ok ? [] : r.diagnostics))
      if (problems.length) throw new StrataError(problems[0]!, EXIT.DATA, problems.slice(1))
      const store = await cx.store()
      const industry = await industryOf(cx, raw.industry)
      for (const r of checked)
        if (r.ok) await editPlaybook(store.conn, id, r.value, { industry, now: cx.nowText() })
      const book = await getPlaybook(store.conn, id, { industry, lang })
      if (raw.json) return cx.printJson({ ok: true, playbook: book })
      cx.print(
        cx.t('strategy.playbook.saved', {
          playbook: playbookLabel(cx, id),
          industry: cx.t(`strategy.industry.${industry}`),
        }),
      )
      printPlaybook(cx, book)
    })

  playbook
    .command('reset')
    .description(c().t('cli.playbook.reset.description'))
    .argument('<name>', c().t('cli.playbook.arg.name'))
    .addOption(industryOption())
    .addOption(new Option('--text-lang <lang>', c().t('cli.playbook.opt.reset_lang')).choices([...LANGS]))
    .option('--json', c().t('cli.opt.json'))
    .action(async (name: string, own: { industry?: string; textLang?: Lang; json?: boolean }) => {
      const opts = { ...parentOpts(), ...own }
      const cx = c()
      const id = resolvePlaybookId(name)
      const store = await cx.store()
      const industry = await industryOf(cx, opts.industry)
      const removed = await resetPlaybook(store.conn, id, { industry, lang: opts.textLang })
      if (opts.json) return cx.printJson({ ok: true, playbook: id, industry, removed })
      cx.print(cx.t('strategy.playbook.reset_done', { playbook: playbookLabel(cx, id), n: removed }))
    })

  playbook
    .command('for')
    .description(c().t('cli.playbook.for.description'))
    .argument('<customer>', c().t('cli.customer.arg.id'))
    .addOption(industryOption())
    .addOption(new Option('--snapshot <id>', c().t('cli.customer.opt.snapshot')).default('latest'))
    .option('--json', c().t('cli.opt.json'))
    .action(async (customer: string, own: { industry?: string; snapshot: string; json?: boolean }) => {
      const opts = { ...parentOpts(), ...own }
      const cx = c()
      const store = await cx.store()
      const industry = await industryOf(cx, opts.industry)
      const id = await resolveCustomerId(store.conn, customer)
      const next = await nextActionFor(store.conn, id, { industry, lang: cx.lang, snapshot: opts.snapshot })
      if (opts.json) return cx.printJson({ ok: true, ...next })
      cx.print(
        cx.t('strategy.for.header', {
          customer: id,
          segment: segmentLabel(next.rfmSegment, cx.lang),
          stage: cx.t(`analytics.lifecycle.${next.lifecycle}`),
          snapshot: next.snapshotId,
          asOf: next.asOf,
        }),
      )
      cx.print(cx.t(`strategy.why.${next.rule}`, { playbook: playbookLabel(cx, next.playbook.id) }))
      cx.print(
        cx.t('strategy.for.value', {
          measure: cx.t(`strategy.measure.${next.valueMeasure}`),
          value: next.value ?? '—',
          tier: next.valueTier ? cx.t(`analytics.tier.${next.valueTier}`) : '—',
        }),
      )
      if (!next.marketingConsent) cx.print(cx.t('strategy.for.no_consent'))
      cx.print(cx.t('strategy.for.next', { action: next.nextAction }))
      if (industry === 'social' && next.community) {
        cx.print(
          cx.t(next.communityLeader ? 'strategy.for.leader' : 'strategy.for.community', {
            community: next.community,
          }),
        )
      }
      cx.print()
      printPlaybook(cx, next.playbook)
    })

  playbook
    .command('industry')
    .description(c().t('cli.playbook.industry.description'))
    .argument('[name]', c().t('cli.playbook.arg.industry'))
    .option('--write-config <file>', c().t('cli.playbook.opt.write_config'))
    .option('--json', c().t('cli.opt.json'))
    .action(async (name: string | undefined, own: { writeConfig?: string; json?: boolean }) => {
      const opts = { ...parentOpts(), ...own }
      const cx = c()
      const store = await cx.store()
      if (name !== undefined) await setStoreIndustry(store.conn, parseIndustry(name))
      const industry = await storeIndustry(store.conn)
      const preset = INDUSTRY_PRESETS[industry]
      if (opts.writeConfig) {
        const file = resolve(opts.writeConfig)
        const current = existsSync(file)
          ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
          : {}
        writeFileSync(file, `${JSON.stringify(mergeConfig(current, preset.analysisConfig), null, 2)}\n`)
        if (!opts.json) cx.print(cx.t('strategy.preset.config_written', { file }))
      }
      if (opts.json) {
        return cx.printJson({ ok: true, industry, presets: INDUSTRIES.map((i) => INDUSTRY_PRESETS[i]) })
      }
      if (name !== undefined)
        cx.print(cx.t('strategy.preset.set', { industry: cx.t(`strategy.industry.${industry}`) }))
      for (const i of INDUSTRIES) {
        printPreset(cx, i)
        const config = INDUSTRY_PRESETS[i].analysisConfig
        if (Object.keys(config).length)
          cx.print(`  ${cx.t('strategy.preset.analysis_config', { config: JSON.stringify(config) })}`)
      }
      cx.print()
      cx.print(cx.t('strategy.preset.current', { industry: cx.t(`strategy.industry.${industry}`) }))
    })

  playbook
    .command('communities')
    .description(c().t('cli.playbook.communities.description'))
    .addOption(new Option('--snapshot <id>', c().t('cli.customer.opt.snapshot')).default('latest'))
    .option('--limit <n>', c().t('cli.playbook.opt.communities_limit'), '3')
    .option('--active-days <n>', c().t('cli.playbook.opt.active_days'), '90')
    .option('--min-orders <n>', c().t('cli.playbook.opt.min_orders'), '10')
    .option('--json', c().t('cli.opt.json'))
    .action(
      async (opts: {
        snapshot: string
        limit: string
        activeDays: string
        minOrders: string
        json?: boolean
      }) => {
        const cx = c()
        const store = await cx.store()
        const rows = await communityInvitations(store.conn, {
          snapshot: opts.snapshot,
          limit: positiveInt('--limit', opts.limit),
          activeDays: positiveInt('--active-days', opts.activeDays),
          minOrders: positiveInt('--min-orders', opts.minOrders),
        })
        if (opts.json) return cx.printJson({ ok: true, invitations: rows })
        cx.print(cx.t('strategy.communities.header', { days: opts.activeDays }))
        cx.print(
          renderTable(
            [
              cx.t('strategy.col.segment'),
              cx.t('strategy.col.community'),
              cx.t('strategy.col.city'),
              cx.t('strategy.col.reason'),
              cx.t('strategy.col.invitees'),
            ],
            rows.map((r) => [
              segmentLabel(r.segment, cx.lang),
              r.community,
              r.city ?? '—',
              cx.t(`strategy.communities.reason.${r.reason}`),
              r.invitees.toLocaleString(cx.lang),
            ]),
            [false, false, false, false, true],
          ),
        )
      },
    )
}

/** Deep-merges a preset's settings into an existing config object (the preset wins on its own keys). */
function mergeConfig(
  base: Record<string, unknown>,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(patch)) {
    const current = out[k]
    out[k] =
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      typeof current === 'object' &&
      current !== null
        ? mergeConfig(current as Record<string, unknown>, v as Record<string, unknown>)
        : v
  }
  return out
}
