// The HTTP server: one process serving the API, live ingestion and webhook delivery on the store.
import type { FastifyInstance } from 'fastify'
import type { Store } from '../store/store.js'
import '../tables.js'
import { buildApp } from './http/app.js'
import { staticWebRoutes } from './http/static-web.js'
import type { RouteModule, ServerContext, ServerOptions } from './http/context.js'
import { authRoutes } from './routes/auth.js'
import { customerRoutes } from './routes/customers.js'
import { dashboardRoutes } from './routes/dashboard.js'
import { metaRoutes } from './routes/meta.js'
import { modelRoutes } from './routes/models.js'
import { storeDataRoutes } from './routes/store-data.js'
import { trackRoutes } from './routes/track.js'
import { LiveIngest } from './live/live-ingest.js'
import { loadSegmentCompiler } from './live/segment-compiler.js'
import type { SegmentCompiler } from './live/segment-refresh.js'

export { defaultServerOptions, type ServerOptions } from './http/context.js'

/** Every route module, in the order the OpenAPI document lists them. Each resource adds its line. */
function routes(live: () => LiveIngest): RouteModule[] {
  return [metaRoutes, authRoutes, storeDataRoutes, customerRoutes, modelRoutes, trackRoutes(live), dashboardRoutes, staticWebRoutes()]
}

export interface StrataServer {
  readonly app: FastifyInstance
  readonly ctx: ServerContext
  readonly live: LiveIngest
  /** Journal entries acknowledged before a crash and applied at start-up. */
  readonly replayed: number
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
  /** The segment language compiler; default: loaded from src/segments/language when present. */
  compiler?: SegmentCompiler | null
}): Promise<StrataServer> {
  let live: LiveIngest | undefined
  const { app, ctx } = await buildApp({ ...input, routes: routes(() => live!) })
  const compiler = input.compiler === undefined ? await loadSegmentCompiler() : input.compiler
  const started = await LiveIngest.start(ctx, { compiler, sink: null })
  live = started.live
  return {
    app,
    ctx,
    live,
    replayed: started.replayed,
    async close() {
      await app.close()
      await started.live.close()
    },
  }
}
