import { sql } from '../../sql/fragment.js'
import { at } from '../clock.js'
import type { ServerContext } from '../http/context.js'
import { signatureHeader } from './signature.js'

interface Due {
  delivery_id: string
  url: string
  secret: string
  event: string
  payload: string
  attempts: number
}

/**
 * Delivers the outbox: polls for due deliveries, POSTs each signed payload (with a timeout), logs every
 * attempt, and on failure retries with exponential backoff (base · 2^(attempt−1)) until `maxAttempts`,
 * then marks it failed (replayable). HTTP calls run outside the store queue, so a slow or dead receiver
 * delays only its own deliveries — never ingestion.
 */
export class WebhookDelivery {
  private timer: NodeJS.Timeout | null = null
  private busy: Promise<void> | null = null
  private stopped = false

  constructor(private readonly ctx: ServerContext) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return
      this.busy = this.runOnce()
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          this.busy = null
          if (!this.stopped) this.timer = setTimeout(tick, this.ctx.options.webhooks.pollMs)
        })
    }
    this.timer = setTimeout(tick, this.ctx.options.webhooks.pollMs)
  }

  /** One pass: every due delivery, up to 100, 8 at a time. Returns how many were attempted. */
  async runOnce(): Promise<number> {
    const now = this.ctx.now()
    const due = await this.ctx.db((conn) =>
      conn.all<
        Due & Record<string, unknown>
      >(sql`SELECT o.delivery_id, w.url, w.secret, o.event, o.payload, o.attempts
        FROM server_webhook_outbox AS o JOIN server_webhooks AS w ON w.webhook_id = o.webhook_id
        WHERE o.status = 'pending' AND o.next_attempt_at <= ${at(conn.dialect, now)} AND w.disabled_at IS NULL
        ORDER BY o.next_attempt_at, o.delivery_id LIMIT 100`),
    )
    for (let i = 0; i < due.length; i += 8) await Promise.all(due.slice(i, i + 8).map((d) => this.deliver(d)))
    return due.length
  }

  private async deliver(d: Due): Promise<void> {
    const o = this.ctx.options.webhooks
    const started = performance.now()
    const t = Math.floor(this.ctx.now().getTime() / 1000)
    let status: number | null = null
    let error: string | null = null
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'strata-signature': signatureHeader(d.secret, t, d.payload),
          'strata-delivery': d.delivery_id,
          'strata-event': d.event,
        },
        body: d.payload,
        signal: AbortSignal.timeout(o.timeoutMs),
        redirect: 'manual',
      })
      status = res.status
      await res.body?.cancel().catch(() => undefined)
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 500) : String(e)
    }
    const ok = status !== null && status >= 200 && status < 300
    const attempt = d.attempts + 1
    const now = this.ctx.now()
    const next = new Date(now.getTime() + o.baseDelayMs * 2 ** (attempt - 1))
    const state = ok ? 'delivered' : attempt >= o.maxAttempts ? 'failed' : 'pending'
    await this.ctx.db((conn) =>
      conn.transaction(async () => {
        const dd = conn.dialect
        await conn.run(sql`INSERT INTO server_webhook_attempts (delivery_id, attempt, occurred_at, status_code, error, duration_ms)
          VALUES (${d.delivery_id}, ${attempt}, ${at(dd, now)}, ${status}, ${error}, ${Math.round(performance.now() - started)})`)
        await conn.run(sql`UPDATE server_webhook_outbox SET status = ${state}, attempts = ${attempt},
          next_attempt_at = ${at(dd, next)}, delivered_at = ${ok ? at(dd, now) : sql`NULL`}
          WHERE delivery_id = ${d.delivery_id}`)
      }),
    )
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.busy
  }
}
