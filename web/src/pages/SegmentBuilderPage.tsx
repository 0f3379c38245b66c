import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ApiError, api } from '../api/client.js'
import type { FieldDoc, SegmentCount, SegmentInfo, SegmentPreview, SegmentTemplate } from '../api/types.js'
import { useApi } from '../api/useApi.js'
import { Card } from '../components/Card.js'
import { ErrorState } from '../components/States.js'
import { VisualEditor } from '../components/VisualEditor.js'
import { formatNumber, formatPercent } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { customerPath, segmentPath } from '../lib/route-match.js'
import { navigate } from '../lib/router.js'

/**
 * Quiet time after the last keystroke before the count is asked for. The count alone is one `count(*)`
 * (tens of ms on 1M customers), so the wait can be short and the answer still lands ≤ 500 ms.
 */
const DEBOUNCE_MS = 120

/** The count comes first (cheap), then the revenue share and the sample (the whole preview). */
type PreviewState =
  | { state: 'idle' }
  | { state: 'counting'; last?: SegmentCount }
  | { state: 'counted'; count: SegmentCount }
  | { state: 'done'; preview: SegmentPreview }
  | { state: 'error'; error: ApiError }

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'network', String(e))
}

/**
 * The segment builder: a text editor for the segment language with the live count, shares and a sample
 * of members as you type (debounced; count first, then the rest; stale requests aborted), templates and
 * a field palette.
 */
