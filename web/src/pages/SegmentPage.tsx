import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../api/client.js'
import type { Page, SegmentInfo, SizePoint } from '../api/types.js'
import { useApi } from '../api/useApi.js'
import { Chart } from '../charts/Chart.js'
import { GRID, MUTED, SERIES } from '../charts/palette.js'
import { AudienceExport } from '../components/AudienceExport.js'
import { Card } from '../components/Card.js'
import { PersonaCardPanel } from '../components/PersonaCard.js'
import { EmptyState, ErrorState, Loading, Skeleton } from '../components/States.js'
import { formatCompact, formatDateTime, formatNumber } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { customerPath } from '../lib/route-match.js'
import { navigate } from '../lib/router.js'
import { visibleRange } from '../lib/virtual-window.js'

const ROW = 36
const VIEWPORT = 432
const PAGE = 1000

interface Member {
  customer_id: string
  entered_at: string | null
  email: string | null
}

/** A saved segment: definition, size over time with entries and exits, and its members (virtualised). */
export function SegmentPage({ id }: { id: string }) {
  const { t, lang } = useI18n()
  const seg = useApi<SegmentInfo>(`/api/segments/${encodeURIComponent(id)}`)
  const sizes = useApi<{ items: SizePoint[] }>(`/api/segments/${encodeURIComponent(id)}/sizes`)
  if (seg.error?.status === 404)
    return (
      <div className="page">
        <EmptyState title={t('segment.not_found', { id })} />
      </div>
    )
  const s = seg.data
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <a
            className="back"
            href="/segments"
            onClick={(e) => {
              e.preventDefault()
              navigate('/segments')
            }}
          >
            ← {t('segments.title')}
          </a>
          <h1>{s?.name ?? id}</h1>
        </div>
        {s && (
          <div className="seg-head-figures">
            <span className="kpi-value num" data-testid="segment-members">
              {formatNumber(lang, s.members)}
            </span>
            <span className="muted small">{t('segment.members')}</span>
            <a
              className="btn btn-small"
              href={`/api/segments/${encodeURIComponent(id)}/members?format=csv`}
              download
            >
              {t('segment.export')}
            </a>
          </div>
        )}
      </header>
      {seg.error ? (
        <ErrorState error={seg.error} onRetry={seg.reload} />
      ) : !s ? (
        <Loading>
          <Skeleton height={120} />
        </Loading>
      ) : (
        <>
          {s.definition && (
            <Card title={t('segment.definition')}>
              <pre className="code-block">{s.definition}</pre>
            </Card>
          )}
          <PersonaCardPanel segmentId={id} />
          <AudienceExport segmentId={id} />
          <div className="grid-2 grid-top">
            <Card title={t('segment.size')}>
              {!sizes.data ? (
                <Skeleton height={220} />
              ) : sizes.data.items.length < 2 ? (
                <p className="muted">{t('segment.size_one')}</p>
              ) : (
                <SizeChart points={sizes.data.items} />
              )}
            </Card>
            <Card title={t('segment.members')}>
              <Members id={id} total={s.members} />
            </Card>
          </div>
        </>
      )}
    </div>
  )
}

function SizeChart({ points }: { points: SizePoint[] }) {
  const { t, lang } = useI18n()
  const option = useMemo(
    () => ({
      aria: { enabled: true },
      color: SERIES,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, left: 0, textStyle: { color: MUTED } },
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      xAxis: {
        type: 'category',
        data: points.map((p) => formatDateTime(lang, p.computedAt)),
        axisLabel: { color: MUTED },
      },
      yAxis: {
        type: 'value',
        axisLabel: { color: MUTED, formatter: (v: number) => formatCompact(lang, v) },
        splitLine: { lineStyle: { color: GRID } },
      },
      series: [
        { name: t('segment.members'), type: 'line', data: points.map((p) => p.members) },
        { name: t('segment.entered'), type: 'bar', data: points.map((p) => p.entered), barMaxWidth: 16 },
        { name: t('segment.exited'), type: 'bar', data: points.map((p) => -p.exited), barMaxWidth: 16 },
      ],
    }),
    [points, lang, t],
  )
  return <Chart option={option} height={240} label={t('segment.size')} testId="segment-sizes" />
}

/** Members loaded page by page as the list scrolls; only the rows on screen are in the DOM. */
function Members({ id, total }: { id: string; total: number }) {
  const { t, lang } = useI18n()
  const [rows, setRows] = useState<Member[]>([])
  const [next, setNext] = useState<number | null>(0)
  const [error, setError] = useState<Error | null>(null)
  const [filter, setFilter] = useState('')
  const [scrollTop, setScrollTop] = useState(0)
  const loading = useRef(false)

  const load = useCallback(async () => {
    if (loading.current || next === null) return
    loading.current = true
    try {
      const page = await api<Page<Member>>(
        `/api/segments/${encodeURIComponent(id)}/members?limit=${PAGE}&offset=${next}&includeUnconsented=true`,
      )
      setRows((r) => [...r, ...page.items])
      setNext(page.next)
    } catch (e) {
      setError(e as Error)
    } finally {
      loading.current = false
    }
  }, [id, next])

  useEffect(() => {
    if (rows.length === 0 && next === 0) void load()
  }, [rows.length, next, load])

  const shown = useMemo(
    () => (filter ? rows.filter((r) => r.customer_id.includes(filter.trim())) : rows),
    [rows, filter],
  )
  const { start, end } = visibleRange(scrollTop, ROW, VIEWPORT, shown.length)
  useEffect(() => {
    // Fetch the next page when the user nears the end of what is loaded.
    if (!filter && end >= rows.length - 50 && next !== null) void load()
  }, [end, rows.length, next, filter, load])

  if (error) return <ErrorState error={error} />
  return (
    <div>
      <label className="visually-hidden" htmlFor="member-filter">
        {t('segment.filter')}
      </label>
      <input
        id="member-filter"
        className="member-filter"
        type="search"
        placeholder={t('segment.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="vlist-head" aria-hidden="true">
        <span>{t('segment.col.customer')}</span>
        <span>{t('segment.col.email')}</span>
        <span className="num">{t('segment.col.entered')}</span>
      </div>
      <div
        className="vlist"
        style={{ height: VIEWPORT }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="segment-member-list"
      >
        <ul aria-label={t('segment.members')} className="vlist-rows" style={{ height: shown.length * ROW }}>
          {shown.slice(start, end).map((m, i) => (
            <li key={m.customer_id} className="vrow" style={{ top: (start + i) * ROW, height: ROW }}>
              <a
                href={customerPath(m.customer_id)}
                onClick={(e) => {
                  e.preventDefault()
                  navigate(customerPath(m.customer_id))
                }}
              >
                {m.customer_id}
              </a>
              <span className="ellipsis">{m.email ?? '—'}</span>
              <span className="num">{formatDateTime(lang, m.entered_at)}</span>
            </li>
          ))}
        </ul>
      </div>
      <p className="card-foot">
        {t('segment.loaded', { loaded: formatNumber(lang, rows.length), total: formatNumber(lang, total) })}
      </p>
    </div>
  )
}
