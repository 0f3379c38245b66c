import { describe, expect, it } from 'vitest'
import { maskPii, maskValue } from '../../src/server/auth/masking.js'

describe('PII masking', () => {
  it('keeps the shape of each value and nothing that identifies the person', () => {
    expect(maskValue('email', 'zhang.wei@example.com')).toBe('z***@example.com')
    expect(maskValue('phone', '13800138000')).toBe('138****8000')
    expect(maskValue('phone', '+86 138-0013-8000')).toBe('+861****8000')
    expect(maskValue('phone', '12345')).toBe('****')
    expect(maskValue('name', '张伟')).toBe('张*')
  })

  it('masks customer records for viewers only', () => {
    const record = {
      customer_id: 'demo:1',
      email: 'a@b.cn',
      phone: '+8613800138000',
      name: 'Li Lei',
      city: '上海',
    }
    const viewer = maskPii(record, { id: 'u', kind: 'user', role: 'viewer' } as never)
    expect(viewer).toEqual({
      customer_id: 'demo:1',
      email: 'a***@b.cn',
      phone: '+861****8000',
      name: 'L*****',
      city: '上海',
    })
    expect(maskPii(record, { id: 'u', kind: 'user', role: 'analyst' } as never)).toEqual(record)
  })
})
