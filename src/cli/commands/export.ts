import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { type Command, Option } from 'commander'
import { exportScores, findSnapshot } from '../../analytics/index.js'
import { StrataError } from '../../core/diagnostics.js'
import type { BulkFormat } from '../../sql/driver.js'
import type { RegisterCommand } from '../program.js'

interface ExportFlags {
  snapshot?: string
  format: BulkFormat
  out?: string
}

export const registerExport: RegisterCommand = (program: Command, ctx) => {
  const c = ctx
  const exportCommand = program.command('export').description(c().t('cli.export.description'))
  exportCommand
    .command('scores')
    .description(c().t('cli.export.scores.description'))
    .addOption(new Option('--snapshot <id>', c().t('cli.export.opt.snapshot')).default('latest'))
    .addOption(
      new Option('--format <format>', c().t('cli.export.opt.format'))
        .choices(['csv', 'json', 'parquet'])
        .default('csv'),
    )
    .addOption(new Option('--out <file>', c().t('cli.export.opt.out')))
    .exitOverride()
    .helpOption('-h, --help', c().t('cli.opt.help'))
    .action(async (opts: ExportFlags) => {
      const cx = c()
      if (!opts.out && opts.format === 'parquet') {
        throw new StrataError({ code: 'analytics.export.needs_out', params: { format: opts.format } })
      }
      const store = await cx.store()
      const snap = await findSnapshot(store.conn, opts.snapshot)
      if (opts.out) {
        const file = resolve(opts.out)
        await exportScores(store.conn, { snapshotId: snap.snapshotId, format: opts.format, path: file })
        cx.err.write(
          `${cx.t('cli.export.done', { snapshot: snap.snapshotId, customers: snap.customersTotal, file })}\n`,
        )
        return
      }
      // The engine writes files, not streams: write a temp file and copy it to stdout.
      const dir = mkdtempSync(join(tmpdir(), 'strata-export-'))
      try {
        const file = join(dir, `scores.${opts.format}`)
        await exportScores(store.conn, { snapshotId: snap.snapshotId, format: opts.format, path: file })
        await pipeline(createReadStream(file), cx.out, { end: false })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
}
