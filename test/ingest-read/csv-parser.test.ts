import { describe, expect, it } from 'vitest'
import { StrataError } from '../../src/core/diagnostics.js'
import { CsvParser, type CsvRow } from '../../src/ingest/read/csv-parser.js'

/** Parses text fed in pieces of `size` characters. */
function parse(text: string, size = text.length, delimiter = ','): CsvRow[] {
  const p = new CsvParser(delimiter, 'x.csv')
  const rows: CsvRow[] = []
  for (let i = 0; i < text.length; i += size) {
    p.push(text.slice(i, i + size), rows)
    if (p.failure) throw p.failure
  }
  p.end(rows)
  if (p.failure) throw p.failure
  return rows
}

const TRICKY =
  'id,name,note\r\n1,"Li, Wei","line one\r\nline two"\r\n2,"say ""hi""",x\n\n3,plain,"a""\nb"\r4,,\n5,"",""'

describe('CsvParser (RFC 4180 state machine)', () => {
  it('reads quoted delimiters, doubled quotes, embedded line breaks and every line-end style', () => {
    const rows = parse(TRICKY)
    expect(rows.map((r) => r.fields)).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Li, Wei', 'line one\r\nline two'],
      ['2', 'say "hi"', 'x'],
      ['3', 'plain', 'a"\nb'],
      ['4', '', ''],
      ['5', '', ''],
    ])
  })

  it('numbers records by the physical line they start on, counting lines inside quotes and empty lines', () => {
    expect(parse(TRICKY).map((r) => r.line)).toEqual([1, 2, 4, 6, 8, 9])
  })

  it('keeps the original text of each record, all its lines, without the line end', () => {
    const rows = parse(TRICKY)
    expect(rows[1]!.raw).toBe('1,"Li, Wei","line one\r\nline two"')
    expect(rows[3]!.raw).toBe('3,plain,"a""\nb"')
  })

  it('gives the same result whatever the chunk size (boundaries inside quotes, "" pairs and \\r\\n)', () => {
    const whole = parse(TRICKY)
    for (const size of [1, 2, 3, 5, 7, 13]) expect(parse(TRICKY, size)).toEqual(whole)
  })

  it('reads a last record without a line end, and a trailing delimiter as an empty last field', () => {
    expect(parse('a,b\n1,').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', ''],
    ])
  })

  it('uses the delimiter it is given', () => {
    expect(parse('a;b\n"x;y";2\n', 4, ';')[1]!.fields).toEqual(['x;y', '2'])
    expect(parse('a\tb\n1\t2\n', 3, '\t')[1]!.fields).toEqual(['1', '2'])
  })

  it('stops at an unterminated quote with the line where the quoted field starts', () => {
    try {
      parse('a,b\n1,2\n3,"never closed\nmore\n')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(StrataError)
      expect((error as StrataError).diagnostic).toMatchObject({
        code: 'ingest.read.csv_unterminated_quote',
        at: { file: 'x.csv', line: 3 },
      })
    }
  })

  it('keeps a quote inside an unquoted field as a character (spreadsheets write 12" pipe)', () => {
    expect(parse('a,b\n12" pipe,2\n')[1]!.fields).toEqual(['12" pipe', '2'])
  })
})
