import { describe, expect, it } from 'vitest'
import {
  isBlank,
  normaliseEmail,
  normalisePhone,
  parseBoolean,
  parseGender,
  parseInteger,
  parseQuantity,
} from '../../src/ingest/parse/index.js'

const ok = <T>(value: T) => ({ ok: true, value })

describe('normalisePhone (E.164)', () => {
  it.each([
    ['138 1234 5678', '+8613812345678'],
    ['13812345678', '+8613812345678'],
    ['+86-138-1234-5678', '+8613812345678'],
    ['0086 13812345678', '+8613812345678'],
    ['8613812345678', '+8613812345678'],
    ['(021) 6123 4567', '+862161234567'],
    ['021-61234567', '+862161234567'],
    ['010 6552 9988', '+861065529988'],
    ['0755-8888 8888', '+8675588888888'],
    ['+86 021 6123 4567', '+862161234567'],
    ['400-123-4567', '+864001234567'],
    ['１３８１２３４５６７８', '+8613812345678'],
    ['138 1234 5678 转 12', '+8613812345678'],
    ['+1 (415) 555-0132', '+14155550132'],
    ['+44 20 7946 0958', '+442079460958'],
    ['00852 9123 4567', '+85291234567'],
  ])('%s → %s', (text, e164) => {
    expect(normalisePhone(text)).toEqual(ok(e164))
  })

  it('reads national numbers of another default country', () => {
    expect(normalisePhone('0912 345 678', 'TW')).toEqual(ok('+886912345678'))
    expect(normalisePhone('(415) 555-0132', 'US')).toEqual(ok('+14155550132'))
    expect(normalisePhone('9123 4567', 'HK')).toEqual(ok('+85291234567'))
    expect(normalisePhone('9123 4567', 'XX')).toMatchObject({
      ok: false,
      code: 'ingest.parse.phone_unknown_country',
    })
  })

  it.each(['12345', 'abc', '6123 4567', '128 1234 5678', '+86 138 1234 567'])('refuses %s', (text) => {
    expect(normalisePhone(text)).toMatchObject({ ok: false, code: 'ingest.parse.phone_invalid' })
  })
})

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail(' Li.Wei@Example.COM ')).toEqual(ok('li.wei@example.com'))
    expect(normaliseEmail('wang+vip@mail.qq.com')).toEqual(ok('wang+vip@mail.qq.com'))
    expect(normaliseEmail('zhang＠163．com')).toEqual(ok('zhang@163.com'))
  })

  it.each(['li wei@example.com', 'no-at.example.com', 'a@b', 'a@@b.com', 'a@b..com', '@example.com'])(
    'refuses %s',
    (text) => {
      expect(normaliseEmail(text)).toMatchObject({ ok: false, code: 'ingest.parse.email_invalid' })
    },
  )
})

describe('parseBoolean', () => {
  it.each(['true', 'TRUE', 'yes', 'Y', 'y', '1', '是', '同意', 'Yes'])('%s is true', (text) => {
    expect(parseBoolean(text)).toEqual(ok(true))
  })
  it.each(['false', 'FALSE', 'no', 'N', 'n', '0', '否', '不同意'])('%s is false', (text) => {
    expect(parseBoolean(text)).toEqual(ok(false))
  })
  it('takes booleans and 1/0 numbers from typed files, refuses anything else', () => {
    expect(parseBoolean(true)).toEqual(ok(true))
    expect(parseBoolean(0)).toEqual(ok(false))
    expect(parseBoolean('maybe')).toMatchObject({ ok: false, code: 'ingest.parse.boolean_invalid' })
    expect(parseBoolean(2)).toMatchObject({ ok: false, code: 'ingest.parse.boolean_invalid' })
  })
})

describe('parseGender', () => {
  it.each([
    ['M', 'M'],
    ['male', 'M'],
    ['男', 'M'],
    ['m', 'M'],
    ['F', 'F'],
    ['Female', 'F'],
    ['女', 'F'],
    ['f', 'F'],
    ['保密', null],
    ['', null],
    [null, null],
  ])('%s → %s (unknown is null, not an error)', (text, gender) => {
    expect(parseGender(text)).toBe(gender)
  })
})

describe('parseQuantity and parseInteger', () => {
  it('reads quantities as exact decimal text, returns negative', () => {
    expect(parseQuantity('3')).toEqual(ok('3'))
    expect(parseQuantity('-2')).toEqual(ok('-2'))
    expect(parseQuantity('1,200件')).toEqual(ok('1200'))
    expect(parseQuantity('2.5')).toEqual(ok('2.5'))
    expect(parseQuantity(-2.5)).toEqual(ok('-2.5'))
    expect(parseQuantity('0.12345')).toMatchObject({
      ok: false,
      code: 'ingest.parse.quantity_too_many_decimals',
    })
    expect(parseQuantity('three')).toMatchObject({ ok: false, code: 'ingest.parse.quantity_invalid' })
  })

  it('reads whole numbers', () => {
    expect(parseInteger('1,234')).toEqual(ok(1234))
    expect(parseInteger('７')).toEqual(ok(7))
    expect(parseInteger('7.00')).toEqual(ok(7))
    expect(parseInteger(-3)).toEqual(ok(-3))
    expect(parseInteger('1.5')).toMatchObject({ ok: false, code: 'ingest.parse.integer_invalid' })
    expect(parseInteger('1.23456')).toMatchObject({ ok: false, code: 'ingest.parse.integer_invalid' })
    expect(parseInteger('99999999999999')).toEqual(ok(99999999999999))
    expect(parseInteger('999999999999999999')).toMatchObject({
      ok: false,
      code: 'ingest.parse.integer_too_large',
    })
  })
})

describe('isBlank', () => {
  it('is true for null, empty and space-only cells (full-width space too)', () => {
    expect([null, undefined, '', '  ', '\u3000'].map((v) => isBlank(v))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ])
    expect([0, false, 'x'].map((v) => isBlank(v))).toEqual([false, false, false])
  })
})
