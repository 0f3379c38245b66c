// The HTTP server: one process serving the API, live ingestion and webhook delivery on the store.
import type { FastifyInstance } from 'fastify'
import type { Store } from '../store/store.js'
import '../tables.js'
import { buildApp } from './http/app.js'
import type { RouteModule, ServerContext, ServerOptions } from './http/context.js'
import { authRoutes } from './routes/auth.js'
import { customerRoutes } from './routes/customers.js'
import { metaRoutes } from './routes/meta.js'
import { modelRoutes } from './routes/models.js'
import { storeDataRoutes } from './routes/store-data.js'

export { defaultServerOptions, type ServerOptions } from './http/context.js'

/** Every route module, in the order the OpenAPI document lists them. Each resource adds its line. */
export const ROUTES: RouteModule[] = [metaRoutes, authRoutes, storeDataRoutes, customerRoutes, modelRoutes]

export interface StrataServer {
  readonly app: FastifyInstance
  readonly ctx: ServerContext
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
  const { app, ctx } = await buildApp({ ...input, routes: ROUTES })
  return {
    app,
    ctx,
    async close() {
      await app.close()
    },
  }
}