export function SegmentBuilderPage() {
  const { t, lang } = useI18n()
  const [definition, setDefinition] = useState('')
  const [name, setName] = useState('')
  const [preview, setPreview] = useState<PreviewState>({ state: 'idle' })
  const [saveError, setSaveError] = useState<Error | null>(null)
  const [saving, setSaving] = useState(false)
  const editor = useRef<HTMLTextAreaElement>(null)
  const templates = useApi<{ items: SegmentTemplate[] }>('/api/segments/templates')
  const fields = useApi<{ items: FieldDoc[] }>(`/api/segments/fields?lang=${lang}`)

  useEffect(() => {
    const text = definition.trim()
    if (!text) return setPreview({ state: 'idle' })
    // One controller for both requests: the next keystroke aborts whichever is in flight, and the server
    // skips queued work whose caller has gone, so an old slow answer never holds up the new one.
    const ctrl = new AbortController()
    const fail = (e: unknown) => {
      if (!ctrl.signal.aborted) setPreview({ state: 'error', error: asApiError(e) })
    }
    // The figures on screen are marked stale at once: they describe the text before this keystroke.
    setPreview((p) => ({
      state: 'counting',
      last:
        p.state === 'done'
          ? p.preview
          : p.state === 'counted'
            ? p.count
            : p.state === 'counting'
              ? p.last
              : undefined,
    }))
    const timer = setTimeout(() => {
      const body = { definition: text }
      api<SegmentCount>('/api/segments/preview/count', { method: 'POST', body, signal: ctrl.signal })
        .then((count) => {
          if (ctrl.signal.aborted) return
          setPreview({ state: 'counted', count })
          return api<SegmentPreview>('/api/segments/preview', {
            method: 'POST',
            body,
            signal: ctrl.signal,
          }).then((full) => {
            if (!ctrl.signal.aborted) setPreview({ state: 'done', preview: full })
          })
        })
        .catch(fail)
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      ctrl.abort()
    }
  }, [definition])

  function insert(text: string) {
    const el = editor.current
    if (!el) return setDefinition((d) => `${d}${text}`)
    const { selectionStart: a, selectionEnd: b, value } = el
    const next = `${value.slice(0, a)}${text}${value.slice(b)}`
    setDefinition(next)
    requestAnimationFrame(() => {
      el.focus()
      el.setSelectionRange(a + text.length, a + text.length)
    })
  }

  async function save(e: FormEvent) {
    e.preventDefault()
    setSaving(true)
    setSaveError(null)
    try {
      const out = await api<{ segment?: SegmentInfo } & Partial<SegmentInfo>>('/api/segments', {
        method: 'POST',
        body: { name: name.trim(), definition: definition.trim() },
      })
      const id = out.segment?.segmentId ?? out.segmentId
      navigate(id ? segmentPath(id) : '/segments')
    } catch (err) {
      setSaveError(err as Error)
      setSaving(false)
    }
  }

  const shown: SegmentCount | undefined =
    preview.state === 'done'
      ? preview.preview
      : preview.state === 'counted'
        ? preview.count
        : preview.state === 'counting'
          ? preview.last
          : undefined
  const full = preview.state === 'done' ? preview.preview : undefined
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
          <h1>{t('builder.title')}</h1>
        </div>
      </header>
      <div className="builder">
        <Card className="builder-main">
          <form onSubmit={save}>
            <VisualEditor
              definition={definition}
              onChange={setDefinition}
              fields={fields.data?.items ?? []}
            />
            <div className="field">
              <label htmlFor="segment-definition">{t('builder.definition')}</label>
              <textarea
                id="segment-definition"
                ref={editor}
                className="code"
                rows={6}
                spellCheck={false}
                value={definition}
                aria-describedby="definition-hint builder-count"
                onChange={(e) => setDefinition(e.target.value)}
                placeholder="rfm_segment IN ('At Risk', 'Cannot Lose Them') AND p_alive < 0.3"
                data-testid="segment-definition"
              />
              <small id="definition-hint">{t('builder.definition_hint')}</small>
            </div>
            <div id="builder-count" className="live-count" aria-live="polite" data-testid="builder-count">
              {preview.state === 'error' ? (
                <p className="form-error" data-testid="builder-error">
                  {preview.error.details[0]?.message ?? preview.error.message}
                </p>
              ) : shown ? (
                <>
                  <span
                    className={`count num ${preview.state === 'counting' ? 'stale' : ''}`}
                    data-testid="builder-members"
                  >
                    {t('builder.count', { n: formatNumber(lang, shown.members) })}
                  </span>
                  <span className="muted small">
                    {t('builder.share', {
                      customers: formatPercent(lang, shown.shareOfCustomers),
                      revenue: full ? formatPercent(lang, full.shareOfRevenue) : '…',
                    })}
                  </span>
                </>
              ) : preview.state === 'counting' ? (
                <span className="muted">{t('builder.counting')}</span>
              ) : null}
            </div>
            {full && full.sample.length > 0 && (
              <div className="sample">
                <h3 className="sub">{t('builder.sample')}</h3>
                <div className="chips">
                  {full.sample.map((id) => (
                    <a
                      key={id}
                      className="chip"
                      href={customerPath(id)}
                      onClick={(e) => {
                        e.preventDefault()
                        navigate(customerPath(id))
                      }}
                    >
                      {id}
                    </a>
                  ))}
                </div>
              </div>
            )}
            <div className="inline-form">
              <div className="field">
                <label htmlFor="segment-name">{t('builder.name')}</label>
                <input id="segment-name" required value={name} onChange={(e) => setName(e.target.value)} />
              </div>
              <button
                type="submit"
                className="btn btn-primary"
                disabled={saving || !definition.trim() || preview.state === 'error'}
              >
                {t('builder.save')}
              </button>
            </div>
            {saveError && <ErrorState error={saveError} />}
          </form>
          <p className="small muted">{t('builder.text_only')}</p>
        </Card>
        <div className="col">
          <Card title={t('builder.templates')}>
            <ul className="picker">
              {(templates.data?.items ?? []).slice(0, 24).map((tp) => (
                <li key={tp.id}>
                  <button
                    type="button"
                    className="link-button"
                    title={tp.description[lang] ?? tp.description['en']}
                    onClick={() => {
                      setDefinition(tp.definition)
                      if (!name) setName(tp.name[lang] ?? tp.name['en'] ?? '')
                    }}
                  >
                    {tp.name[lang] ?? tp.name['en']}
                  </button>
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t('builder.fields')} hint={t('builder.fields_hint')}>
            <ul className="picker fields">
              {(fields.data?.items ?? []).map((f) => (
                <li key={f.name}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => insert(f.name)}
                    title={f.description}
                  >
                    <code>{f.name}</code>
                  </button>
                  <span className="small muted"> {f.description}</span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </div>
  )
}
