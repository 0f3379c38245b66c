import { createHmac, randomBytes } from 'node:crypto'
import type { TableDef } from '../sql/dialect.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'
import { registerMigration } from './migrations.js'

/**
 * People who were erased, kept only as keyed digests of the identifiers they were known by, so a later
 * import or tracked event naming them again is left out instead of bringing them back (DESIGN §6: erasure
 * reaches future computation). A digest cannot be read back, and without the store's key it cannot be
 * matched against a guessed phone or email either.
 */
export const ERASED_IDENTITIES: TableDef = {
  name: 'erased_identities',
  key: ['digest'],
  columns: [
    { name: 'digest', type: 'text', nullable: false },
    { name: 'erased_at', type: 'timestamp', nullable: false },
  ],
}

registerMigration({ version: 9, name: 'erased identities', up: (d) => d.createTable(ERASED_IDENTITIES) })

/** One identifier as the store knows it: `customer_id`, `source_id` (per source), `email` or `phone`. */
export interface Identifier {
  readonly kind: string
  readonly source: string
  readonly value: string
}

const KEY_SETTING = 'erasure_key'

/** The store's digest key, made on first use (randomness read here, at the edge of the store). */
async function digestKey(conn: Connection, create: boolean): Promise<string | null> {
  const row = await conn.one<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${KEY_SETTING}`)
  if (row || !create) return row?.value ?? null
  const key = randomBytes(32).toString('hex')
  await conn.run(sql`INSERT INTO settings (key, value) VALUES (${KEY_SETTING}, ${key})`)
  return key
}

function digestOf(key: string, id: Identifier): string {
  return createHmac('sha256', key).update(`${id.kind}\u0000${id.source}\u0000${id.value}`).digest('hex')
}

/**
 * Records the identifiers of a person being erased. Call inside the erasure's transaction, before the
 * identity rows are deleted.
 */
export async function rememberErased(
  conn: Connection,
  identifiers: readonly Identifier[],
  erasedAt: string,
): Promise<void> {
  matchers.delete(conn)
  const key = (await digestKey(conn, true))!
  const ts = conn.dialect.timestampLiteral(erasedAt)
  for (const digest of new Set(identifiers.map((id) => digestOf(key, id)))) {
    await conn.run(sql`INSERT INTO erased_identities (digest, erased_at)
      SELECT ${digest}, ${ts} WHERE NOT EXISTS (SELECT 1 FROM erased_identities WHERE digest = ${digest})`)
  }
}

/**
 * A test for "was this identifier erased?". The list is small (one row per identifier of each erased
 * person), so it is held in memory; an empty list gives a test that is always false without hashing.
 *
 * @example
 * const erased = await erasedMatcher(conn); if (erased({ kind: 'email', source: '', value })) …
 */
export function erasedMatcher(conn: Connection): Promise<(id: Identifier) => boolean> {
  // Read once per connection and dropped by `rememberErased`: the live applier asks every group, and
  // erasure happens in the process holding the store (the server, or the CLI when no server runs).
  let matcher = matchers.get(conn)
  if (!matcher) {
    matcher = loadMatcher(conn)
    matchers.set(conn, matcher)
    matcher.catch(() => matchers.delete(conn))
  }
  return matcher
}

const matchers = new WeakMap<Connection, Promise<(id: Identifier) => boolean>>()

async function loadMatcher(conn: Connection): Promise<(id: Identifier) => boolean> {
  const key = await digestKey(conn, false)
  if (key === null) return () => false
  const rows = await conn.all<{ digest: string }>(sql`SELECT digest FROM erased_identities`)
  if (rows.length === 0) return () => false
  const digests = new Set(rows.map((r) => r.digest))
  return (id) => digests.has(digestOf(key, id))
}
