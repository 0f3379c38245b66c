import { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { csvCell } from '../../core/csv-cell.js'
import type { Row } from '../../sql/driver.js'
import { maskPii } from '../auth/masking.js'
import type { Principal } from '../auth/roles.js'

export const MAX_PAGE = 1000

/** `?limit&offset` for listed results; larger results are streamed (`format=ndjson|csv`). */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  lang: z.string().optional(),
}

/** A page of results with what the client needs to fetch the next one. */
export function page<T>(items: T[], limit: number, offset: number, total?: number) {
  return {
    items,
    limit,
    offset,
    next: items.length === limit ? offset + limit : null,
    ...(total === undefined ? {} : { total }),
  }
}

/**
 * Streams rows fetched page by page as NDJSON or CSV, masked for the caller like every JSON answer.
 * `fetch(last, size)` gets the previous page's last row (null first) so queries can seek by key instead of
 * OFFSET (which rescans); fewer than `size` rows ends it. Memory stays at one page whatever the size.
 */
export function streamRows(
  reply: FastifyReply,
  format: 'ndjson' | 'csv',
  principal: Principal | undefined,
  fetch: (last: Row | null, size: number) => Promise<Row[]>,
  filename: string,
  pageSize = 10_000,
): FastifyReply {
  async function* lines() {
    let header: string[] | null = null
    let last: Row | null = null
    for (;;) {
      const fetched = await fetch(last, pageSize)
      last = fetched.at(-1) ?? null
      const rows = maskPii(fetched, principal)
      let chunk = ''
      for (const row of rows) {
        if (format === 'ndjson') chunk += `${JSON.stringify(row)}\n`
        else {
          if (!header) {
            header = Object.keys(row)
            chunk += `${header.map(csvCell).join(',')}\n`
          }
          chunk += `${header.map((k) => csvCell(row[k])).join(',')}\n`
        }
      }
      if (chunk) yield chunk
      if (rows.length < pageSize) return
    }
  }
  reply.header(
    'content-type',
    format === 'ndjson' ? 'application/x-ndjson; charset=utf-8' : 'text/csv; charset=utf-8',
  )
  reply.header(
    'content-disposition',
    `attachment; filename="${filename}.${format === 'ndjson' ? 'ndjson' : 'csv'}"`,
  )
  return reply.send(Readable.from(lines()))
}
