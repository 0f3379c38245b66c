import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { ServerOptions } from '../../src/server/http/context.js'
import { createServer, type StrataServer } from '../../src/server/index.js'
import { openStore, type Store } from '../../src/store/store.js'

/** A server on a fresh in-memory store, with helpers to sign in and call it as different people. */
export async function testServer(options: Partial<ServerOptions> = {}, store?: Store) {
  const s = store ?? (await openStore(':memory:'))
  const server = await createServer({
    store: s,
    options: { loginRate: { capacity: 1000, perSecond: 1000 }, ...options },
  })
  return { server, store: s, ...callers(server) }
}

export interface Session {
  cookie: string
  csrf: string
}

export function callers(server: StrataServer) {
  const inject = (o: InjectOptions) => server.app.inject(o) as Promise<LightMyRequestResponse>
  async function login(username: string, password: string): Promise<Session> {
    const r = await inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
    if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`)
    const cookies = [r.headers['set-cookie']].flat().filter(Boolean) as string[]
    return { cookie: cookies.map((c) => c.split(';')[0]).join('; '), csrf: r.json().csrfToken }
  }
  /** Calls as a session (CSRF header included on writes unless `csrf: false`). */
  function as(s: Session | null, o: InjectOptions & { csrf?: boolean }) {
    const headers: Record<string, string> = { ...(o.headers as Record<string, string>) }
    if (s) {
      headers['cookie'] = s.cookie
      if (o.csrf !== false) headers['x-csrf-token'] = s.csrf
    }
    return inject({ ...o, headers })
  }
  function withKey(key: string, o: InjectOptions) {
    return inject({
      ...o,
      headers: { ...(o.headers as Record<string, string>), authorization: `Bearer ${key}` },
    })
  }
  /** First admin, then an analyst and a viewer; returns their sessions. */
  async function people() {
    const pw = 'correct horse battery'
    const setup = await inject({
      method: 'POST',
      url: '/api/setup',
      payload: { username: 'ada', password: pw },
    })
    if (setup.statusCode !== 201) throw new Error(setup.body)
    const admin = await login('ada', pw)
    for (const [username, role] of [
      ['ana', 'analyst'],
      ['vic', 'viewer'],
    ]) {
      const r = await as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: { username, password: pw, role },
      })
      if (r.statusCode !== 201) throw new Error(r.body)
    }
    return { admin, analyst: await login('ana', pw), viewer: await login('vic', pw) }
  }
  async function apiKey(admin: Session, scopes: string[]) {
    const r = await as(admin, {
      method: 'POST',
      url: '/api/api-keys',
      payload: { name: scopes.join('+'), scopes },
    })
    if (r.statusCode !== 201) throw new Error(r.body)
    return r.json().key as string
  }
  return { inject, login, as, withKey, people, apiKey }
}
