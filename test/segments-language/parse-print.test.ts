import { describe, expect, it } from 'vitest'
import {
  checkSegment,
  parseSegment,
  printSegment,
  type SegmentExpr,
} from '../../src/segments/language/index.js'
import { stripSpans } from './strip-spans.js'

const tree = (text: string): SegmentExpr => {
  const r = parseSegment(text)
  if (!r.ast) throw new Error(JSON.stringify(r.diagnostics))
  return r.ast
}

describe('parser', () => {
  it('builds the tree with spans (0-based offsets, end exclusive)', () => {
    const text = "city = '上海' AND orders_count(within: 90d) >= 3"
    expect(tree(text)).toEqual({
      kind: 'and',
      span: { start: 0, end: text.length },
      items: [
        {
          kind: 'compare',
          op: '=',
          span: { start: 0, end: 11 },
          left: { kind: 'field', name: 'city', span: { start: 0, end: 4 } },
          right: { kind: 'string', value: '上海', span: { start: 7, end: 11 } },
        },
        {
          kind: 'compare',
          op: '>=',
          span: { start: 16, end: text.length },
          left: {
            kind: 'call',
            name: 'orders_count',
            args: [],
            named: [
              {
                name: 'within',
                value: { kind: 'duration', amount: 90, unit: 'd', span: { start: 37, end: 40 } },
                span: { start: 29, end: 40 },
              },
            ],
            span: { start: 16, end: 41 },
          },
          right: { kind: 'number', value: 3, span: { start: 45, end: 46 } },
        },
      ],
    })
  })

  it('reads every literal form', () => {
    const text =
      'x IN (\'a\\\'b\', "c\\"d", ‘引’, “号”, 3, -2.5, true, FALSE, 2024-3-5, -30d, -8w, -6m, -1y, today, 90d)'
    const e = stripSpans(tree(text)) as { values: unknown[] }
    expect(e.values).toEqual([
      { kind: 'string', value: "a'b" },
      { kind: 'string', value: 'c"d' },
      { kind: 'string', value: '引' },
      { kind: 'string', value: '号' },
      { kind: 'number', value: 3 },
      { kind: 'number', value: -2.5 },
      { kind: 'boolean', value: true },
      { kind: 'boolean', value: false },
      { kind: 'date', value: '2024-03-05' },
      { kind: 'relative', amount: 30, unit: 'd' },
      { kind: 'relative', amount: 8, unit: 'w' },
      { kind: 'relative', amount: 6, unit: 'm' },
      { kind: 'relative', amount: 1, unit: 'y' },
      { kind: 'today' },
      { kind: 'duration', amount: 90, unit: 'd' },
    ])
  })

  it('accepts case-insensitive keywords, <>, full-width punctuation and Chinese identifiers', () => {
    expect(printSegment(tree("city <> '上海' and not x is not null or y not in ('a')"))).toBe(
      "city != '上海' AND NOT x IS NOT NULL OR y NOT IN ('a')",
    )
    expect(printSegment(tree("category_purchased（'母婴'，within：180d）"))).toBe(
      "category_purchased('母婴', within: 180d)",
    )
    expect(printSegment(tree("城市 = '上海'"))).toBe("城市 = '上海'")
  })

  it('keeps AND/OR n-ary and nests only where the text had parentheses', () => {
    expect(stripSpans(tree('a AND b AND c'))).toMatchObject({ kind: 'and', items: [{}, {}, {}] })
    expect(stripSpans(tree('(a AND b) AND c'))).toMatchObject({ kind: 'and', items: [{ kind: 'and' }, {}] })
    expect(stripSpans(tree('a OR b AND c'))).toMatchObject({
      kind: 'or',
      items: [{ kind: 'test' }, { kind: 'and' }],
    })
    expect(stripSpans(tree('NOT a AND b'))).toMatchObject({ kind: 'and', items: [{ kind: 'not' }, {}] })
  })

  it('reads NOT BETWEEN / NOT CONTAINS as NOT around the predicate, and +7d as after the as-of date', () => {
    expect(printSegment(tree('age NOT BETWEEN 20 AND 30'))).toBe('NOT age BETWEEN 20 AND 30')
    expect(printSegment(tree("city not contains '市'"))).toBe("NOT city CONTAINS '市'")
    expect(stripSpans(tree('expected_next_order_at <= +7d'))).toMatchObject({
      right: { kind: 'relative', amount: -7, unit: 'd' },
    })
    expect(printSegment(tree('expected_next_order_at <= +7d'))).toBe('expected_next_order_at <= +7d')
  })

  it('parses BETWEEN … AND … inside a conjunction', () => {
    expect(printSegment(tree('age BETWEEN 25 AND 35 AND city = "上海"'))).toBe(
      "age BETWEEN 25 AND 35 AND city = '上海'",
    )
  })
})

describe('printer', () => {
  const samples = [
    "rfm_segment IN ('At Risk', 'Cannot Lose Them') AND p_alive < 0.3",
    "city = '上海' AND gender = 'F' AND age BETWEEN 25 AND 35",
    "orders_count >= 3 AND last_order_at > -30d AND NOT category_purchased('母婴')",
    "event_count('search', within: 14d) >= 2 AND lifecycle = 'Repeat'",
    '(a OR b) AND NOT (c AND d) OR ((e OR f) OR g)',
    'NOT NOT NOT x',
    "x = 'it\\'s \\\\ a \\n test' OR y = 0.0000001 OR z = -0 OR w = 12345678901234",
    "product_purchased('SKU', min_quantity: 2) AND in_segment('VIP') AND has_tag('母婴达人')",
    "tag IS NULL OR tag CONTAINS 'x'",
  ]
  for (const text of samples) {
    it(`round-trips and is idempotent: ${text}`, () => {
      const ast = tree(text)
      const printed = printSegment(ast)
      expect(stripSpans(tree(printed))).toEqual(stripSpans(ast))
      expect(printSegment(tree(printed))).toBe(printed)
    })
  }

  it('checkSegment gives names in the catalog spelling, keeping Chinese aliases', () => {
    const r = checkSegment(
      "ORDERS_COUNT(WITHIN: 90D) >= 3 AND City = '上海' AND 城市 != '北京' AND 订单数 > 1",
    )
    expect(r.ok && r.value.canonical).toBe(
      "orders_count(within: 90d) >= 3 AND city = '上海' AND 城市 != '北京' AND 订单数 > 1",
    )
    if (r.ok) expect(stripSpans(tree(r.value.canonical))).toEqual(stripSpans(r.value.ast))
  })

  it('writes canonical text', () => {
    expect(printSegment(tree("ORDERS_COUNT(WITHIN:90D)>=3 aNd city='上海'"))).toBe(
      "ORDERS_COUNT(WITHIN: 90d) >= 3 AND city = '上海'",
    )
    expect(printSegment(tree('x = "a\'b"'))).toBe("x = 'a\\'b'")
  })
})
