import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../src/core/diagnostics.js'
import {
  checkSegment,
  compileSegment,
  parseSegment,
  printSegment,
  type SegmentExpr,
} from '../../src/segments/language/index.js'
import { printLiteral } from '../../src/segments/language/printer.js'
import type { Connection } from '../../src/sql/driver.js'
import { type Fragment, sql } from '../../src/sql/fragment.js'
import type { Store } from '../../src/store/store.js'
import { Generator, MARK, PAYLOADS, prng } from './generate.js'
import { AS_OF, openFixtureStore } from './store-fixture.js'
import { stripSpans } from './strip-spans.js'

let store: Store
beforeAll(async () => {
  store = await openFixtureStore()
})
afterAll(async () => {
  await store.close()
})

const CTX = { asOf: AS_OF, snapshotId: '7' }

/** Every table with its row count and a checksum of its rows: equal before and after ⇒ store unchanged. */
async function fingerprint(conn: Connection): Promise<string> {
  const tables = await conn.all<{ name: string }>(
    sql`SELECT table_name AS name FROM information_schema.tables ORDER BY table_name`,
  )
  const parts: string[] = []
  for (const { name } of tables) {
    const row = await conn.one<{ n: number; h: string }>(
      sql`SELECT count(*) AS n, CAST(sum(hash(t)) AS VARCHAR) AS h FROM ${{ kind: 'ident', names: [name] }} t`,
    )
    parts.push(`${name}:${row?.n}:${row?.h}`)
  }
  return parts.join('|')
}

/** The SQL text holds no user value: every user string/number is a bound parameter. */
function assertNoUserValueInText(query: Fragment, userStrings: string[]) {
  const { sql: text, parameters } = store.conn.dialect.compile(query)
  expect(text).not.toContain(MARK)
  for (const n of ['987654', '7777777', '000123457', '424242', '31337']) expect(text).not.toContain(n)
  for (const s of userStrings)
    expect(
      parameters.some((p) => typeof p === 'string' && p.includes(s)),
      s,
    ).toBe(true)
}

function userStringsOf(ast: SegmentExpr): string[] {
  const out: string[] = []
  JSON.stringify(ast, (_k, v) => {
    if (
      v &&
      typeof v === 'object' &&
      v.kind === 'string' &&
      typeof v.value === 'string' &&
      v.value.includes(MARK)
    )
      out.push(v.value)
    return v
  })
  return out
}

function assertWellFormed(text: string, diagnostics: readonly Diagnostic[]) {
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^segment\./)
    expect(d.at?.line).toBeGreaterThanOrEqual(1)
    expect(d.at?.column).toBeGreaterThanOrEqual(1)
    const [start, end] = (d.params?.['span'] ?? [-1, -1]) as [number, number]
    expect(0 <= start && start <= end && end <= text.length).toBe(true)
  }
}

/** Runs every entry point on a text; any thrown error fails the test. Returns the compiled query if any. */
function everything(text: string): Fragment | null {
  const started = performance.now()
  const parsed = parseSegment(text)
  assertWellFormed(text, parsed.diagnostics)
  if (parsed.ast)
    expect(stripSpans(parseSegment(printSegment(parsed.ast)).ast)).toEqual(stripSpans(parsed.ast))
  const checked = checkSegment(text)
  if (!checked.ok) assertWellFormed(text, checked.diagnostics)
  const compiled = compileSegment(text, store.conn.dialect, CTX)
  if (!compiled.ok) assertWellFormed(text, compiled.diagnostics)
  expect(performance.now() - started).toBeLessThan(1000)
  return compiled.ok ? compiled.value.query : null
}

describe('random well-typed trees (seeded)', () => {
  it('print → parse gives the same tree, and printing is idempotent (600 trees)', () => {
    const g = new Generator(prng(20240701))
    for (let i = 0; i < 600; i++) {
      const ast = g.expr()
      const text = printSegment(ast)
      const parsed = parseSegment(text)
      expect(parsed.diagnostics, text).toEqual([])
      expect(stripSpans(parsed.ast)).toEqual(stripSpans(ast))
      expect(printSegment(parsed.ast!)).toBe(text)
    }
  })

  it('compile with every user value bound, run on the store, and leave it unchanged (300 trees)', async () => {
    const before = await fingerprint(store.conn)
    const g = new Generator(prng(7))
    let compiled = 0
    for (let i = 0; i < 300; i++) {
      const ast = g.expr()
      const text = printSegment(ast)
      const r = compileSegment(text, store.conn.dialect, CTX)
      if (!r.ok) {
        // Random trees are well-typed; the only refusals are impossible windows or dates out of range.
        assertWellFormed(text, r.diagnostics)
        continue
      }
      compiled++
      assertNoUserValueInText(r.value.query, userStringsOf(ast))
      const rows = await store.conn.all<{ customer_id: string }>(r.value.query)
      expect(new Set(rows.map((x) => x.customer_id)).size).toBe(rows.length)
    }
    expect(compiled).toBeGreaterThan(250)
    expect(await fingerprint(store.conn)).toBe(before)
  })
})

