import type { TableDef } from '../sql/dialect.js'
import { registerMigration } from '../store/migrations.js'

/**
 * A user's edit of a default playbook: the fields they changed (JSON object, per language) for one
 * playbook under one industry preset. Absent fields fall back to the shipped text, so `reset` is a delete.
 */
export const PLAYBOOK_OVERRIDES: TableDef = {
  name: 'playbook_overrides',
  key: ['playbook', 'industry', 'lang'],
  columns: [
    { name: 'playbook', type: 'text', nullable: false },
    { name: 'industry', type: 'text', nullable: false },
    { name: 'lang', type: 'text', nullable: false },
    { name: 'fields', type: 'json', nullable: false },
    { name: 'updated_at', type: 'timestamp', nullable: false },
  ],
}

/**
 * The latest association rules per basis (product / category), kept so per-customer and per-segment
 * recommendations do not recount every basket. `antecedent` is a JSON array of item names.
 */
export const ASSOCIATION_RULES: TableDef = {
  name: 'association_rules',
  columns: [
    { name: 'basis', type: 'text', nullable: false },
    { name: 'antecedent', type: 'json', nullable: false },
    { name: 'consequent', type: 'text', nullable: false },
    { name: 'both_count', type: 'bigint', nullable: false },
    { name: 'antecedent_count', type: 'bigint', nullable: false },
    { name: 'consequent_count', type: 'bigint', nullable: false },
    { name: 'baskets', type: 'bigint', nullable: false },
    { name: 'support', type: 'double', nullable: false },
    { name: 'confidence', type: 'double', nullable: false },
    { name: 'lift', type: 'double', nullable: false },
    { name: 'computed_at', type: 'timestamp', nullable: false },
    { name: 'as_of', type: 'date' },
    { name: 'options', type: 'json' },
  ],
}

/**
 * One row per audience export: who, when, what and how many — never which customers, so erasing a person
 * never has to touch this history (DESIGN §6).
 */
export const AUDIENCE_EXPORTS: TableDef = {
  name: 'audience_exports',
  key: ['export_id'],
  columns: [
    { name: 'export_id', type: 'text', nullable: false },
    { name: 'exported_at', type: 'timestamp', nullable: false },
    { name: 'actor', type: 'text', nullable: false },
    { name: 'selection_kind', type: 'text', nullable: false },
    { name: 'selection', type: 'text', nullable: false },
    { name: 'snapshot_id', type: 'text' },
    { name: 'format', type: 'text', nullable: false },
    { name: 'columns', type: 'text' },
    { name: 'rows', type: 'bigint', nullable: false },
    { name: 'without_consent', type: 'bigint', nullable: false },
    { name: 'without_identifier', type: 'bigint', nullable: false },
    { name: 'destination', type: 'text' },
  ],
}

/**
 * Every product as the order lines describe it (there is no product table): name, category, mean price,
 * number of lines. Refreshed with the stored rules so next-best lookups for one customer need no scan of
 * all order lines.
 */
export const PRODUCT_CATALOG: TableDef = {
  name: 'product_catalog',
  key: ['item'],
  columns: [
    { name: 'item', type: 'text', nullable: false },
    { name: 'name', type: 'text' },
    { name: 'category', type: 'text' },
    { name: 'price', type: 'double' },
    { name: 'lines', type: 'bigint', nullable: false },
    { name: 'computed_at', type: 'timestamp', nullable: false },
  ],
}

registerMigration({
  version: 80,
  name: 'playbook overrides, association rules, audience export history',
  up: (d) => [PLAYBOOK_OVERRIDES, ASSOCIATION_RULES, AUDIENCE_EXPORTS].flatMap((t) => d.createTable(t)),
})

registerMigration({
  version: 81,
  name: 'product catalog from order lines',
  up: (d) => d.createTable(PRODUCT_CATALOG),
})
