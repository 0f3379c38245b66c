import { z } from 'zod'
import { sql } from '../../sql/fragment.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import { timestampText } from '../clock.js'
import type { RouteModule } from '../http/context.js'
import { ApiError } from '../http/errors.js'
import type { LiveIngest } from '../live/live-ingest.js'
import { accessExport, eraseCustomer } from '../privacy/erase.js'

const ADMIN = { role: 'admin', scope: 'admin' } as const

/** Right to erasure and right of access, admin only. */
export function privacyRoutes(live: () => LiveIngest): RouteModule {
  return (app, ctx) => {
    app.delete(
      '/api/customers/:id',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['privacy'],
          summary: 'Erase a customer from every table',
          params: z.object({ id: z.string().min(1).max(200) }),
        },
      },
      async (req) => {
        // Apply everything acknowledged first, so nothing about the person lands after the erasure.
        await live().flush()
        const result = await ctx.db(async (conn) => {
          const id = await resolveCustomerId(conn, req.params.id)
          const known = await conn.one(sql`SELECT 1 AS x FROM customers WHERE customer_id = ${id}`)
          const anywhere =
            known ?? (await conn.one(sql`SELECT 1 AS x FROM orders WHERE customer_id = ${id} LIMIT 1`))
          if (!anywhere) throw new ApiError(404, 'server.customer_not_found', { customer: req.params.id })
          return eraseCustomer(conn, id, timestampText(ctx.now()))
        })
        await live().forgetJournal()
        // That an erasure happened, and how much it removed — never whom.
        await ctx.audit(req, {
          action: 'privacy.erase',
          detail: { rows: result.rows, tables: Object.keys(result.tables).length },
        })
        return result
      },
    )
    app.get(
      '/api/customers/:id/export',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['privacy'],
          summary: 'Everything stored about one customer (access request), as JSON',
          params: z.object({ id: z.string().min(1).max(200) }),
        },
      },
      async (req, reply) => {
        const data = await ctx.db(async (conn) => {
          const id = await resolveCustomerId(conn, req.params.id)
          return { customer_id: id, tables: await accessExport(conn, id) }
        })
        if (Object.keys(data.tables).length === 0)
          throw new ApiError(404, 'server.customer_not_found', { customer: req.params.id })
        await ctx.audit(req, { action: 'privacy.access_export', customerId: data.customer_id })
        reply.header(
          'content-disposition',
          `attachment; filename="customer-${encodeURIComponent(data.customer_id)}.json"`,
        )
        return data
      },
    )
  }
}
