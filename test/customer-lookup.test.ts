import { describe, expect, it } from 'vitest'
import { sql } from '../src/sql/index.js'
import { openStore, resolveCustomerId } from '../src/store/index.js'

describe('resolveCustomerId', () => {
  it('accepts the canonical id, a source id or an email, and refuses an id two customers share', async () => {
    const store = await openStore(':memory:')
    const { conn } = store
    await conn.run(sql`INSERT INTO customers (customer_id) VALUES ('shop:17850'), ('crm:17850'), ('shop:1')`)
    await conn.run(sql`
      INSERT INTO customer_identities (customer_id, kind, source, value) VALUES
        ('shop:17850', 'source_id', 'shop', '17850'), ('crm:17850', 'source_id', 'crm', '17850'),
        ('shop:1', 'source_id', 'shop', '1'), ('shop:1', 'email', '', 'li.na@example.cn')`)
    expect(await resolveCustomerId(conn, 'shop:1')).toBe('shop:1')
    expect(await resolveCustomerId(conn, '1')).toBe('shop:1')
    expect(await resolveCustomerId(conn, ' Li.Na@Example.cn ')).toBe('shop:1')
    expect(await resolveCustomerId(conn, 'nobody')).toBe('nobody')
    await expect(resolveCustomerId(conn, '17850')).rejects.toMatchObject({
      diagnostic: { code: 'store.customer_ambiguous', params: { candidates: 'crm:17850, shop:17850' } },
    })
    await store.close()
  })
})
