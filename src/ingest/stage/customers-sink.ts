import { customerRefOf } from '../customer-ref.js'
import { ERASED, RefTable } from '../identity.js'
import type { Mapping } from '../mapping.js'
import type { RawRecord } from '../read/types.js'
import type { CanonicalValues } from '../validate-record.js'
import { newCounters, type Sink, sample } from './sink.js'

/** Source columns no field reads: kept on the customer as `attributes` JSON so nothing in the file is lost. */
function extraAttributes(record: RawRecord, mapped: ReadonlySet<string>): string | null {
  const extra: Record<string, unknown> = {}
  let any = false
  for (const [column, value] of Object.entries(record.values)) {
    if (mapped.has(column) || value === null || value === '') continue
    extra[column] = value
    any = true
  }
  return any ? JSON.stringify(extra) : null
}

/**
 * Customers: each row is one customer reference (its id, email or phone); a repeated id is counted as a
 * duplicate and only fills what its first row left empty.
 *
 * @example
 * const sink = customersSink(mapping)
 */
export function customersSink(mapping: Mapping): Sink {
  const refs = new RefTable()
  const counters = newCounters()
  const mapped = new Set([...mapping.values()].map((m) => m.column))
  const seen = new Set<string>()
  return {
    refs,
    counters,
    rejected() {},
    async add(line: number, values: CanonicalValues, record: RawRecord) {
      const ref = customerRefOf(values, line, extraAttributes(record, mapped))!
      const key = ref.sid ?? ref.email ?? ref.phone!
      if (seen.has(key)) {
        counters.duplicateRows++
        sample(counters.duplicateSample, { line, id: key })
      } else seen.add(key)
      if (ref.sid === null) counters.missingCustomerId++
      if (refs.add(ref) === ERASED) counters.erasedRows++
      return undefined
    },
    async finish() {
      return []
    },
  }
}
