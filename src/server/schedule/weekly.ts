import { StrataError } from '../../core/diagnostics.js'
import { checkDrift } from '../../evaluation/index.js'
import type { Lang } from '../../i18n/locale.js'
import { weeklyReport } from '../../reports/index.js'
import { sql } from '../../sql/fragment.js'
import { at, timestampText } from '../clock.js'
import type { ServerContext } from '../http/context.js'
import { announceAlerts } from '../webhooks/outbox.js'
import './schedule-tables.js'

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
const WEEK_MS = 7 * 86_400_000

/** A weekly time in UTC: weekday (0 = Sunday) and time of day. */
export interface WeeklyWhen {
  readonly day: number
  readonly hour: number
  readonly minute: number
}

/** `"mon 08:00"` (weekday in English, three letters or more; 24-hour UTC time) → a weekly time. */
export function parseWeeklyWhen(text: string): WeeklyWhen {
  const m = /^\s*([a-z]{3})[a-z]*\s+(\d{1,2}):(\d{2})\s*$/i.exec(text)
  const day = m ? DAYS.indexOf(m[1]!.toLowerCase() as (typeof DAYS)[number]) : -1
  const hour = Number(m?.[2])
  const minute = Number(m?.[3])
  if (!m || day < 0 || hour > 23 || minute > 59)
    throw new StrataError({ code: 'server.schedule.bad_when', params: { value: text } })
  return { day, hour, minute }
}

/** The latest scheduled instant at or before `now`. */
export function latestSlot(now: Date, when: WeeklyWhen): Date {
  const t = new Date(now.getTime())
  t.setUTCHours(when.hour, when.minute, 0, 0)
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() - when.day + 7) % 7))
  return t.getTime() > now.getTime() ? new Date(t.getTime() - WEEK_MS) : t
}

export interface TickOutcome {
  readonly slot: string
  /** False when this slot had already run (in this process or before a restart). */
  readonly ran: boolean
  readonly alerts?: number
  readonly queued?: number
  readonly reportId?: string | null
  /** Why no report was written (e.g. no snapshot yet); drift was still checked. */
  readonly reportError?: string
}

/**
 * One check of the schedule: when the latest slot has no recorded run, checks drift (new alerts go to the
 * webhook outbox) and writes the weekly report as of the slot's date, then records the run — all in one
 * transaction, so a crash leaves the slot to run again and a restart after it finds the slot done. A slot
 * missed while the server was down runs at the next check.
 */
export async function weeklyTick(ctx: ServerContext, when: WeeklyWhen, lang: Lang): Promise<TickOutcome> {
  const now = ctx.now()
  const slotDate = latestSlot(now, when)
  const slot = timestampText(slotDate)
  return ctx.db((conn) =>
    conn.transaction(async () => {
      const done = await conn.one(
        sql`SELECT 1 AS x FROM server_schedule_runs WHERE job = 'weekly' AND slot = ${at(conn.dialect, slotDate)}`,
      )
      if (done) return { slot, ran: false }
      const nowText = timestampText(now)
      const fresh = await checkDrift(conn, { now: nowText })
      const queued = await announceAlerts(conn, now)
      let reportId: string | null = null
      let reportError: string | undefined
      try {
        reportId = (await weeklyReport(conn, { asOf: slot.slice(0, 10), lang, format: 'html', now: nowText }))
          .reportId
      } catch (error) {
        // An empty store (no snapshot yet) is not worth retrying every minute: the slot counts as done.
        if (!(error instanceof StrataError)) throw error
        reportError = error.diagnostic.code
      }
      await conn.run(sql`INSERT INTO server_schedule_runs (job, slot, ran_at, report_id, alerts)
        VALUES ('weekly', ${at(conn.dialect, slotDate)}, ${at(conn.dialect, now)}, ${reportId}, ${fresh.length})`)
      return { slot, ran: true, alerts: fresh.length, queued, reportId, reportError }
    }),
  )
}

/** Checks the schedule once a minute (and once at start) until stopped. */
export function startWeeklySchedule(
  ctx: ServerContext,
  when: WeeklyWhen,
  lang: Lang,
  onError: (error: unknown) => void = () => undefined,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    running = running.then(() => weeklyTick(ctx, when, lang)).catch(onError)
  }
  tick()
  const timer = setInterval(tick, 60_000)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
