import { useMemo, useState } from 'react'
import { api, waitForJob } from '../api/client.js'
import type { Dashboard, Job, StoreStatus } from '../api/types.js'
import { useApi } from '../api/useApi.js'
import { canWrite, useSession } from '../app/session.js'
import { Chart } from '../charts/Chart.js'
import { type ChartText, rfHeatmap, segmentTreemap, stepsFunnel, trendLines } from '../charts/options.js'
import { Card } from '../components/Card.js'
import { Kpi } from '../components/Kpi.js'
import { EmptyState, ErrorState, Loading, Skeleton } from '../components/States.js'
import {
  delta,
  formatCompact,
  formatDate,
  formatDelta,
  formatMoney,
  formatMoneyCompact,
  formatNumber,
  formatPercent,
} from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { LIFECYCLE_NAMES, nameOf, SEGMENT_NAMES, TIER_NAMES, TIER_ORDER } from '../i18n/names.js'
import { lifecycleFunnel, namedSegments, tierPyramid } from '../lib/overview-model.js'
import { navigate } from '../lib/router.js'

export function OverviewPage() {
  const { t } = useI18n()
  const dash = useApi<Dashboard>('/api/dashboard/overview')
  if (dash.error?.code === 'analytics.no_snapshots') return <NoSnapshot onDone={dash.reload} />
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('overview.title')}</h1>
        {dash.data && <SnapshotBadge d={dash.data} />}
      </header>
      {dash.error ? (
        <ErrorState error={dash.error} onRetry={dash.reload} />
      ) : !dash.data ? (
        <OverviewSkeleton />
      ) : (
        <OverviewBody d={dash.data} />
      )}
    </div>
  )
}

function SnapshotBadge({ d }: { d: Dashboard }) {
  const { t, lang } = useI18n()
  return (
    <p className="page-sub" data-testid="snapshot">
      {t('common.snapshot', { id: d.current.snapshotId, date: formatDate(lang, d.current.asOf) })}
    </p>
  )
}

function OverviewSkeleton() {
  return (
    <Loading>
      <div className="kpis">
        {[0, 1, 2, 3, 4].map((i) => (
          <div className="kpi" key={i}>
            <Skeleton height={12} width="50%" />
            <Skeleton height={28} width="70%" />
            <Skeleton height={12} width="40%" />
          </div>
        ))}
      </div>
      <div className="grid-2">
        <div className="card">
          <Skeleton height={320} />
        </div>
        <div className="card">
          <Skeleton height={320} />
        </div>
      </div>
    </Loading>
  )
}

