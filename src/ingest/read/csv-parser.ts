import type { StrataError } from '../../core/diagnostics.js'
import { readFailure } from './read-error.js'

/** One CSV record: its fields, the physical line it starts on and its original text (no line terminator). */
export interface CsvRow {
  readonly line: number
  readonly fields: string[]
  readonly raw: string
}

const QUOTE = 34
const LF = 10
const CR = 13

/** A record longer than this is refused: nearly always an unterminated quote swallowing the rest of the file. */
const MAX_RECORD_CHARS = 32 * 1024 * 1024

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  AfterQuote,
}

/**
 * An RFC 4180 CSV state machine fed text in chunks of any size: quoted fields with doubled quotes, delimiters and
 * line breaks inside quotes, line ends `\n`, `\r\n` or a lone `\r`. Lenient where spreadsheets are sloppy: a quote
 * inside an unquoted field is kept as a character, text after a closing quote is appended. Empty lines are skipped
 * (but counted). Memory is bounded by the longest record.
 *
 * @example
 * const p = new CsvParser(',', 'a.csv'); const rows: CsvRow[] = []
 * p.push('a,"b\nc"\n1,2\n', rows); p.end(rows) // rows[1].line === 3 (or feed / take / takeLast in batches)
 */
export class CsvParser {
  private readonly delim: number
  private buf = ''
  private pos = 0
  private state = State.FieldStart
  private recStart = 0
  private fieldStart = 0
  private quoteEnd = 0
  private doubled = false
  private fields: string[] = []
  /** Physical line at `pos`. */
  private line = 1
  private recLine = 1
  private quoteLine = 1
  /** Set when the rest of the input cannot be read; records before it are still in `out`. */
  failure: StrataError | undefined

  constructor(
    delimiter: string,
    private readonly file: string,
  ) {
    this.delim = delimiter.charCodeAt(0)
  }

  /** Adds the next piece of text. */
  feed(text: string): void {
    if (this.recStart > 0) {
      this.buf = this.buf.slice(this.recStart) + text
      this.pos -= this.recStart
      this.fieldStart -= this.recStart
      this.quoteEnd -= this.recStart
      this.recStart = 0
    } else {
      this.buf += text
    }
  }

  /**
   * Moves complete records of the text fed so far into `out`, stopping once `out` holds `limit` (so a reader can
   * hand records on in small batches and keep few alive). False when the text is used up; check `failure` then.
   */
  take(out: CsvRow[], limit = Number.POSITIVE_INFINITY): boolean {
    this.scan(false, out, limit)
    if (out.length >= limit) return true
    if (this.buf.length - this.recStart > MAX_RECORD_CHARS) {
      this.failure =
        this.state === State.Quoted
          ? this.unterminated()
          : readFailure('csv_record_too_long', { file: this.file, line: this.recLine })
    }
    return false
  }

  /**
   * After the last `feed`: moves the remaining records into `out` (the last may lack a line end), up to `limit`.
   * True while more remain; an open quote at the end sets `failure`.
   */
  takeLast(out: CsvRow[], limit = Number.POSITIVE_INFINITY): boolean {
    this.scan(true, out, limit)
    if (this.pos < this.buf.length) return true
    if (this.state === State.Quoted) {
      this.failure = this.unterminated()
      return false
    }
    if (this.pos > this.recStart || this.fields.length > 0) this.endRecord(this.buf.length, out)
    this.fields = []
    this.buf = ''
    this.pos = 0
    this.recStart = 0
    return false
  }

  /** `feed` + `take` everything. */
  push(text: string, out: CsvRow[]): void {
    this.feed(text)
    this.take(out)
  }

  /** `takeLast` everything. */
  end(out: CsvRow[]): void {
    this.takeLast(out)
  }

  private unterminated() {
    return readFailure('csv_unterminated_quote', { file: this.file, line: this.quoteLine })
  }

  /** The value of a field ending at `end` (for a quoted field: between the quotes, plus any stray text after). */
  private fieldValue(end: number): string {
    if (this.state !== State.AfterQuote) return this.buf.slice(this.fieldStart, end)
    let value = this.buf.slice(this.fieldStart + 1, this.quoteEnd)
    if (this.doubled) value = value.replaceAll('""', '"')
    if (end > this.quoteEnd + 1) value += this.buf.slice(this.quoteEnd + 1, end)
    return value
  }

