import { useSession } from '../app/session.js'
import { EmptyState } from '../components/States.js'
import { useI18n } from '../i18n/I18n.js'
import { navigate } from '../lib/router.js'

/** Saved segments live on the server's segment routes; until it offers them this page says so. */
export function SegmentsPage() {
  const { t } = useI18n()
  const { routes } = useSession()
  if (!routes.has('/api/segments'))
    return (
      <div className="page">
        <header className="page-head">
          <h1>{t('segments.title')}</h1>
        </header>
        <EmptyState title={t('segments.title')}>
          <p className="muted">{t('segments.unavailable')}</p>
          <button type="button" className="btn" onClick={() => navigate('/')}>
            {t('common.go_overview')}
          </button>
        </EmptyState>
      </div>
    )
  return null
}
