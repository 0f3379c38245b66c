import { describe, expect, it } from 'vitest'
import type { RawRecord } from '../../src/ingest/read/types.js'
import { open, UCI } from './helpers.js'

describe('the real UCI Online Retail export (45 MB CSV, gzipped)', () => {
  it('streams all 541,909 records with the right values and line numbers', async () => {
    const src = await open(UCI)
    expect(src).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',' })
    expect(src.columns).toEqual([
      'InvoiceNo',
      'StockCode',
      'Description',
      'Quantity',
      'InvoiceDate',
      'UnitPrice',
      'CustomerID',
      'Country',
    ])
    let n = 0
    let first: RawRecord | undefined
    let last: RawRecord | undefined
    let lineOk = true
    let errors = 0
    let noCustomer = 0
    let progress = 0
    const started = performance.now()
    for await (const r of src.records((b) => {
      progress = b
    })) {
      n++
      if (n === 1) first = r
      last = r
      // no quoted line breaks in this file: record k sits on line k + 1
      if (r.line !== n + 1) lineOk = false
      if (r.error) errors++
      if (r.values['CustomerID'] === '') noCustomer++
    }
    const seconds = (performance.now() - started) / 1000
    console.log(`UCI: ${n} records in ${seconds.toFixed(2)} s = ${Math.round(n / seconds)} records/s`)
    expect(n).toBe(541_909)
    expect(lineOk).toBe(true)
    expect(errors).toBe(0)
    expect(noCustomer).toBe(135_080)
    expect(progress).toBe(src.sizeBytes)
    expect(first).toEqual({
      line: 2,
      values: {
        InvoiceNo: '536365',
        StockCode: '85123A',
        Description: 'WHITE HANGING HEART T-LIGHT HOLDER',
        Quantity: '6',
        InvoiceDate: '2010-12-01 08:26:00',
        UnitPrice: '2.55',
        CustomerID: '17850',
        Country: 'United Kingdom',
      },
      raw: '"536365","85123A","WHITE HANGING HEART T-LIGHT HOLDER",6,"2010-12-01 08:26:00",2.55,17850,"United Kingdom"',
    })
    expect(last).toMatchObject({ line: 541_910, values: { InvoiceNo: '581587', Country: 'France' } })
  })
})
