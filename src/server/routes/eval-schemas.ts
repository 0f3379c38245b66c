import { z } from 'zod'
import { isIsoDate } from '../../analytics/index.js'

/** Shared by the evaluation, campaign and report routes. */
export const READ = { role: 'viewer', scope: 'read' } as const
export const WRITE = { role: 'analyst', scope: 'admin' } as const
/** A real calendar date (a pattern alone lets 2024-02-30 through). */
export const isoDate = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' })
export const idParam = z.object({ id: z.string().min(1).max(200) })
