import fastifyMultipart from '@fastify/multipart'
import fastifySwagger from '@fastify/swagger'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify'
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod'
import { StrataError } from '../../core/diagnostics.js'
import type { Lang } from '../../i18n/locale.js'
import { t } from '../../i18n/translate.js'
import '../../i18n/messages/index.js'
import type { Store } from '../../store/store.js'
import { audit } from '../audit/audit-log.js'
import { apiKeyPrincipal } from '../auth/api-keys.js'
import { maskPii } from '../auth/masking.js'
import { RateLimiter } from '../auth/rate-limit.js'
import { allowed, type Principal } from '../auth/roles.js'
import { sessionPrincipal } from '../auth/sessions.js'
import { sameSecret, sha256Hex } from '../auth/tokens.js'
import {
  defaultServerOptions,
  type RouteModule,
  type ServerContext,
  type ServerOptions,
  typed,
} from './context.js'
import { parseCookies } from './cookies.js'
import { ApiError, type ErrorBody, type ErrorDetail, fromStrataError } from './errors.js'
import { requestLang } from './lang.js'
import { Serial } from './serial.js'

export const SESSION_COOKIE = 'strata_session'
export const CSRF_COOKIE = 'strata_csrf'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface BuildOptions {
  readonly store: Store
  readonly options?: Partial<ServerOptions>
  readonly now?: () => Date
  readonly routes: readonly RouteModule[]
  /** Log requests (the `serve` command turns it on; tests keep quiet). */
  readonly logger?: boolean
}

/** The rendered error body in the caller's language. */
export function errorBody(
  lang: Lang,
  code: string,
  params: Record<string, unknown> = {},
  details?: ErrorDetail[],
): ErrorBody {
  return { error: { code, message: t(lang, code, params), ...(details ? { details } : {}) } }
}

function validationDetails(error: FastifyError, lang: Lang): ErrorDetail[] {
  const where = (error as { validationContext?: string }).validationContext ?? 'body'
  return (error.validation ?? []).map((v) => {
    const path = `${where}${v.instancePath.replaceAll('/', '.')}`.replace(/\.$/, '')
    const params = (v.params ?? {}) as Record<string, unknown>
    const key = `server.field.${v.keyword}`
    const message =
      t(lang, key, { ...params, path }) === key ? (v.message ?? key) : t(lang, key, { ...params, path })
    return { path, code: v.keyword, message }
  })
}

// Verified API keys (by SHA-256), so ingestion never waits behind store work (an analysis can hold the
// store queue for minutes) to authenticate; keys and sessions are looked up on the read connection. A known key is answered from memory; after KEY_TTL_MS it is
// re-checked in the background (stale-while-revalidate). Revocation in this process clears the cache at once.
const KEY_TTL_MS = 5000
const keyCache = new Map<string, { principal: Principal; until: number; checking?: boolean }>()
export function forgetApiKeys(): void {
  keyCache.clear()
}

async function identify(ctx: ServerContext, req: FastifyRequest): Promise<Principal | undefined> {
  const auth = req.headers.authorization
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined
  const key = bearer ?? (req.headers['x-api-key'] as string | undefined)
  if (key) {
    const hash = sha256Hex(key)
    const hit = keyCache.get(hash)
    if (hit) {
      if (hit.until <= performance.now() && !hit.checking) {
        hit.checking = true
        void ctx
          .read((conn) => apiKeyPrincipal(conn, key))
          .then(
            (p) => {
              if (p) keyCache.set(hash, { principal: p, until: performance.now() + KEY_TTL_MS })
              else keyCache.delete(hash)
            },
            () => {
              hit.checking = false
            },
          )
      }
      return hit.principal
    }
    const p = await ctx.read((conn) => apiKeyPrincipal(conn, key))
    if (!p) throw new ApiError(401, 'server.auth.bad_key')
    if (keyCache.size > 10_000) keyCache.clear()
    keyCache.set(hash, { principal: p, until: performance.now() + KEY_TTL_MS })
    return p
  }
  const session = parseCookies(req.headers.cookie)[SESSION_COOKIE]
  if (session) return (await ctx.read((conn) => sessionPrincipal(conn, session, ctx.now()))) ?? undefined
  return undefined
}

/**
 * Builds the API: zod validation, one error shape, language per request, authentication and role checks on
 * every route (a route without `config.access` is refused), CSRF for cookie sessions, PII masking on every
 * JSON answer, OpenAPI at /api/openapi.json.
 */
