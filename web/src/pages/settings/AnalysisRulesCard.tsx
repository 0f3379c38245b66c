import { type FormEvent, useEffect, useMemo, useState } from 'react'
import { ApiError, api } from '../../api/client.js'
import { useApi } from '../../api/useApi.js'
import { Card } from '../../components/Card.js'
import { ErrorState, Loading, Skeleton } from '../../components/States.js'
import type { MessageKey } from '../../i18n/catalog.js'
import { useI18n } from '../../i18n/I18n.js'
import { nameOf, SEGMENT_NAMES, SEGMENT_ORDER } from '../../i18n/names.js'
import { mapProblems, parseCodes, printCodes } from '../../lib/segment-map-edit.js'

interface Lifecycle {
  churnDays: number
  oneTimeAtRiskDays: number
  atRiskIntervalMultiple: number
  atRiskMinDays: number
  loyal: { minOrders: number; minR: number; minF: number }
  pAliveChurn: number
}
interface Tiers {
  basis: 'monetary' | 'clv'
  high: number
  potential: number
  regular: number
}
interface Settings {
  file: string | null
  saved: boolean
  bins: number
  codes: string[]
  rfm: { segments: Record<string, string[]> }
  lifecycle: Lifecycle
  valueTiers: Tiers
  defaults: { rfm: { segments: Record<string, string[]> }; lifecycle: Lifecycle; valueTiers: Tiers }
}

/** The server's problems by field path (`lifecycle.churnDays`, `rfm.segments`…). */
function problemsByPath(error: Error | null): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (!(error instanceof ApiError)) return out
  for (const d of error.details) {
    const path = (d.path ?? '').replace(/^body\./, '')
    out.set(path, [...(out.get(path) ?? []), d.message])
  }
  return out
}

/**
 * The analysis rules (admins): which RFM code belongs to which of the 11 segments, the lifecycle rules and
 * the value tiers — saved to strata.config.json, which the next `strata analyze` / Analyze run reads.
 */
export function AnalysisRulesCard() {
  const { t } = useI18n()
  const settings = useApi<Settings>('/api/settings/analysis')
  return (
    <Card title={t('rules.title')} hint={t('rules.hint')} id="analysis-rules">
      {settings.error ? (
        <ErrorState error={settings.error} onRetry={settings.reload} />
      ) : !settings.data ? (
        <Loading>
          <Skeleton height={28} count={6} />
        </Loading>
      ) : (
        <>
          <SegmentMapEditor settings={settings.data} onSaved={settings.reload} />
          <RulesEditor settings={settings.data} onSaved={settings.reload} />
        </>
      )}
    </Card>
  )
}

