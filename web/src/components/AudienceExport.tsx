import { useState } from 'react'
import { canWrite, useSession } from '../app/session.js'
import type { MessageKey } from '../i18n/catalog.js'
import { useI18n } from '../i18n/I18n.js'
import { Card } from './Card.js'

const FORMATS = ['csv', 'json', 'ads'] as const

/**
 * Export a segment as a marketing audience (analysts and admins): CSV, JSON, or identifiers hashed for ad
 * platforms. The server streams consented customers only and records every export; the link is a plain
 * download so nothing is held in the page.
 */
export function AudienceExport({ segmentId }: { segmentId: string }) {
  const { t } = useI18n()
  const { me, routes } = useSession()
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('csv')
  if (!canWrite(me) || !routes.has('/api/audience/export')) return null
  const href = `/api/audience/export?segment=${encodeURIComponent(segmentId)}&format=${format}`
  return (
    <Card title={t('audience.title')} hint={t('audience.hint')} id="audience">
      <div className="inline-form">
        <label className="field">
          <span>{t('audience.format')}</span>
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value as typeof format)}
            data-testid="audience-format"
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`audience.format.${f}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <a className="btn btn-primary" href={href} download data-testid="audience-export">
          {t('audience.export')}
        </a>
      </div>
      <p className="small muted">{t('audience.consent_note')}</p>
    </Card>
  )
}