export async function buildApp(b: BuildOptions): Promise<{ app: FastifyInstance; ctx: ServerContext }> {
  const options: ServerOptions = { ...defaultServerOptions, ...b.options }
  const serial = new Serial()
  const now = b.now ?? (() => new Date())
  const db: ServerContext['db'] = (work) => serial.run(() => work(b.store.conn))
  const reader = (await b.store.conn.openReader?.()) ?? null
  const readSerial = new Serial()
  const ctx: ServerContext = {
    store: b.store,
    options,
    now,
    serial,
    snapshotListeners: [],
    db,
    read: reader ? (work) => readSerial.run(() => work(reader)) : db,
    limits: {
      login: new RateLimiter(options.loginRate.capacity, options.loginRate.perSecond),
      track: new RateLimiter(options.trackRate.capacity, options.trackRate.perSecond),
    },
    audit: (req, entry) =>
      serial.run(() => audit(b.store.conn, { principal: req.principal, ip: req.ip }, entry, now())),
  }
  const app = Fastify({ logger: b.logger ?? false, bodyLimit: options.bodyLimit, trustProxy: false })
  // The reader closes with the app, before the caller closes the store.
  if (reader) app.addHook('onClose', async () => readSerial.run(() => reader.close()))
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorateRequest('principal', undefined)
  app.decorateRequest('lang', 'en')

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Strata API',
        description: 'Customer stratification: RFM, lifecycle, CLV, segments, live ingestion.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifyMultipart, { limits: { fileSize: options.uploadLimit, files: 1, fields: 20 } })

  app.addHook('onRequest', async (req) => {
    const q = req.query as Record<string, string | undefined> | undefined
    req.lang = requestLang(q?.['lang'], req.headers['accept-language'])
    const access = req.routeOptions.config?.access
    if (access === undefined && req.routeOptions.url === undefined) return // 404s reach the not-found handler
    req.principal = await identify(ctx, req)
    if (access === 'public') return
    if (access === undefined) throw new ApiError(403, 'server.auth.forbidden')
    if (!req.principal) throw new ApiError(401, 'server.auth.required')
    if (!allowed(req.principal, access)) throw new ApiError(403, 'server.auth.forbidden')
  })
  // Double-submit CSRF for cookie sessions: a state-changing request must echo the session's token in a
  // header. Other sites can make a browser send the cookie, but cannot read the token to copy it.
  app.addHook('preHandler', async (req) => {
    const p = req.principal
    if (p?.kind !== 'user' || SAFE_METHODS.has(req.method) || req.routeOptions.config?.noCsrf) return
    const sent = req.headers['x-csrf-token']
    if (typeof sent !== 'string' || !p.csrfToken || !sameSecret(sent, p.csrfToken))
      throw new ApiError(403, 'server.auth.csrf')
  })
  app.addHook('preSerialization', async (req, _reply, payload) => maskPii(payload, req.principal))

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const lang = req.lang ?? 'en'
    if (error instanceof ApiError) {
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v)
      return reply.code(error.status).send(errorBody(lang, error.code, error.params, error.details))
    }
    if (error instanceof StrataError) {
      const { status, body } = fromStrataError(error, lang)
      return reply.code(status).send(body)
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const details = validationDetails(error, lang)
      return reply
        .code(400)
        .send(
          errorBody(
            lang,
            'server.invalid_request',
            { n: details.length, first: details[0]?.message ?? '' },
            details,
          ),
        )
    }
    const known: Record<string, [number, string]> = {
      FST_ERR_CTP_INVALID_JSON_BODY: [400, 'server.bad_json'],
      FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'server.bad_json'],
      FST_ERR_CTP_BODY_TOO_LARGE: [413, 'server.too_large'],
      FST_REQ_FILE_TOO_LARGE: [413, 'server.too_large'],
      FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'server.bad_media_type'],
      FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'server.bad_media_type'],
    }
    const hit = error.code ? known[error.code] : undefined
    if (hit) return reply.code(hit[0]).send(errorBody(lang, hit[1], { limit: options.bodyLimit }))
    if (error instanceof SyntaxError && error.message.includes('JSON'))
      return reply.code(400).send(errorBody(lang, 'server.bad_json'))
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return reply
        .code(error.statusCode)
        .send(errorBody(lang, 'server.bad_request', { reason: error.message }))
    req.log.error(error)
    if (process.env['STRATA_DEBUG']) console.error(error)
    return reply.code(500).send(errorBody(lang, 'server.internal'))
  })
  app.setNotFoundHandler((req, reply) => {
    const lang = requestLang((req.query as Record<string, string>)?.['lang'], req.headers['accept-language'])
    reply
      .code(404)
      .send(errorBody(lang, 'server.route_not_found', { method: req.method, url: req.url.split('?')[0] }))
  })

  const z = typed(app)
  for (const register of b.routes) register(z, ctx)
  await app.ready()
  return { app, ctx }
}
