const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(timeZone)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
    } catch {
      return undefined
    }
    formatters.set(timeZone, f)
  }
  return f
}

/**
 * Whether Intl knows the IANA zone name ('Asia/Shanghai', 'UTC' …).
 *
 * @example
 * isTimeZone('Asia/Shanghai') // true
 */
export function isTimeZone(timeZone: string): boolean {
  return formatter(timeZone) !== undefined
}

/** Wall-clock fields of a moment in a time zone. */
export interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
}

/**
 * The wall clock in `timeZone` at the instant `epochMs`, or undefined for an unknown zone.
 *
 * @example
 * wallClockIn(Date.UTC(2024, 2, 5, 6, 3), 'Asia/Shanghai') // { year: 2024, month: 3, day: 5, hour: 14, minute: 3, second: 0 }
 */
export function wallClockIn(epochMs: number, timeZone: string): WallClock | undefined {
  const f = formatter(timeZone)
  if (!f) return undefined
  const parts: Record<string, number> = {}
  for (const p of f.formatToParts(epochMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return {
    year: parts['year']!,
    month: parts['month']!,
    day: parts['day']!,
    hour: parts['hour']!,
    minute: parts['minute']!,
    second: parts['second']!,
  }
}
