import { type FormEvent, useState } from 'react'
import { ApiError, api, waitForJob } from '../api/client.js'
import { useApi } from '../api/useApi.js'
import { useSession } from '../app/session.js'
import { Card } from '../components/Card.js'
import { EmptyState, ErrorState, ListState, Loading, Skeleton } from '../components/States.js'
import { formatNumber, formatPercent } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { segmentPath } from '../lib/route-match.js'
import { navigate } from '../lib/router.js'

type Localized = Partial<Record<string, string>>
interface TagRow {
  tag: string
  source: 'builtin' | 'user'
  definition: string | null
  description: Localized | null
  customers: number
}
interface Contrast {
  feature: string
  z: number
  clusterMean: number
  overallMean: number
}
interface ClusterRow {
  runId: string
  snapshotId: string
  cluster: number
  size: number
  share: number
  name: Localized
  description: Localized
  contrasts: Contrast[]
}

/** Tags (built-in and user-defined in the segment language) and customer clusters. */
export function TagsPage() {
  const { t } = useI18n()
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t('tags.title')}</h1>
          <p className="page-sub">{t('tags.sub')}</p>
        </div>
      </header>
      <TagsCard />
      <ClustersCard />
    </div>
  )
}

function TagsCard() {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const canWrite = me.role !== 'viewer'
  const tags = useApi<{ items: TagRow[] }>('/api/tags')
  const [name, setName] = useState('')
  const [definition, setDefinition] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<ApiError | Error | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function define(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setNote(null)
    setBusy(true)
    try {
      const out = await api<{ tag: string; customers: number }>('/api/tags', {
        method: 'POST',
        body: {
          name: name.trim(),
          definition: definition.trim(),
          ...(description.trim() ? { description } : {}),
        },
      })
      setNote(t('tags.defined', { tag: out.tag, n: formatNumber(lang, out.customers) }))
      setName('')
      setDefinition('')
      setDescription('')
      tags.reload()
    } catch (err) {
      setError(err as Error)
    } finally {
      setBusy(false)
    }
  }
  async function remove(tag: string) {
    setError(null)
    await api(`/api/tags/${encodeURIComponent(tag)}`, { method: 'DELETE' }).catch((e: Error) => setError(e))
    tags.reload()
  }
  async function refresh() {
    setError(null)
    setBusy(true)
    await api('/api/tags/refresh', { method: 'POST', body: {} }).catch((e: Error) => setError(e))
    setBusy(false)
    tags.reload()
  }
  // A definition the language refuses (400): its diagnostics, or the one message, listed under the field.
  const problems =
    error instanceof ApiError && error.status === 400
      ? error.details.length > 0
        ? error.details.map((d) => d.message)
        : [error.message]
      : null

  return (
    <Card
      title={t('tags.list')}
      hint={t('tags.list_hint')}
      id="tags"
      actions={
        canWrite ? (
          <button type="button" className="btn btn-small" onClick={() => void refresh()} disabled={busy}>
            {t('tags.refresh')}
          </button>
        ) : undefined
      }
    >
      <ListState
        list={tags}
        skeleton={{ height: 24, count: 5 }}
        empty={
          <EmptyState title={t('tags.none')}>
            <p className="small muted">{t('tags.none_hint')}</p>
          </EmptyState>
        }
      >
        {(items) => (
          <div className="table-wrap tags-table">
            <table className="table table-compact" data-testid="tags">
              <thead>
                <tr>
                  <th scope="col">{t('tags.col.tag')}</th>
                  <th scope="col">{t('tags.col.meaning')}</th>
                  <th scope="col" className="right">
                    {t('tags.col.customers')}
                  </th>
                  {canWrite && (
                    <th scope="col">
                      <span className="visually-hidden">{t('tags.delete')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {/* Tags defined here first: they are the ones people come back to edit. */}
                {[
                  ...items.filter((x) => x.source === 'user'),
                  ...items.filter((x) => x.source !== 'user'),
                ].map((row) => (
                  <tr key={row.tag}>
                    <th scope="row">
                      <span className={`chip ${row.source === 'user' ? 'chip-strong' : 'chip-tag'}`}>
                        {row.tag}
                      </span>
                      <span className="small muted">
                        {' '}
                        {t(row.source === 'user' ? 'tags.user' : 'tags.builtin')}
                      </span>
                    </th>
                    <td>
                      {row.description?.[lang] ?? row.description?.['en'] ?? ''}
                      {row.definition && (
                        <div>
                          <code className="small">{row.definition}</code>
                        </div>
                      )}
                    </td>
                    <td className="right num">{formatNumber(lang, row.customers)}</td>
                    {canWrite && (
                      <td className="right">
                        {row.source === 'user' && (
                          <button
                            type="button"
                            className="btn btn-small btn-ghost"
                            aria-label={t('tags.delete_one', { tag: row.tag })}
                            onClick={() => void remove(row.tag)}
                          >
                            {t('tags.delete')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
      {canWrite ? (
        <form className="stack-form" onSubmit={define} aria-labelledby="define-tag-title">
          <h3 id="define-tag-title" className="sub">
            {t('tags.define')}
          </h3>
          <div className="form-grid">
            <label className="field">
              <span>{t('tags.name')}</span>
              <input
                required
                maxLength={64}
                value={name}
                onChange={(e) => setName(e.target.value)}
                data-testid="tag-name"
              />
              <small>{t('tags.name_hint')}</small>
            </label>
            <label className="field">
              <span>{t('tags.description')}</span>
              <input value={description} onChange={(e) => setDescription(e.target.value)} />
            </label>
          </div>
          <label className="field">
            <span>{t('tags.definition')}</span>
            <textarea
              required
              className="code"
              rows={2}
              spellCheck={false}
              placeholder="frequency >= 5 AND churn_risk = 'Low'"
              value={definition}
              aria-invalid={problems ? true : undefined}
              aria-describedby={problems ? 'tag-problems' : undefined}
              onChange={(e) => setDefinition(e.target.value)}
              data-testid="tag-definition"
            />
          </label>
          {problems && (
            <div id="tag-problems" role="alert" className="problem-box" data-testid="tag-problems">
              <ul>
                {problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics in their order
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {error && !problems && <ErrorState error={error} />}
          <div className="actions-row">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="tag-save">
              {t('tags.save')}
            </button>
            {note && (
              <span role="status" className="saved-note" data-testid="tag-saved">
                {note}
              </span>
            )}
          </div>
        </form>
      ) : (
        <p className="small muted">{t('tags.viewer_note')}</p>
      )}
    </Card>
  )
}

function ClustersCard() {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const canWrite = me.role !== 'viewer'
  const clusters = useApi<{ items: ClusterRow[] }>('/api/clusters')
  const [k, setK] = useState('')
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<Error | null>(null)

  async function run(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setRunning(true)
    try {
      const job = await api<{ jobId: string; state: string }>('/api/clusters/run', {
        method: 'POST',
        body: k ? { k: Number(k) } : {},
      })
      await waitForJob(job, () => undefined, '/api/personas/jobs/')
      clusters.reload()
    } catch (err) {
      setError(err as Error)
    } finally {
      setRunning(false)
    }
  }
  async function save(c: ClusterRow) {
    setError(null)
    try {
      const out = await api<{ saved: { segmentId: string }[] }>(
        `/api/clusters/${encodeURIComponent(c.runId)}/${c.cluster}/save`,
        { method: 'POST', body: { name: c.name[lang] ?? c.name['en'] ?? `cluster-${c.cluster}` } },
      )
      const id = out.saved[0]?.segmentId
      if (id) navigate(segmentPath(id))
    } catch (err) {
      setError(err as Error)
    }
  }
  const items = clusters.data?.items ?? []
  // No run yet is an answer, not a failure: the page offers to run one.
  const noRun = clusters.error?.code === 'personas.cluster.no_run'

  return (
    <Card title={t('clusters.title')} hint={t('clusters.hint')} id="clusters">
      {canWrite && (
        <form className="inline-form" onSubmit={run} aria-label={t('clusters.run')}>
          <label className="field">
            <span>{t('clusters.k')}</span>
            <select value={k} onChange={(e) => setK(e.target.value)}>
              <option value="">{t('clusters.k_auto')}</option>
              {[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-primary" disabled={running} data-testid="cluster-run">
            {running ? t('clusters.running') : t('clusters.run')}
          </button>
        </form>
      )}
      {running && (
        <Loading>
          <Skeleton height={60} count={2} />
        </Loading>
      )}
      {error && <ErrorState error={error} />}
      {clusters.error && !noRun ? (
        <ErrorState error={clusters.error} onRetry={clusters.reload} />
      ) : !clusters.data && !noRun ? (
        <Loading>
          <Skeleton height={60} count={2} />
        </Loading>
      ) : items.length === 0 ? (
        running ? null : (
          <EmptyState title={t('clusters.none')}>
            <p className="small muted">{t('clusters.none_hint')}</p>
          </EmptyState>
        )
      ) : (
        <>
          <p className="small muted">
            {t('clusters.run_of', {
              run: items[0]!.runId,
              snapshot: items[0]!.snapshotId,
              k: String(items.length),
            })}
          </p>
          <ul className="cluster-list" data-testid="clusters">
            {items.map((c) => (
              <li key={c.cluster} className="cluster">
                <div className="cluster-head">
                  <h3 className="sub">{c.name[lang] ?? c.name['en']}</h3>
                  <span className="num nowrap">
                    {formatNumber(lang, c.size)} · {formatPercent(lang, c.share)}
                  </span>
                </div>
                <div className="bar-track" aria-hidden="true">
                  <div className="bar" style={{ width: `${Math.max(1, c.share * 100)}%` }} />
                </div>
                <p className="small">{c.description[lang] ?? c.description['en']}</p>
                {canWrite && (
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => void save(c)}>
                    {t('clusters.save')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  )
}
