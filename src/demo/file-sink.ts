import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { type Cell, DEMO_TABLE_NAMES, DEMO_TABLES, type DemoTable, type RowSink } from './demo-tables.js'
import { csvHeader, csvLine, ndjsonLine, tsvLine } from './row-format.js'

/**
 * How files are written: `import` gives what people and importers read (CSV, events as NDJSON);
 * `bulk` gives unquoted tab-separated files for the engine's bulk reader (see `tsvLine`).
 */
export type FileStyle = 'import' | 'bulk'

/** File name of a demo table in an output folder. */
export function demoFileName(table: DemoTable, style: FileStyle): string {
  if (style === 'bulk') return `${table}.tsv`
  return table === 'events' ? 'events.ndjson' : `${table}.csv`
}

const CHUNK = 1 << 20
const GROUP = 32

/**
 * Appends lines to one file through a 1 MB byte buffer written synchronously when full. Lines are
 * encoded straight into the buffer: concatenating them into one big string first leaves ropes that
 * cost more in garbage collection than the generation itself.
 */
class BufferedFile {
  private readonly fd: number
  private readonly buffer = Buffer.allocUnsafe(CHUNK)
  private used = 0
  // Lines are joined in groups before encoding: one native call per group instead of per line.
  private pending: string[] = []

  constructor(
    readonly path: string,
    header: string,
  ) {
    this.fd = openSync(path, 'w')
    if (header) this.pending.push(header)
  }

  write(line: string): void {
    if (this.pending.push(line) >= GROUP) this.encode()
  }

  private encode(): void {
    const text = this.pending.join('')
    this.pending = []
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so this check guarantees the text fits.
    if (this.used + text.length * 3 > CHUNK) {
      this.flush()
      if (text.length * 3 > CHUNK) {
        writeSync(this.fd, text)
        return
      }
    }
    this.used += this.buffer.write(text, this.used)
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.fd, this.buffer, 0, this.used)
    this.used = 0
  }

  close(): void {
    this.encode()
    this.flush()
    closeSync(this.fd)
  }
}

/**
 * A row sink writing one file per table into `dir` (UTF-8; import-style files have a header of canonical
 * column names).
 *
 * @example
 * const files = new DemoFileSet('/tmp/out', 'import')
 * files.row('orders', cells)
 * files.close()
 */
export class DemoFileSet implements RowSink {
  private readonly files: Record<DemoTable, BufferedFile>
  readonly paths: Record<DemoTable, string>

  constructor(
    readonly dir: string,
    private readonly style: FileStyle,
  ) {
    const entries = DEMO_TABLE_NAMES.map((t) => {
      const spec = DEMO_TABLES[t]
      const header = style === 'bulk' ? '' : t === 'events' ? '' : csvHeader(spec)
      return [t, new BufferedFile(join(dir, demoFileName(t, style)), header)] as const
    })
    this.files = Object.fromEntries(entries) as Record<DemoTable, BufferedFile>
    this.paths = Object.fromEntries(entries.map(([t, f]) => [t, f.path])) as Record<DemoTable, string>
  }

  row(table: DemoTable, cells: readonly Cell[]): void {
    const line =
      this.style === 'bulk'
        ? tsvLine(cells, DEMO_TABLES[table].bulk)
        : table === 'events'
          ? ndjsonLine(DEMO_TABLES[table], cells)
          : csvLine(DEMO_TABLES[table], cells)
    this.files[table].write(line)
  }

  close(): void {
    for (const t of DEMO_TABLE_NAMES) this.files[t].close()
  }
}
