import { z } from 'zod'
import { EXPORT_COLUMNS, explainCustomer, findSnapshot } from '../../analytics/index.js'
import { EXIT, StrataError } from '../../core/diagnostics.js'
import { ident, join, sql } from '../../sql/fragment.js'
import { resolveCustomerId } from '../../store/customer-lookup.js'
import { seesPii } from '../auth/roles.js'
import type { RouteModule } from '../http/context.js'
import { ApiError } from '../http/errors.js'
import { pageQuery, streamRows } from '../http/paging.js'

const READ = { role: 'viewer', scope: 'read' } as const
const CUSTOMER_COLUMNS = sql`customer_id, email, phone, name, gender, CAST(birth_date AS VARCHAR) AS birth_date, city,
  region, country, CAST(signup_at AS VARCHAR) AS signup_at, source, consent_marketing`

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Customer search, the 360° profile with every score explained, and the scores export. */
export const customerRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/customers',
    {
      config: { access: READ },
      schema: {
        tags: ['customers'],
        summary: 'Search customers by id (all roles) or email / phone / name (roles that see personal data)',
        querystring: z.object({ ...pageQuery, q: z.string().max(200).optional() }),
      },
    },
    async (req) => {
      const { q, limit, offset } = req.query
      const pii = seesPii(req.principal)
      const text = q?.trim() ?? ''
      // A viewer may only look people up by id: searching by email or name would reveal them.
      const where = !text
        ? sql`TRUE`
        : pii
          ? sql`(customer_id = ${text} OR lower(email) = ${text.toLowerCase()} OR phone = ${text}
              OR name LIKE ${likePattern(text)} ESCAPE '\\' OR customer_id IN (SELECT customer_id FROM customer_identities
              WHERE kind = 'source_id' AND value = ${text}))`
          : sql`customer_id = ${text}`
      const items = await ctx.db((conn) =>
        conn.all(sql`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE ${where}
          ORDER BY customer_id LIMIT ${limit} OFFSET ${offset}`),
      )
      await ctx.audit(req, {
        action: 'customers.search',
        detail: { results: items.length, byPii: pii && text !== '' },
      })
      return { items, limit, offset, next: items.length === limit ? offset + limit : null }
    },
  )

  app.get(
    '/api/customers/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['customers'],
        summary:
          '360° profile: attributes, identities, scores with explanations, segments, tags, recent orders',
        params: z.object({ id: z.string().min(1).max(200) }),
        querystring: z.object({ snapshot: z.string().default('latest'), lang: z.string().optional() }),
      },
    },
    async (req) => {
      const profile = await ctx.db(async (conn) => {
        const id = await resolveCustomerId(conn, req.params.id)
        const customer = await conn.one(
          sql`SELECT ${CUSTOMER_COLUMNS}, attributes FROM customers WHERE customer_id = ${id}`,
        )
        const scored = await conn.one(
          sql`SELECT 1 AS x FROM customer_scores WHERE customer_id = ${id} LIMIT 1`,
        )
        if (!customer && !scored)
          throw new StrataError(
            { code: 'server.customer_not_found', params: { customer: req.params.id } },
            EXIT.NOT_FOUND,
          )
        const hasSnapshot = await conn.one(sql`SELECT 1 AS x FROM snapshots LIMIT 1`)
        const explanation = hasSnapshot
          ? await explainCustomer(conn, req.query.snapshot, id).catch((e) => {
              if (e instanceof StrataError && e.exitCode === EXIT.NOT_FOUND) return null
              throw e
            })
          : null
        const identities = await conn.all(
          sql`SELECT kind, source, value FROM customer_identities WHERE customer_id = ${id} ORDER BY kind, source, value`,
        )
        const segments =
          await conn.all(sql`SELECT m.segment_id, s.name, CAST(m.entered_at AS VARCHAR) AS entered_at
          FROM segment_members AS m LEFT JOIN segments AS s ON s.segment_id = m.segment_id
          WHERE m.customer_id = ${id} AND m.exited_at IS NULL ORDER BY m.segment_id`)
        const tags =
          await conn.all(sql`SELECT tag, source, snapshot_id, CAST(assigned_at AS VARCHAR) AS assigned_at
          FROM customer_tags WHERE customer_id = ${id} ORDER BY tag`)
        const orders =
          await conn.all(sql`SELECT source, order_id, CAST(ordered_at AS VARCHAR) AS ordered_at, amount, currency,
          status, channel FROM orders WHERE customer_id = ${id} ORDER BY ordered_at DESC LIMIT 20`)
        return {
          customer_id: id,
          customer: customer
            ? { ...customer, attributes: JSON.parse(String(customer['attributes'] ?? 'null')) }
            : null,
          identities,
          explanation,
          segments,
          tags,
          recentOrders: orders,
        }
      })
      await ctx.audit(req, { action: 'customer.read', customerId: profile.customer_id })
      return profile
    },
  )

  app.get(
    '/api/exports/scores',
    {
      config: { access: READ },
      schema: {
        tags: ['exports'],
        summary: 'Every score of a snapshot, streamed as CSV or NDJSON (no contact data)',
        querystring: z.object({
          snapshot: z.string().default('latest'),
          format: z.enum(['csv', 'ndjson']).default('csv'),
          lang: z.string().optional(),
        }),
      },
    },
    async (req, reply) => {
      const snap = await ctx.db((conn) => findSnapshot(conn, req.query.snapshot))
      await ctx.audit(req, {
        action: 'export.scores',
        detail: { snapshot: snap.snapshotId, format: req.query.format },
      })
      const columns = join(EXPORT_COLUMNS.map((c) => sql`${ident(c)}`))
      return streamRows(
        reply,
        req.query.format,
        req.principal,
        (last, size) =>
          ctx.db((conn) =>
            conn.all(sql`SELECT ${columns} FROM customer_scores WHERE snapshot_id = ${snap.snapshotId}
            AND customer_id > ${String(last?.['customer_id'] ?? '')} ORDER BY customer_id LIMIT ${size}`),
          ),
        `scores-${snap.snapshotId}`,
      )
    },
  )

  app.get(
    '/api/customers/:id/segments',
    {
      config: { access: READ },
      schema: {
        tags: ['customers'],
        summary: "A customer's current segments and RFM code (cheap: for polling after a track call)",
        params: z.object({ id: z.string().min(1).max(200) }),
      },
    },
    // On the read connection: polling after a track call is answered during an analysis too.
    async (req) =>
      ctx.read(async (conn) => {
        const segments =
          await conn.all(sql`SELECT m.segment_id, s.name, CAST(m.entered_at AS VARCHAR) AS entered_at
          FROM segment_members AS m LEFT JOIN segments AS s ON s.segment_id = m.segment_id
          WHERE m.customer_id = ${req.params.id} AND m.exited_at IS NULL ORDER BY m.segment_id`)
        // The latest snapshot's id first, as a constant: the engine then skips the other snapshots' blocks.
        const latest = await conn.one<{ id: string | null }>(
          sql`SELECT CAST(max(CAST(snapshot_id AS INTEGER)) AS VARCHAR) AS id FROM snapshots`,
        )
        const score = latest?.id
          ? await conn.one(sql`SELECT snapshot_id, rfm_code, rfm_segment, lifecycle FROM customer_scores
          WHERE customer_id = ${req.params.id} AND snapshot_id = ${latest.id}`)
          : undefined
        return { customer_id: req.params.id, segments, score: score ?? null }
      }),
  )

  app.get(
    '/api/customers/:id/orders',
    {
      config: { access: READ },
      schema: {
        tags: ['customers'],
        summary: "A customer's orders, newest first",
        params: z.object({ id: z.string() }),
        querystring: z.object(pageQuery),
      },
    },
    async (req) => {
      const { limit, offset } = req.query
      const items = await ctx.db((conn) =>
        conn.all(sql`SELECT source, order_id, customer_id, CAST(ordered_at AS VARCHAR) AS ordered_at, amount, currency, discount,
          status, channel FROM orders WHERE customer_id = ${req.params.id} ORDER BY ordered_at DESC, order_id LIMIT ${limit} OFFSET ${offset}`),
      )
      if (items.length === 0 && offset === 0) {
        const known = await ctx.db((conn) =>
          conn.one(sql`SELECT 1 AS x FROM customers WHERE customer_id = ${req.params.id}`),
        )
        if (!known) throw new ApiError(404, 'server.customer_not_found', { customer: req.params.id })
      }
      return { items, limit, offset, next: items.length === limit ? offset + limit : null }
    },
  )
}
