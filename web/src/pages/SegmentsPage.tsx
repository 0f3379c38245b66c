import type { SegmentInfo } from '../api/types.js'
import { useApi } from '../api/useApi.js'
import { canWrite, useSession } from '../app/session.js'
import { ramp, textOn } from '../charts/palette.js'
import { Card } from '../components/Card.js'
import { EmptyState, ErrorState, Loading, Skeleton } from '../components/States.js'
import type { MessageKey } from '../i18n/catalog.js'
import { formatDateTime, formatNumber, formatPercent } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { segmentPath } from '../lib/route-match.js'
import { navigate } from '../lib/router.js'

/** Saved segments with their sizes; the builder starts from here. */
export function SegmentsPage() {
  const { t, lang } = useI18n()
  const { me, routes } = useSession()
  const list = useApi<{ items: SegmentInfo[] }>(routes.has('/api/segments') ? '/api/segments' : null)
  if (!routes.has('/api/segments'))
    return (
      <div className="page">
        <header className="page-head">
          <h1>{t('segments.title')}</h1>
        </header>
        <EmptyState title={t('segments.title')}>
          <p className="muted">{t('segments.unavailable')}</p>
        </EmptyState>
      </div>
    )
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('segments.title')}</h1>
        {canWrite(me) && (
          <button type="button" className="btn btn-primary" onClick={() => navigate('/segments/new')}>
            + {t('segments.new')}
          </button>
        )}
      </header>
      <Card>
        {list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Loading>
            <Skeleton height={30} count={5} />
          </Loading>
        ) : list.data.items.length === 0 ? (
          <EmptyState title={t('segments.empty')} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="segments">
              <thead>
                <tr>
                  <th scope="col">{t('segments.col.name')}</th>
                  <th scope="col">{t('segments.col.kind')}</th>
                  <th scope="col" className="num">
                    {t('segments.col.members')}
                  </th>
                  <th scope="col">{t('segments.col.definition')}</th>
                  <th scope="col" className="num">
                    {t('segments.col.computed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={s.segmentId}>
                    <th scope="row">
                      <a
                        href={segmentPath(s.segmentId)}
                        onClick={(e) => {
                          e.preventDefault()
                          navigate(segmentPath(s.segmentId))
                        }}
                      >
                        {s.name}
                      </a>
                    </th>
                    <td>{t(`segments.kind.${s.kind}` as MessageKey)}</td>
                    <td className="num">{formatNumber(lang, s.members)}</td>
                    <td className="ellipsis">
                      <code>{s.definition ?? '—'}</code>
                    </td>
                    <td className="num">{formatDateTime(lang, s.computedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {list.data && list.data.items.length >= 2 && (
        <Overlap ids={list.data.items.slice(0, 10).map((s) => s.segmentId)} />
      )}
    </div>
  )
}

interface OverlapMatrix {
  segments: SegmentInfo[]
  shared: number[][]
  percent: (number | null)[][]
}

/** Pairwise overlap of up to ten segments as a shaded table (darker = more of the row also in the column). */
function Overlap({ ids }: { ids: string[] }) {
  const { t, lang } = useI18n()
  const m = useApi<OverlapMatrix>(`/api/segments/overlap?ids=${encodeURIComponent(ids.join(','))}`)
  const data = m.data
  return (
    <Card title={t('segments.overlap')} hint={t('segments.overlap_hint')} id="overlap">
      {m.error ? (
        <ErrorState error={m.error} onRetry={m.reload} />
      ) : !data ? (
        <Skeleton height={120} />
      ) : (
        <div className="table-wrap">
          <table className="table overlap" data-testid="overlap">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('segments.col.name')}</span>
                </th>
                {data.segments.map((s) => (
                  <th scope="col" key={s.segmentId} className="num">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.segments.map((row, i) => (
                <tr key={row.segmentId}>
                  <th scope="row">{row.name}</th>
                  {data.segments.map((col, j) => {
                    const p = data.percent[i]?.[j] ?? null
                    const bg = i === j ? '#f1f3f6' : ramp(p ?? 0)
                    return (
                      <td
                        key={col.segmentId}
                        className="num"
                        style={{ background: bg, color: i === j ? undefined : textOn(bg) }}
                      >
                        {i === j ? formatNumber(lang, data.shared[i]?.[j]) : formatPercent(lang, p)}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  )
}
