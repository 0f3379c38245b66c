import { describe, expect, it } from 'vitest'
import { CUSTOMER_SCORES } from '../../src/analytics/snapshot-tables.js'
import { clickhouseDialect, parameterType, sortingKey } from '../../src/sql/clickhouse/clickhouse-dialect.js'
import { ident, sql } from '../../src/sql/fragment.js'
import { CUSTOMERS, ORDERS, SETTINGS } from '../../src/store/schema.js'

const d = clickhouseDialect()

describe('clickhouse dialect (text)', () => {
  it('writes every value as a typed query parameter, never into the text', () => {
    const q = d.compile(sql`SELECT ${1} + ${2.5} AS x WHERE ${"it's"} = ${null} AND ${true} AND ${5n} > 0`)
    expect(q.sql).toBe(
      'SELECT {p1:Int64} + {p2:Float64} AS x WHERE {p3:String} = {p4:Nullable(String)} AND {p5:Bool} AND {p6:Int64} > 0',
    )
    expect(q.parameters).toEqual([1, 2.5, "it's", null, true, 5n])
    expect(parameterType(new Date(0))).toBe('String')
  })

  it('backquotes identifiers, escaping backquotes and backslashes', () => {
    expect(d.compile(sql`SELECT ${ident('t', 'we`ird\\')} FROM ${ident('客户')}`).sql).toBe(
      'SELECT `t`.`we\\`ird\\\\` FROM `客户`',
    )
  })

  it('orders customer tables by (customer_id, time) and declares NULL-able columns Nullable', () => {
    expect(sortingKey(ORDERS)).toEqual(['customer_id', 'ordered_at'])
    expect(sortingKey(CUSTOMERS)).toEqual(['customer_id'])
    expect(sortingKey(SETTINGS)).toEqual(['key'])
    expect(sortingKey(CUSTOMER_SCORES)).toEqual(['snapshot_id', 'customer_id'])
    const [ddl] = d.createTable(ORDERS).map((f) => d.compile(f).sql)
    expect(ddl).toContain('`order_id` String,')
    expect(ddl).toContain('`customer_id` Nullable(String),')
    expect(ddl).toContain('`amount` Decimal(18, 4),')
    expect(ddl).toContain('`ordered_at` DateTime64(0),')
    expect(ddl).toContain('ENGINE = MergeTree ORDER BY (`customer_id`, `ordered_at`)')
  })

  it('shards a cluster schema by cityHash64(customer_id) behind Distributed tables', () => {
    const onCluster = clickhouseDialect({ cluster: 'retail' })
    const [local, dist] = onCluster.createTable(ORDERS).map((f) => onCluster.compile(f).sql)
    expect(local).toMatch(/^CREATE TABLE IF NOT EXISTS `orders_local` ON CLUSTER `retail` \(/)
    expect(local).toContain('ENGINE = MergeTree ORDER BY (`customer_id`, `ordered_at`)')
    expect(dist).toBe(
      'CREATE TABLE IF NOT EXISTS `orders` ON CLUSTER `retail` AS `orders_local`\n' +
        'ENGINE = Distributed(`retail`, currentDatabase(), `orders_local`, cityHash64(`customer_id`))',
    )
    const [, settings] = onCluster.createTable(SETTINGS).map((f) => onCluster.compile(f).sql)
    expect(settings).toContain('`settings_local`, rand())')
    expect(() => clickhouseDialect({ cluster: "x'; DROP" })).toThrow(/cluster name/)
  })

  it('refuses a memory limit or quantile fraction it cannot write safely', () => {
    expect(() => d.limitMemory(10)).toThrow(/too small/)
    expect(() => d.quantileCont(sql`x`, 2)).toThrow(/not in \[0, 1\]/)
    expect(d.compile(d.limitMemory(1024)).sql).toBe(
      'SET max_memory_usage = 1073741824, max_bytes_before_external_group_by = 536870912, max_bytes_before_external_sort = 536870912',
    )
  })
})
