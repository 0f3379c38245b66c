import { type Command, Option } from 'commander'
import { findSnapshot } from '../../analytics/index.js'
import { StrataError } from '../../core/diagnostics.js'
import { type GroupDimension, groupLabel, segmentMigration } from '../../evaluation/index.js'
import { sql } from '../../sql/fragment.js'
import type { RegisterCommand } from '../program.js'
import { renderTable } from '../table.js'
import { fmtNum, jsonSafe } from './eval-format.js'

const BY: Record<string, GroupDimension> = { rfm: 'rfm_segment', lifecycle: 'lifecycle', tier: 'value_tier' }

interface MigrationFlags {
  from?: string
  to?: string
  by: string
  json?: boolean
}

/** The snapshot before `to` (by as-of date), for the default "what changed since last time". */
export async function previousSnapshot(conn: import('../../sql/driver.js').Connection, to: string) {
  const snap = await findSnapshot(conn, to)
  const row = await conn.one<{ snapshot_id: string }>(sql`SELECT snapshot_id FROM snapshots
    WHERE as_of < ${conn.dialect.dateLiteral(snap.asOf)} OR (as_of = ${conn.dialect.dateLiteral(snap.asOf)}
      AND CAST(snapshot_id AS INTEGER) < ${Number(snap.snapshotId)})
    ORDER BY as_of DESC, CAST(snapshot_id AS INTEGER) DESC LIMIT 1`)
  return row?.snapshot_id ?? null
}

export const registerMigration: RegisterCommand = (program: Command, ctx) => {
  program
    .command('migration')
    .description(ctx().t('cli.migration.description'))
    .addOption(new Option('--from <snapshot>', ctx().t('cli.migration.opt.from')))
    .addOption(new Option('--to <snapshot>', ctx().t('cli.migration.opt.to')).default('latest'))
    .addOption(
      new Option('--by <grouping>', ctx().t('cli.migration.opt.by')).choices(Object.keys(BY)).default('rfm'),
    )
    .option('--json', ctx().t('cli.opt.json'))
    .action(async (opts: MigrationFlags) => {
      const cx = ctx()
      const { conn } = await cx.store()
      const to = (await findSnapshot(conn, opts.to)).snapshotId
      const from = opts.from ?? (await previousSnapshot(conn, to))
      if (from === null) throw new StrataError({ code: 'evaluation.migration.one_snapshot' })
      const dimension = BY[opts.by]!
      const m = await segmentMigration(conn, { from, to, dimension })
      if (opts.json) return cx.printJson(jsonSafe(m))
      cx.print(
        cx.t('cli.migration.title', {
          from: m.from.snapshotId,
          fromDate: m.from.asOf,
          to: m.to.snapshotId,
          toDate: m.to.asOf,
        }),
      )
      const cols = m.groups.filter((g) => m.columnTotals[g])
      const rows = m.groups.filter((g) => m.rowTotals[g])
      const body = rows.map((r) => [
        groupLabel(dimension, r, cx.lang),
        ...cols.map((c) => {
          const n = m.cells.find((x) => x.from === r && x.to === c)?.customers ?? 0
          return n ? n.toLocaleString(cx.lang) : '·'
        }),
        (m.rowTotals[r] ?? 0).toLocaleString(cx.lang),
      ])
      body.push([
        cx.t('cli.migration.total'),
        ...cols.map((c) => (m.columnTotals[c] ?? 0).toLocaleString(cx.lang)),
        '',
      ])
      cx.print(
        renderTable(
          [
            cx.t('cli.migration.corner'),
            ...cols.map((c) => groupLabel(dimension, c, cx.lang)),
            cx.t('cli.migration.total'),
          ],
          body,
          [false, ...cols.map(() => true), true],
        ),
      )
      cx.print()
      cx.print(
        renderTable(
          [cx.t('cli.migration.move'), cx.t('cli.migration.customers'), cx.t('cli.migration.period_revenue')],
          (['upgrade', 'downgrade', 'lateral', 'same', 'entered', 'left'] as const).map((k) => [
            cx.t(`evaluation.move.${k}`),
            m.moves[k].customers.toLocaleString(cx.lang),
            fmtNum(cx, m.moves[k].periodRevenue, 2),
          ]),
          [false, true, true],
        ),
      )
    })
}
