import { createWriteStream } from 'node:fs'
import { resolve } from 'node:path'
import { finished } from 'node:stream/promises'
import { type Command, Option } from 'commander'
import { EXIT, renderDiagnostic, StrataError } from '../../core/diagnostics.js'
import {
  createSegment,
  createStaticSegment,
  deleteSegment,
  diffSegmentEdit,
  exportSegment,
  findTemplate,
  freezeSegment,
  getSegment,
  latestContext,
  listSegments,
  type MemberFormat,
  previewSegment,
  refreshSegments,
  type SegmentContext,
  segmentOverlap,
  segmentSizes,
  segmentTemplates,
  updateSegment,
  writeMembers,
} from '../../segments/index.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'
import {
  printDiff,
  printOverlap,
  printPreview,
  printSegmentList,
  printShow,
  printSize,
  printTemplates,
} from './segment-print.js'

interface CommonFlags {
  asOf?: string
  json?: boolean
}

function positiveInt(value: string, field: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) {
    throw new StrataError({ code: 'segments.bad_number', params: { value, field }, at: { field, value } })
  }
  return n
}

/** Evaluation context: the latest snapshot (or today without one); `--as-of` moves relative dates. */
async function contextOf(cx: CliContext, flags: CommonFlags): Promise<SegmentContext> {
  const store = await cx.store()
  return latestContext(store.conn, { asOf: flags.asOf, fallbackAsOf: cx.today() })
}

async function write(cx: CliContext, flags: CommonFlags) {
  return { now: cx.nowText(), ctx: await contextOf(cx, flags) }
}

function sub(parent: Command, name: string, cx: () => CliContext): Command {
  return parent
    .command(name)
    .description(cx().t(`cli.segment.${name}.description`))
    .exitOverride()
    .helpOption('-h, --help', cx().t('cli.opt.help'))
}

const asOf = (cx: () => CliContext) => new Option('--as-of <date>', cx().t('cli.segment.opt.as_of'))
const json = (cx: () => CliContext) => new Option('--json', cx().t('cli.opt.json'))
const sample = (cx: () => CliContext) =>
  new Option('--sample <n>', cx().t('cli.segment.opt.sample')).default('10')

