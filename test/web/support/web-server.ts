import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type StrataServer } from '../../../src/server/index.js'
import { openStore } from '../../../src/store/store.js'

/** A server on a fresh temporary store, listening on a random local port. */
export interface RunningServer {
  readonly url: string
  readonly server: StrataServer
  stop(): Promise<void>
}

export async function startWebServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-web-'))
  const store = await openStore(join(dir, 'store.duckdb'))
  const server = await createServer({ store })
  const address = await server.app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url: address,
    server,
    async stop() {
      await server.close()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
