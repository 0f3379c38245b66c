import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { detectEncoding } from '../../src/ingest/read/detect-encoding.js'
import { openRecordSource } from '../../src/ingest/read/index.js'
import { open, readAll, streamFailure, tempDir } from './helpers.js'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

const CHINESE_CSV = '订单号,客户,金额\r\nA001,张三,¥1,234.50\r\nA002,欧阳娜娜,88元\r\n'.replace(
  '¥1,234.50',
  '"¥1,234.50"',
)

describe('encodings', () => {
  it('detects a GB18030 file (what Excel on Chinese Windows writes) without being told', async () => {
    const path = tmp.file('gbk.csv', iconv.encode(CHINESE_CSV, 'gb18030'))
    const src = await open(path)
    expect(src.encoding).toBe('gb18030')
    expect(src.columns).toEqual(['订单号', '客户', '金额'])
    const records = await readAll(src)
    expect(records.map((r) => r.values)).toEqual([
      { 订单号: 'A001', 客户: '张三', 金额: '¥1,234.50' },
      { 订单号: 'A002', 客户: '欧阳娜娜', 金额: '88元' },
    ])
  })

  it('reads it with --encoding gbk / gb18030 too, and reports the chosen name', async () => {
    const path = tmp.file('gbk2.csv', iconv.encode(CHINESE_CSV, 'gbk'))
    for (const encoding of ['gbk', 'GB18030', 'gb2312']) {
      const src = await open(path, { encoding })
      expect(src.encoding).toBe(encoding.toLowerCase())
      expect((await readAll(src))[1]!.values['客户']).toBe('欧阳娜娜')
    }
  })

  it('refuses an unknown encoding name, and bytes that are invalid in the chosen encoding', async () => {
    const path = tmp.file('gbk3.csv', iconv.encode(CHINESE_CSV, 'gb18030'))
    const unknown = await openRecordSource(path, { encoding: 'klingon-8' })
    expect(unknown.ok ? [] : unknown.diagnostics.map((d) => d.code)).toEqual(['ingest.read.unknown_encoding'])
    const wrong = await openRecordSource(path, { encoding: 'utf-8' })
    expect(wrong.ok ? [] : wrong.diagnostics).toEqual([
      { code: 'ingest.read.cannot_decode', at: { file: path, line: 1 }, params: { encoding: 'utf-8' } },
    ])
  })

  it('reads GBK text that carries a stray UTF-8 BOM as GB18030, without the BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(CHINESE_CSV, 'gb18030')])
    const src = await open(tmp.file('bom-gbk.csv', bytes))
    expect(src.encoding).toBe('gb18030')
    expect(src.columns[0]).toBe('订单号')
  })

  it('reads UTF-16 LE and BE files with a BOM', async () => {
    for (const [name, bom, enc] of [
      ['utf-16le', [0xff, 0xfe], 'utf-16le'],
      ['utf-16be', [0xfe, 0xff], 'utf-16be'],
    ] as const) {
      const body =
        enc === 'utf-16le'
          ? Buffer.from(CHINESE_CSV, 'utf16le')
          : Buffer.from(CHINESE_CSV, 'utf16le').swap16()
      const src = await open(tmp.file(`${name}.csv`, Buffer.concat([Buffer.from(bom), body])))
      expect(src.encoding).toBe(name)
      expect(src.columns).toEqual(['订单号', '客户', '金额'])
      expect((await readAll(src))[0]!.values['客户']).toBe('张三')
    }
  })

  it('does not mistake a character cut at the end of the detection sample for invalid UTF-8', () => {
    const text = Buffer.from('名'.repeat(1000), 'utf8')
    expect(detectEncoding(text.subarray(0, 3 * 500 + 1), false).name).toBe('utf-8')
    expect(detectEncoding(text.subarray(0, 3 * 500 + 2), false).name).toBe('utf-8')
    expect(detectEncoding(text.subarray(0, 3 * 500 + 1), true).name).toBe('gb18030')
  })

  it('reads a UTF-8 file larger than the detection sample with multibyte characters across every chunk edge', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `${i},客户${i}号,备注“${'中'.repeat(i % 7)}”`)
    const path = tmp.file('big-utf8.csv', `id,name,note\n${rows.join('\n')}\n`)
    const src = await open(path)
    expect(src.encoding).toBe('utf-8')
    const records = await readAll(src)
    expect(records.length).toBe(60_000)
    expect(records[59_999]!.values).toEqual({
      id: '59999',
      name: '客户59999号',
      note: `备注“${'中'.repeat(59_999 % 7)}”`,
    })
    expect(records[59_999]!.line).toBe(60_001)
  })

  it('stops with the line when invalid bytes appear after a clean UTF-8 start', async () => {
    const clean = `id,name\n${Array.from({ length: 80_000 }, (_, i) => `${i},name${i}`).join('\n')}\n`
    const path = tmp.file(
      'late-gbk.csv',
      Buffer.concat([Buffer.from(clean), iconv.encode('80000,张三\n', 'gbk')]),
    )
    const src = await open(path)
    expect(src.encoding).toBe('utf-8')
    const failure = await streamFailure(src)
    expect(failure.code).toBe('ingest.read.cannot_decode')
    expect(failure.at).toMatchObject({ line: 80_002 })
  })
})