function SegmentMapEditor({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const { t, lang } = useI18n()
  const segments = useMemo(() => {
    const names = new Set([...SEGMENT_ORDER, ...Object.keys(settings.rfm.segments)])
    return [...names]
  }, [settings])
  const fromMap = (map: Record<string, string[]>) =>
    Object.fromEntries(segments.map((s) => [s, printCodes(map[s] ?? [])]))
  const [texts, setTexts] = useState<Record<string, string>>(() => fromMap(settings.rfm.segments))
  const [error, setError] = useState<Error | null>(null)
  const [saved, setSaved] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the server's map changes
  useEffect(() => setTexts(fromMap(settings.rfm.segments)), [settings])

  const map = useMemo(
    () =>
      Object.fromEntries(
        segments
          .map((s): [string, string[]] => [s, parseCodes(texts[s] ?? '')])
          .filter(([, c]) => c.length > 0),
      ),
    [texts, segments],
  )
  const problems = mapProblems(map, settings.bins)
  const seg = (s: string) => nameOf(SEGMENT_NAMES, s, lang)

  async function save(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setSaved(false)
    try {
      await api('/api/settings/analysis', { method: 'PUT', body: { rfm: { segments: map } } })
      setSaved(true)
      onSaved()
    } catch (err) {
      setError(err as Error)
    }
  }

  return (
    <form onSubmit={save} aria-labelledby="map-title" className="rules-form" data-testid="segment-map">
      <h3 id="map-title" className="sub">
        {t('rules.map')}
      </h3>
      <p className="small muted">{t('rules.map_hint', { n: String(settings.codes.length) })}</p>
      <div className="map-rows">
        <div className="map-row map-head" aria-hidden="true">
          <span>{t('rules.col.segment')}</span>
          <span>{t('rules.col.codes')}</span>
          <span className="right">{t('rules.col.count')}</span>
        </div>
        {segments.map((s) => {
          const wrong = problems.wrongIn.get(s)
          const id = `map-${s.replace(/\W+/g, '-')}`
          return (
            <div key={s} className={`map-row ${wrong ? 'invalid' : ''}`}>
              <label htmlFor={id}>
                {seg(s)}
                {lang !== 'en' && <span className="muted small"> {s}</span>}
              </label>
              <input
                id={id}
                className="code"
                value={texts[s] ?? ''}
                spellCheck={false}
                aria-invalid={wrong ? true : undefined}
                aria-describedby={wrong ? `${id}-wrong` : undefined}
                onChange={(e) => {
                  setSaved(false)
                  setTexts((x) => ({ ...x, [s]: e.target.value }))
                }}
                data-testid={`map-input-${s}`}
              />
              <span className="num muted small right">{map[s]?.length ?? 0}</span>
              {wrong && (
                <span id={`${id}-wrong`} className="map-wrong">
                  {t('rules.wrong_codes')}{' '}
                  {[...wrong].map((c) => (
                    <code key={c} className="chip chip-bad">
                      {c}
                    </code>
                  ))}
                </span>
              )}
            </div>
          )
        })}
      </div>
      <CodeGrid codes={settings.codes} map={map} problems={problems} seg={seg} />
      {!problems.ok && (
        <div role="alert" className="problem-box" data-testid="map-problems">
          <ul>
            {problems.missing.length > 0 && (
              <li>
                {t('rules.missing', { n: String(problems.missing.length) })}{' '}
                {problems.missing.map((c) => (
                  <code key={c} className="chip chip-bad">
                    {c}
                  </code>
                ))}
              </li>
            )}
            {problems.duplicates.map((d) => (
              <li key={`${d.code}-${d.first}-${d.second}`}>
                {t('rules.duplicate', { code: d.code, first: seg(d.first), second: seg(d.second) })}
              </li>
            ))}
            {problems.unknown.map((u) => (
              <li key={`${u.segment}-${u.code}`}>
                {t('rules.unknown', { code: u.code, segment: seg(u.segment), bins: String(settings.bins) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && <ErrorState error={error} />}
      <div className="actions-row">
        <button type="submit" className="btn btn-primary" disabled={!problems.ok} data-testid="map-save">
          {t('rules.save_map')}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setSaved(false)
            setTexts(fromMap(settings.defaults.rfm.segments))
          }}
        >
          {t('rules.defaults')}
        </button>
        {saved && (
          <span role="status" className="saved-note" data-testid="map-saved">
            {t('rules.saved')}
          </span>
        )}
      </div>
    </form>
  )
}

/** The 125 (or 64) codes laid out R × F × M, each coloured by its segment; wrong codes stand out. */
function CodeGrid({
  codes,
  map,
  problems,
  seg,
}: {
  codes: string[]
  map: Record<string, string[]>
  problems: ReturnType<typeof mapProblems>
  seg: (s: string) => string
}) {
  const { t } = useI18n()
  const owner = new Map<string, string>()
  for (const [s, cs] of Object.entries(map)) for (const c of cs) if (!owner.has(c)) owner.set(c, s)
  const bad = new Set([...problems.missing, ...problems.duplicates.map((d) => d.code)])
  const rs = [...new Set(codes.map((c) => c[0]))].reverse()
  const fs = [...new Set(codes.map((c) => c[1]))].reverse()
  const ms = [...new Set(codes.map((c) => c[2]))]
  const index = (s: string | undefined) => (s === undefined ? -1 : SEGMENT_ORDER.indexOf(s))
  return (
    <details className="code-grid-wrap">
      <summary>{t('rules.grid')}</summary>
      <ul className="code-grid">
        {rs.map((r) => (
          <li key={r} className="code-rblock">
            <div className="small muted">R = {r}</div>
            {fs.map((f) => (
              <div key={f} className="code-line">
                {ms.map((m) => {
                  const c = `${r}${f}${m}`
                  const s = owner.get(c)
                  return (
                    <span
                      key={c}
                      className={`code-cell seg-${index(s)} ${bad.has(c) ? 'bad' : ''}`}
                      title={`${c} · ${s ? seg(s) : t('rules.none')}`}
                    >
                      {c}
                    </span>
                  )
                })}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </details>
  )
}

type NumKey =
  | 'churnDays'
  | 'oneTimeAtRiskDays'
  | 'atRiskIntervalMultiple'
  | 'atRiskMinDays'
  | 'pAliveChurn'
  | 'loyal.minOrders'
  | 'loyal.minR'
  | 'loyal.minF'
const LIFECYCLE_FIELDS: { key: NumKey; step: string }[] = [
  { key: 'churnDays', step: '1' },
  { key: 'oneTimeAtRiskDays', step: '1' },
  { key: 'atRiskIntervalMultiple', step: '0.1' },
  { key: 'atRiskMinDays', step: '1' },
  { key: 'loyal.minOrders', step: '1' },
  { key: 'loyal.minR', step: '1' },
  { key: 'loyal.minF', step: '1' },
  { key: 'pAliveChurn', step: '0.01' },
]
const TIER_FIELDS = ['high', 'potential', 'regular'] as const

function RulesEditor({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const { t } = useI18n()
  const initial = () => ({
    lifecycle: Object.fromEntries(
      LIFECYCLE_FIELDS.map(({ key }) => {
        const [a, b] = key.split('.') as [string, string | undefined]
        const v = b
          ? (settings.lifecycle.loyal as Record<string, number>)[b]
          : (settings.lifecycle as unknown as Record<string, number>)[a]
        return [key, String(v)]
      }),
    ) as Record<NumKey, string>,
    basis: settings.valueTiers.basis,
    tiers: Object.fromEntries(TIER_FIELDS.map((k) => [k, String(settings.valueTiers[k])])) as Record<
      (typeof TIER_FIELDS)[number],
      string
    >,
  })
  const [form, setForm] = useState(initial)
  const [error, setError] = useState<Error | null>(null)
  const [saved, setSaved] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the server's settings change
  useEffect(() => setForm(initial()), [settings])
  const byPath = problemsByPath(error)

  async function save(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setSaved(false)
    const n = (s: string) => (s.trim() === '' ? Number.NaN : Number(s))
    const l = form.lifecycle
    try {
      await api('/api/settings/analysis', {
        method: 'PUT',
        body: {
          lifecycle: {
            churnDays: n(l.churnDays),
            oneTimeAtRiskDays: n(l.oneTimeAtRiskDays),
            atRiskIntervalMultiple: n(l.atRiskIntervalMultiple),
            atRiskMinDays: n(l.atRiskMinDays),
            pAliveChurn: n(l.pAliveChurn),
            loyal: { minOrders: n(l['loyal.minOrders']), minR: n(l['loyal.minR']), minF: n(l['loyal.minF']) },
          },
          valueTiers: {
            basis: form.basis,
            high: n(form.tiers.high),
            potential: n(form.tiers.potential),
            regular: n(form.tiers.regular),
          },
        },
      })
      setSaved(true)
      onSaved()
    } catch (err) {
      setError(err as Error)
    }
  }
  const fieldError = (path: string) =>
    byPath.get(path) ?? byPath.get(`${path.split('.').slice(0, -1).join('.')}`)
  const tierErrors = byPath.get('valueTiers')

  return (
    <form onSubmit={save} aria-labelledby="lifecycle-title" className="rules-form" data-testid="rules-form">
      <h3 id="lifecycle-title" className="sub">
        {t('rules.lifecycle')}
      </h3>
      <div className="form-grid">
        {LIFECYCLE_FIELDS.map(({ key, step }) => {
          const path = `lifecycle.${key}`
          const errs = byPath.get(path)
          const id = `rule-${key.replace('.', '-')}`
          return (
            <div key={key} className="field">
              <label htmlFor={id}>{t(`rules.f.${key}` as MessageKey)}</label>
              <input
                id={id}
                type="number"
                step={step}
                value={form.lifecycle[key]}
                aria-invalid={errs ? true : undefined}
                aria-describedby={`${id}-hint${errs ? ` ${id}-err` : ''}`}
                onChange={(e) => {
                  setSaved(false)
                  setForm((f) => ({ ...f, lifecycle: { ...f.lifecycle, [key]: e.target.value } }))
                }}
              />
              <small id={`${id}-hint`}>{t(`rules.h.${key}` as MessageKey)}</small>
              {errs && (
                <small id={`${id}-err`} className="form-error">
                  {errs.join(' ')}
                </small>
              )}
            </div>
          )
        })}
      </div>
      <h3 className="sub">{t('rules.tiers')}</h3>
      <p className="small muted">{t('rules.tiers_hint')}</p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="tier-basis">{t('rules.f.basis')}</label>
          <select
            id="tier-basis"
            value={form.basis}
            onChange={(e) => setForm((f) => ({ ...f, basis: e.target.value as Tiers['basis'] }))}
          >
            <option value="monetary">{t('rules.basis.monetary')}</option>
            <option value="clv">{t('rules.basis.clv')}</option>
          </select>
        </div>
        {TIER_FIELDS.map((k) => (
          <div key={k} className="field">
            <label htmlFor={`tier-${k}`}>{t(`rules.f.tier.${k}` as MessageKey)}</label>
            <input
              id={`tier-${k}`}
              type="number"
              step="0.01"
              min="0"
              max="1"
              value={form.tiers[k]}
              aria-invalid={tierErrors || fieldError(`valueTiers.${k}`) ? true : undefined}
              onChange={(e) => {
                setSaved(false)
                setForm((f) => ({ ...f, tiers: { ...f.tiers, [k]: e.target.value } }))
              }}
            />
          </div>
        ))}
      </div>
      {tierErrors && <p className="form-error">{tierErrors.join(' ')}</p>}
      {error && byPath.size === 0 && <ErrorState error={error} />}
      {error && byPath.size > 0 && (
        <p role="alert" className="form-error" data-testid="rules-error">
          {error.message}
        </p>
      )}
      <div className="actions-row">
        <button type="submit" className="btn btn-primary" data-testid="rules-save">
          {t('rules.save_rules')}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setSaved(false)
            setForm(initial())
          }}
        >
          {t('rules.undo')}
        </button>
        {saved && (
          <span role="status" className="saved-note">
            {t('rules.saved')}
          </span>
        )}
      </div>
    </form>
  )
}
