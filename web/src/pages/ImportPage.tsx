import { type FormEvent, useState } from 'react'
import { api, waitForJob } from '../api/client.js'
import type { Job, Page } from '../api/types.js'
import { useApi } from '../api/useApi.js'
import { canWrite, useSession } from '../app/session.js'
import { Card } from '../components/Card.js'
import { EmptyState, ErrorState, Loading, Skeleton } from '../components/States.js'
import type { MessageKey } from '../i18n/catalog.js'
import { formatDateTime, formatNumber } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { type Preview, previewText } from '../lib/csv-preview.js'

const KINDS = ['customers', 'orders', 'order-items', 'events', 'feedback'] as const

interface ImportRow {
  import_id: string
  kind: string
  file: string | null
  status: string
  started_at: string
  rows_imported: number | null
  rows_rejected: number | null
}

interface Problem {
  code: string
  message?: string
  at?: { line?: number; column?: string | number; field?: string }
}

/** The data-quality report of an import (src/ingest/quality-report.ts), the parts shown here. */
interface QualityReport {
  status: string
  rows: { read: number; imported: number; unchanged: number; rejected: number }
  customers: { created: number; merged: number }
  guestOrders: { orders: number }
  duplicateIds: { rows: number }
  nonPositiveAmounts: { orders: number }
  futureDates: { rows: number }
  outliers: { orders: number }
  dateRange: { from: string | null; to: string | null }
  problemsTotal: number
}

interface ImportOutcome {
  importId: string
  status: string
  report: QualityReport
  problems: Problem[]
}

