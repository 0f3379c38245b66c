import cliProgress from 'cli-progress'
import { Argument, type Command, Option } from 'commander'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import { IMPORT_KINDS, type ImportKind, maybeImportKind } from '../../ingest/fields.js'
import { type ImportProgress, importFile } from '../../ingest/import-file.js'
import { PRESET_NAMES } from '../../ingest/presets/index.js'
import { renderReport } from '../../ingest/report-text.js'
import type { CliContext } from '../context.js'
import type { RegisterCommand } from '../program.js'

interface ImportFlags {
  preset?: string
  map?: string
  source?: string
  encoding?: string
  format?: string
  delimiter?: string
  sheet?: string
  dateFormat?: string
  timezone?: string
  skipInvalid?: boolean
  rejects?: string
  json?: boolean
}

/**
 * Test-only fault injection, read here at the edge: `STRATA_FAULT_INJECT=kill-in-merge` kills this
 * process with SIGKILL after the merge's inserts and before COMMIT, so a test can prove that a crash
 * there leaves the store exactly as it was. Never set it outside tests.
 */
function faultHooks(c: CliContext) {
  if (c.env['STRATA_FAULT_INJECT'] !== 'kill-in-merge') return undefined
  return { beforeCommit: () => void process.kill(process.pid, 'SIGKILL') }
}

/** A progress bar on stderr with rows/s and ETA (by bytes read, which is what the file size measures). */
function startProgress(c: CliContext) {
  const bar = new cliProgress.SingleBar(
    {
      format: c.t('cli.import.progress'),
      stream: c.err,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  )
  const started = performance.now()
  let begun = false
  return {
    update(p: ImportProgress) {
      const payload = {
        rows: p.rows.toLocaleString(c.lang),
        rate: Math.round(p.rows / Math.max(0.001, (performance.now() - started) / 1000)).toLocaleString(
          c.lang,
        ),
      }
      if (!begun) {
        bar.start(p.totalBytes || 1, 0, payload)
        begun = true
      }
      bar.update(Math.min(p.bytesRead, p.totalBytes || 1), payload)
    },
    stop() {
      if (begun) bar.stop()
    },
  }
}

export const registerImport: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  program
    .command('import')
    .description(c().t('cli.import.description'))
    .addArgument(new Argument('<kind>', c().t('cli.import.arg.kind')).choices([...IMPORT_KINDS]))
    .addArgument(new Argument('<file>', c().t('cli.import.arg.file')))
    .addOption(
      new Option('--preset <name>', c().t('cli.import.opt.preset')).choices(PRESET_NAMES).default('generic'),
    )
    .addOption(new Option('--map <pairs>', c().t('cli.import.opt.map')))
    .addOption(new Option('--source <name>', c().t('cli.import.opt.source')))
    .addOption(new Option('--encoding <name>', c().t('cli.import.opt.encoding')))
    .addOption(
      new Option('--format <format>', c().t('cli.import.opt.format')).choices([
        'csv',
        'tsv',
        'json',
        'ndjson',
        'parquet',
        'xlsx',
      ]),
    )
    .addOption(new Option('--delimiter <char>', c().t('cli.import.opt.delimiter')))
    .addOption(new Option('--sheet <name>', c().t('cli.import.opt.sheet')))
    .addOption(new Option('--date-format <format>', c().t('cli.import.opt.date_format')))
    .addOption(new Option('--timezone <zone>', c().t('cli.import.opt.timezone')))
    .addOption(new Option('--skip-invalid', c().t('cli.import.opt.skip_invalid')))
    .addOption(new Option('--rejects <file>', c().t('cli.import.opt.rejects')))
    .option('--json', c().t('cli.opt.json'))
    .action(async (kindArg: string, file: string, opts: ImportFlags) => {
      const cx = c()
      const kind = maybeImportKind(kindArg) as ImportKind
      const store = await cx.store()
      const progress = !opts.json && cx.out.isTTY ? startProgress(cx) : undefined
      let result: Awaited<ReturnType<typeof importFile>>
      try {
        result = await importFile(store.conn, {
          kind,
          file,
          preset: opts.preset,
          map: opts.map,
          source: opts.source,
          format: opts.format as never,
          encoding: opts.encoding,
          delimiter: opts.delimiter,
          sheet: opts.sheet,
          dateFormat: opts.dateFormat,
          timezone: opts.timezone,
          skipInvalid: opts.skipInvalid ?? false,
          rejectsPath: opts.rejects,
          today: cx.today(),
          startedAt: cx.nowText(),
          finishedAt: cx.nowText,
          onProgress: progress ? (p: ImportProgress) => progress.update(p) : undefined,
          hooks: faultHooks(cx),
        })
      } finally {
        progress?.stop()
      }
      const rejected = result.status === 'rejected'
      if (opts.json && !rejected) cx.printJson({ ok: true, ...result.report, problems: result.problems })
      if (!opts.json) {
        const out = rejected ? (line: string) => void cx.err.write(`${line}\n`) : cx.print
        for (const line of renderReport(result.report, cx.lang, result.problems)) out(line)
      }
      if (rejected) {
        // With --json the shared error handler prints {ok: false, diagnostics}; the report rides along in
        // the diagnostic's params so the output stays one JSON document.
        const report = opts.json ? { ...result.report, problems: result.problems } : undefined
        throw new StrataError(
          {
            code: result.report.unreadable ? 'ingest.unreadable' : 'ingest.rejected',
            params: { n: result.report.rows.rejected, report },
          },
          EXIT.DATA,
        )
      }
    })
}
