import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import { at } from '../clock.js'
import type { Principal, Role } from './roles.js'
import { randomToken, sha256Hex } from './tokens.js'

/** Opens a session: returns the cookie value (only its hash is stored) and the CSRF token. */
export async function openSession(
  conn: Connection,
  userId: string,
  now: Date,
  ttlHours: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken()
  const csrfToken = randomToken()
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000)
  const d = conn.dialect
  await conn.run(sql`INSERT INTO server_sessions (token_hash, user_id, csrf_token, created_at, expires_at)
    VALUES (${sha256Hex(token)}, ${userId}, ${csrfToken}, ${at(d, now)}, ${at(d, expiresAt)})`)
  return { token, csrfToken, expiresAt }
}

/** The signed-in user of a session cookie, or null when unknown, expired or the account is disabled. */
export async function sessionPrincipal(
  conn: Connection,
  token: string,
  now: Date,
): Promise<Principal | null> {
  const row = await conn.one<{ user_id: string; username: string; role: Role; csrf_token: string }>(sql`
    SELECT u.user_id, u.username, u.role, s.csrf_token FROM server_sessions AS s
    JOIN server_users AS u ON u.user_id = s.user_id
    WHERE s.token_hash = ${sha256Hex(token)} AND s.expires_at > ${at(conn.dialect, now)} AND u.disabled_at IS NULL`)
  if (!row) return null
  return {
    kind: 'user',
    id: row.user_id,
    name: row.username,
    role: row.role,
    scopes: [],
    csrfToken: row.csrf_token,
  }
}

export async function closeSession(conn: Connection, token: string): Promise<void> {
  await conn.run(sql`DELETE FROM server_sessions WHERE token_hash = ${sha256Hex(token)}`)
}