export function ImportPage() {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const history = useApi<Page<ImportRow>>('/api/imports?limit=20')
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('import.title')}</h1>
      </header>
      {canWrite(me) ? <ImportForm onDone={history.reload} /> : <p className="muted">{t('import.viewer')}</p>}
      <Card title={t('import.history')} id="import-history">
        {history.error ? (
          <ErrorState error={history.error} onRetry={history.reload} />
        ) : !history.data ? (
          <Loading>
            <Skeleton height={28} count={4} />
          </Loading>
        ) : history.data.items.length === 0 ? (
          <EmptyState title={t('import.no_history')} />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('import.col.when')}</th>
                  <th scope="col">{t('import.col.kind')}</th>
                  <th scope="col">{t('import.col.file')}</th>
                  <th scope="col">{t('import.col.status')}</th>
                  <th scope="col" className="num">
                    {t('import.col.rows')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.data.items.map((r) => (
                  <tr key={r.import_id}>
                    <td>{formatDateTime(lang, r.started_at)}</td>
                    <td>
                      {KINDS.includes(r.kind as never) ? t(`import.kind.${r.kind}` as MessageKey) : r.kind}
                    </td>
                    <td className="ellipsis">{r.file ?? '—'}</td>
                    <td>
                      <span className={`status status-${r.status}`}>{r.status}</span>
                    </td>
                    <td className="num">
                      {formatNumber(lang, r.rows_imported)} / {formatNumber(lang, r.rows_rejected)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  )
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t, lang } = useI18n()
  const [kind, setKind] = useState<(typeof KINDS)[number]>('orders')
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [map, setMap] = useState('')
  const [skipInvalid, setSkipInvalid] = useState(true)
  const [progress, setProgress] = useState<{ done: number; total: number; rows: number } | null>(null)
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null)
  const [error, setError] = useState<Error | null>(null)

  async function pick(f: File | null) {
    setFile(f)
    setOutcome(null)
    setPreview(f ? previewText(await f.slice(0, 64 * 1024).text()) : null)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!file) return
    setError(null)
    setOutcome(null)
    setProgress({ done: 0, total: file.size, rows: 0 })
    try {
      const form = new FormData()
      form.append('file', file, file.name)
      const q = new URLSearchParams({ skipInvalid: String(skipInvalid) })
      if (map.trim()) q.set('map', map.trim())
      const job = await api<Job<ImportOutcome>>(`/api/imports/${kind}?${q}`, { method: 'POST', body: form })
      const result = await waitForJob(job, (p) =>
        setProgress({
          done: Number(p['bytesRead'] ?? 0),
          total: Number(p['totalBytes'] ?? file.size),
          rows: Number(p['rows'] ?? 0),
        }),
      )
      setOutcome(result)
      onDone()
    } catch (err) {
      setError(err as Error)
    } finally {
      setProgress(null)
    }
  }

  const pct = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0
  return (
    <Card>
      <form className="form-grid" onSubmit={submit}>
        <label className="field">
          <span>{t('import.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`import.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('import.file')}</span>
          <input
            type="file"
            accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,.parquet,.xlsx,.gz,.zst"
            onChange={(e) => void pick(e.target.files?.[0] ?? null)}
          />
        </label>
        <div className="field field-wide">
          <label htmlFor="import-map">{t('import.map')}</label>
          <input
            id="import-map"
            value={map}
            onChange={(e) => setMap(e.target.value)}
            aria-describedby="map-hint"
            placeholder="customer_id=会员编号,amount=实付金额"
          />
          <small id="map-hint">{t('import.map_hint')}</small>
        </div>
        <label className="check field-wide">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
          <span>{t('import.skip_invalid')}</span>
        </label>
        {preview && (
          <div className="field-wide">
            <h3 className="sub">{t('import.preview')}</h3>
            <p className="small muted">{t('import.preview_hint')}</p>
            <div className="table-wrap">
              <table className="table table-compact" data-testid="import-preview">
                <thead>
                  <tr>
                    {preview.columns.map((c) => (
                      <th scope="col" key={c}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no id
                    <tr key={i}>
                      {preview.columns.map((c, j) => (
                        <td key={c}>{r[j] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
        <div className="field-wide actions">
          <button type="submit" className="btn btn-primary" disabled={!file || progress !== null}>
            {t('import.run')}
          </button>
        </div>
      </form>
      {progress && (
        <div role="status" aria-live="polite" className="progress-note">
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(pct * 100)}
          >
            <i style={{ width: `${pct * 100}%` }} />
          </div>
          {t('import.progress', { rows: formatNumber(lang, progress.rows) })}
        </div>
      )}
      {error && <ErrorState error={error} />}
      {outcome && <Outcome o={outcome} />}
    </Card>
  )
}

function Outcome({ o }: { o: ImportOutcome }) {
  const { t, lang } = useI18n()
  const r = o.report
  const n = (v: number | undefined) => formatNumber(lang, v ?? 0)
  const quality: [MessageKey, string][] = [
    ['import.q.customers', `${n(r.customers?.created)} / ${n(r.customers?.merged)}`],
    ['import.q.duplicates', n(r.duplicateIds?.rows)],
    ['import.q.guest', n(r.guestOrders?.orders)],
    ['import.q.non_positive', n(r.nonPositiveAmounts?.orders)],
    ['import.q.future', n(r.futureDates?.rows)],
    ['import.q.outliers', n(r.outliers?.orders)],
    [
      'import.q.range',
      r.dateRange?.from
        ? `${formatDateTime(lang, r.dateRange.from)} – ${formatDateTime(lang, r.dateRange.to)}`
        : '—',
    ],
  ]
  return (
    <div className="outcome" role="status" data-testid="import-outcome">
      <p className="state-title">
        {t('import.done', {
          imported: n(r.rows?.imported),
          rejected: n(r.rows?.rejected),
          unchanged: n(r.rows?.unchanged),
        })}
      </p>
      <p className="muted small">{t('import.analyze_after')}</p>
      <h3 className="sub">{t('import.q.title')}</h3>
      <dl className="dl dl-2">
        {quality.map(([k, v]) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd className="num-text">{v}</dd>
          </div>
        ))}
      </dl>
      {o.problems.length > 0 && (
        <>
          <h3 className="sub">{t('import.problems')}</h3>
          <ul className="problems">
            {o.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id
              <li key={i}>
                <span className="muted">
                  {t('import.problem_at', {
                    line: p.at?.line ?? '?',
                    column: String(p.at?.field ?? p.at?.column ?? ''),
                  })}
                </span>{' '}
                {p.message ?? p.code}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
