import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Connection } from '../sql/driver.js'
import { sql } from '../sql/fragment.js'

/**
 * Finds the customer a person means: the canonical id (`line-items:17850`), or an id they know from their
 * own system (`17850`, from any source), or an email. Imported ids are namespaced by source so two shops'
 * customer 17850 never collide; people still type the id they see in their shop, so both work.
 * Returns the text unchanged when nothing matches (the caller reports "not found" in its own words);
 * throws when the id names several customers, listing them.
 *
 * @example
 * await resolveCustomerId(conn, '17850') // 'line-items:17850'
 */
export async function resolveCustomerId(conn: Connection, text: string): Promise<string> {
  const exact = await conn.one(sql`SELECT customer_id FROM customers WHERE customer_id = ${text}`)
  if (exact) return text
  const rows = await conn.all<{ customer_id: string }>(sql`
    SELECT DISTINCT customer_id FROM customer_identities
    WHERE (kind = 'source_id' AND value = ${text}) OR (kind = 'email' AND value = ${text.trim().toLowerCase()})
    ORDER BY customer_id LIMIT 10`)
  if (rows.length === 1) return rows[0]!.customer_id
  if (rows.length > 1) {
    throw new StrataError(
      {
        code: 'store.customer_ambiguous',
        params: { id: text, candidates: rows.map((r) => r.customer_id).join(', ') },
      },
      EXIT.USAGE,
    )
  }
  return text
}
