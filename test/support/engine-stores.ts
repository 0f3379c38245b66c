import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ident, sql } from '../../src/sql/fragment.js'
import type { EngineConfig } from '../../src/sql/open-engine.js'
import { openStore, type Store } from '../../src/store/store.js'

/**
 * Stores on every engine for tests. chdb binds one data directory per process, so every chdb store of a
 * test process lives in one temporary directory, each in a database of its own (dropped on close).
 */
const CHDB_DIR = join(tmpdir(), `strata-chdb-test-${process.pid}`)
let databases = 0
let cleanupRegistered = false

export async function openChdbStore(): Promise<Store> {
  if (!cleanupRegistered) {
    cleanupRegistered = true
    process.on('exit', () => rmSync(CHDB_DIR, { recursive: true, force: true }))
  }
  databases++
  const database = `t${databases}`
  const config: EngineConfig = { engine: 'chdb', path: CHDB_DIR, database }
  const store = await openStore(config)
  return {
    ...store,
    async close() {
      await store.conn.run(sql`DROP DATABASE IF EXISTS ${ident(database)}`)
      await store.close()
    },
  }
}
