import { describe, expect, it } from 'vitest'
import { parseMapOption, resolveMapping } from '../../src/ingest/mapping.js'
import { PRESETS } from '../../src/ingest/presets/index.js'
import { closest } from '../../src/ingest/suggest.js'

const generic = PRESETS['generic']!

function columnsOf(result: ReturnType<typeof resolveMapping>) {
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return Object.fromEntries([...result.value].map(([field, m]) => [field, `${m.column}@${m.index}`]))
}

describe('--map parsing', () => {
  it('reads field=column pairs, with quoted column names', () => {
    const r = parseMapOption('order_id=订单号, amount="Total, incl. tax" ,customer_id=会员ID')
    expect(r).toEqual({
      ok: true,
      value: [
        ['order_id', '订单号'],
        ['amount', 'Total, incl. tax'],
        ['customer_id', '会员ID'],
      ],
    })
  })
  it('reports a pair without =', () => {
    const r = parseMapOption('order_id')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('ingest.map.bad_pair')
  })
})

describe('column resolution', () => {
  it('recognises canonical names, spacing/case variants and Chinese headers without a map', () => {
    const cols = ['订单编号', '会员ID', '下单时间', '实付金额', '手机号', '邮箱', '城市', 'Order Status']
    expect(columnsOf(resolveMapping('orders', generic, cols, []))).toEqual({
      order_id: '订单编号@1',
      customer_id: '会员ID@2',
      ordered_at: '下单时间@3',
      amount: '实付金额@4',
      phone: '手机号@5',
      email: '邮箱@6',
      city: '城市@7',
      status: 'Order Status@8',
    })
    expect(
      columnsOf(resolveMapping('orders', generic, ['Order ID', 'CustomerID', 'Order Date', 'Total'], [])),
    ).toEqual({
      order_id: 'Order ID@1',
      customer_id: 'CustomerID@2',
      ordered_at: 'Order Date@3',
      amount: 'Total@4',
    })
  })

  it('lets --map win over aliases', () => {
    const cols = ['单号', 'amount', 'paid', 'when']
    const r = resolveMapping('orders', generic, cols, [
      ['order_id', '单号'],
      ['amount', 'paid'],
      ['ordered_at', 'when'],
    ])
    expect(columnsOf(r)).toMatchObject({ order_id: '单号@1', amount: 'paid@3', ordered_at: 'when@4' })
  })

  it('says "did you mean" for an unknown column and an unknown field', () => {
    const r = resolveMapping(
      'orders',
      generic,
      ['InvoiceNo', 'InvoiceDate', 'Amount'],
      [
        ['order_id', 'InvoicNo'],
        ['custmer_id', 'InvoiceNo'],
      ],
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.diagnostics.map((d) => [d.code, d.params?.['suggestion']])).toEqual([
      ['ingest.map.unknown_column_suggest', 'InvoiceNo'],
      ['ingest.map.unknown_field_suggest', 'customer_id'],
    ])
  })

  it('names a required field that no column gives', () => {
    const r = resolveMapping('orders', generic, ['order_id', 'amount'], [])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ params: { field: 'ordered_at' } })
  })

  it('presets read their own export headers', () => {
    const cols = [
      'Name',
      'Email',
      'Financial Status',
      'Paid at',
      'Created at',
      'Total',
      'Lineitem quantity',
      'Lineitem price',
    ]
    expect(columnsOf(resolveMapping('orders', PRESETS['shopify']!, cols, []))).toMatchObject({
      order_id: 'Name@1',
      email: 'Email@2',
      ordered_at: 'Created at@5',
      amount: 'Total@6',
      quantity: 'Lineitem quantity@7',
      unit_price: 'Lineitem price@8',
    })
  })

  it('suggests close names only', () => {
    expect(closest('custmer_id', ['CustomerID', 'Country'])).toBe('CustomerID')
    expect(closest('zzz', ['CustomerID', 'Country'])).toBeUndefined()
  })
})
