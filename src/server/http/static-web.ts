import { createReadStream, existsSync, statSync } from 'node:fs'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RouteModule } from './context.js'
import { ApiError } from './errors.js'

/** web/dist beside src/ or dist/ (this file is src/server/http or dist/server/http). */
export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Serves the built web app (web/dist): files by path, and index.html for every other non-API path so the
 * app's own router handles deep links (/customers/C1). Unknown /api paths keep the API's JSON 404.
 * Hashed assets are cached for a year; index.html is revalidated so a new build is picked up at once.
 */
export function staticWebRoutes(root = WEB_DIST): RouteModule {
  return (app) => {
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      const path = decodeURIComponent(req.url.split('?')[0] ?? '/')
      if (path === '/api' || path.startsWith('/api/'))
        throw new ApiError(404, 'server.route_not_found', { method: req.method, url: path })
      const index = join(root, 'index.html')
      if (!existsSync(index)) throw new ApiError(503, 'web.not_built')
      const wanted = normalize(join(root, path))
      const inside = wanted.startsWith(root + sep)
      const file = inside && existsSync(wanted) && statSync(wanted).isFile() ? wanted : index
      const isAsset = file !== index && path.startsWith('/assets/')
      reply.header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache')
      reply.header('x-content-type-options', 'nosniff')
      return reply.type(TYPES[extname(file)] ?? 'application/octet-stream').send(createReadStream(file))
    })
  }
}
