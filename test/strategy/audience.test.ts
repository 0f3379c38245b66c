import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/analytics/index.js'
import type { SqlValue } from '../../src/sql/fragment.js'
import { sql } from '../../src/sql/fragment.js'
import { openStore, type Store } from '../../src/store/store.js'
import '../../src/tables.js'
import { CUSTOMERS } from '../../src/store/schema.js'
import {
  exportAudience,
  listExports,
  recordExport,
  resolveSelection,
  sha256Hex,
} from '../../src/strategy/index.js'
import { capture } from '../support/run-cli.js'
import { loadBaskets } from './basket-fixture.js'

let store: Store
beforeAll(async () => {
  store = await openStore(':memory:')
  await loadBaskets(store.conn)
  await store.conn.run(sql`INSERT INTO segments (segment_id, name, kind, created_at, updated_at)
    VALUES ('all4', 'All four', 'static', TIMESTAMP '2026-02-01 00:00:00', TIMESTAMP '2026-02-01 00:00:00')`)
  // c1 … c4 and 'ghost', a member with no customer row (so no consent on record).
  for (const id of ['c1', 'c2', 'c3', 'c4', 'ghost']) {
    await store.conn.run(sql`INSERT INTO segment_members (segment_id, customer_id, entered_at)
      VALUES ('all4', ${id}, TIMESTAMP '2026-02-01 00:00:00')`)
  }
  await analyze(store.conn, { asOf: '2026-02-01', createdAt: '2026-02-01 00:00:00' })
})
afterAll(() => store.close())

async function run(
  options: Omit<Parameters<typeof exportAudience>[1], 'selection'> & { segment?: string; rfm?: string },
) {
  const selection = await resolveSelection(
    store.conn,
    options.rfm ? { kind: 'rfm', name: options.rfm } : { kind: 'segment', ref: options.segment ?? 'all4' },
  )
  const out = capture()
  const result = await exportAudience(store.conn, { ...options, selection }, out.stream)
  return { result, text: out.text() }
}

const CUSTOMER_COLUMNS = CUSTOMERS.columns.map((c) => c.name)
const NOT_CONSENTED = [
  'c2',
  'wang@example.com',
  '13900139000',
  'c4',
  'c4@example.com',
  '13600136000',
  'ghost',
]

describe('audience export honours marketing consent', () => {
  it('CSV of a saved segment: chosen columns, only consenting customers', async () => {
    const { result, text } = await run({ format: 'csv', columns: ['customer_id', 'email', 'phone', 'city'] })
    expect(text).toBe(
      'customer_id,email,phone,city\nc1, Li.Wei@Example.COM ,138-0013-8000,上海\nc3,Zhang.San+ads@Gmail.com,+86 137 0013 7000,上海\n',
    )
    expect(result).toMatchObject({ rows: 2, withoutConsent: 3 })
    for (const s of NOT_CONSENTED) expect(text).not.toContain(s)
  })

  it('JSON with score columns from the snapshot', async () => {
    const { text } = await run({
      format: 'json',
      columns: ['customer_id', 'rfm_segment', 'lifecycle', 'frequency'],
    })
    const rows = JSON.parse(text) as Record<string, unknown>[]
    expect(rows.map((r) => r['customer_id'])).toEqual(['c1', 'c3'])
    expect(rows[0]).toMatchObject({ frequency: 3, lifecycle: expect.any(String) })
    expect(Object.keys(rows[0]!)).toEqual(['customer_id', 'rfm_segment', 'lifecycle', 'frequency'])
    for (const s of NOT_CONSENTED) expect(text).not.toContain(s)
  })

  it('ads: SHA-256 of the normalised email and phone, never a raw value', async () => {
    const { result, text } = await run({ format: 'ads' })
    expect(text.split('\n')).toEqual([
      'email_sha256,phone_sha256',
      `${sha256Hex('li.wei@example.com')},${sha256Hex('+8613800138000')}`,
      `${sha256Hex('zhang.san+ads@gmail.com')},${sha256Hex('+8613700137000')}`,
      '',
    ])
    expect(text).not.toMatch(/@|\+86/)
    expect(result.withoutConsent).toBe(3)
    const gmail = await run({ format: 'ads', gmailDots: true })
    expect(gmail.text).toContain(sha256Hex('zhangsan@gmail.com'))
    // the hashes of non-consented customers never appear either
    for (const raw of ['wang@example.com', 'c4@example.com']) expect(gmail.text).not.toContain(sha256Hex(raw))
    expect(gmail.text).not.toContain(sha256Hex('+8613900139000'))
  })

  it('an RFM segment of the latest snapshot: the non-consented member is left out', async () => {
    const segments = await store.conn.all<{ customer_id: string; rfm_segment: string }>(
      sql`SELECT customer_id, rfm_segment FROM customer_scores WHERE customer_id IN ('c1', 'c2') ORDER BY 1`,
    )
    const c2Segment = segments[1]!.rfm_segment
    const { text, result } = await run({ format: 'csv', columns: ['customer_id'], rfm: c2Segment })
    expect(text).not.toContain('c2')
    expect(result.withoutConsent).toBeGreaterThanOrEqual(1)
  })

  it('streams any size: 5,000 members, half consenting, in engine chunks', async () => {
    const customers: SqlValue[][] = []
    const members: SqlValue[][] = []
    for (let i = 0; i < 5000; i++) {
      const id = `g${String(i).padStart(5, '0')}`
      customers.push([
        id,
        `${id}@example.com`,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        i % 2 === 0,
        null,
        null,
      ])
      members.push(['big', id, '2026-02-01 00:00:00', null])
    }
    await store.conn.append('customers', CUSTOMER_COLUMNS, customers)
    await store.conn.run(sql`INSERT INTO segments (segment_id, name, kind, created_at, updated_at)
      VALUES ('big', 'Big', 'static', TIMESTAMP '2026-02-01 00:00:00', TIMESTAMP '2026-02-01 00:00:00')`)
    await store.conn.append(
      'segment_members',
      ['segment_id', 'customer_id', 'entered_at', 'exited_at'],
      members,
    )
    const { text, result } = await run({ format: 'csv', columns: ['customer_id'], segment: 'big' })
    const ids = text.trim().split('\n').slice(1)
    expect(result).toMatchObject({ rows: 2500, withoutConsent: 2500 })
    expect(ids).toHaveLength(2500)
    expect(ids.every((id) => Number(id.slice(1)) % 2 === 0)).toBe(true)
  })
})

describe('export history', () => {
  it('records who, when, what and how many — and no customer ids', async () => {
    const id = await recordExport(store.conn, {
      exportedAt: '2026-02-03 09:00:00',
      actor: 'analyst',
      selectionKind: 'segment',
      selection: 'all4',
      snapshotId: '1',
      format: 'ads',
      columns: 'email_sha256,phone_sha256',
      rows: 2,
      withoutConsent: 3,
      withoutIdentifier: 0,
      destination: '/tmp/x.csv',
    })
    expect(id).toBe('exp-1')
    const [last] = await listExports(store.conn)
    expect(last).toMatchObject({
      exportId: 'exp-1',
      actor: 'analyst',
      rows: 2,
      withoutConsent: 3,
      format: 'ads',
    })
    const raw = JSON.stringify(await store.conn.all(sql`SELECT * FROM audience_exports`))
    for (const c of ['c1', 'c3', 'li.wei', sha256Hex('li.wei@example.com')]) expect(raw).not.toContain(c)
  })
})
