import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Connection } from '../sql/driver.js'
import { type DemoSpec, resolveDemoSpec } from './demo-options.js'
import { type DemoProgress, type DemoSummary, summarise } from './demo-summary.js'
import { DemoFileSet } from './file-sink.js'
import { generateRange } from './generate-range.js'
import { emptyCounts } from './order-history.js'
import {
  createCatalogueTable,
  deleteDemoData,
  dropCatalogueTable,
  loadBatch,
  writeIdentities,
  writeImportRow,
} from './store-load.js'
import { makeWorld } from './world.js'

export interface GenerateDemoOptions extends DemoSpec {
  /** Customers per batch: bounds memory and temporary disk (default 50,000). */
  readonly batchSize?: number
  /** Folder for the temporary batch files (default: the OS temp folder); removed afterwards. */
  readonly workDir?: string
  /** Wall-clock timestamps for the `imports` row (`YYYY-MM-DD HH:MM:SS`), read at the edge. */
  readonly now?: () => string
  readonly onProgress?: (progress: DemoProgress) => void
  /**
   * Caps the engine's working memory (MB) for this connection before loading, so a million-customer run
   * stays within a known footprint on a shared machine; the setting stays on the connection.
   */
  readonly memoryLimitMB?: number
}

export interface DemoLoadResult extends DemoSummary {
  /** The `imports` row of this run: deterministic, `demo-<seed>-<customers>-<asOf>`. */
  readonly importId: string
}

// Large batches cost the engine less per row; at 1M customers, 20 batches still keep both cores busy.
const DEFAULT_BATCH = 50_000

/**
 * Generates the demo data set and writes it into the store, replacing any earlier demo data in one
 * transaction: a rerun is idempotent and a run killed half-way leaves the store as it was.
 *
 * Batches of customers are written as CSV files and bulk-loaded by the engine's own reader (much faster
 * than appending row by row from JavaScript); while the engine loads batch k, JavaScript generates batch
 * k + 1, so both cores work. Memory stays bounded by one batch.
 *
 * @example
 * const result = await generateDemo(store.conn, { customers: 2000, seed: 7 })
 * result.orders // ≈ 20,000
 */
export async function generateDemo(
  conn: Connection,
  options: GenerateDemoOptions = {},
): Promise<DemoLoadResult> {
  const spec = resolveDemoSpec(options)
  const world = makeWorld(spec.seed, spec.customers, spec.asOfDay)
  const importId = `demo-${spec.seed}-${spec.customers}-${spec.asOf}`
  const startedAt = options.now?.() ?? null
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH)
  const base = options.workDir ?? tmpdir()
  mkdirSync(base, { recursive: true })
  const dir = mkdtempSync(join(base, 'strata-demo-'))
  const counts = emptyCounts()
  const total = spec.customers
  const batches = Math.ceil(total / batchSize)
  if (options.memoryLimitMB !== undefined) await conn.run(conn.dialect.limitMemory(options.memoryLimitMB))
  try {
    await conn.transaction(async () => {
      await deleteDemoData(conn)
      await createCatalogueTable(conn)
      let loading: Promise<void> | undefined
      let previous: string | undefined
      for (let b = 0; b < batches; b++) {
        const from = b * batchSize
        const to = Math.min(total, from + batchSize)
        const batchDir = join(dir, `batch-${b}`)
        mkdirSync(batchDir)
        const files = new DemoFileSet(batchDir, 'bulk')
        try {
          generateRange(world, from, to, files, counts)
        } finally {
          files.close()
        }
        options.onProgress?.({ phase: 'generate', done: to, total })
        if (loading) await finish(loading, previous!, b, batches, options)
        loading = loadBatch(conn, files.paths, importId)
        previous = batchDir
      }
      if (loading) await finish(loading, previous!, batches, batches, options)
      await writeIdentities(conn, importId)
      await dropCatalogueTable(conn)
      const summary = summarise(spec, world, counts)
      await writeImportRow(conn, {
        importId,
        startedAt,
        finishedAt: options.now?.() ?? null,
        rows: counts.customers + counts.orders + counts.items + counts.events + counts.feedback,
        report: summary,
      })
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return { ...summarise(spec, world, counts), importId }
}

async function finish(
  loading: Promise<void>,
  dir: string,
  loaded: number,
  batches: number,
  options: GenerateDemoOptions,
): Promise<void> {
  await loading
  rmSync(dir, { recursive: true, force: true })
  options.onProgress?.({ phase: 'load', done: loaded, total: batches })
}
