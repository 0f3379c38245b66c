import type { TableDef } from '../sql/dialect.js'
import { registerMigration } from '../store/migrations.js'

/**
 * The tags a customer carries now. Built-in tags are recomputed from each snapshot's features; user tags
 * from their segment-language definition. The segment language reads this table (`tag = '…'`).
 */
export const CUSTOMER_TAGS: TableDef = {
  name: 'customer_tags',
  shardKey: 'customer_id',
  columns: [
    { name: 'customer_id', type: 'text', nullable: false },
    { name: 'tag', type: 'text', nullable: false },
    { name: 'source', type: 'text', nullable: false },
    { name: 'snapshot_id', type: 'text' },
    { name: 'assigned_at', type: 'timestamp', nullable: false },
  ],
}

/** Tag definitions: built-ins are seeded by code; user tags carry a segment-language definition. */
export const TAG_DEFINITIONS: TableDef = {
  name: 'tag_definitions',
  key: ['tag'],
  columns: [
    { name: 'tag', type: 'text', nullable: false },
    { name: 'source', type: 'text', nullable: false },
    { name: 'definition', type: 'text' },
    { name: 'description', type: 'json' },
    { name: 'created_at', type: 'timestamp', nullable: false },
  ],
}

registerMigration({
  version: 70,
  name: 'customer tags',
  up: (d) => [CUSTOMER_TAGS, TAG_DEFINITIONS].flatMap((t) => d.createTable(t)),
})
