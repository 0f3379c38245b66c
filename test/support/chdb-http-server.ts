import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { Session } from 'chdb'

/**
 * A small stand-in for a ClickHouse server: the part of the HTTP interface `@clickhouse/client` uses,
 * executed on chdb. `GET /ping`; `POST /?…` with the query in the body (or, for inserts, the statement in
 * the `query` URL parameter and the rows in the body); `param_<name>` typed parameters; `database`;
 * `session_id` (one chdb session each, keeping temporary tables); other URL parameters are settings.
 * Errors answer 500 with ClickHouse's own `Code: N. DB::Exception: …` text.
 */
export interface ChdbHttpServer {
  readonly url: string
  close(): Promise<void>
}

const NOT_SETTINGS = new Set([
  'query',
  'query_id',
  'database',
  'session_id',
  'session_timeout',
  'session_check',
  'default_format',
  'user',
  'password',
])

/** Undoes the client's escaping of a parameter value (TSV rules; `\N` alone is NULL). */
export function unescapeParam(text: string): string | null {
  if (text === '\\N') return null
  return text.replace(/\\(.)/gs, (_, c: string) =>
    c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c === '0' ? '\0' : c,
  )
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const raw = Buffer.concat(chunks)
  return (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')
}

export async function startChdbHttpServer(dataDir: string): Promise<ChdbHttpServer> {
  const sessions = new Map<string, Session>()
  const sessionFor = (id: string, settings: string[]) => {
    let s = sessions.get(id)
    if (!s) {
      s = new Session(dataDir, { connectionArgs: settings })
      sessions.set(id, s)
    }
    return s
  }
  // Parameters travel in the URL (`param_p1=…`): a multi-row VALUES list has thousands. ClickHouse
  // accepts URLs up to 1 MiB (http_max_uri_size); Node's default header limit is 16 KiB.
  const server: Server = createServer({ maxHeaderSize: 1 << 20 }, async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (url.pathname === '/ping') {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Ok.\n')
        return
      }
      const params: Record<string, string | null> = {}
      const settings: string[] = []
      for (const [k, v] of url.searchParams) {
        if (k.startsWith('param_')) params[k.slice(6)] = unescapeParam(v)
        else if (!NOT_SETTINGS.has(k)) settings.push(`--${k}=${v}`)
      }
      const text = await body(req)
      const statement = url.searchParams.get('query')
      const query = statement ? `${statement}\n${text}` : text
      const session = sessionFor(url.searchParams.get('session_id') ?? '', settings)
      const database = url.searchParams.get('database')
      if (database) await session.queryAsync(`USE \`${database.replaceAll('`', '')}\``)
      const result = Object.keys(params).length
        ? await session.queryBindAsync(query, params, { format: 'TabSeparated' })
        : await session.queryAsync(query, { format: 'TabSeparated' })
      res.writeHead(200, {
        'Content-Type': 'text/plain; charset=UTF-8',
        'X-ClickHouse-Summary': '{"read_rows":"0","read_bytes":"0","written_rows":"0","written_bytes":"0"}',
      })
      res.end(Buffer.from(result.bytes()))
    } catch (error) {
      const e = error as { message?: string; clickhouseCode?: number }
      const code = e.clickhouseCode ?? 1000
      res.writeHead(500, { 'Content-Type': 'text/plain', 'X-ClickHouse-Exception-Code': String(code) })
      res.end(String(e.message ?? error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      for (const s of sessions.values()) s.close()
      sessions.clear()
    },
  }
}
