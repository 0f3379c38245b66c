import { describe, expect, it } from 'vitest'
import { parseDate, parseDateTime } from '../../src/ingest/parse/index.js'

const SH = { timezone: 'Asia/Shanghai' }
const ok = (value: string) => ({ ok: true, value })

describe('parseDateTime', () => {
  it.each([
    ['2024-03-05 14:03:07', '2024-03-05 14:03:07'],
    ['2024-03-05T14:03:07', '2024-03-05 14:03:07'],
    ['2024-03-05T14:03:07.123456', '2024-03-05 14:03:07'],
    ['2024/3/5 14:03', '2024-03-05 14:03:00'],
    ['2024-3-5', '2024-03-05 00:00:00'],
    ['2024.03.05', '2024-03-05 00:00:00'],
    ['20240305', '2024-03-05 00:00:00'],
    ['20240305143000', '2024-03-05 14:30:00'],
    ['2024年3月5日 14:03', '2024-03-05 14:03:00'],
    ['2024年3月5日', '2024-03-05 00:00:00'],
    ['2024年3月5日 14时03分05秒', '2024-03-05 14:03:05'],
    ['2024/3/5 下午2:03', '2024-03-05 14:03:00'],
    ['13/5/2024 14:03', '2024-05-13 14:03:00'],
    ['5/13/2024 2:03 PM', '2024-05-13 14:03:00'],
    ['12/25/2024 12:00 AM', '2024-12-25 00:00:00'],
    ['3/3/2024', '2024-03-03 00:00:00'],
    ['5.3.2024', '2024-03-05 00:00:00'],
    ['05-Mar-2024', '2024-03-05 00:00:00'],
    ['Mar 5, 2024 14:03', '2024-03-05 14:03:00'],
    ['２０２４－０３－０５　１４：０３', '2024-03-05 14:03:00'],
    ['  2024-03-05  ', '2024-03-05 00:00:00'],
  ])('reads %s as wall-clock time', (text, expected) => {
    expect(parseDateTime(text, SH)).toEqual(ok(expected))
  })

  it('converts instants with Z or an offset to the store zone, across a date line', () => {
    expect(parseDateTime('2024-03-05T06:03:00Z', SH)).toEqual(ok('2024-03-05 14:03:00'))
    expect(parseDateTime('2024-03-05T14:03:00+08:00', SH)).toEqual(ok('2024-03-05 14:03:00'))
    expect(parseDateTime('2024-03-05T20:30:00-0500', SH)).toEqual(ok('2024-03-06 09:30:00'))
    expect(parseDateTime('2024-03-05T06:03:00.999Z', { timezone: 'America/New_York' })).toEqual(
      ok('2024-03-05 01:03:00'),
    )
    // daylight saving time in the target zone
    expect(parseDateTime('2024-07-01T12:00:00Z', { timezone: 'America/New_York' })).toEqual(
      ok('2024-07-01 08:00:00'),
    )
  })

  it('refuses day/month order it cannot tell, telling to pass a format; parses with one', () => {
    expect(parseDateTime('3/5/2024 14:03', SH)).toEqual({
      ok: false,
      code: 'ingest.parse.date_ambiguous',
      params: { text: '3/5/2024 14:03' },
    })
    expect(parseDateTime('3/5/2024 14:03', { ...SH, format: 'MDY' })).toEqual(ok('2024-03-05 14:03:00'))
    expect(parseDateTime('3/5/2024 14:03', { ...SH, format: 'DMY' })).toEqual(ok('2024-05-03 14:03:00'))
    expect(parseDateTime('3/5/24', SH)).toMatchObject({ ok: false, code: 'ingest.parse.date_ambiguous' })
    expect(parseDateTime('3/5/24', { ...SH, format: 'MDY' })).toEqual(ok('2024-03-05 00:00:00'))
  })

  it('does not swap day and month when the format says otherwise', () => {
    expect(parseDateTime('13/5/2024', { ...SH, format: 'MDY' })).toMatchObject({
      ok: false,
      code: 'ingest.parse.date_invalid',
    })
  })

  it('reads with a pattern', () => {
    expect(parseDateTime('2024/03/05 14:03', { ...SH, format: 'YYYY/MM/DD HH:mm' })).toEqual(
      ok('2024-03-05 14:03:00'),
    )
    expect(parseDateTime('05.03.2024 14:03:09', { ...SH, format: 'DD.MM.YYYY HH:mm:ss' })).toEqual(
      ok('2024-03-05 14:03:09'),
    )
    expect(parseDateTime('03052024', { ...SH, format: 'MMDDYYYY' })).toEqual(ok('2024-03-05 00:00:00'))
    expect(parseDateTime('5/3/2024 2:03 PM', { ...SH, format: 'D/M/YYYY h:mm A' })).toEqual(
      ok('2024-03-05 14:03:00'),
    )
    expect(parseDateTime('2024-03-05', { ...SH, format: 'HH:mm' })).toMatchObject({
      ok: false,
      code: 'ingest.parse.bad_date_format',
    })
  })

  it('accepts Excel serial numbers', () => {
    expect(parseDateTime(45356.585416667, SH)).toEqual(ok('2024-03-05 14:03:00'))
    expect(parseDateTime(45356, SH)).toEqual(ok('2024-03-05 00:00:00'))
    expect(parseDateTime(20240305, SH)).toEqual(ok('2024-03-05 00:00:00'))
    expect(parseDateTime(60, SH)).toMatchObject({ ok: false, code: 'ingest.parse.date_invalid' })
  })

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-03-05 24:00',
    '2024-03-05 14:60',
    '13/13/2024',
    '2024-03-05 14:03 XYZ',
    'yesterday',
    '12345',
  ])('refuses %s as an invalid date', (text) => {
    expect(parseDateTime(text, SH)).toMatchObject({ ok: false, code: 'ingest.parse.date_invalid' })
  })

  it('accepts the leap day of a leap year', () => {
    expect(parseDateTime('2024-02-29', SH)).toEqual(ok('2024-02-29 00:00:00'))
  })

  it('reports blank input and an unknown zone', () => {
    expect(parseDateTime('  ', SH)).toEqual({ ok: false, code: 'ingest.parse.empty' })
    expect(parseDateTime(null, SH)).toEqual({ ok: false, code: 'ingest.parse.empty' })
    expect(parseDateTime('2024-03-05T00:00:00Z', { timezone: 'Mars/Olympus' })).toEqual({
      ok: false,
      code: 'ingest.parse.bad_timezone',
      params: { timezone: 'Mars/Olympus' },
    })
  })
})

describe('parseDate', () => {
  it('gives the calendar date in the store zone', () => {
    expect(parseDate('2024年3月5日', SH)).toEqual(ok('2024-03-05'))
    expect(parseDate('2024-03-04T16:30:00Z', SH)).toEqual(ok('2024-03-05'))
    expect(parseDate('1990/7/1', SH)).toEqual(ok('1990-07-01'))
    expect(parseDate('2024-02-30', SH)).toMatchObject({ ok: false, code: 'ingest.parse.date_invalid' })
  })
})
