import type { CustomerProfile, Page, Sentence, TimelineItem } from '../api/types.js'
import { useApi } from '../api/useApi.js'
import { seesPii, useSession } from '../app/session.js'
import { Card } from '../components/Card.js'
import { EmptyState, ErrorState, Loading, Skeleton } from '../components/States.js'
import type { MessageKey } from '../i18n/catalog.js'
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { LIFECYCLE_NAMES, nameOf, SEGMENT_NAMES, TIER_NAMES } from '../i18n/names.js'
import { navigate } from '../lib/router.js'

type Row = Record<string, string | number | null>

export function CustomerPage({ id }: { id: string }) {
  const { t } = useI18n()
  const { me } = useSession()
  const base = `/api/customers/${encodeURIComponent(id)}`
  const profile = useApi<CustomerProfile>(base)
  const why = useApi<{ sentences: Sentence[] }>(`${base}/why`)
  const timeline = useApi<Page<TimelineItem>>(`${base}/timeline?limit=50`)

  if (profile.error?.status === 404)
    return (
      <div className="page">
        <EmptyState title={t('customer.not_found', { id })}>
          <button type="button" className="btn" onClick={() => navigate('/customers')}>
            {t('common.back')}
          </button>
        </EmptyState>
      </div>
    )
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <a
            className="back"
            href="/customers"
            onClick={(e) => {
              e.preventDefault()
              history.length > 1 ? history.back() : navigate('/customers')
            }}
          >
            ← {t('nav.customers')}
          </a>
          <h1>{t('customer.title', { id })}</h1>
        </div>
        {profile.data?.explanation && <Chips p={profile.data} />}
      </header>
      {!seesPii(me) && <p className="badge-masked">{t('common.masked')}</p>}
      {profile.error ? (
        <ErrorState error={profile.error} onRetry={profile.reload} />
      ) : !profile.data ? (
        <Loading>
          <div className="grid-360">
            <div className="card">
              <Skeleton height={18} count={8} />
            </div>
            <div className="card">
              <Skeleton height={18} count={10} />
            </div>
          </div>
        </Loading>
      ) : (
        <div className="grid-360">
          <div className="col">
            <ProfileCard p={profile.data} />
            <MembershipCard p={profile.data} />
          </div>
          <div className="col">
            <ScoresCard p={profile.data} sentences={why.data?.sentences ?? null} />
            <FeaturesCard p={profile.data} />
            <TimelineCard items={timeline.data?.items ?? null} currency={currencyOf(profile.data)} />
          </div>
        </div>
      )}
    </div>
  )
}

/** `{"sku":"FR-003","category":"生鲜"}` → `sku FR-003 · category 生鲜` (event properties as a person reads them). */
function readableProperties(json: string): string {
  try {
    const o = JSON.parse(json) as Record<string, unknown>
    return Object.entries(o)
      .filter(([, v]) => v !== null && v !== '' && typeof v !== 'object')
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(' · ')
  } catch {
    return json
  }
}

function currencyOf(p: CustomerProfile): string {
  return p.recentOrders[0]?.currency ?? 'CNY'
}

function Chips({ p }: { p: CustomerProfile }) {
  const { t, lang } = useI18n()
  const e = p.explanation!
  return (
    <div className="chips" data-testid="customer-chips">
      {e.segment && (
        <span className="chip chip-strong">
          <span className="chip-label">{t('customer.segment')}</span>
          {nameOf(SEGMENT_NAMES, e.segment, lang)}
        </span>
      )}
      <span className="chip">
        <span className="chip-label">{t('customer.lifecycle')}</span>
        {nameOf(LIFECYCLE_NAMES, e.lifecycle.stage, lang)}
      </span>
      {e.valueTier.tier && (
        <span className="chip">
          <span className="chip-label">{t('customer.tier')}</span>
          {nameOf(TIER_NAMES, e.valueTier.tier, lang)}
        </span>
      )}
    </div>
  )
}

