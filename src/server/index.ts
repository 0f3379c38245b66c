// The HTTP server: one process serving the API, live ingestion and webhook delivery on the store.
import type { FastifyInstance } from 'fastify'
import type { Store } from '../store/store.js'
import '../tables.js'
import { buildApp } from './http/app.js'
import type { RouteModule, ServerContext, ServerOptions } from './http/context.js'
import { staticWebRoutes } from './http/static-web.js'
import { LiveIngest } from './live/live-ingest.js'
import { analysisSettingsRoutes } from './routes/analysis-settings.js'
import { authRoutes } from './routes/auth.js'
import { customerRoutes } from './routes/customers.js'
import { dashboardRoutes } from './routes/dashboard.js'
import { evaluationRoutes } from './routes/evaluation.js'
import { metaRoutes } from './routes/meta.js'
import { modelRoutes } from './routes/models.js'
import { personaRoutes } from './routes/personas.js'
import { privacyRoutes } from './routes/privacy.js'
import { segmentRoutes } from './routes/segments.js'
import { storeDataRoutes } from './routes/store-data.js'
import { strategyRoutes } from './routes/strategy.js'
import { trackRoutes } from './routes/track.js'
import { webhookRoutes } from './routes/webhooks.js'
import { parseWeeklyWhen, startWeeklySchedule } from './schedule/weekly.js'
import { WebhookDelivery } from './webhooks/delivery.js'
import { enqueueSegmentChanges } from './webhooks/outbox.js'

export { defaultServerOptions, type ServerOptions } from './http/context.js'

/** Every route module, in the order the OpenAPI document lists them. Each resource adds its line. */
function routes(live: () => LiveIngest): RouteModule[] {
  return [
    metaRoutes,
    authRoutes,
    storeDataRoutes,
    customerRoutes,
    segmentRoutes,
    modelRoutes,
    personaRoutes,
    strategyRoutes,
    trackRoutes(live),
    webhookRoutes,
    privacyRoutes(live),
    dashboardRoutes,
    analysisSettingsRoutes,
    evaluationRoutes,
    // Last: the web app answers every path no API route claimed.
    staticWebRoutes(),
  ]
}

export interface StrataServer {
  readonly app: FastifyInstance
  readonly ctx: ServerContext
  readonly live: LiveIngest
  /** Journal entries acknowledged before a crash and applied at start-up. */
  readonly replayed: number
  readonly webhooks: WebhookDelivery
  /** Stops background loops and the HTTP server (the store stays open: the caller owns it). */
  close(): Promise<void>
}

/**
 * Builds the whole server on an open store.
 *
 * @example
 * const server = await createServer({ store: await openStore(':memory:') })
 * await server.app.inject({ method: 'GET', url: '/api/health' })
 */
export async function createServer(input: {
  store: Store
  options?: Partial<ServerOptions>
  now?: () => Date
  logger?: boolean
}): Promise<StrataServer> {
  // Parsed first: a bad schedule refuses to start before anything is opened.
  const weekly = input.options?.weeklyReport ?? null
  const when = weekly ? parseWeeklyWhen(weekly.when) : null
  let live: LiveIngest | undefined
  const { app, ctx } = await buildApp({ ...input, routes: routes(() => live!) })
  const started = await LiveIngest.start(ctx, {
    sink: async (conn, changes, now) => void (await enqueueSegmentChanges(conn, changes, now)),
  })
  live = started.live
  ctx.snapshotListeners.push(() => void ctx.db((conn) => started.live.preload(conn)).catch(() => undefined))
  const webhooks = new WebhookDelivery(ctx)
  // pollMs 0 leaves delivery to explicit `runOnce` calls (tests drive it step by step).
  if (ctx.options.webhooks.pollMs > 0) webhooks.start()
  const schedule =
    weekly && when ? startWeeklySchedule(ctx, when, weekly.lang, (e) => app.log.error(e)) : null
  return {
    app,
    ctx,
    live,
    replayed: started.replayed,
    webhooks,
    async close() {
      await schedule?.stop()
      await app.close()
      await webhooks.stop()
      await started.live.close()
    },
  }
}
