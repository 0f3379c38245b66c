import type { Dialect, TableDef } from '../../sql/dialect.js'
import { knownMigrations } from '../../store/migrations.js'

/**
 * Every table the registered migrations create, as their `TableDef`s — found by running each migration's
 * `up` against a dialect that records the tables it is asked to create (the statements are discarded).
 * A subsystem that registers a new table with a `customer_id` column is therefore covered by erasure and
 * access export without anyone editing this file.
 */
export function registeredTables(dialect: Dialect): TableDef[] {
  const seen = new Map<string, TableDef>()
  const recorder: Dialect = new Proxy(dialect, {
    get(target, prop, receiver) {
      if (prop === 'createTable') {
        return (t: TableDef) => {
          seen.set(t.name, t)
          return target.createTable(t)
        }
      }
      return Reflect.get(target, prop, receiver)
    },
  })
  for (const m of knownMigrations()) m.up(recorder)
  return [...seen.values()]
}

/** Tables holding one row per (something of) a customer: those with a `customer_id` column. */
export function customerTables(dialect: Dialect): TableDef[] {
  return registeredTables(dialect).filter((t) => t.columns.some((c) => c.name === 'customer_id'))
}

/**
 * Tables keyed by an order (no customer column of their own): rows belong to the customer through
 * `orders`. Recognised by their key `(source, order_id, …)`.
 */
export function orderChildTables(dialect: Dialect): TableDef[] {
  return registeredTables(dialect).filter(
    (t) =>
      t.name !== 'orders' &&
      !t.columns.some((c) => c.name === 'customer_id') &&
      t.columns.some((c) => c.name === 'order_id') &&
      t.columns.some((c) => c.name === 'source'),
  )
}
