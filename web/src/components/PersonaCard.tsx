import { useApi } from '../api/useApi.js'
import type { MessageKey } from '../i18n/catalog.js'
import { formatMoneyCompact, formatNumber, formatPercent } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { Card } from './Card.js'
import { EmptyState, ErrorState, Loading, Skeleton } from './States.js'

interface Share {
  value: string
  share: number
}
interface Ranked {
  name: string
  share: number
}
/** The fields of `GET /api/personas/card` this panel shows. */
interface PersonaCardData {
  size: number
  sizeShare: number
  revenue: number
  revenueShare: number
  age: Share[]
  gender: Share[]
  cityTier: Share[]
  topCategories: Ranked[]
  summary: Record<string, string>
}

function Bars({
  title,
  rows,
  testId,
}: {
  title: string
  rows: { label: string; share: number }[]
  testId: string
}) {
  const { lang } = useI18n()
  if (rows.length === 0) return null
  return (
    <div className="persona-dist" data-testid={testId}>
      <h3 className="small muted">{title}</h3>
      <ul className="persona-bars">
        {rows.map((r) => (
          <li key={r.label}>
            <span className="persona-bar-label" title={r.label}>
              {r.label}
            </span>
            <span className="persona-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(r.share * 100)}%` }} />
            </span>
            <span className="num small">{formatPercent(lang, r.share, 0)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Who the members of a saved segment are: sizes, distributions and a one-sentence summary. */
export function PersonaCardPanel({ segmentId }: { segmentId: string }) {
  const { t, lang } = useI18n()
  const card = useApi<PersonaCardData>(`/api/personas/card?segment=${encodeURIComponent(segmentId)}`)
  const c = card.data
  return (
    <Card title={t('persona.title')} id="persona-card">
      {card.error ? (
        <ErrorState error={card.error} onRetry={card.reload} />
      ) : !c ? (
        <Loading>
          <Skeleton height={96} />
        </Loading>
      ) : c.size === 0 ? (
        <EmptyState title={t('persona.empty')} />
      ) : (
        <div data-testid="persona-card">
          <p data-testid="persona-summary">{c.summary[lang] ?? c.summary['en']}</p>
          <div className="persona-figures">
            <span>
              <span className="kpi-value num" data-testid="persona-size">
                {formatNumber(lang, c.size)}
              </span>{' '}
              <span className="muted small">
                {t('persona.size_share', { share: formatPercent(lang, c.sizeShare) })}
              </span>
            </span>
            <span>
              <span className="kpi-value num">{formatMoneyCompact(lang, c.revenue)}</span>{' '}
              <span className="muted small">
                {t('persona.revenue_share', { share: formatPercent(lang, c.revenueShare) })}
              </span>
            </span>
          </div>
          <div className="persona-dists">
            <Bars
              title={t('persona.age')}
              testId="persona-age"
              rows={c.age.map((s) => ({ label: s.value, share: s.share }))}
            />
            <Bars
              title={t('persona.gender')}
              testId="persona-gender"
              rows={c.gender.map((s) => ({
                label:
                  s.value === 'F' || s.value === 'M' ? t(`persona.gender.${s.value}` as MessageKey) : s.value,
                share: s.share,
              }))}
            />
            <Bars
              title={t('persona.city_tier')}
              testId="persona-tier"
              rows={c.cityTier.map((s) => ({
                label: t(`persona.tier.${s.value}` as MessageKey),
                share: s.share,
              }))}
            />
            <Bars
              title={t('persona.categories')}
              testId="persona-categories"
              rows={c.topCategories.map((r) => ({ label: r.name, share: r.share }))}
            />
          </div>
        </div>
      )}
    </Card>
  )
}
