import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Lang } from '../../i18n/locale.js'
import type { Connection } from '../../sql/driver.js'
import type { Store } from '../../store/store.js'
import type { AuditEntry } from '../audit/audit-log.js'
import type { RateLimiter } from '../auth/rate-limit.js'
import type { Access, Principal } from '../auth/roles.js'
import type { Serial } from './serial.js'

/** Knobs of one server; every one has a default (see `defaultServerOptions`). */
export interface ServerOptions {
  /** Largest request body in bytes (uploads have their own limit). */
  readonly bodyLimit: number
  /** Largest upload for imports, bytes. */
  readonly uploadLimit: number
  /** Most items one `POST /api/track` may carry. */
  readonly trackBatchMax: number
  /** Login attempts: bucket size and refill per second, per client address. */
  readonly loginRate: { readonly capacity: number; readonly perSecond: number }
  /** Tracked items: bucket size and refill per second, per API key or client. */
  readonly trackRate: { readonly capacity: number; readonly perSecond: number }
  readonly sessionTtlHours: number
  /** Set `Secure` on cookies (behind HTTPS). */
  readonly secureCookies: boolean
  /** Where the live journal lives; null keeps no journal (tests of other things, read-only demos). */
  readonly journalPath: string | null
  /** Milliseconds the live applier waits to gather a group of acknowledged items into one commit. */
  readonly applyIntervalMs: number
  readonly webhooks: {
    readonly maxAttempts: number
    readonly baseDelayMs: number
    readonly timeoutMs: number
    readonly pollMs: number
  }
  /** Weekly drift check + report (`"mon 08:00"`, UTC) and the report's language; null runs none. */
  readonly weeklyReport: { readonly when: string; readonly lang: Lang } | null
}

export const defaultServerOptions: ServerOptions = {
  bodyLimit: 1024 * 1024,
  uploadLimit: 512 * 1024 * 1024,
  trackBatchMax: 500,
  loginRate: { capacity: 10, perSecond: 0.2 },
  trackRate: { capacity: 200_000, perSecond: 100_000 },
  sessionTtlHours: 12,
  secureCookies: false,
  journalPath: null,
  applyIntervalMs: 20,
  webhooks: { maxAttempts: 8, baseDelayMs: 1000, timeoutMs: 5000, pollMs: 250 },
  weeklyReport: null,
}

/** What every route module gets: the store (through the serial queue), the clock, options, helpers. */
export interface ServerContext {
  readonly store: Store
  readonly options: ServerOptions
  /** The edge's clock (tests pass a fixed one). */
  now(): Date
  /** Runs store work in the one queue. */
  db<T>(work: (conn: Connection) => Promise<T>): Promise<T>
  /**
   * Runs read-only work on the store's second connection (its own queue), so a read does not wait behind
   * an analysis or a live group in the main queue; it sees committed data. Falls back to `db` when the
   * engine has no second connection. Never write here.
   */
  read<T>(work: (conn: Connection) => Promise<T>): Promise<T>
  readonly serial: Serial
  readonly limits: { readonly login: RateLimiter; readonly track: RateLimiter }
  /** Called after an analysis wrote a new snapshot (live scoring re-sorts its distribution right away). */
  readonly snapshotListeners: (() => void)[]
  /** Writes an audit row for this request's caller. */
  audit(req: FastifyRequest, entry: AuditEntry): Promise<void>
}

export type TypedApp = ReturnType<typeof typed>
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>()
}

/** A route module registers its routes on the app. */
export type RouteModule = (app: TypedApp, ctx: ServerContext) => void

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal
    lang: Lang
  }
  interface FastifyContextConfig {
    /** Who may call: 'public', or a role/scope pair. Routes without it are refused (secure by default). */
    access?: Access | 'public'
    /** Session callers skip the CSRF check (login itself, which has no session yet). */
    noCsrf?: boolean
  }
}

export type { FastifyReply, FastifyRequest }
