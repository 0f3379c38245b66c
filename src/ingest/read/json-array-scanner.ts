import { StrataError } from '../../core/diagnostics.js'
import { readFailure } from './read-error.js'

/** The text of one top-level element of a JSON array and where it starts (1-based line and column). */
export interface JsonElement {
  readonly text: string
  readonly line: number
  readonly column: number
}

enum State {
  BeforeArray,
  ExpectElement,
  FirstElement,
  InElement,
  ExpectCommaOrEnd,
  Done,
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

/**
 * Splits a top-level JSON array into its element texts while streaming, tracking brackets and strings only: the
 * element's own syntax is checked later by `JSON.parse`, so one bad element does not hide the others. Broken
 * structure (no array, a missing comma, an unclosed bracket) stops the file with `ingest.read.json_malformed`.
 *
 * @example
 * const s = new JsonArrayScanner('a.json'); const out: JsonElement[] = []
 * s.push('[{"a":1},\n {"a":2}]', out); s.end(out) // out[1].line === 2
 */
export class JsonArrayScanner {
  private state = State.BeforeArray
  private line = 1
  private column = 0
  private depth = 0
  private inString = false
  private escaped = false
  private scalar = false
  private element = ''
  private elementLine = 0
  private elementColumn = 0
  /** Set when the structure is broken; the elements before the break are still in `out`. */
  failure: StrataError | undefined

  constructor(private readonly file: string) {}

  /** Splits off the elements the text completes, into `out`; check `failure` after. */
  push(text: string, out: JsonElement[]): void {
    if (this.failure) return
    try {
      this.scan(text, out)
    } catch (error) {
      if (!(error instanceof StrataError)) throw error
      this.failure = error
    }
  }

  /** Ends the input; an unfinished array sets `failure`. */
  end(out: JsonElement[]): void {
    if (this.failure) return
    try {
      this.finishInput(out)
    } catch (error) {
      if (!(error instanceof StrataError)) throw error
      this.failure = error
    }
  }

  private scan(text: string, out: JsonElement[]): void {
    let start = this.state === State.InElement ? 0 : -1
    const n = text.length
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) {
        this.line++
        this.column = 0
      } else {
        this.column++
      }
      switch (this.state) {
        case State.InElement: {
          if (this.inString) {
            if (this.escaped) this.escaped = false
            else if (c === 92) this.escaped = true
            else if (c === 34) {
              this.inString = false
              if (this.scalar && this.depth === 0) {
                this.finish(text.slice(start, i + 1), out)
                start = -1
              }
            }
          } else if (c === 34) this.inString = true
          else if (c === 123 || c === 91) this.depth++
          else if (c === 125 || c === 93) {
            if (this.scalar || this.depth === 0) {
              // `]` ending the array right after a bare scalar (`[1, 2]`)
              if (c === 93 && this.scalar && this.depth === 0) {
                this.finish(text.slice(start, i), out)
                start = -1
                this.state = State.Done
                continue
              }
              throw this.malformed()
            }
            this.depth--
            if (this.depth === 0) {
              this.finish(text.slice(start, i + 1), out)
              start = -1
            }
          } else if (this.scalar && this.depth === 0 && (c === 44 || isSpace(c))) {
            this.finish(text.slice(start, i), out)
            start = -1
            if (c === 44) this.state = State.ExpectElement
          }
          break
        }
        case State.BeforeArray:
          if (isSpace(c)) break
          if (c !== 91) throw this.malformed('json_not_array')
          this.state = State.FirstElement
          break
        case State.FirstElement:
        case State.ExpectElement:
          if (isSpace(c)) break
          if (c === 93 && this.state === State.FirstElement) {
            this.state = State.Done
            break
          }
          if (c === 44 || c === 93) throw this.malformed()
          this.state = State.InElement
          this.elementLine = this.line
          this.elementColumn = this.column
          this.element = ''
          start = i
          this.depth = c === 123 || c === 91 ? 1 : 0
          this.scalar = this.depth === 0
          this.inString = c === 34
          this.escaped = false
          break
        case State.ExpectCommaOrEnd:
          if (isSpace(c)) break
          if (c === 44) this.state = State.ExpectElement
          else if (c === 93) this.state = State.Done
          else throw this.malformed()
          break
        case State.Done:
          if (!isSpace(c)) throw this.malformed()
          break
      }
    }
    if (this.state === State.InElement && start !== -1) this.element += text.slice(start)
  }

  private finishInput(out: JsonElement[]): void {
    if (this.state === State.InElement && this.scalar && !this.inString) this.finish('', out)
    if (this.state === State.BeforeArray) throw this.malformed('empty_file')
    if (this.state !== State.Done) throw this.malformed()
  }

  private finish(tail: string, out: JsonElement[]): void {
    out.push({ text: this.element + tail, line: this.elementLine, column: this.elementColumn })
    this.element = ''
    if (this.state === State.InElement) this.state = State.ExpectCommaOrEnd
  }

  private malformed(what = 'json_malformed') {
    return readFailure(what, { file: this.file, line: this.line, column: this.column })
  }
}