describe('mutated and random input never crashes or hangs', () => {
  const SEEDS = [
    "rfm_segment IN ('At Risk', 'Cannot Lose Them') AND p_alive < 0.3",
    "city = '上海' AND gender = 'F' AND age BETWEEN 25 AND 35",
    "orders_count >= 3 AND last_order_at > -30d AND NOT category_purchased('母婴')",
    "event_count('search', within: 14d) >= 2 AND lifecycle = 'Repeat'",
    '(tag = \'vip\' OR in_segment("VIP")) AND NOT (spent(within: 1y) BETWEEN 1 AND 99)',
    "product_purchased('SKU', min_quantity: 2, within: 8w) AND signup_at >= 2024-03-05",
  ]
  const ALPHABET = [
    ...'()\'",:=<>!-_ .\\\n\t0123456789dwmyAaNnOoTtIi母婴上海（），：‘’“”😀',
    'AND',
    'OR',
    'NOT',
    'IN',
    'BETWEEN',
    'IS NULL',
    'CONTAINS',
    'today',
    '-30d',
    '90d',
  ]

  it('3000 mutations of valid definitions', async () => {
    const before = await fingerprint(store.conn)
    const g = new Generator(prng(99))
    const started = performance.now()
    let compiledCount = 0
    for (let i = 0; i < 3000; i++) {
      let text = g.pick(SEEDS)
      for (let m = 0, n = 1 + g.int(4); m < n; m++) {
        const at = g.int(text.length + 1)
        const op = g.int(4)
        if (op === 0) text = text.slice(0, at) + text.slice(at + 1 + g.int(3))
        else if (op === 1) text = text.slice(0, at) + g.pick(ALPHABET) + text.slice(at)
        else if (op === 2)
          text = text.slice(0, at) + text.slice(g.int(text.length), g.int(text.length)) + text.slice(at)
        else text = text.slice(0, at) + g.pick(PAYLOADS) + text.slice(at)
      }
      const q = everything(text)
      if (q && compiledCount < 200) {
        compiledCount++
        await store.conn.all(q)
      }
    }
    expect(performance.now() - started).toBeLessThan(60_000)
    expect(await fingerprint(store.conn)).toBe(before)
  })

  it('2000 random token soups', () => {
    const g = new Generator(prng(5))
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: g.int(30) }, () => g.pick(ALPHABET)).join(g.pick(['', ' ']))
      everything(text)
    }
  })

  it('deep nesting and long input are refused with a diagnostic, quickly', () => {
    for (const text of [
      '('.repeat(10_000) + 'x',
      'NOT '.repeat(10_000) + 'x',
      "x = '" + 'a'.repeat(50_000) + "'",
    ]) {
      const started = performance.now()
      const r = checkSegment(text)
      expect(r.ok).toBe(false)
      expect(performance.now() - started).toBeLessThan(500)
    }
    const flood = checkSegment('abcdefgh = 1 OR '.repeat(1240) + 'x = 1')
    expect(!flood.ok && flood.diagnostics.length).toBe(50)
    const wide = Array.from({ length: 500 }, (_, i) => `orders_count(within: ${i + 1}d) >= ${i}`).join(' OR ')
    expect(everything(wide)).not.toBeNull()
  })
})

describe('injection payloads are inert', () => {
  const STRING_POSITIONS = [
    'city = $',
    'city != $',
    'city IN ($, $)',
    'city CONTAINS $',
    'customer_id = $',
    'has_tag($)',
    'tag = $',
    'tag CONTAINS $',
    'tag NOT IN ($)',
    'in_segment($)',
    'category_purchased($, within: 30d)',
    'product_purchased($, min_quantity: 2)',
    'brand_purchased($)',
    'event_count($, within: 14d) >= 1',
    'channel_orders($) >= 1',
    'community_orders($) >= 1',
    'store_orders($) >= 1',
    'orders_count(channel: $) >= 1',
    'category_spent($) > 0',
    'signup_at > $',
    'rfm_segment = $',
  ]

  it('in every string position: bound as a parameter, matches nobody, store unchanged', async () => {
    const before = await fingerprint(store.conn)
    for (const payload of PAYLOADS) {
      const quoted = printLiteral({ kind: 'string', value: payload, span: { start: 0, end: 0 } })
      for (const position of STRING_POSITIONS) {
        const text = position.replaceAll('$', () => quoted)
        const r = compileSegment(text, store.conn.dialect, CTX)
        if (position.startsWith('rfm_segment') || position.startsWith('signup_at')) {
          expect(r.ok, text).toBe(false) // not a segment name / not a date: refused before any SQL exists
          continue
        }
        expect(r.ok, text).toBe(true)
        if (!r.ok) continue
        const { sql: sqlText, parameters } = store.conn.dialect.compile(r.value.query)
        if (payload.length > 2) expect(sqlText).not.toContain(payload)
        expect(parameters).toContain(payload)
        const rows = await store.conn.all(r.value.query)
        const negative = text.includes('!=') || text.includes('NOT IN')
        if (!negative) expect(rows, text).toEqual([])
      }
    }
    expect(await fingerprint(store.conn)).toBe(before)
  })

  it('in every identifier position: a diagnostic, never SQL', () => {
    const IDENT_POSITIONS = ['$ = 1', '$(1) > 0', 'orders_count($: 30d) > 1', '$', "has_tag('x', $)"]
    for (const payload of PAYLOADS) {
      for (const position of IDENT_POSITIONS) {
        const text = position.replaceAll('$', () => payload)
        const r = compileSegment(text, store.conn.dialect, CTX)
        expect(r.ok, text).toBe(false)
        if (!r.ok) assertWellFormed(text, r.diagnostics)
      }
    }
  })
})
