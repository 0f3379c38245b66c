import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_TABLE_NAMES, DEMO_TABLES, type DemoTable, writeDemoFiles } from '../../src/demo/index.js'
import type { Store } from '../../src/store/index.js'
import { schema } from '../../src/store/index.js'
import { AS_OF, demoStore, N, scalar, sql } from './demo-fixture.js'

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
/** Cells of one CSV line (RFC 4180 quoting), to check that unquoted cells hold no separators. */
function splitCsv(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else cell += ch
  }
  cells.push(cell)
  return cells
}
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('demo files (--out)', () => {
  let dir: string
  let files: Record<DemoTable, string>
  let store: Store
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strata-demo-files-'))
    made.push(dir)
    files = (await writeDemoFiles(dir, { customers: N, seed: 42, asOf: AS_OF })).files
    store = await demoStore(42)
  })
  const made: string[] = []
  afterAll(async () => {
    await store.close()
    for (const d of made) rmSync(d, { recursive: true, force: true })
  })

  it('writes the five files with canonical column names as headers', () => {
    expect(
      Object.values(files)
        .map((f) => f.slice(dir.length + 1))
        .sort(),
    ).toEqual(['customers.csv', 'events.ndjson', 'feedback.csv', 'order_items.csv', 'orders.csv'])
    const canonical: Record<DemoTable, readonly string[]> = {
      customers: schema.CUSTOMERS.columns.map((c) => c.name),
      orders: schema.ORDERS.columns.map((c) => c.name),
      order_items: schema.ORDER_ITEMS.columns.map((c) => c.name),
      events: schema.EVENTS.columns.map((c) => c.name),
      feedback: schema.FEEDBACK.columns.map((c) => c.name),
    }
    for (const table of DEMO_TABLE_NAMES) {
      const header =
        table === 'events'
          ? Object.keys(JSON.parse(lines(files[table])[0]!))
          : lines(files[table])[0]!.split(',')
      expect(header, table).toEqual(DEMO_TABLES[table].columns.map((c) => c.name))
      for (const name of header) expect(canonical[table], `${table}.${name}`).toContain(name)
    }
  })

  it('holds exactly what the store gets', async () => {
    for (const table of DEMO_TABLE_NAMES) {
      const inStore = await scalar(store.conn, sql`SELECT count(*) AS v FROM ${sql([table] as never)}`)
      const inFile = lines(files[table]).length - (table === 'events' ? 0 : 1)
      expect(inFile, table).toBe(inStore)
    }
  })

  it('writes parseable NDJSON events with JSON properties', () => {
    const events = lines(files.events).map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(events.every((e) => typeof e['properties'] === 'object' && e['properties'] !== null)).toBe(true)
    expect(events.some((e) => e['customer_id'] === null && typeof e['anonymous_id'] === 'string')).toBe(true)
  })

  it('quotes only where needed: plain cells never hold separators', () => {
    for (const table of ['customers', 'orders', 'order_items', 'feedback'] as const) {
      const width = DEMO_TABLES[table].columns.length
      for (const line of lines(files[table]).slice(1, 2000)) {
        const cells = splitCsv(line)
        expect(cells.length, `${table}: ${line}`).toBe(width)
      }
    }
  })

  it('is byte-identical for the same seed', async () => {
    const again = mkdtempSync(join(tmpdir(), 'strata-demo-files-'))
    made.push(again)
    const second = (await writeDemoFiles(again, { customers: N, seed: 42, asOf: AS_OF })).files
    for (const table of DEMO_TABLE_NAMES) expect(sha(second[table]), table).toBe(sha(files[table]))
  })
})
