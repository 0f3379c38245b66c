import type { TableDef } from '../../sql/dialect.js'
import { registerMigration } from '../../store/migrations.js'

/**
 * Scheduled runs done, one row per (job, slot): the scheduler writes it after a run, so a restart within the
 * same slot finds it and does not run the job again.
 */
export const SCHEDULE_RUNS: TableDef = {
  name: 'server_schedule_runs',
  key: ['job', 'slot'],
  columns: [
    { name: 'job', type: 'text', nullable: false },
    { name: 'slot', type: 'timestamp', nullable: false },
    { name: 'ran_at', type: 'timestamp', nullable: false },
    { name: 'report_id', type: 'text' },
    { name: 'alerts', type: 'integer', nullable: false },
  ],
}

registerMigration({
  version: 91,
  name: 'server: scheduled runs (weekly report)',
  up: (d) => d.createTable(SCHEDULE_RUNS),
})