function OverviewBody({ d }: { d: Dashboard }) {
  const { t, lang } = useI18n()
  const cur = d.currency
  const text: ChartText = useMemo(
    () => ({
      count: (v) => formatNumber(lang, v),
      compact: (v) => formatCompact(lang, v),
      money: (v) => formatMoney(lang, v, cur, 0),
      percent: (v) => formatPercent(lang, v),
      name: (k) => nameOf(SEGMENT_NAMES, k, lang),
    }),
    [lang, cur],
  )
  const p = d.previous
  const compare = p
    ? t('overview.since_previous', { id: p.snapshotId, date: formatDate(lang, p.asOf) })
    : t('overview.no_previous')
  const pts = t('common.points')
  const k = d.current
  const kpis = [
    {
      id: 'kpi-customers',
      label: t('overview.kpi.customers'),
      value: formatNumber(lang, k.customers),
      hint: '',
      delta: p ? delta(k.customers, p.customers) : null,
    },
    {
      id: 'kpi-active',
      label: t('overview.kpi.active'),
      value: formatNumber(lang, k.active),
      hint: t('overview.kpi.active_hint', { days: d.activeDays }),
      delta: p ? delta(k.active, p.active) : null,
    },
    {
      id: 'kpi-revenue',
      label: t('overview.kpi.revenue'),
      value: formatMoney(lang, k.revenue, cur, 0),
      hint: t('overview.kpi.revenue_hint'),
      delta: p ? delta(k.revenue, p.revenue) : null,
    },
    {
      id: 'kpi-repeat',
      label: t('overview.kpi.repeat'),
      value: formatPercent(lang, k.repeatRate),
      hint: t('overview.kpi.repeat_hint'),
      delta: p ? delta(k.repeatRate, p.repeatRate, 'points') : null,
    },
    {
      id: 'kpi-clv',
      label: t('overview.kpi.clv'),
      value: k.avgClv === null ? t('overview.kpi.no_model') : formatMoney(lang, k.avgClv, cur, 0),
      hint: t('overview.kpi.clv_hint'),
      delta: p ? delta(k.avgClv, p.avgClv) : null,
    },
  ]
  const funnel = lifecycleFunnel(d)
  const tiers = tierPyramid(d, TIER_ORDER)
  const segments = namedSegments(d)
  return (
    <>
      <p className="compare-note" data-testid="compare">
        {compare}
      </p>
      <section className="kpis" aria-label={t('overview.title')}>
        {kpis.map((x) => (
          <Kpi
            key={x.id}
            testId={x.id}
            label={x.label}
            value={x.value}
            hint={x.hint}
            delta={x.delta}
            deltaText={x.delta ? formatDelta(lang, x.delta, pts) : ''}
          />
        ))}
      </section>
      <div className="grid-2">
        <Card title={t('overview.segments')} hint={t('overview.segments_hint')} id="segments">
          <Chart
            testId="chart-treemap"
            label={t('overview.segments')}
            height={340}
            option={segmentTreemap(segments, text)}
          />
        </Card>
        <Card title={t('overview.rf')} hint={t('overview.rf_hint')} id="rf">
          <Chart
            testId="chart-rf"
            label={t('overview.rf')}
            height={340}
            option={rfHeatmap(d.rf, d.bins, text, {
              r: t('overview.axis.r'),
              f: t('overview.axis.f'),
              series: t('overview.series.customers'),
            })}
          />
        </Card>
      </div>
      <div className="grid-2">
        <Card title={t('overview.lifecycle')} hint={t('overview.lifecycle_hint')} id="lifecycle">
          <Chart
            testId="chart-funnel"
            label={t('overview.lifecycle')}
            height={260}
            option={stepsFunnel(
              funnel.steps.map((s) => ({ name: t(`overview.funnel.${s.key}`), value: s.value })),
              text,
            )}
          />
          <p className="card-foot">
            {t('overview.funnel.leaking', {
              atRisk: formatNumber(lang, funnel.atRisk),
              churned: formatNumber(lang, funnel.churned),
            })}
          </p>
        </Card>
        <Card title={t('overview.tiers')} hint={t('overview.tiers_hint')} id="tiers">
          <Chart
            testId="chart-tiers"
            label={t('overview.tiers')}
            height={260}
            option={stepsFunnel(
              tiers.map((g) => ({
                name: nameOf(TIER_NAMES, g.key, lang),
                value: g.customers,
                note: formatPercent(lang, g.pctRevenue),
              })),
              text,
              true,
            )}
          />
        </Card>
      </div>
      <Card title={t('overview.trend')} id="trend">
        {d.trend.length < 2 ? (
          <p className="muted">{t('overview.trend_one')}</p>
        ) : (
          <Chart
            testId="chart-trend"
            label={t('overview.trend')}
            height={260}
            option={trendLines(
              d.trend,
              { ...text, compact: (v) => formatCompact(lang, v), date: (s) => formatDate(lang, s) },
              {
                customers: t('overview.series.customers'),
                active: t('overview.series.active'),
                revenue: t('overview.series.revenue'),
              },
            )}
          />
        )}
      </Card>
      <Card title={t('overview.segment_table')} id="segment-table">
        <div className="table-wrap">
          <table className="table" data-testid="segment-table">
            <thead>
              <tr>
                <th scope="col">{t('overview.col.segment')}</th>
                <th scope="col" className="num">
                  {t('overview.col.customers')}
                </th>
                <th scope="col" className="num">
                  {t('overview.col.share')}
                </th>
                <th scope="col" className="num">
                  {t('overview.col.revenue')}
                </th>
                <th scope="col" className="num">
                  {t('overview.col.revenue_share')}
                </th>
                <th scope="col" className="num">
                  {t('overview.col.recency')}
                </th>
                <th scope="col" className="num">
                  {t('overview.col.frequency')}
                </th>
              </tr>
            </thead>
            <tbody>
              {segments.map((g) => (
                <tr key={g.key}>
                  <th scope="row">{nameOf(SEGMENT_NAMES, g.key, lang)}</th>
                  <td className="num">{formatNumber(lang, g.customers)}</td>
                  <td className="num">{formatPercent(lang, g.pctCustomers)}</td>
                  <td className="num">{formatMoneyCompact(lang, g.revenue, cur)}</td>
                  <td className="num">
                    <span className="bar-cell">
                      <span className="bar-track" aria-hidden="true">
                        <span
                          className="bar"
                          style={{ width: `${Math.min(1, Math.max(0, g.pctRevenue)) * 100}%` }}
                        />
                      </span>
                      {formatPercent(lang, g.pctRevenue)}
                    </span>
                  </td>
                  <td className="num">{formatNumber(lang, g.meanRecencyDays, 0)}</td>
                  <td className="num">{formatNumber(lang, g.meanFrequency, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="card-foot">
          {d.segments.byLifecycle
            .map((g) => `${nameOf(LIFECYCLE_NAMES, g.key, lang)} ${formatNumber(lang, g.customers)}`)
            .join(' · ')}
        </p>
      </Card>
    </>
  )
}

/** No snapshot yet: say why and offer the next step the role allows. */
function NoSnapshot({ onDone }: { onDone: () => void }) {
  const { t } = useI18n()
  const { me } = useSession()
  const status = useApi<StoreStatus>('/api/status')
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<Error | null>(null)
  const hasOrders = (status.data?.counts.orders ?? 0) > 0
  async function run() {
    setRunning(true)
    setError(null)
    try {
      const job = await api<Job>('/api/analyze', { method: 'POST', body: {} })
      await waitForJob(job, () => undefined)
      onDone()
    } catch (e) {
      setError(e as Error)
    } finally {
      setRunning(false)
    }
  }
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('overview.title')}</h1>
      </header>
      <EmptyState title={t('overview.no_data_title')}>
        <p className="muted">{t('overview.no_data_body')}</p>
        {canWrite(me) && (
          <div className="actions">
            {hasOrders && (
              <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={running}>
                {running ? t('overview.running') : t('overview.run_analysis')}
              </button>
            )}
            {!hasOrders && me.role === 'admin' && (
              <button type="button" className="btn btn-primary" onClick={() => navigate('/setup')}>
                {t('setup.demo')}
              </button>
            )}
            <button type="button" className="btn" onClick={() => navigate('/import')}>
              {t('setup.import')}
            </button>
          </div>
        )}
        {error && <ErrorState error={error} />}
      </EmptyState>
    </div>
  )
}
