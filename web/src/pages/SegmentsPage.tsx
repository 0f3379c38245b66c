import type { SegmentInfo } from '../api/types.js'
import { useApi } from '../api/useApi.js'
import { canWrite, useSession } from '../app/session.js'
import { Card } from '../components/Card.js'
import { EmptyState, ErrorState, Loading, Skeleton } from '../components/States.js'
import type { MessageKey } from '../i18n/catalog.js'
import { formatDateTime, formatNumber } from '../i18n/format.js'
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
    </div>
  )
}
