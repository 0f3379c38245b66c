import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  hashedEmail,
  hashedPhone,
  normaliseEmailForAds,
  normalisePhoneForAds,
  sha256Hex,
} from '../../src/strategy/index.js'

describe('normalisation for ad platforms', () => {
  it('emails: trimmed, lower-cased, full-width @ folded; not an email → null', () => {
    expect(normaliseEmailForAds('  Li.Wei@Example.COM ')).toBe('li.wei@example.com')
    expect(normaliseEmailForAds('ＬＩ＠example.com')).toBe('li@example.com')
    expect(normaliseEmailForAds('not-an-email')).toBeNull()
    expect(normaliseEmailForAds('')).toBeNull()
    expect(normaliseEmailForAds(null)).toBeNull()
  })

  it('the Gmail rule is off by default and folds dots and +tags when on', () => {
    expect(normaliseEmailForAds('Zhang.San+ads@Gmail.com')).toBe('zhang.san+ads@gmail.com')
    expect(normaliseEmailForAds('Zhang.San+ads@Gmail.com', { gmailDots: true })).toBe('zhangsan@gmail.com')
    expect(normaliseEmailForAds('z.s@googlemail.com', { gmailDots: true })).toBe('zs@gmail.com')
    expect(normaliseEmailForAds('li.wei@example.com', { gmailDots: true })).toBe('li.wei@example.com')
  })

  it('phones: E.164 with +86 by default; spaces, dashes and brackets dropped', () => {
    expect(normalisePhoneForAds('138-0013-8000')).toBe('+8613800138000')
    expect(normalisePhoneForAds('138 0013 8000')).toBe('+8613800138000')
    expect(normalisePhoneForAds('+86 137 0013 7000')).toBe('+8613700137000')
    expect(normalisePhoneForAds('8613800138000')).toBe('+8613800138000')
    expect(normalisePhoneForAds('(021) 6123-4567')).toBe('+862161234567')
    expect(normalisePhoneForAds('0912 345 678', { defaultCountry: 'TW' })).toBe('+886912345678')
    expect(normalisePhoneForAds('12345')).toBeNull()
    expect(normalisePhoneForAds('call me')).toBeNull()
  })
})

describe('SHA-256', () => {
  it('matches the FIPS 180-2 test vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('hashes exactly the normalised string, lower-case hex, never the raw value', () => {
    const expected = createHash('sha256').update('li.wei@example.com').digest('hex')
    expect(hashedEmail('  Li.Wei@Example.COM ')).toBe(expected)
    expect(hashedEmail('  Li.Wei@Example.COM ')).not.toBe(
      createHash('sha256').update('  Li.Wei@Example.COM ').digest('hex'),
    )
    expect(hashedPhone('138-0013-8000')).toBe(createHash('sha256').update('+8613800138000').digest('hex'))
    expect(hashedPhone('138-0013-8000')).toMatch(/^[0-9a-f]{64}$/)
    expect(hashedEmail('nope')).toBeNull()
  })
})
