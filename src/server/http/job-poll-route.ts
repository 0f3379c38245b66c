import { z } from 'zod'
import type { TypedApp } from './context.js'
import { ApiError } from './errors.js'
import type { Jobs } from './jobs.js'

/**
 * `GET <path>` (path ends in `/:id`): a job's progress, then its result or error; 404 for an unknown id.
 * Every module that runs long work in the background (imports, analyses, demo loads, reports, clustering,
 * rule mining) polls through this one route shape.
 */
export function jobPollRoute(
  app: TypedApp,
  path: string,
  jobs: Jobs,
  doc: { tag: string; summary: string },
): void {
  app.get(
    path,
    {
      config: { access: { role: 'viewer', scope: 'read' } },
      schema: { tags: [doc.tag], summary: doc.summary, params: z.object({ id: z.string().max(100) }) },
    },
    async (req) => {
      const job = jobs.get(req.params.id)
      if (!job) throw new ApiError(404, 'server.not_found', { what: req.params.id })
      return job
    },
  )
}
