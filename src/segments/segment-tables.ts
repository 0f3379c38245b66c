import type { TableDef } from '../sql/dialect.js'
import { registerMigration } from '../store/migrations.js'

/** A saved segment: a definition in the segment language (dynamic) or a fixed list of customers (static). */
export const SEGMENTS: TableDef = {
  name: 'segments',
  key: ['segment_id'],
  columns: [
    { name: 'segment_id', type: 'text', nullable: false },
    { name: 'name', type: 'text', nullable: false },
    { name: 'kind', type: 'text', nullable: false },
    { name: 'definition', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'template_id', type: 'text' },
    { name: 'frozen_from', type: 'text' },
    { name: 'created_at', type: 'timestamp', nullable: false },
    { name: 'updated_at', type: 'timestamp', nullable: false },
    { name: 'computed_at', type: 'timestamp' },
    { name: 'computed_as_of', type: 'date' },
  ],
}

/**
 * Membership with history: a row per stay. The current members are the rows with `exited_at` NULL, so
 * "who entered At Risk this week" is `entered_at >= …` and nothing is ever overwritten.
 */
export const SEGMENT_MEMBERS: TableDef = {
  name: 'segment_members',
  shardKey: 'customer_id',
  columns: [
    { name: 'segment_id', type: 'text', nullable: false },
    { name: 'customer_id', type: 'text', nullable: false },
    { name: 'entered_at', type: 'timestamp', nullable: false },
    { name: 'exited_at', type: 'timestamp' },
  ],
}

/** One row per (re)materialisation: the size-over-time series. */
export const SEGMENT_SIZES: TableDef = {
  name: 'segment_sizes',
  columns: [
    { name: 'segment_id', type: 'text', nullable: false },
    { name: 'computed_at', type: 'timestamp', nullable: false },
    { name: 'as_of', type: 'date' },
    { name: 'snapshot_id', type: 'text' },
    { name: 'members', type: 'integer', nullable: false },
    { name: 'entered', type: 'integer', nullable: false },
    { name: 'exited', type: 'integer', nullable: false },
    { name: 'revenue', type: 'money' },
  ],
}

registerMigration({
  version: 50,
  name: 'segments and membership history',
  up: (d) => [SEGMENTS, SEGMENT_MEMBERS, SEGMENT_SIZES].flatMap((t) => d.createTable(t)),
})

/**
 * Every export of a segment's members: when, what format, and whether it kept only customers who consented
 * to marketing. A later issue requires consent on every export; until then the choice is at least on record.
 */
export const SEGMENT_EXPORTS: TableDef = {
  name: 'segment_exports',
  columns: [
    { name: 'segment_id', type: 'text', nullable: false },
    { name: 'exported_at', type: 'timestamp', nullable: false },
    { name: 'format', type: 'text', nullable: false },
    { name: 'consented_only', type: 'boolean', nullable: false },
    { name: 'rows', type: 'integer', nullable: false },
    { name: 'destination', type: 'text' },
  ],
}

registerMigration({
  version: 51,
  name: 'segment export log',
  up: (d) => d.createTable(SEGMENT_EXPORTS),
})
