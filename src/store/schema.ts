import type { TableDef } from '../sql/dialect.js'

/**
 * The canonical tables of DESIGN §3, as data. Migrations create them through the dialect, so the same
 * definitions serve every engine. Timestamps are wall-clock time in the store's zone (setting `timezone`).
 */
export const SETTINGS: TableDef = {
  name: 'settings',
  key: ['key'],
  columns: [
    { name: 'key', type: 'text', nullable: false },
    { name: 'value', type: 'text' },
  ],
}

export const CUSTOMERS: TableDef = {
  name: 'customers',
  key: ['customer_id'],
  shardKey: 'customer_id',
  columns: [
    { name: 'customer_id', type: 'text', nullable: false },
    { name: 'email', type: 'text' },
    { name: 'phone', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'gender', type: 'text' },
    { name: 'birth_date', type: 'date' },
    { name: 'city', type: 'text' },
    { name: 'region', type: 'text' },
    { name: 'country', type: 'text' },
    { name: 'signup_at', type: 'timestamp' },
    { name: 'source', type: 'text' },
    { name: 'consent_marketing', type: 'boolean' },
    { name: 'attributes', type: 'json' },
    { name: 'import_id', type: 'text' },
  ],
}

/** Every identifier a customer is known by: `email` / `phone` (normalised, source ''), `source_id` per source. */
export const CUSTOMER_IDENTITIES: TableDef = {
  name: 'customer_identities',
  key: ['kind', 'source', 'value'],
  shardKey: 'customer_id',
  columns: [
    { name: 'customer_id', type: 'text', nullable: false },
    { name: 'kind', type: 'text', nullable: false },
    { name: 'source', type: 'text', nullable: false },
    { name: 'value', type: 'text', nullable: false },
    { name: 'import_id', type: 'text' },
  ],
}

/** A record of each source id that was folded into an existing customer, and why. */
export const IDENTITY_MERGES: TableDef = {
  name: 'identity_merges',
  columns: [
    { name: 'import_id', type: 'text' },
    { name: 'source', type: 'text', nullable: false },
    { name: 'source_customer_id', type: 'text', nullable: false },
    { name: 'customer_id', type: 'text', nullable: false },
    { name: 'matched_kind', type: 'text', nullable: false },
    { name: 'matched_value', type: 'text', nullable: false },
    { name: 'merged_at', type: 'timestamp' },
  ],
}

/** `amount` is net of discount; ≤ 0 means a return or cancellation. `customer_id` null = guest order. */
export const ORDERS: TableDef = {
  name: 'orders',
  key: ['source', 'order_id'],
  shardKey: 'customer_id',
  columns: [
    { name: 'source', type: 'text', nullable: false },
    { name: 'order_id', type: 'text', nullable: false },
    { name: 'customer_id', type: 'text' },
    { name: 'ordered_at', type: 'timestamp', nullable: false },
    { name: 'amount', type: 'money', nullable: false },
    { name: 'currency', type: 'text' },
    { name: 'discount', type: 'money' },
    { name: 'status', type: 'text' },
    { name: 'channel', type: 'text' },
    { name: 'store_id', type: 'text' },
    { name: 'community_id', type: 'text' },
    { name: 'coupon_code', type: 'text' },
    { name: 'import_id', type: 'text' },
  ],
}

export const ORDER_ITEMS: TableDef = {
  name: 'order_items',
  key: ['source', 'order_id', 'line_no'],
  columns: [
    { name: 'source', type: 'text', nullable: false },
    { name: 'order_id', type: 'text', nullable: false },
    { name: 'line_no', type: 'integer', nullable: false },
    { name: 'sku', type: 'text' },
    { name: 'product_name', type: 'text' },
    { name: 'category', type: 'text' },
    { name: 'brand', type: 'text' },
    { name: 'quantity', type: 'quantity' },
    { name: 'unit_price', type: 'money' },
  ],
}

export const EVENTS: TableDef = {
  name: 'events',
  key: ['source', 'event_id'],
  shardKey: 'customer_id',
  columns: [
    { name: 'source', type: 'text', nullable: false },
    { name: 'event_id', type: 'text', nullable: false },
    { name: 'customer_id', type: 'text' },
    { name: 'anonymous_id', type: 'text' },
    { name: 'occurred_at', type: 'timestamp', nullable: false },
    { name: 'type', type: 'text', nullable: false },
    { name: 'properties', type: 'json' },
    { name: 'import_id', type: 'text' },
  ],
}

export const FEEDBACK: TableDef = {
  name: 'feedback',
  key: ['source', 'feedback_id'],
  shardKey: 'customer_id',
  columns: [
    { name: 'source', type: 'text', nullable: false },
    { name: 'feedback_id', type: 'text', nullable: false },
    { name: 'customer_id', type: 'text' },
    { name: 'answered_at', type: 'timestamp', nullable: false },
    { name: 'channel', type: 'text' },
    { name: 'score', type: 'double' },
    { name: 'nps', type: 'integer' },
    { name: 'answers', type: 'json' },
    { name: 'text', type: 'text' },
    { name: 'import_id', type: 'text' },
  ],
}

/** One row per import run, with its data-quality report (JSON) — kept even when the import was rejected. */
export const IMPORTS: TableDef = {
  name: 'imports',
  key: ['import_id'],
  columns: [
    { name: 'import_id', type: 'text', nullable: false },
    { name: 'kind', type: 'text', nullable: false },
    { name: 'source', type: 'text', nullable: false },
    { name: 'file', type: 'text' },
    { name: 'file_sha256', type: 'text' },
    { name: 'format', type: 'text' },
    { name: 'encoding', type: 'text' },
    { name: 'preset', type: 'text' },
    { name: 'started_at', type: 'timestamp' },
    { name: 'finished_at', type: 'timestamp' },
    { name: 'status', type: 'text', nullable: false },
    { name: 'rows_read', type: 'bigint' },
    { name: 'rows_imported', type: 'bigint' },
    { name: 'rows_rejected', type: 'bigint' },
    { name: 'rows_unchanged', type: 'bigint' },
    { name: 'report', type: 'json' },
  ],
}

export const SCHEMA_MIGRATIONS: TableDef = {
  name: 'schema_migrations',
  key: ['version'],
  columns: [
    { name: 'version', type: 'integer', nullable: false },
    { name: 'name', type: 'text', nullable: false },
    { name: 'applied_at', type: 'timestamp' },
  ],
}
