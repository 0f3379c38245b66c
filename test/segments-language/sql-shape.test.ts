import { describe, expect, it } from 'vitest'
import { CUSTOMER_SCORES } from '../../src/analytics/snapshot-tables.js'
import { compileSegment, segmentFields, segmentFunctions } from '../../src/segments/language/index.js'
import { duckdbDialect } from '../../src/sql/duckdb/duckdb-dialect.js'

function sqlOf(text: string, snapshotId: string | null = '7') {
  const r = compileSegment(text, duckdbDialect, { asOf: '2024-07-01', snapshotId })
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics))
  return duckdbDialect.compile(r.value.query)
}
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length

describe('compiled SQL shape', () => {
  it('three order leaves scan orders once, grouped by customer, filtered by the widest window', () => {
    const { sql, parameters } = sqlOf(
      'orders_count(within: 90d) >= 3 AND spent(within: 1y) > 100 AND NOT refunds_count(within: 30d) >= 1',
    )
    expect(count(sql, /\bFROM orders\b/g)).toBe(1)
    expect(count(sql, /\bJOIN orders\b/g)).toBe(0)
    expect(count(sql, /GROUP BY/g)).toBe(1)
    expect(count(sql, /FILTER \(WHERE/g)).toBe(3)
    // The scan starts at the earliest window (1 year), the leaves narrow it with FILTER.
    expect(parameters).toContain('2023-07-01 00:00:00')
    expect(parameters).toContain('2024-07-01 00:00:00')
    expect(sql).not.toMatch(/SELECT[^()]*\bFROM orders\b[^()]*\bWHERE\b[^()]*\bEXISTS\b/)
  })

  it('one scan per table, whatever the mix of leaves, and no correlated subqueries', () => {
    const { sql } = sqlOf(
      "category_purchased('母婴', within: 180d) AND brand_purchased('lego') OR product_purchased('SKU', min_quantity: 2) " +
        "AND event_count('search', within: 14d) >= 2 AND event_count('view') >= 1 AND has_tag('vip') AND tag != 'x' " +
        "AND in_segment('VIP') AND NOT in_segment('Lost') AND orders_count >= 1 AND spent > 0",
    )
    expect(count(sql, /\border_items\b/g)).toBe(1)
    expect(count(sql, /\bFROM events\b/g)).toBe(1)
    expect(count(sql, /\bFROM customer_tags\b/g)).toBe(1)
    expect(count(sql, /\bFROM segment_members\b/g)).toBe(1)
    // orders twice: its own scan, and joined to the item scan (items carry no customer)
    expect(count(sql, /\b(FROM|JOIN) orders\b/g)).toBe(2)
    expect(count(sql, /GROUP BY/g)).toBe(5)
    expect(count(sql, /\bEXISTS\b/g)).toBe(0)
  })

  it('in_segment compiles to the id when the saved segments are given, to an id-or-name match otherwise', () => {
    const given = compileSegment("in_segment('VIP')", duckdbDialect, {
      asOf: '2024-07-01',
      snapshotId: null,
      segments: [{ id: 'seg-1', name: 'VIP' }],
    })
    if (!given.ok) throw new Error('compile failed')
    const withIds = duckdbDialect.compile(given.value.query)
    expect(withIds.sql).not.toMatch(/\bsegments\b/)
    expect(withIds.parameters).toContain('seg-1')
    expect(sqlOf("in_segment('VIP')").sql).toMatch(/LEFT JOIN segments g/)
  })

  it("record conditions narrow the scans; the candidates' orders are read once for orders and items", () => {
    const { sql } = sqlOf(
      "city = '上海' AND orders_count(within: 90d) >= 2 AND category_purchased('母婴', within: 180d)",
    )
    expect(sql).toMatch(/^WITH candidates AS/)
    expect(count(sql, /\b(FROM|JOIN) orders\b/g)).toBe(1)
    expect(count(sql, /FROM candidate_orders o/g)).toBe(2)
  })

  it('reads no behaviour table a definition does not use, and no snapshot without one', () => {
    const { sql } = sqlOf("city = '上海' AND age > 30", null)
    expect(sql).not.toMatch(/orders|events|customer_tags|segment_members|customer_scores/)
  })
})

describe('field catalog', () => {
  it('has every customer_scores column (derived from the table definition) except keys', () => {
    const names = new Set(segmentFields().map((f) => f.name))
    for (const c of CUSTOMER_SCORES.columns) {
      if (c.name === 'snapshot_id' || c.name === 'customer_id') continue
      expect(names.has(c.name), c.name).toBe(true)
    }
  })

  it('never exposes contact details or names', () => {
    const names = segmentFields().map((f) => f.name)
    for (const pii of ['email', 'phone', 'name', 'birth_date', 'attributes']) expect(names).not.toContain(pii)
  })

  it('describes every field and function in three languages, and lists enum values', () => {
    for (const item of [...segmentFields(), ...segmentFunctions()])
      for (const lang of ['en', 'zh-CN', 'zh-TW'] as const)
        expect(item.description[lang], item.name).toMatch(/\S/)
    expect(segmentFields().find((f) => f.name === 'lifecycle')?.values).toEqual([
      'Prospect',
      'New',
      'Repeat',
      'Loyal',
      'At-risk',
      'Churned',
    ])
    expect(segmentFields().find((f) => f.name === 'city')?.aliases).toContain('城市')
  })
})
