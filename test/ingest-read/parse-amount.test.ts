import { describe, expect, it } from 'vitest'
import { parseAmount } from '../../src/ingest/parse/index.js'

describe('parseAmount', () => {
  it.each([
    ['¥1,234.50', '1234.50', 'CNY'],
    ['￥1234.5', '1234.5', 'CNY'],
    ['RMB 88', '88', 'CNY'],
    ['CN¥12', '12', 'CNY'],
    ['88元', '88', 'CNY'],
    ['88.00 人民币', '88.00', 'CNY'],
    ['$1,234.50', '1234.50', 'USD'],
    ['US$ 1,000', '1000', 'USD'],
    ['HK$ 20', '20', 'HKD'],
    ['NT$1,200', '1200', 'TWD'],
    ['1.234,50 €', '1234.50', 'EUR'],
    ['€-5', '-5', 'EUR'],
    ['100 usd', '100', 'USD'],
    ['1 234,50', '1234.50', undefined],
    ["1'234.50", '1234.50', undefined],
    ['1.234.567,89', '1234567.89', undefined],
    ['12,5', '12.5', undefined],
    ['1,234', '1234', undefined],
    ['(12.00)', '-12.00', undefined],
    ['-12', '-12', undefined],
    ['12-', '-12', undefined],
    ['−3.2', '-3.2', undefined],
    ['１２３', '123', undefined],
    ['０．５', '0.5', undefined],
    ['.5', '0.5', undefined],
    ['007.10', '7.10', undefined],
    ['-0.00', '0.00', undefined],
    ['0.0001', '0.0001', undefined],
  ])('reads %s exactly as %s (%s)', (text, amount, currency) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: currency ? { amount, currency } : { amount } })
  })

  it('reads with the decimal mark it is told', () => {
    expect(parseAmount('1,234', { decimal: ',' })).toEqual({ ok: true, value: { amount: '1.234' } })
    expect(parseAmount('1.234', { decimal: ',' })).toEqual({ ok: true, value: { amount: '1234' } })
    expect(parseAmount('12,50', { decimal: ',' })).toEqual({ ok: true, value: { amount: '12.50' } })
  })

  it('takes numbers from typed files without float noise', () => {
    expect(parseAmount(36.900000000000006)).toEqual({ ok: true, value: { amount: '36.9' } })
    expect(parseAmount(0.1 + 0.2)).toEqual({ ok: true, value: { amount: '0.3' } })
    expect(parseAmount(-3.2)).toEqual({ ok: true, value: { amount: '-3.2' } })
    expect(parseAmount(1234)).toEqual({ ok: true, value: { amount: '1234' } })
  })

  it('refuses more than 4 decimals instead of rounding', () => {
    expect(parseAmount('12.34567')).toEqual({
      ok: false,
      code: 'ingest.parse.amount_too_many_decimals',
      params: { text: '12.34567', max: 4 },
    })
    expect(parseAmount(1.23456)).toMatchObject({ ok: false, code: 'ingest.parse.amount_too_many_decimals' })
  })

  it.each(['abc', '12 34', '1,23,456', '$5 €', '--5', '(-5)', '1e5', '12.3.4', 'N/A', '¥', true])(
    'refuses %s with a reason',
    (text) => {
      expect(parseAmount(text)).toMatchObject({ ok: false, code: 'ingest.parse.amount_invalid' })
    },
  )

  it('refuses amounts too large for the store and blank cells', () => {
    expect(parseAmount('123456789012345')).toMatchObject({ ok: false, code: 'ingest.parse.amount_too_large' })
    expect(parseAmount('')).toEqual({ ok: false, code: 'ingest.parse.empty' })
    expect(parseAmount(null)).toEqual({ ok: false, code: 'ingest.parse.empty' })
  })
})