  private endRecord(end: number, out: CsvRow[]): void {
    this.fields.push(this.fieldValue(end))
    const raw = this.buf.slice(this.recStart, end)
    if (raw.length > 0) out.push({ line: this.recLine, fields: this.fields, raw })
    this.fields = []
  }

  // The hot loop keeps the machine's state in locals (written back on exit): property access per character
  // costs about a third of the parse time on the UCI file.
  private scan(final: boolean, out: CsvRow[], limit = Number.POSITIVE_INFINITY): void {
    const buf = this.buf
    const n = buf.length
    const delim = this.delim
    let pos = this.pos
    let state = this.state
    let fieldStart = this.fieldStart
    let quoteEnd = this.quoteEnd
    let doubled = this.doubled
    let fields = this.fields
    let line = this.line
    let recStart = this.recStart
    while (pos < n) {
      if (state === State.Quoted) {
        const q = buf.indexOf('"', pos)
        if (q === -1 || (q === n - 1 && !final)) {
          // The closing quote may be the first half of a doubled quote split across chunks: wait for more.
          let stop = q === -1 ? n : q
          // A \r at the very end may be the first half of \r\n: count it when the next chunk shows which.
          if (stop === n && !final && buf.charCodeAt(n - 1) === CR) stop = n - 1
          line += countLineEnds(buf, pos, stop)
          pos = stop
          break
        }
        if (q > pos) line += countLineEnds(buf, pos, q)
        const after = buf.charCodeAt(q + 1)
        if (after === QUOTE) {
          doubled = true
          pos = q + 2
          continue
        }
        if (after === delim) {
          // The common case, a quoted field followed by the delimiter: take it without the AfterQuote round.
          const value = buf.slice(fieldStart + 1, q)
          fields.push(doubled ? value.replaceAll('""', '"') : value)
          state = State.FieldStart
          pos = q + 2
          fieldStart = pos
          continue
        }
        quoteEnd = q
        state = State.AfterQuote
        pos = q + 1
        continue
      }
      if (state === State.FieldStart) {
        fieldStart = pos
        if (buf.charCodeAt(pos) === QUOTE) {
          state = State.Quoted
          doubled = false
          this.quoteLine = line
          pos++
          continue
        }
        state = State.Unquoted
      }
      // Unquoted or AfterQuote: run to the next delimiter or line end.
      let c = 0
      while (pos < n) {
        c = buf.charCodeAt(pos)
        if (c === delim || c === LF || c === CR) break
        pos++
      }
      if (pos >= n) break
      if (c === CR && pos + 1 >= n && !final) break // is it \r\n? wait for the next chunk to tell
      let value: string
      if (state === State.AfterQuote) {
        value = buf.slice(fieldStart + 1, quoteEnd)
        if (doubled) value = value.replaceAll('""', '"')
        if (pos > quoteEnd + 1) value += buf.slice(quoteEnd + 1, pos)
      } else {
        value = buf.slice(fieldStart, pos)
      }
      fields.push(value)
      state = State.FieldStart
      if (c === delim) {
        pos++
        fieldStart = pos
        continue
      }
      const raw = buf.slice(recStart, pos)
      if (raw.length > 0) out.push({ line: this.recLine, fields, raw })
      fields = []
      pos += c === CR && buf.charCodeAt(pos + 1) === LF ? 2 : 1
      line++
      recStart = pos
      this.recLine = line
      fieldStart = pos
      if (out.length >= limit) break
    }
    this.pos = pos
    this.state = state
    this.fieldStart = state === State.FieldStart && pos === n ? n : fieldStart
    this.quoteEnd = quoteEnd
    this.doubled = doubled
    this.fields = fields
    this.line = line
    this.recStart = recStart
  }
}

/** Line ends between `from` and `to`: `\n`, `\r\n` (once) and a lone `\r`. */
function countLineEnds(buf: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i)
    if (c === LF) n++
    else if (c === CR && buf.charCodeAt(i + 1) !== LF) n++
  }
  return n
}
