import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import type { Principal } from '../auth/roles.js'
import { at } from '../clock.js'

/** What an audit row says: the action and, for a read of one person's data, whose (by id only). */
export interface AuditEntry {
  readonly action: string
  readonly customerId?: string | null
  /** Counts, formats, segment ids — never personal data (no emails, names, search terms). */
  readonly detail?: Record<string, unknown>
}

/** Appends one row to the audit log. */
export async function audit(
  conn: Connection,
  who: { principal?: Principal | null; actor?: string | null; ip?: string | null },
  entry: AuditEntry,
  now: Date,
): Promise<void> {
  const p = who.principal
  const actor = p ? p.id : (who.actor ?? null)
  const kind = p ? p.kind : 'anonymous'
  await conn.run(sql`INSERT INTO server_audit_log (occurred_at, actor, actor_kind, action, customer_id, detail, ip)
    VALUES (${at(conn.dialect, now)}, ${actor}, ${kind}, ${entry.action}, ${entry.customerId ?? null},
      ${entry.detail ? JSON.stringify(entry.detail) : null}, ${who.ip ?? null})`)
}

export async function readAudit(
  conn: Connection,
  options: { limit: number; offset: number; action?: string },
) {
  const filter = options.action ? sql`WHERE action = ${options.action}` : sql``
  return conn.all(sql`SELECT CAST(occurred_at AS VARCHAR) AS occurred_at, actor, actor_kind, action, customer_id, detail, ip
    FROM server_audit_log ${filter} ORDER BY occurred_at DESC LIMIT ${options.limit} OFFSET ${options.offset}`)
}