export const registerSegment: RegisterCommand = (program: Command, c) => {
  const segment = program.command('segment').description(c().t('cli.segment.description'))

  sub(segment, 'create', c)
    .argument('[name]', c().t('cli.segment.arg.name'))
    .addOption(new Option('--definition <text>', c().t('cli.segment.opt.definition')))
    .addOption(new Option('--template <id>', c().t('cli.segment.opt.template')))
    .addOption(new Option('--file <path>', c().t('cli.segment.opt.file')))
    .addOption(new Option('--allow-unknown', c().t('cli.segment.opt.allow_unknown')))
    .addOption(new Option('--description <text>', c().t('cli.segment.opt.description')))
    .addOption(asOf(c))
    .addOption(json(c))
    .action(async (name: string | undefined, opts: CreateFlags) => runCreate(c(), name, opts))

  sub(segment, 'edit', c)
    .argument('<segment>', c().t('cli.segment.arg.segment'))
    .addOption(new Option('--definition <text>', c().t('cli.segment.opt.definition')))
    .addOption(new Option('--name <name>', c().t('cli.segment.opt.rename')))
    .addOption(new Option('--description <text>', c().t('cli.segment.opt.description')))
    .addOption(new Option('--yes', c().t('cli.segment.opt.yes')))
    .addOption(new Option('--dry-run', c().t('cli.segment.opt.dry_run')))
    .addOption(sample(c))
    .addOption(asOf(c))
    .addOption(json(c))
    .action(async (ref: string, opts: EditFlags) => runEdit(c(), ref, opts))

  sub(segment, 'list', c)
    .addOption(json(c))
    .action(async (opts: CommonFlags) => {
      const cx = c()
      const segments = await listSegments((await cx.store()).conn)
      if (opts.json) return cx.printJson({ ok: true, segments })
      printSegmentList(cx, segments)
    })

  sub(segment, 'show', c)
    .argument('<segment>', c().t('cli.segment.arg.segment'))
    .addOption(json(c))
    .action(async (ref: string, opts: CommonFlags) => {
      const cx = c()
      const conn = (await cx.store()).conn
      const seg = await getSegment(conn, ref)
      const sizes = await segmentSizes(conn, seg.segmentId)
      if (opts.json) return cx.printJson({ ok: true, segment: seg, sizes })
      printShow(cx, seg, sizes)
    })

  sub(segment, 'preview', c)
    .argument('<definition>', c().t('cli.segment.arg.definition'))
    .addOption(sample(c))
    .addOption(asOf(c))
    .addOption(json(c))
    .action(async (text: string, opts: CommonFlags & { sample: string }) => {
      const cx = c()
      const conn = (await cx.store()).conn
      const preview = await previewSegment(conn, text, {
        ctx: await contextOf(cx, opts),
        sample: positiveInt(opts.sample, '--sample'),
        clock: () => performance.now(),
      })
      if (opts.json) return cx.printJson({ ok: true, ...preview })
      printPreview(cx, preview)
    })

  const memberFilters = (cmd: Command) =>
    cmd
      .argument('<segment>', c().t('cli.segment.arg.segment'))
      .addOption(new Option('--entered-since <date>', c().t('cli.segment.opt.entered_since')))
      .addOption(new Option('--exited-since <date>', c().t('cli.segment.opt.exited_since')))
      .addOption(
        new Option('--format <format>', c().t('cli.segment.opt.format'))
          .choices(['csv', 'ndjson', 'json'])
          .default('csv'),
      )

  memberFilters(sub(segment, 'members', c))
    .addOption(json(c))
    .action(async (ref: string, opts: MemberFlags) => {
      const cx = c()
      const conn = (await cx.store()).conn
      const seg = await getSegment(conn, ref)
      const format: MemberFormat = opts.json ? 'json' : opts.format
      await writeMembers(conn, seg.segmentId, filterOf(opts), format, cx.out)
    })

  memberFilters(sub(segment, 'export', c))
    .addOption(new Option('--out <file>', c().t('cli.segment.opt.out')))
    .addOption(new Option('--consented-only', c().t('cli.segment.opt.consented_only')))
    .action(async (ref: string, opts: MemberFlags & { out?: string; consentedOnly?: boolean }) => {
      const cx = c()
      const conn = (await cx.store()).conn
      const file = opts.out ? resolve(opts.out) : null
      const out = file ? createWriteStream(file) : cx.out
      const { segment: seg, rows } = await exportSegment(conn, ref, {
        format: opts.format,
        out,
        filter: filterOf(opts),
        consentedOnly: opts.consentedOnly === true,
        now: cx.nowText(),
        destination: file,
      })
      if (file) {
        ;(out as NodeJS.WritableStream).end()
        await finished(out as NodeJS.WritableStream)
        const key = opts.consentedOnly ? 'cli.segment.exported_consented' : 'cli.segment.exported'
        cx.err.write(`${cx.t(key, { rows, name: seg.name, file })}\n`)
      }
    })

  sub(segment, 'overlap', c)
    .argument('<segments...>', c().t('cli.segment.arg.segments'))
    .addOption(json(c))
    .action(async (refs: string[], opts: CommonFlags) => {
      const cx = c()
      const matrix = await segmentOverlap((await cx.store()).conn, refs)
      if (opts.json) return cx.printJson({ ok: true, ...matrix })
      printOverlap(cx, matrix)
    })

  sub(segment, 'delete', c)
    .argument('<segment>', c().t('cli.segment.arg.segment'))
    .addOption(json(c))
    .action(async (ref: string, opts: CommonFlags) => {
      const cx = c()
      const seg = await deleteSegment((await cx.store()).conn, ref)
      if (opts.json) return cx.printJson({ ok: true, deleted: seg })
      cx.print(cx.t('cli.segment.deleted', { name: seg.name, id: seg.segmentId }))
    })

  sub(segment, 'refresh', c)
    .argument('[segments...]', c().t('cli.segment.arg.segments'))
    .addOption(asOf(c))
    .addOption(json(c))
    .action(async (refs: string[], opts: CommonFlags) => {
      const cx = c()
      const conn = (await cx.store()).conn
      const sizes = await refreshSegments(conn, refs.length ? refs : 'all', await write(cx, opts))
      if (opts.json) return cx.printJson({ ok: true, refreshed: sizes })
      cx.print(cx.t('cli.segment.refreshed', { n: sizes.length }))
      for (const s of sizes) printSize(cx, s.segmentId, s)
    })

  sub(segment, 'freeze', c)
    .argument('<segment>', c().t('cli.segment.arg.segment'))
    .requiredOption('--name <name>', c().t('cli.segment.opt.freeze_name'))
    .addOption(new Option('--description <text>', c().t('cli.segment.opt.description')))
    .addOption(asOf(c))
    .addOption(json(c))
    .action(async (ref: string, opts: CommonFlags & { name: string; description?: string }) => {
      const cx = c()
      const conn = (await cx.store()).conn
      const result = await freezeSegment(
        conn,
        ref,
        { name: opts.name, description: opts.description },
        await write(cx, opts),
      )
      if (opts.json) return cx.printJson({ ok: true, ...result })
      cx.print(
        cx.t('cli.segment.frozen', {
          name: result.segment.name,
          id: result.segment.segmentId,
          source: result.segment.frozenFrom,
          members: result.size.members,
        }),
      )
    })

  sub(segment, 'templates', c)
    .addOption(
      new Option('--group <group>', c().t('cli.segment.opt.group')).choices([
        'rfm',
        'lifecycle',
        'value',
        'library',
      ]),
    )
    .addOption(json(c))
    .action((opts: CommonFlags & { group?: string }) => {
      const cx = c()
      const templates = segmentTemplates().filter((t) => !opts.group || t.group === opts.group)
      if (opts.json) return cx.printJson({ ok: true, templates })
      printTemplates(cx, templates)
    })
}

