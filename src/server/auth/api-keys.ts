import { StrataError } from '../../core/diagnostics.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import { at } from '../clock.js'
import { type Principal, roleOfScopes, SCOPES, type Scope } from './roles.js'
import { randomId, randomToken, sha256Hex } from './tokens.js'

function parseScopes(scopes: readonly string[]): Scope[] {
  const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s))
  if (bad.length || scopes.length === 0)
    throw new StrataError({
      code: 'server.apikey.bad_scope',
      params: { scope: bad.join(', '), scopes: SCOPES.join(', ') },
    })
  return [...new Set(scopes as Scope[])]
}

/** Creates a key; the secret is returned once and only its SHA-256 is stored. */
export async function createApiKey(
  conn: Connection,
  input: { name: string; scopes: readonly string[]; createdBy: string | null; now: Date },
): Promise<{ keyId: string; key: string; scopes: Scope[] }> {
  const scopes = parseScopes(input.scopes)
  const keyId = randomId('key')
  const key = randomToken('sk_')
  await conn.run(sql`INSERT INTO server_api_keys (key_id, key_hash, name, scopes, created_by, created_at)
    VALUES (${keyId}, ${sha256Hex(key)}, ${input.name}, ${scopes.join(',')}, ${input.createdBy}, ${at(conn.dialect, input.now)})`)
  return { keyId, key, scopes }
}

/** The machine principal of a presented key, or null when unknown or revoked. */
export async function apiKeyPrincipal(conn: Connection, key: string): Promise<Principal | null> {
  const row = await conn.one<{ key_id: string; name: string; scopes: string }>(
    sql`SELECT key_id, name, scopes FROM server_api_keys WHERE key_hash = ${sha256Hex(key)} AND revoked_at IS NULL`,
  )
  if (!row) return null
  const scopes = row.scopes.split(',') as Scope[]
  return { kind: 'api_key', id: row.key_id, name: row.name, role: roleOfScopes(scopes), scopes }
}

export async function listApiKeys(conn: Connection) {
  return conn.all<{ key_id: string; name: string; scopes: string; created_at: string; revoked: boolean }>(
    sql`SELECT key_id, name, scopes, CAST(created_at AS VARCHAR) AS created_at, revoked_at IS NOT NULL AS revoked
      FROM server_api_keys ORDER BY created_at, key_id`,
  )
}

/** Revokes a key; false when there is no such key. */
export async function revokeApiKey(conn: Connection, keyId: string, now: Date): Promise<boolean> {
  const row = await conn.one(sql`SELECT 1 AS x FROM server_api_keys WHERE key_id = ${keyId}`)
  if (!row) return false
  await conn.run(
    sql`UPDATE server_api_keys SET revoked_at = ${at(conn.dialect, now)} WHERE key_id = ${keyId} AND revoked_at IS NULL`,
  )
  return true
}
