import { afterEach, describe, expect, it } from 'vitest'
import { sql } from '../../src/sql/fragment.js'
import { testServer } from './support.js'

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup) await c()
  cleanup = []
})
async function setup() {
  const t = await testServer()
  cleanup.push(async () => {
    await t.server.close()
    await t.store.close()
  })
  return t
}

describe('accounts, sessions, CSRF, API keys', () => {
  it('creates the first admin only while no account exists', async () => {
    const t = await setup()
    expect((await t.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsAdmin: true })
    const first = await t.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { username: 'ada', password: 'long enough pw' },
    })
    expect(first.statusCode).toBe(201)
    const second = await t.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { username: 'eve', password: 'long enough pw' },
    })
    expect(second.statusCode).toBe(409)
    expect(second.json().error.code).toBe('server.setup.done')
    const users = await t.store.conn.all(sql`SELECT username, role, password_hash FROM server_users`)
    expect(users).toHaveLength(1)
    // Stored as salted scrypt with its parameters, never the password.
    expect(String(users[0]!['password_hash'])).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(String(users[0]!['password_hash'])).not.toContain('long enough')
  })

  it('signs in with HTTP-only SameSite cookies; wrong passwords get 401 and are audited', async () => {
    const t = await setup()
    await t.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { username: 'ada', password: 'long enough pw' },
    })
    const bad = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ada', password: 'nope nope nope' },
    })
    expect(bad.statusCode).toBe(401)
    expect(bad.json().error.code).toBe('server.auth.bad_login')
    const ok = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ada', password: 'long enough pw' },
    })
    expect(ok.statusCode).toBe(200)
    const cookies = [ok.headers['set-cookie']].flat() as string[]
    expect(cookies.find((c) => c.startsWith('strata_session='))).toMatch(/HttpOnly/)
    expect(cookies.find((c) => c.startsWith('strata_session='))).toMatch(/SameSite=Strict/)
    expect(cookies.find((c) => c.startsWith('strata_csrf='))).not.toMatch(/HttpOnly/)
    const actions = await t.store.conn.all(
      sql`SELECT action FROM server_audit_log ORDER BY occurred_at, action`,
    )
    expect(actions.map((a) => a['action'])).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed']),
    )
    // The session token is stored hashed.
    const token = cookies
      .find((c) => c.startsWith('strata_session='))!
      .split(';')[0]!
      .split('=')[1]!
    const stored = await t.store.conn.all(sql`SELECT token_hash FROM server_sessions`)
    expect(stored.map((r) => r['token_hash'])).not.toContain(token)
  })

  it('answers 401 without credentials and 403 for a role that is too low', async () => {
    const t = await setup()
    const { viewer, analyst } = await t.people()
    expect((await t.inject({ method: 'GET', url: '/api/status' })).statusCode).toBe(401)
    expect((await t.as(viewer, { method: 'GET', url: '/api/users' })).statusCode).toBe(403)
    expect((await t.as(analyst, { method: 'GET', url: '/api/users' })).statusCode).toBe(403)
    const r = await t.as(viewer, { method: 'POST', url: '/api/analyze', payload: {} })
    expect(r.statusCode).toBe(403)
    expect(r.json().error.code).toBe('server.auth.forbidden')
  })

  it('refuses a state-changing session request without the CSRF header', async () => {
    const t = await setup()
    const { admin } = await t.people()
    const payload = { username: 'zed', password: 'long enough pw', role: 'viewer' }
    const no = await t.as(admin, { method: 'POST', url: '/api/users', payload, csrf: false })
    expect(no.statusCode).toBe(403)
    expect(no.json().error.code).toBe('server.auth.csrf')
    const wrong = await t.as(
      { ...admin, csrf: 'x'.repeat(43) },
      { method: 'POST', url: '/api/users', payload },
    )
    expect(wrong.statusCode).toBe(403)
    expect((await t.store.conn.all(sql`SELECT 1 FROM server_users WHERE username = 'zed'`)).length).toBe(0)
    expect((await t.as(admin, { method: 'POST', url: '/api/users', payload })).statusCode).toBe(201)
  })

  it('API keys: shown once, stored hashed, scoped and revocable', async () => {
    const t = await setup()
    const { admin } = await t.people()
    const read = await t.apiKey(admin, ['read'])
    const track = await t.apiKey(admin, ['track'])
    const stored = await t.store.conn.all(sql`SELECT key_hash FROM server_api_keys`)
    expect(JSON.stringify(stored)).not.toContain(read)
    expect((await t.withKey(read, { method: 'GET', url: '/api/status' })).statusCode).toBe(200)
    expect((await t.withKey(track, { method: 'GET', url: '/api/status' })).statusCode).toBe(403)
    expect((await t.withKey(read, { method: 'GET', url: '/api/users' })).statusCode).toBe(403)
    expect((await t.withKey('sk_nonsense', { method: 'GET', url: '/api/status' })).statusCode).toBe(401)
    const list = await t.as(admin, { method: 'GET', url: '/api/api-keys' })
    const id = list.json().items.find((k: { name: string }) => k.name === 'read').key_id
    expect((await t.as(admin, { method: 'DELETE', url: `/api/api-keys/${id}` })).statusCode).toBe(200)
    const after = await t.withKey(read, { method: 'GET', url: '/api/status' })
    expect(after.statusCode).toBe(401)
    expect(after.json().error.code).toBe('server.auth.bad_key')
  })

  it('rate-limits login attempts per client with 429 and Retry-After', async () => {
    const t = await testServer({ loginRate: { capacity: 3, perSecond: 0.01 } })
    cleanup.push(async () => {
      await t.server.close()
      await t.store.close()
    })
    const codes: number[] = []
    for (let i = 0; i < 5; i++) {
      const r = await t.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x', password: 'y' },
      })
      codes.push(r.statusCode)
      if (r.statusCode === 429) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0)
    }
    expect(codes).toEqual([401, 401, 401, 429, 429])
  })
})
