import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { finished } from 'node:stream/promises'
import { type Command, Option } from 'commander'
import { StrataError } from '../../core/diagnostics.js'
import {
  AUDIENCE_FORMATS,
  type AudienceFormat,
  checkColumns,
  exportAudience,
  listExports,
  recordExport,
  resolveSelection,
  type SelectionRequest,
} from '../../strategy/index.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'

interface ExportFlags {
  segment?: string
  rfm?: string
  lifecycle?: string
  format: AudienceFormat
  columns?: string
  out?: string
  gmailDots?: boolean
  defaultCountry: string
  snapshot?: string
  actor?: string
}

function selectionOf(opts: ExportFlags): SelectionRequest {
  const chosen = [
    opts.segment !== undefined ? ({ kind: 'segment', ref: opts.segment } as const) : null,
    opts.rfm !== undefined ? ({ kind: 'rfm', name: opts.rfm } as const) : null,
    opts.lifecycle !== undefined ? ({ kind: 'lifecycle', name: opts.lifecycle } as const) : null,
  ].filter((x) => x !== null)
  if (chosen.length !== 1) throw new StrataError({ code: 'strategy.audience.one_selection' })
  return chosen[0]!
}

export const registerAudience: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  const audience = program.command('audience').description(c().t('cli.audience.description'))

  audience
    .command('export')
    .description(c().t('cli.audience.export.description'))
    .option('--segment <name>', c().t('cli.audience.opt.segment'))
    .option('--rfm <segment>', c().t('cli.audience.opt.rfm'))
    .option('--lifecycle <stage>', c().t('cli.audience.opt.lifecycle'))
    .addOption(
      new Option('--format <format>', c().t('cli.audience.opt.format'))
        .choices([...AUDIENCE_FORMATS])
        .default('csv'),
    )
    .option('--columns <list>', c().t('cli.audience.opt.columns'))
    .option('--out <file>', c().t('cli.audience.opt.out'))
    .option('--gmail-dots', c().t('cli.audience.opt.gmail_dots'))
    .option('--default-country <code>', c().t('cli.audience.opt.default_country'), 'CN')
    .option('--snapshot <id>', c().t('cli.customer.opt.snapshot'))
    .option('--actor <name>', c().t('cli.audience.opt.actor'))
    .action(async (opts: ExportFlags) => {
      const cx = c()
      const request = selectionOf(opts)
      const columns = opts.columns === undefined ? undefined : checkColumns(opts.columns.split(','))
      const store = await cx.store()
      const selection = await resolveSelection(store.conn, request, { snapshot: opts.snapshot })
      const options = {
        selection,
        format: opts.format,
        columns,
        gmailDots: opts.gmailDots ?? false,
        defaultCountry: opts.defaultCountry,
        snapshot: opts.snapshot,
      }
      let result: Awaited<ReturnType<typeof exportAudience>>
      let destination: string | null = null
      if (opts.out) {
        // Written beside the target and renamed at the end: a failed export never leaves half a file.
        destination = resolve(opts.out)
        const partial = `${destination}.partial`
        const file = createWriteStream(partial)
        try {
          result = await exportAudience(store.conn, options, file)
          file.end()
          await finished(file)
          renameSync(partial, destination)
        } catch (error) {
          file.destroy()
          rmSync(partial, { force: true })
          throw error
        }
      } else {
        result = await exportAudience(store.conn, options, cx.out)
      }
      const exportId = await recordExport(store.conn, {
        exportedAt: cx.nowText(),
        actor: opts.actor ?? cx.env['STRATA_USER'] ?? cx.env['USER'] ?? 'cli',
        selectionKind: selection.kind,
        selection: selection.name,
        snapshotId: result.snapshotId,
        format: opts.format,
        columns: result.columns.join(','),
        rows: result.rows,
        withoutConsent: result.withoutConsent,
        withoutIdentifier: result.withoutIdentifier,
        destination,
      })
      const summary = cx.t(opts.format === 'ads' ? 'strategy.audience.done_ads' : 'strategy.audience.done', {
        rows: result.rows,
        excluded: result.withoutConsent,
        missing: result.withoutIdentifier,
        file: destination ?? '-',
        id: exportId,
      })
      cx.err.write(`${summary}\n`)
    })

  audience
    .command('history')
    .description(c().t('cli.audience.history.description'))
    .option('--limit <n>', c().t('cli.recommend.opt.limit'), '50')
    .option('--json', c().t('cli.opt.json'))
    .action(async (opts: { limit: string; json?: boolean }) => {
      const cx = c()
      const store = await cx.store()
      const list = await listExports(store.conn, Number(opts.limit) || 50)
      if (opts.json) return cx.printJson({ ok: true, exports: list })
      cx.print(
        renderTable(
          ['id', 'when', 'who', 'selection', 'format', 'rows', 'without_consent'].map((k) =>
            cx.t(`strategy.col.${k}`),
          ),
          list.map((e) => [
            e.exportId,
            e.exportedAt,
            e.actor,
            `${e.selectionKind}:${e.selection}`,
            e.format,
            e.rows.toLocaleString(cx.lang),
            e.withoutConsent.toLocaleString(cx.lang),
          ]),
          [false, false, false, false, false, true, true],
        ),
      )
    })
}
