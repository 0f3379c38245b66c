import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { csvCell, spreadsheetSafe } from '../../src/core/csv-cell.js'
import { sql } from '../../src/sql/fragment.js'
import { exportToFile } from '../../src/sql/spreadsheet-safe.js'
import { openStore, type Store } from '../../src/store/store.js'
import { openChdbStore, openHttpStore } from '../support/engine-stores.js'

// Cells a spreadsheet would run as formulas, and look-alikes it must leave alone.
const CASES: [string, string][] = [
  ['=HYPERLINK("http://x","点我")', `'=HYPERLINK("http://x","点我")`],
  ['+cmd|/c calc!A0', `'+cmd|/c calc!A0`],
  ['-2+3+cmd|x', `'-2+3+cmd|x`],
  ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
  ['\t=1+1', `'\t=1+1`],
  ['+86 138 0013 8000', '+86 138 0013 8000'],
  ['+861****8000', `'+861****8000`],
  ['-12.50', '-12.50'],
  ['(010) 6552-1234', '(010) 6552-1234'],
  ['张三', '张三'],
  ['a=b', 'a=b'],
]

describe('spreadsheetSafe (JavaScript writers)', () => {
  it.each(CASES)('%j → %j', (input, expected) => {
    expect(spreadsheetSafe(input)).toBe(expected)
  })

  it('csvCell quotes after guarding, and leaves numbers and nulls as they are', () => {
    expect(csvCell('=1+cmd,"x"')).toBe(`"'=1+cmd,""x"""`)
    expect(csvCell(-3.5)).toBe('-3.5')
    expect(csvCell(null)).toBe('')
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"')
  })
})

const dir = mkdtempSync(join(tmpdir(), 'strata-safe-csv-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

for (const [name, open] of [
  ['duckdb', () => openStore(':memory:')],
  ['clickhouse', openChdbStore],
  ['clickhouse-http', openHttpStore],
] as const) {
  describe(`[${name}] exportToFile guards CSV text columns like the JavaScript writer`, () => {
    it('reads back every case as spreadsheetSafe writes it, numbers untouched', async () => {
      const store: Store = await open()
      try {
        const rows = CASES.map(([input], i) => sql`SELECT ${i} AS n, ${input} AS v, -1.5 AS x`)
        const union = rows.reduce((a, b) => sql`${a} UNION ALL ${b}`)
        const query = sql`SELECT n, v, x FROM (${union}) AS u ORDER BY n`
        const path = join(dir, `${name}.csv`)
        await exportToFile(store.conn, query, path, 'csv')
        expect(readFileSync(path, 'utf8')).not.toMatch(/(^|,)"?=HYPERLINK/m)
        await store.conn.readFileAsTable(path, 'csv', 'back')
        const back = await store.conn.all<{ v: string; x: unknown }>(sql`SELECT v, x FROM back ORDER BY n`)
        expect(back.map((r) => r.v)).toEqual(CASES.map(([, expected]) => expected))
        expect(back.every((r) => Number(r.x) === -1.5)).toBe(true)
      } finally {
        await store.close()
      }
    })
  })
}