interface CreateFlags extends CommonFlags {
  definition?: string
  template?: string
  file?: string
  allowUnknown?: boolean
  description?: string
}

interface EditFlags extends CommonFlags {
  definition?: string
  name?: string
  description?: string
  yes?: boolean
  dryRun?: boolean
  sample: string
}

interface MemberFlags extends CommonFlags {
  enteredSince?: string
  exitedSince?: string
  format: MemberFormat
}

const filterOf = (opts: MemberFlags) => ({ enteredSince: opts.enteredSince, exitedSince: opts.exitedSince })

async function runCreate(cx: CliContext, name: string | undefined, opts: CreateFlags): Promise<void> {
  const sources = [opts.definition, opts.template, opts.file].filter((s) => s !== undefined)
  if (sources.length !== 1) throw new StrataError({ code: 'segments.create_needs_one' })
  const conn = (await cx.store()).conn
  const options = await write(cx, opts)
  if (opts.file !== undefined) {
    if (!name) throw new StrataError({ code: 'segments.name_empty' })
    const result = await createStaticSegment(
      conn,
      { name, file: resolve(opts.file), description: opts.description, allowUnknown: opts.allowUnknown },
      options,
    )
    const skipped = result.upload.problems.map((d) => renderDiagnostic(d, cx.lang))
    if (opts.json) return cx.printJson({ ok: true, ...result, skipped })
    for (const line of skipped) cx.err.write(`${cx.t('cli.segment.skipped', { line })}\n`)
    cx.print(
      cx.t('cli.segment.created_static', {
        name: result.segment.name,
        id: result.segment.segmentId,
        members: result.size.members,
        lines: result.upload.lines,
        skipped: result.upload.unknown + result.upload.ambiguous,
      }),
    )
    return
  }
  const template = opts.template === undefined ? undefined : findTemplate(opts.template)
  if (opts.template !== undefined && !template) {
    throw new StrataError(
      { code: 'segments.template_not_found', params: { template: opts.template } },
      EXIT.NOT_FOUND,
    )
  }
  const finalName = name ?? template?.name[cx.lang]
  if (!finalName) throw new StrataError({ code: 'segments.name_empty' })
  const result = await createSegment(
    conn,
    {
      name: finalName,
      definition: template?.definition ?? opts.definition!,
      description: opts.description ?? template?.description[cx.lang] ?? null,
      templateId: template?.id ?? null,
    },
    options,
  )
  if (opts.json) return cx.printJson({ ok: true, ...result })
  cx.print(
    cx.t('cli.segment.created', {
      name: result.segment.name,
      id: result.segment.segmentId,
      members: result.size.members,
    }),
  )
  cx.print(`  ${result.segment.definition}`)
}

async function runEdit(cx: CliContext, ref: string, opts: EditFlags): Promise<void> {
  if (opts.definition === undefined && opts.name === undefined && opts.description === undefined) {
    throw new StrataError({ code: 'segments.edit_nothing' })
  }
  const conn = (await cx.store()).conn
  const options = await write(cx, opts)
  const diff =
    opts.definition === undefined
      ? undefined
      : await diffSegmentEdit(conn, ref, opts.definition, {
          ctx: options.ctx,
          sample: positiveInt(opts.sample, '--sample'),
        })
  // A new definition is saved only when confirmed; a rename or description alone needs no confirmation.
  const save = opts.dryRun !== true && (diff === undefined || opts.yes === true)
  const saved = save
    ? await updateSegment(
        conn,
        ref,
        { definition: opts.definition, name: opts.name, description: opts.description },
        options,
      )
    : undefined
  if (opts.json) return cx.printJson({ ok: true, diff: diff ?? null, saved: saved ?? null })
  if (diff) printDiff(cx, diff)
  if (saved) cx.print(cx.t('cli.segment.updated', { name: saved.segment.name, id: saved.segment.segmentId }))
  else cx.print(cx.t('cli.segment.not_saved'))
}