function ProfileCard({ p }: { p: CustomerProfile }) {
  const { t, lang } = useI18n()
  const c = p.customer
  const fields: [MessageKey, string][] = c
    ? [
        ['customer.field.name', c.name ?? '—'],
        ['customer.field.email', c.email ?? '—'],
        ['customer.field.phone', c.phone ?? '—'],
        ['customer.field.gender', c.gender ?? '—'],
        ['customer.field.birth_date', formatDate(lang, c.birth_date)],
        ['customer.field.city', [c.city, c.region].filter(Boolean).join(' · ') || '—'],
        ['customer.field.signup_at', formatDate(lang, c.signup_at)],
        ['customer.field.source', c.source ?? '—'],
        [
          'customer.field.consent',
          c.consent_marketing === null
            ? '—'
            : c.consent_marketing
              ? t('customer.consent.yes')
              : t('customer.consent.no'),
        ],
      ]
    : []
  return (
    <Card title={t('customer.profile')} id="profile">
      <dl className="dl" data-testid="profile">
        {fields.map(([k, v]) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd data-field={k.slice('customer.field.'.length)}>{v}</dd>
          </div>
        ))}
      </dl>
      {p.identities.length > 0 && (
        <>
          <h3 className="sub">{t('customer.identities')}</h3>
          <ul className="plain small">
            {p.identities.map((i) => (
              <li key={`${i.kind}:${i.source}:${i.value}`}>
                <span className="muted">{i.kind}</span> {i.value}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  )
}

function MembershipCard({ p }: { p: CustomerProfile }) {
  const { t } = useI18n()
  return (
    <Card title={t('customer.segments_tags')} id="membership">
      {p.segments.length === 0 ? (
        <p className="muted small">{t('customer.no_segments')}</p>
      ) : (
        <div className="chips">
          {p.segments.map((s) => (
            <span className="chip" key={s.segment_id}>
              {s.name ?? s.segment_id}
            </span>
          ))}
        </div>
      )}
      {p.tags.length === 0 ? (
        <p className="muted small">{t('customer.no_tags')}</p>
      ) : (
        <div className="chips">
          {p.tags.map((tag) => (
            <span className="chip chip-tag" key={tag.tag}>
              # {tag.tag}
            </span>
          ))}
        </div>
      )}
    </Card>
  )
}

function ScoreDots({ score, bins }: { score: number; bins: number }) {
  return (
    <span className="dots" aria-hidden="true">
      {Array.from({ length: bins }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed positions
        <i key={i} className={i < score ? 'on' : ''} />
      ))}
    </span>
  )
}

function ScoresCard({ p, sentences }: { p: CustomerProfile; sentences: Sentence[] | null }) {
  const { t, lang } = useI18n()
  const e = p.explanation
  if (!e) {
    return (
      <Card title={t('customer.scores')} id="scores">
        <p className="muted">{t('customer.no_scores')}</p>
      </Card>
    )
  }
  const row = e.row as Row
  const said = (part: Sentence['part']) =>
    (sentences ?? []).filter((s) => s.part === part).map((s) => s.text.trim())
  const bins = Math.max(4, ...(e.dimensions ?? []).map((d) => d.score))
  const currency = currencyOf(p)
  const pAlive = typeof row['p_alive'] === 'number' ? row['p_alive'] : null
  const band = typeof row['churn_band'] === 'string' ? row['churn_band'] : null
  return (
    <Card title={t('customer.scores')} hint={said('inputs')[0]} id="scores">
      {e.dimensions && (
        <div className="rfm" data-testid="rfm">
          {e.dimensions.map((d) => (
            <div className="rfm-dim" key={d.dim}>
              <div className="rfm-head">
                <span className="rfm-letter">{d.dim.toUpperCase()}</span>
                <span className="rfm-score num">{d.score}</span>
                <ScoreDots score={d.score} bins={bins} />
              </div>
              {sentences ? (
                said(d.dim).map((s) => (
                  <p className="why" key={s}>
                    {s}
                  </p>
                ))
              ) : (
                <Skeleton height={12} count={2} />
              )}
            </div>
          ))}
        </div>
      )}
      <ul className="why-list">
        {[...said('code'), ...said('lifecycle'), ...said('tier')].map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <div className="pred">
        <div className="pred-box">
          <div className="kpi-label">{t('customer.clv')}</div>
          <div className="kpi-value num" data-testid="clv">
            {row['clv_12m'] === null ? '—' : formatMoney(lang, Number(row['clv_12m']), currency)}
          </div>
        </div>
        <div className="pred-box">
          <div className="kpi-label">{t('customer.churn')}</div>
          <div className={`kpi-value band band-${band ?? 'none'}`}>
            {band ? t(`band.${band}` as MessageKey) : '—'}
          </div>
          {pAlive !== null && (
            <div className="small muted">{t('customer.p_alive', { p: formatPercent(lang, pAlive) })}</div>
          )}
        </div>
        <div className="pred-box">
          <div className="kpi-label">{t('customer.next_order')}</div>
          <div className="kpi-value">{formatDate(lang, row['expected_next_order_at'] as string | null)}</div>
        </div>
      </div>
      {pAlive === null && <p className="muted small">{t('customer.no_model')}</p>}
      {said('move').length > 0 && (
        <div className="next-action">
          <h3 className="sub">{t('customer.next_action')}</h3>
          <ul>
            {said('move').map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  )
}

function FeaturesCard({ p }: { p: CustomerProfile }) {
  const { t, lang } = useI18n()
  const row = (p.explanation?.row ?? null) as Row | null
  if (!row) return null
  const n = (k: string) => (typeof row[k] === 'number' ? (row[k] as number) : null)
  const share = (k: string) => formatPercent(lang, n(k), 0)
  const currency = currencyOf(p)
  const items: [MessageKey, string][] = [
    ['customer.feature.aov', formatMoney(lang, n('aov'), currency)],
    [
      'customer.feature.tenure',
      n('tenure_days') === null
        ? '—'
        : t('customer.feature.days', { n: formatNumber(lang, n('tenure_days')) }),
    ],
    [
      'customer.feature.interval',
      n('median_interval_days') === null
        ? '—'
        : t('customer.feature.days', { n: formatNumber(lang, n('median_interval_days'), 0) }),
    ],
    ['customer.feature.discount', share('discount_share')],
    ['customer.feature.refund', share('refund_share')],
    [
      'customer.feature.top_category',
      row['top_category'] ? `${row['top_category']} (${share('top_category_share')})` : '—',
    ],
    [
      'customer.feature.channels',
      `${share('online_share')} / ${share('store_share')} / ${share('community_share')}`,
    ],
    ['customer.feature.nps', formatNumber(lang, n('latest_nps'))],
  ]
  return (
    <Card title={t('customer.features')} id="features">
      <dl className="dl dl-2">
        {items.map(([k, v]) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd className="num-text">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}

function TimelineCard({ items, currency }: { items: TimelineItem[] | null; currency: string }) {
  const { t, lang } = useI18n()
  return (
    <Card title={t('customer.timeline')} id="timeline">
      {items === null ? (
        <Skeleton height={14} count={6} />
      ) : items.length === 0 ? (
        <p className="muted">{t('customer.timeline_empty')}</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {items.map((i, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events may share a time and title
            <li key={n} className={`tl tl-${i.kind}`}>
              <span className="tl-dot" aria-hidden="true" />
              <div className="tl-body">
                <div className="tl-head">
                  <span className="tl-kind">{t(`customer.kind.${i.kind}` as MessageKey)}</span>
                  <span className="tl-title">{i.title}</span>
                  {i.amount !== null && (
                    <span className="tl-amount num">
                      {formatMoney(lang, i.amount, i.currency ?? currency)}
                    </span>
                  )}
                </div>
                <div className="tl-meta">
                  <time dateTime={i.at}>{formatDateTime(lang, i.at)}</time>
                  {i.detail && <span> · {i.kind === 'event' ? readableProperties(i.detail) : i.detail}</span>}
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
