import { StrataError } from '../../core/diagnostics.js'
import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import { at } from '../clock.js'
import { hashPassword, verifyPassword } from './passwords.js'
import { ROLES, type Role } from './roles.js'
import { randomId } from './tokens.js'

export interface User {
  readonly userId: string
  readonly username: string
  readonly role: Role
}

const USERNAME = /^[\p{L}\p{N}._@-]{1,64}$/u
export const MIN_PASSWORD = 10

/** Checks a new account's name, role and password; throws a diagnostic naming the field. */
function checkNew(username: string, role: string, password: string): asserts role is Role {
  if (!USERNAME.test(username))
    throw new StrataError({ code: 'server.user.bad_name', at: { field: 'username' } })
  if (!(ROLES as readonly string[]).includes(role))
    throw new StrataError({ code: 'server.user.bad_role', params: { role, roles: ROLES.join(', ') } })
  if (password.length < MIN_PASSWORD)
    throw new StrataError({
      code: 'server.user.short_password',
      params: { min: MIN_PASSWORD },
      at: { field: 'password' },
    })
}

export async function countUsers(conn: Connection): Promise<number> {
  return (await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM server_users`))?.n ?? 0
}

/**
 * Creates an account. `onlyIfNone` makes it the first-run admin: refused once any user exists, checked in
 * the same transaction as the insert so two racing first runs cannot both succeed.
 */
export async function createUser(
  conn: Connection,
  input: { username: string; role: string; password: string; now: Date; onlyIfNone?: boolean },
): Promise<User> {
  checkNew(input.username, input.role, input.password)
  const role = input.role
  const hash = await hashPassword(input.password)
  const userId = randomId('usr')
  await conn.transaction(async () => {
    if (input.onlyIfNone && (await countUsers(conn)) > 0)
      throw new StrataError({ code: 'server.setup.done' }, 2)
    const taken = await conn.one(sql`SELECT 1 AS x FROM server_users WHERE username = ${input.username}`)
    if (taken) throw new StrataError({ code: 'server.user.taken', params: { username: input.username } })
    await conn.run(sql`INSERT INTO server_users (user_id, username, role, password_hash, created_at)
      VALUES (${userId}, ${input.username}, ${role}, ${hash}, ${at(conn.dialect, input.now)})`)
  })
  return { userId, username: input.username, role }
}

/** The user for a username and password, or null (same answer for unknown name and wrong password). */
export async function authenticate(
  conn: Connection,
  username: string,
  password: string,
): Promise<User | null> {
  const row = await conn.one<{ user_id: string; role: Role; password_hash: string }>(
    sql`SELECT user_id, role, password_hash FROM server_users WHERE username = ${username} AND disabled_at IS NULL`,
  )
  // Hash anyway for an unknown user so the response time does not reveal which names exist.
  const stored =
    row?.password_hash ??
    'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
  const good = await verifyPassword(password, stored)
  return row && good ? { userId: row.user_id, username, role: row.role } : null
}

export async function listUsers(
  conn: Connection,
): Promise<(User & { createdAt: string; disabled: boolean })[]> {
  const rows = await conn.all<{
    user_id: string
    username: string
    role: Role
    created_at: string
    disabled: boolean
  }>(
    sql`SELECT user_id, username, role, CAST(created_at AS VARCHAR) AS created_at, disabled_at IS NOT NULL AS disabled
      FROM server_users ORDER BY created_at, username`,
  )
  return rows.map((r) => ({
    userId: r.user_id,
    username: r.username,
    role: r.role,
    createdAt: r.created_at,
    disabled: r.disabled,
  }))
}

/** Disables an account and ends its sessions; returns false when no such user. */
export async function disableUser(conn: Connection, userId: string, now: Date): Promise<boolean> {
  return conn.transaction(async () => {
    const row = await conn.one(sql`SELECT 1 AS x FROM server_users WHERE user_id = ${userId}`)
    if (!row) return false
    await conn.run(
      sql`UPDATE server_users SET disabled_at = ${at(conn.dialect, now)} WHERE user_id = ${userId}`,
    )
    await conn.run(sql`DELETE FROM server_sessions WHERE user_id = ${userId}`)
    return true
  })
}
