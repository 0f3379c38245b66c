/** The canonical tables (DESIGN §3) that an import, or a demo run, writes. */
export const IMPORT_TABLES = [
  'customers',
  'customer_identities',
  'identity_merges',
  'orders',
  'order_items',
  'events',
  'feedback',
  'imports',
] as const
