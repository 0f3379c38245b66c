import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { type DemoSpec, resolveDemoSpec } from './demo-options.js'
import { type DemoProgress, type DemoSummary, summarise } from './demo-summary.js'
import type { DemoTable } from './demo-tables.js'
import { DemoFileSet } from './file-sink.js'
import { generateRange } from './generate-range.js'
import { emptyCounts } from './order-history.js'
import { makeWorld } from './world.js'

export interface DemoFilesResult extends DemoSummary {
  /** Absolute path of each written file. */
  readonly files: Readonly<Record<DemoTable, string>>
}

// Customers per progress report.
const STEP = 10_000

/**
 * Writes the demo data set as import-ready files in `dir`: customers.csv, orders.csv, order_items.csv,
 * events.ndjson, feedback.csv (UTF-8, header = canonical column names, so `strata import` reads them with
 * the generic preset and no mapping). The same spec gives the same bytes as the store gets from
 * `generateDemo`. Does not touch any store.
 *
 * @example
 * const result = await writeDemoFiles('./demo-out', { customers: 2000, seed: 7 })
 * result.files.orders // '/abs/demo-out/orders.csv'
 */
export async function writeDemoFiles(
  dir: string,
  spec: DemoSpec = {},
  onProgress?: (progress: DemoProgress) => void,
): Promise<DemoFilesResult> {
  const resolved = resolveDemoSpec(spec)
  const world = makeWorld(resolved.seed, resolved.customers, resolved.asOfDay)
  mkdirSync(dir, { recursive: true })
  const files = new DemoFileSet(resolve(dir), 'import')
  const counts = emptyCounts()
  try {
    for (let from = 0; from < resolved.customers; from += STEP) {
      const to = Math.min(resolved.customers, from + STEP)
      generateRange(world, from, to, files, counts)
      onProgress?.({ phase: 'generate', done: to, total: resolved.customers })
      // Yield between steps so a progress line can be drawn and signals handled.
      await new Promise((r) => setImmediate(r))
    }
  } finally {
    files.close()
  }
  return { ...summarise(resolved, world, counts), files: files.paths }
}
