import { type Diagnostic, StrataError } from '../../core/diagnostics.js'
import type { RecordSource } from '../read/types.js'
import type { Validated } from '../validate-record.js'
import type { Sink } from './sink.js'

/** What reading a whole file into staging produced. */
export interface StagedFile {
  readonly rowsRead: number
  /** Lines of every rejected record (for the rejects file). */
  readonly rejected: ReadonlySet<number>
  /** The problems, in line order: all of them up to `KEPT_PROBLEMS`, beyond that only counted. */
  readonly problems: Diagnostic[]
  readonly problemsTotal: number
  /** True when the file could not be read to its end: nothing of it may be stored. */
  readonly unreadable: boolean
}

/** Problems kept in memory: a file of ten million bad rows must not need gigabytes to say so. */
export const KEPT_PROBLEMS = 100_000

/**
 * Streams every record of the file through validation into the sink, collecting every problem rather
 * than stopping at the first. Memory stays flat: the sink writes staging tables in batches.
 *
 * @example
 * const staged = await stageRecords(source, validate, sink, (rows, bytes) => bar.update(bytes))
 */
export async function stageRecords(
  source: RecordSource,
  validate: (record: Parameters<Sink['rejected']>[0]) => Validated,
  sink: Sink,
  onProgress?: (rows: number, bytesRead: number) => void,
): Promise<StagedFile> {
  const problems: Diagnostic[] = []
  let problemsTotal = 0
  const keep = (found: readonly Diagnostic[]) => {
    problemsTotal += found.length
    if (problems.length < KEPT_PROBLEMS) problems.push(...found)
  }
  const rejected = new Set<number>()
  let rowsRead = 0
  let unreadable = false
  try {
    for await (const record of source.records((bytesRead) => onProgress?.(rowsRead, bytesRead))) {
      rowsRead++
      const checked = validate(record)
      if (!checked.ok) {
        rejected.add(record.line)
        keep(checked.diagnostics)
        sink.rejected(record)
        continue
      }
      let refused = sink.add(record.line, checked.values, record)
      if (refused instanceof Promise) refused = await refused
      if (refused) {
        rejected.add(record.line)
        keep(refused)
      }
    }
  } catch (error) {
    if (!(error instanceof StrataError)) throw error
    keep([error.diagnostic, ...error.more])
    unreadable = true
  }
  for (const late of await sink.finish()) {
    rejected.add(late.line)
    keep(late.diagnostics)
  }
  problems.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0))
  return { rowsRead, rejected, problems, problemsTotal, unreadable }
}
