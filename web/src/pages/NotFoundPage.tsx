import { EmptyState } from '../components/States.js'
import { useI18n } from '../i18n/I18n.js'
import { navigate } from '../lib/router.js'

export function NotFoundPage() {
  const { t } = useI18n()
  return (
    <EmptyState title={t('common.not_found')}>
      <button type="button" className="btn" onClick={() => navigate('/')}>
        {t('common.go_overview')}
      </button>
    </EmptyState>
  )
}
