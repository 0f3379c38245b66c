import { type FormEvent, useState } from 'react'
import { api } from '../../api/client.js'
import type { SegmentInfo } from '../../api/types.js'
import { useApi } from '../../api/useApi.js'
import { Card } from '../../components/Card.js'
import { EmptyState, ErrorState, ListState, Loading, Skeleton } from '../../components/States.js'
import type { MessageKey } from '../../i18n/catalog.js'
import { formatDateTime, formatNumber } from '../../i18n/format.js'
import { useI18n } from '../../i18n/I18n.js'

interface HookRow {
  webhook_id: string
  url: string
  segments: string
  created_at: string
  disabled: boolean
}
interface DeliveryRow {
  delivery_id: string
  webhook_id: string
  event: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  created_at: string
  delivered_at: string | null
  last_status: number | null
}

/**
 * Webhook subscriptions (admins): list, subscribe a URL to every segment and drift alerts or to chosen
 * segments' entries and exits, the signing secret shown once, stop; the delivery log with replay.
 */
export function WebhooksCard() {
  const { t, lang } = useI18n()
  const hooks = useApi<{ items: HookRow[] }>('/api/webhooks')
  const segments = useApi<{ items: SegmentInfo[] }>('/api/segments')
  const [url, setUrl] = useState('')
  const [scope, setScope] = useState<'all' | 'some'>('all')
  const [chosen, setChosen] = useState<string[]>([])
  const [created, setCreated] = useState<{ webhookId: string; secret: string } | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [busy, setBusy] = useState(false)
  const names = new Map((segments.data?.items ?? []).map((s) => [s.segmentId, s.name]))

  async function add(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setBusy(true)
    try {
      const out = await api<{ webhookId: string; secret: string }>('/api/webhooks', {
        method: 'POST',
        body: { url: url.trim(), segments: scope === 'all' ? [] : chosen },
      })
      setCreated(out)
      setUrl('')
      setChosen([])
      hooks.reload()
    } catch (err) {
      setError(err as Error)
    } finally {
      setBusy(false)
    }
  }
  async function stop(id: string) {
    setError(null)
    await api(`/api/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch((e: Error) =>
      setError(e),
    )
    hooks.reload()
  }
  const follows = (h: HookRow) =>
    h.segments === '*'
      ? t('webhooks.follows_all')
      : h.segments
          .split(',')
          .map((id) => names.get(id) ?? id)
          .join(', ')

  return (
    <Card title={t('webhooks.title')} hint={t('webhooks.hint')} id="webhooks">
      <ListState
        list={hooks}
        skeleton={{ height: 28, count: 2 }}
        empty={
          <EmptyState title={t('webhooks.none')}>
            <p className="small muted">{t('webhooks.none_hint')}</p>
          </EmptyState>
        }
      >
        {(items) => (
          <div className="table-wrap">
            <table className="table" data-testid="webhooks">
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.url')}</th>
                  <th scope="col">{t('webhooks.events')}</th>
                  <th scope="col">{t('settings.col.created')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('webhooks.stop')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((h) => (
                  <tr key={h.webhook_id} className={h.disabled ? 'row-disabled' : ''}>
                    <th scope="row" className="url-cell">
                      <code>{h.url}</code>
                    </th>
                    <td>{follows(h)}</td>
                    <td>{formatDateTime(lang, h.created_at)}</td>
                    <td className="right">
                      {h.disabled ? (
                        <span className="muted">{t('webhooks.stopped')}</span>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          aria-label={t('webhooks.stop_one', { url: h.url })}
                          onClick={() => void stop(h.webhook_id)}
                        >
                          {t('webhooks.stop')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
      {created && (
        <div className="secret" role="status" data-testid="webhook-secret">
          <p>{t('webhooks.secret_once')}</p>
          <code>{created.secret}</code>
        </div>
      )}
      <form className="stack-form" onSubmit={add} aria-label={t('webhooks.add')}>
        <label className="field field-wide">
          <span>{t('webhooks.url')}</span>
          <input
            type="url"
            required
            placeholder="https://crm.example.com/strata-hook"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            data-testid="webhook-url"
          />
        </label>
        <fieldset className="field">
          <legend>{t('webhooks.events')}</legend>
          <label className="check">
            <input type="radio" name="wh-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            {t('webhooks.scope_all')}
          </label>
          <label className="check">
            <input
              type="radio"
              name="wh-scope"
              checked={scope === 'some'}
              onChange={() => setScope('some')}
            />
            {t('webhooks.scope_some')}
          </label>
          {scope === 'some' &&
            (segments.data?.items.length ? (
              <div className="check-list">
                {segments.data.items.map((s) => (
                  <label key={s.segmentId} className="check">
                    <input
                      type="checkbox"
                      checked={chosen.includes(s.segmentId)}
                      onChange={(e) =>
                        setChosen((x) =>
                          e.target.checked ? [...x, s.segmentId] : x.filter((y) => y !== s.segmentId),
                        )
                      }
                    />
                    {s.name}
                  </label>
                ))}
              </div>
            ) : (
              <p className="small muted">{t('webhooks.no_segments')}</p>
            ))}
        </fieldset>
        <div>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || (scope === 'some' && chosen.length === 0)}
          >
            {t('webhooks.add')}
          </button>
        </div>
      </form>
      {error && <ErrorState error={error} />}
      <DeliveryLog names={(id) => hooks.data?.items.find((h) => h.webhook_id === id)?.url ?? id} />
    </Card>
  )
}

const STATUS_KEY: Record<DeliveryRow['status'], MessageKey> = {
  pending: 'webhooks.status.pending',
  delivered: 'webhooks.status.delivered',
  failed: 'webhooks.status.failed',
}

function DeliveryLog({ names }: { names: (id: string) => string }) {
  const { t, lang } = useI18n()
  const [filter, setFilter] = useState<'' | DeliveryRow['status']>('')
  const log = useApi<{ items: DeliveryRow[] }>(
    `/api/webhooks/deliveries?limit=50${filter ? `&status=${filter}` : ''}`,
  )
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)

  async function replay(deliveryId?: string) {
    setError(null)
    try {
      const r = await api<{ replayed: number }>('/api/webhooks/deliveries/replay', {
        method: 'POST',
        body: deliveryId ? { deliveryId } : {},
      })
      setNote(t('webhooks.replayed', { n: formatNumber(lang, r.replayed) }))
      log.reload()
    } catch (err) {
      setError(err as Error)
    }
  }

  return (
    <section className="sub-section" aria-labelledby="deliveries-title">
      <div className="sub-head">
        <h3 id="deliveries-title" className="sub">
          {t('webhooks.deliveries')}
        </h3>
        <label className="field field-inline">
          <span>{t('webhooks.filter')}</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
            <option value="">{t('webhooks.status.all')}</option>
            {(['pending', 'delivered', 'failed'] as const).map((s) => (
              <option key={s} value={s}>
                {t(STATUS_KEY[s])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-small" onClick={() => void replay()}>
          {t('webhooks.replay_failed')}
        </button>
      </div>
      {note && (
        <p className="small muted" role="status">
          {note}
        </p>
      )}
      {error && <ErrorState error={error} />}
      {log.error ? (
        <ErrorState error={log.error} onRetry={log.reload} />
      ) : !log.data ? (
        <Loading>
          <Skeleton height={24} count={2} />
        </Loading>
      ) : log.data.items.length === 0 ? (
        <p className="muted small" data-testid="deliveries-empty">
          {t('webhooks.no_deliveries')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact" data-testid="deliveries">
            <thead>
              <tr>
                <th scope="col">{t('webhooks.col.when')}</th>
                <th scope="col">{t('webhooks.col.event')}</th>
                <th scope="col">{t('webhooks.url')}</th>
                <th scope="col">{t('webhooks.col.status')}</th>
                <th scope="col" className="right">
                  {t('webhooks.col.attempts')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('webhooks.replay')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((d) => (
                <tr key={d.delivery_id}>
                  <td>{formatDateTime(lang, d.created_at)}</td>
                  <td>
                    <code>{d.event}</code>
                  </td>
                  <td className="url-cell">{names(d.webhook_id)}</td>
                  <td>
                    <span className={`status status-${d.status === 'delivered' ? 'ok' : d.status}`}>
                      {t(STATUS_KEY[d.status])}
                      {d.last_status ? ` · HTTP ${d.last_status}` : ''}
                    </span>
                  </td>
                  <td className="right num">{formatNumber(lang, d.attempts)}</td>
                  <td className="right">
                    {d.status !== 'pending' && (
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        onClick={() => void replay(d.delivery_id)}
                      >
                        {t('webhooks.replay')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
