import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/program.js'
import { EXIT } from '../../src/core/diagnostics.js'
import { missingTranslations } from '../../src/i18n/translate.js'
import { fixture } from './helpers.js'

function sink() {
  let text = ''
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk)
      done()
    },
  })
  return { stream, text: () => text }
}

async function strata(args: string[]) {
  const out = sink()
  const err = sink()
  const code = await runCli(
    args,
    { STRATA_LANG: 'en' },
    { out: out.stream as never, err: err.stream as never, now: () => new Date('2026-11-23T10:00:00Z') },
  )
  return { code, out: out.text(), err: err.text() }
}

const db = () => join(mkdtempSync(join(tmpdir(), 'strata-cli-')), 'store.duckdb')

describe('strata import', () => {
  it('--json gives the data-quality report as JSON', async () => {
    const r = await strata([
      '--db',
      db(),
      'import',
      'orders',
      fixture('line-items-small.csv'),
      '--preset',
      'line-items',
      '--json',
    ])
    expect(r.code).toBe(EXIT.OK)
    const report = JSON.parse(r.out)
    expect(report).toMatchObject({
      ok: true,
      status: 'imported',
      source: 'line-items',
      rows: { read: 8, imported: 8 },
    })
    expect(report.guestOrders.orders).toBe(1)
  })

  it('prints a readable report in the chosen language', async () => {
    const r = await strata([
      '--db',
      db(),
      '--lang',
      'zh-CN',
      'import',
      'orders',
      fixture('generic-orders.csv'),
      '--source',
      'shop',
    ])
    expect(r.code).toBe(EXIT.OK)
    expect(r.out).toContain('已导入 orders')
    expect(r.out).toContain('游客订单')
    const tw = await strata([
      '--db',
      db(),
      '--lang',
      'zh-TW',
      'import',
      'orders',
      fixture('generic-orders.csv'),
    ])
    expect(tw.out).toContain('訪客訂單')
  })

  it('a file with invalid rows exits with EXIT.DATA and lists every bad row', async () => {
    const r = await strata(['--db', db(), 'import', 'orders', fixture('orders-bad.csv')])
    expect(r.code).toBe(EXIT.DATA)
    expect(r.err).toContain('orders-bad.csv:3:3 [ordered_at]')
    expect(r.err).toContain('orders-bad.csv:4:4 [amount]')
    expect(r.err).toContain('orders-bad.csv:5:5 [email]')
    expect(r.err).toContain('orders-bad.csv:7:3 [ordered_at]')
    const json = await strata(['--db', db(), 'import', 'orders', fixture('orders-bad.csv'), '--json'])
    expect(json.code).toBe(EXIT.DATA)
    const parsed = JSON.parse(json.out)
    expect(parsed.ok).toBe(false)
    expect(parsed.diagnostics[0].params.report.problems).toHaveLength(4)
  })

  it('a --map naming a missing column exits with EXIT.USAGE and suggests the right one', async () => {
    const r = await strata([
      '--db',
      db(),
      'import',
      'orders',
      fixture('orders-part1.csv'),
      '--map',
      'amount=amout',
    ])
    expect(r.code).toBe(EXIT.USAGE)
    expect(r.err).toContain('Did you mean "amount"?')
  })

  it('recognises a known export read with the wrong preset', async () => {
    const r = await strata(['--db', db(), 'import', 'orders', fixture('shopify-orders.csv')])
    expect(r.code).toBe(EXIT.USAGE)
    expect(r.err).toContain('try --preset shopify')
  })

  it('a missing file exits with EXIT.NOT_FOUND', async () => {
    const r = await strata(['--db', db(), 'import', 'orders', '/nonexistent/orders.csv'])
    expect(r.code).toBe(EXIT.NOT_FOUND)
  })

  it('has every message in en, zh-CN and zh-TW', () => {
    expect(
      missingTranslations().filter((m) => m.key.startsWith('ingest.') || m.key.startsWith('cli.import')),
    ).toEqual([])
  })
})
