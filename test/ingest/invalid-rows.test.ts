import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { renderDiagnostic } from '../../src/core/diagnostics.js'
import { raw } from '../../src/sql/fragment.js'
import { DATA_TABLES, dumpStore, fixture, importFixture, importWith, storePerTest } from './helpers.js'

const store = storePerTest()

describe('a file with bad rows', () => {
  it('is rejected whole by default: every bad row reported with file, line, column, value; the store unchanged', async () => {
    await importFixture(store.conn, 'orders', 'orders-part1.csv', { source: 'shop' })
    const before = await dumpStore(store.conn, DATA_TABLES)
    const file = fixture('orders-bad.csv')
    const r = await importWith(store.conn, { kind: 'orders', file, source: 'shop' })
    expect(r.status).toBe('rejected')
    expect(r.problems.map((p) => [p.code, p.at?.line, p.at?.column, p.at?.field, p.at?.value])).toEqual([
      ['ingest.parse.date_invalid', 3, 3, 'ordered_at', '2024-13-45 10:00:00'],
      ['ingest.parse.amount_invalid', 4, 4, 'amount', 'abc'],
      ['ingest.parse.email_invalid', 5, 5, 'email', 'not-an-email'],
      ['ingest.row.missing_value', 7, 3, 'ordered_at', ''],
    ])
    expect(r.problems.every((p) => p.at?.file === file)).toBe(true)
    expect(r.report.rows).toEqual({ read: 6, imported: 0, unchanged: 0, rejected: 4 })
    expect(await dumpStore(store.conn, DATA_TABLES)).toEqual(before)
    // the rejected import is still on record, with its report
    const row = await store.conn.one<{ status: string; rows_rejected: number; report: string }>(
      raw(
        `SELECT status, rows_rejected, CAST(report AS VARCHAR) AS report FROM imports WHERE import_id = '${r.importId}'`,
      ),
    )
    expect(row).toMatchObject({ status: 'rejected', rows_rejected: 4 })
    expect(JSON.parse(row!.report).problems).toHaveLength(4)
    // localised reasons
    const zh = renderDiagnostic(r.problems[1]!, 'zh-CN')
    expect(zh).toContain(`${file}:4:4 [amount]`)
    expect(zh).toMatch(/[\u4e00-\u9fff]/)
    expect(renderDiagnostic(r.problems[1]!, 'zh-TW')).not.toBe(zh)
  })

  it('--skip-invalid imports the good rows and writes the bad ones unchanged, header first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-rejects-'))
    const file = join(dir, 'orders-bad.csv')
    copyFileSync(fixture('orders-bad.csv'), file)
    const r = await importWith(store.conn, { kind: 'orders', file, skipInvalid: true })
    expect(r.status).toBe('imported')
    expect(r.report.rows).toEqual({ read: 6, imported: 2, unchanged: 0, rejected: 4 })
    const rejectsPath = join(dir, 'orders-bad.rejects.csv')
    expect(r.report.rejects).toEqual({ file: rejectsPath, rows: 4 })
    const original = readFileSync(file, 'utf8').split('\n')
    expect(readFileSync(rejectsPath, 'utf8')).toBe(
      [original[0], original[2], original[3], original[4], original[6], ''].join('\n'),
    )
    const ids = await store.conn.all(raw('SELECT order_id FROM orders ORDER BY order_id'))
    expect(ids).toEqual([{ order_id: 'B1' }, { order_id: 'B5' }])
  })

  it('keeps the encoding of a GB18030 file in its rejects file, and --rejects chooses where it goes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-rejects-'))
    const text = '订单号,会员ID,下单时间,实付金额\nX1,M1,2024/3/1 10:05,¥10.00\nX2,M2,不是日期,¥20.00\n'
    const file = join(dir, 'cn.csv')
    const out = join(dir, 'bad-rows.csv')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, iconv.encode(text, 'gb18030'))
    const r = await importWith(store.conn, { kind: 'orders', file, skipInvalid: true, rejectsPath: out })
    expect(r.report.rejects).toEqual({ file: out, rows: 1 })
    expect(iconv.decode(readFileSync(out), 'gb18030')).toBe(
      '订单号,会员ID,下单时间,实付金额\nX2,M2,不是日期,¥20.00\n',
    )
    expect(
      readFileSync(out).equals(
        iconv.encode('订单号,会员ID,下单时间,实付金额\nX2,M2,不是日期,¥20.00\n', 'gb18030'),
      ),
    ).toBe(true)
  })

  it('a bad item row takes its whole order out (an order is stored whole or not at all)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-rejects-'))
    const file = join(dir, 'items.csv')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(
      file,
      [
        'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
        '1,A,a,1,2011-01-01 10:00:00,1.00,7,UK',
        '2,B,b,1,2011-01-01 11:00:00,2.00,8,UK',
        '1,C,c,abc,2011-01-01 10:00:00,3.00,7,UK',
        '1,D,d,1,2011-01-01 10:00:00,4.00,7,UK',
        '',
      ].join('\n'),
    )
    const r = await importWith(store.conn, { kind: 'orders', file, preset: 'line-items', skipInvalid: true })
    expect(r.report.rows).toEqual({ read: 4, imported: 1, unchanged: 0, rejected: 3 })
    expect(r.problems.map((p) => [p.at?.line, p.code])).toEqual([
      [2, 'ingest.row.order_rejected'],
      [4, 'ingest.parse.quantity_invalid'],
      [5, 'ingest.row.order_rejected'],
    ])
    expect(readFileSync(join(dir, 'items.rejects.csv'), 'utf8').split('\n').slice(1, 4)).toEqual([
      '1,A,a,1,2011-01-01 10:00:00,1.00,7,UK',
      '1,C,c,abc,2011-01-01 10:00:00,3.00,7,UK',
      '1,D,d,1,2011-01-01 10:00:00,4.00,7,UK',
    ])
    expect(await store.conn.all(raw('SELECT order_id FROM orders'))).toEqual([{ order_id: '2' }])
    expect(await store.conn.all(raw('SELECT order_id FROM order_items'))).toEqual([{ order_id: '2' }])
  })
})
