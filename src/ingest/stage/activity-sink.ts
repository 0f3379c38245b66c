import { createHash } from 'node:crypto'
import type { Connection } from '../../sql/driver.js'
import { ERASED, RefTable } from '../identity.js'
import { StagingWriter } from '../load/staging.js'
import type { RawRecord } from '../read/types.js'
import type { CanonicalValues } from '../validate-record.js'
import { newCounters, type Sink } from './sink.js'

/**
 * A stable id for a record that has none: a hash of its text, so importing the same file again finds the
 * same ids (and an identical line repeated in the file counts as a duplicate).
 */
function contentId(record: RawRecord): string {
  return `h:${createHash('sha256').update(record.raw).digest('hex').slice(0, 24)}`
}

const s = (v: unknown): string | null => (typeof v === 'string' ? v : v == null ? null : String(v))

/**
 * Events and feedback: one staged row per record, pointing at its customer reference (if any).
 *
 * @example
 * const sink = activitySink(conn, 'events')
 */
export function activitySink(conn: Connection, kind: 'events' | 'feedback'): Sink {
  const refs = new RefTable()
  const counters = newCounters()
  const writer = new StagingWriter(conn, kind === 'events' ? 'stg_events' : 'stg_feedback')
  const idField = kind === 'events' ? 'event_id' : 'feedback_id'
  return {
    refs,
    counters,
    duplicatesIn: { table: kind === 'events' ? 'stg_events' : 'stg_feedback', id: idField },
    rejected() {},
    async add(line: number, values: CanonicalValues, record: RawRecord) {
      const id = s(values[idField]) ?? contentId(record)
      if (values['customer_id'] == null) counters.missingCustomerId++
      const refNo = refs.addRecord(values, line)
      if (refNo === ERASED) {
        counters.erasedRows++
        return undefined
      }
      if (kind === 'events') {
        await writer.push([
          line,
          id,
          refNo,
          s(values['anonymous_id']),
          s(values['occurred_at']),
          s(values['type']),
          s(values['properties']),
        ])
      } else {
        const score = values['score']
        const nps = values['nps']
        await writer.push([
          line,
          id,
          refNo,
          s(values['answered_at']),
          s(values['channel']),
          typeof score === 'number' ? score : null,
          typeof nps === 'number' ? nps : null,
          s(values['answers']),
          s(values['text']),
        ])
      }
      return undefined
    },
    async finish() {
      await writer.flush()
      return []
    },
  }
}
