import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRecordSource } from '../../src/ingest/read/index.js'
import { open, readAll, tempDir } from './helpers.js'

const tmp = tempDir()
let path: string

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook()
  const notes = workbook.addWorksheet('说明')
  notes.addRow(['this sheet is not data'])
  const members = workbook.addWorksheet('会员')
  members.addRow(['会员号', ' 姓名 ', '注册时间', '消费金额', '同意营销', '备注', '合计'])
  // Excel keeps date-times as serials; exceljs hands them over as Dates whose UTC fields are the wall clock.
  members.addRow([
    'M001',
    '张三',
    new Date(Date.UTC(2024, 2, 5, 14, 3, 0)),
    1234.5,
    true,
    null,
    { formula: 'D2*2', result: 2469 },
  ])
  members.addRow([])
  members.addRow([
    'M002',
    { richText: [{ text: '李' }, { text: '四', font: { bold: true } }] },
    45356.585416667,
    '¥88',
    false,
    { text: '主页', hyperlink: 'https://example.com' },
    { formula: '1/0', result: { error: '#DIV/0!' } },
  ])
  members.getCell('C4').numFmt = 'yyyy-mm-dd hh:mm'
  path = `${tmp.dir}/members.xlsx`
  await workbook.xlsx.writeFile(path)
})
afterAll(() => tmp.cleanup())

describe('XLSX sources (exceljs)', () => {
  it('reads the first sheet unless one is named', async () => {
    const first = await open(path)
    expect(first.columns).toEqual(['this sheet is not data'])
    const src = await open(path, { sheet: '会员' })
    expect(src.format).toBe('xlsx')
    expect(src.columns).toEqual(['会员号', '姓名', '注册时间', '消费金额', '同意营销', '备注', '合计'])
  })

  it('gives cell values with the sheet row number, dates as wall-clock text without a zone shift', async () => {
    const records = await readAll(await open(path, { sheet: '会员' }))
    expect(records.map((r) => r.line)).toEqual([2, 4])
    expect(records[0]!.values).toEqual({
      会员号: 'M001',
      姓名: '张三',
      注册时间: '2024-03-05 14:03:00',
      消费金额: 1234.5,
      同意营销: true,
      备注: null,
      合计: 2469,
    })
    expect(records[1]!.values).toEqual({
      会员号: 'M002',
      姓名: '李四',
      注册时间: '2024-03-05 14:03:00',
      消费金额: '¥88',
      同意营销: false,
      备注: '主页',
      合计: '#DIV/0!',
    })
    expect(JSON.parse(records[0]!.raw)).toEqual(records[0]!.values)
  })

  it('names the sheets there are when the requested one is missing', async () => {
    const r = await openRecordSource(path, { sheet: 'Orders' })
    expect(r.ok ? [] : r.diagnostics).toMatchObject([
      { code: 'ingest.read.xlsx_no_sheet', params: { sheet: 'Orders', sheets: '说明, 会员' } },
    ])
  })
})
