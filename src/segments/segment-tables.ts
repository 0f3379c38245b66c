import type { ColumnDef, TableDef } from '../sql/dialect.js'
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

/**
 * The position of a size point in its segment's series (1, 2, …): two refreshes within the same second
 * (a script, a test) have equal `computed_at`, and the series must still have one order.
 */
export const SIZE_SEQ: ColumnDef = { name: 'seq', type: 'integer' }

registerMigration({
  version: 52,
  name: 'segment size series order',
  up: (d) => [d.addColumn('segment_sizes', SIZE_SEQ)],
})

/**
 * The size and revenue of the population a snapshot's definitions range over, cached: counting it is an
 * anti-join of the customers with the snapshot's scores (a second at 1M customers), and every preview needs
 * it for its shares. Valid while the customers table keeps the row count it had (`customer_rows`); a new
 * import changes the count and the next preview recounts.
 */
export const SEGMENT_POPULATION: TableDef = {
  name: 'segment_population',
  columns: [
    { name: 'snapshot_id', type: 'text', nullable: false },
    { name: 'customer_rows', type: 'bigint', nullable: false },
    { name: 'population', type: 'bigint', nullable: false },
    { name: 'revenue_total', type: 'money' },
  ],
}

registerMigration({
  version: 53,
  name: 'segment population cache',
  up: (d) => d.createTable(SEGMENT_POPULATION),
})
