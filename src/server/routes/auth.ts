import { z } from 'zod'
import { readAudit } from '../audit/audit-log.js'
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys.js'
import { ROLES, SCOPES } from '../auth/roles.js'
import { closeSession, openSession } from '../auth/sessions.js'
import { authenticate, countUsers, createUser, disableUser, listUsers, MIN_PASSWORD } from '../auth/users.js'
import { CSRF_COOKIE, forgetApiKeys, SESSION_COOKIE } from '../http/app.js'
import type { RouteModule, ServerContext } from '../http/context.js'
import { parseCookies, serializeCookie } from '../http/cookies.js'
import { ApiError } from '../http/errors.js'
import { pageQuery } from '../http/paging.js'

const ADMIN = { role: 'admin', scope: 'admin' } as const
const ANYONE = { role: 'viewer', scope: 'read' } as const
const credentials = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
/** A new account: the password length is checked here so the error names `body.password`. */
const newAccount = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(MIN_PASSWORD).max(256),
})

function sessionCookies(ctx: ServerContext, token: string, csrf: string): string[] {
  const o = {
    sameSite: 'Strict' as const,
    secure: ctx.options.secureCookies,
    maxAgeSeconds: ctx.options.sessionTtlHours * 3600,
  }
  // The CSRF cookie is readable by the page's own script, which copies it into `x-csrf-token`.
  return [
    serializeCookie(SESSION_COOKIE, token, { ...o, httpOnly: true }),
    serializeCookie(CSRF_COOKIE, csrf, { ...o, httpOnly: false }),
  ]
}

/** First-run admin, sign in/out, who am I, accounts, API keys and the audit log. */
export const authRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Does the server still need its first admin?' },
    },
    async () => ({
      needsAdmin: (await ctx.db(countUsers)) === 0,
    }),
  )

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Create the first admin (only while no account exists)',
        body: newAccount,
      },
    },
    async (req, reply) => {
      const user = await ctx
        .db((conn) => createUser(conn, { ...req.body, role: 'admin', now: ctx.now(), onlyIfNone: true }))
        .catch((e) => {
          if (e?.diagnostic?.code === 'server.setup.done') throw new ApiError(409, 'server.setup.done')
          throw e
        })
      await ctx.audit(req, { action: 'user.create_first_admin', detail: { user: user.userId } })
      return reply.code(201).send({ user })
    },
  )

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', noCsrf: true },
      schema: { tags: ['auth'], summary: 'Sign in: sets the session and CSRF cookies', body: credentials },
    },
    async (req, reply) => {
      const wait = ctx.limits.login.take(`login:${req.ip}`)
      if (wait > 0)
        throw new ApiError(429, 'server.rate_limited', { seconds: wait }, undefined, {
          'retry-after': String(wait),
        })
      const user = await ctx.db((conn) => authenticate(conn, req.body.username, req.body.password))
      if (!user) {
        await ctx.audit(req, { action: 'auth.login_failed' })
        throw new ApiError(401, 'server.auth.bad_login')
      }
      const s = await ctx.db((conn) => openSession(conn, user.userId, ctx.now(), ctx.options.sessionTtlHours))
      req.principal = { kind: 'user', id: user.userId, name: user.username, role: user.role, scopes: [] }
      await ctx.audit(req, { action: 'auth.login' })
      reply.header('set-cookie', sessionCookies(ctx, s.token, s.csrfToken))
      return { user, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() }
    },
  )

  app.post(
    '/api/auth/logout',
    { config: { access: ANYONE }, schema: { tags: ['auth'], summary: 'Sign out' } },
    async (req, reply) => {
      const token = parseCookies(req.headers.cookie)[SESSION_COOKIE]
      if (token) await ctx.db((conn) => closeSession(conn, token))
      reply.header('set-cookie', [
        `${SESSION_COOKIE}=; Path=/; Max-Age=0`,
        `${CSRF_COOKIE}=; Path=/; Max-Age=0`,
      ])
      return { ok: true }
    },
  )

  app.get(
    '/api/auth/me',
    { config: { access: ANYONE }, schema: { tags: ['auth'], summary: 'The caller' } },
    async (req) => {
      const p = req.principal!
      return { kind: p.kind, id: p.id, name: p.name, role: p.role, scopes: p.scopes }
    },
  )

  app.get(
    '/api/users',
    { config: { access: ADMIN }, schema: { tags: ['accounts'], summary: 'List accounts' } },
    async () => ({
      items: await ctx.db(listUsers),
    }),
  )
  app.post(
    '/api/users',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account',
        body: newAccount.extend({ role: z.enum(ROLES) }),
      },
    },
    async (req, reply) => {
      const user = await ctx.db((conn) => createUser(conn, { ...req.body, now: ctx.now() }))
      await ctx.audit(req, { action: 'user.create', detail: { user: user.userId, role: user.role } })
      return reply.code(201).send({ user })
    },
  )
  app.delete(
    '/api/users/:id',
    {
      config: { access: ADMIN },
      schema: { tags: ['accounts'], summary: 'Disable an account', params: z.object({ id: z.string() }) },
    },
    async (req) => {
      if (!(await ctx.db((conn) => disableUser(conn, req.params.id, ctx.now()))))
        throw new ApiError(404, 'server.not_found', { what: req.params.id })
      await ctx.audit(req, { action: 'user.disable', detail: { user: req.params.id } })
      return { ok: true }
    },
  )

  app.get(
    '/api/api-keys',
    { config: { access: ADMIN }, schema: { tags: ['accounts'], summary: 'List API keys (never the keys)' } },
    async () => ({
      items: await ctx.db(listApiKeys),
    }),
  )
  app.post(
    '/api/api-keys',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['accounts'],
        summary: 'Create an API key; the key is shown in this answer only',
        body: z.object({ name: z.string().min(1).max(100), scopes: z.array(z.enum(SCOPES)).min(1) }),
      },
    },
    async (req, reply) => {
      const key = await ctx.db((conn) =>
        createApiKey(conn, { ...req.body, createdBy: req.principal!.id, now: ctx.now() }),
      )
      await ctx.audit(req, { action: 'apikey.create', detail: { key: key.keyId, scopes: key.scopes } })
      return reply.code(201).send(key)
    },
  )
  app.delete(
    '/api/api-keys/:id',
    {
      config: { access: ADMIN },
      schema: { tags: ['accounts'], summary: 'Revoke an API key', params: z.object({ id: z.string() }) },
    },
    async (req) => {
      if (!(await ctx.db((conn) => revokeApiKey(conn, req.params.id, ctx.now()))))
        throw new ApiError(404, 'server.not_found', { what: req.params.id })
      forgetApiKeys()
      await ctx.audit(req, { action: 'apikey.revoke', detail: { key: req.params.id } })
      return { ok: true }
    },
  )

  app.get(
    '/api/audit',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['accounts'],
        summary: 'The audit log, newest first',
        querystring: z.object({ ...pageQuery, action: z.string().optional() }),
      },
    },
    async (req) => {
      const { limit, offset, action } = req.query
      const items = await ctx.db((conn) => readAudit(conn, { limit, offset, action }))
      return { items, limit, offset, next: items.length === limit ? offset + limit : null }
    },
  )
}
