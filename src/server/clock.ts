import type { Dialect } from '../sql/dialect.js'
import type { Fragment } from '../sql/fragment.js'

/** `YYYY-MM-DD HH:MM:SS` (UTC) — how the server writes its own timestamps. */
export function timestampText(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ')
}

/** A timestamp parameter for SQL, from a Date. */
export function at(d: Dialect, date: Date): Fragment {
  return d.timestampLiteral(timestampText(date))
}
