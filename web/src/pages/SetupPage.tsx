import { type FormEvent, useEffect, useState } from 'react'
import { ApiError, api, waitForJob } from '../api/client.js'
import type { Job, StoreStatus } from '../api/types.js'
import { LangSwitcher } from '../components/LangSwitcher.js'
import { Loading } from '../components/States.js'
import { formatNumber } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { navigate } from '../lib/router.js'

const DEMO_SIZES = [2_000, 10_000, 50_000]

/** First run: create the admin (step 1), then load the demo or go to the import page (step 2). */
export function SetupPage({ onSignedIn, dataStep = false }: { onSignedIn: () => void; dataStep?: boolean }) {
  const { t } = useI18n()
  return (
    <div className="auth-page">
      <div className="auth-lang">
        <LangSwitcher id="lang-setup" />
      </div>
      <div className="auth-card auth-card-wide">
        <div className="brand brand-auth">
          <span className="brand-mark" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          <strong>{t('app.name')}</strong>
        </div>
        <p className="step">{t('setup.step', { n: dataStep ? 2 : 1, total: 2 })}</p>
        {dataStep ? <DataStep /> : <AdminStep onSignedIn={onSignedIn} />}
      </div>
    </div>
  )
}

function AdminStep({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n()
  const [username, setUsername] = useState('admin')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (password.length < 10) return setError(t('setup.too_short'))
    if (password !== confirm) return setError(t('setup.mismatch'))
    setBusy(true)
    setError(null)
    try {
      await api('/api/setup', { method: 'POST', body: { username, password } })
      await api('/api/auth/login', { method: 'POST', body: { username, password } })
      navigate('/setup', true)
      onSignedIn()
    } catch (err) {
      setError(err instanceof ApiError && err.message ? err.message : t('common.offline'))
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p className="muted">{t('setup.intro')}</p>
      <label className="field">
        <span>{t('setup.username')}</span>
        <input
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <div className="field">
        <label htmlFor="setup-password">{t('setup.password')}</label>
        <input
          id="setup-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="pw-hint"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <small id="pw-hint">{t('setup.password_hint')}</small>
      </div>
      <label className="field">
        <span>{t('setup.password_confirm')}</span>
        <input
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {t('setup.create')}
      </button>
    </form>
  )
}

function DataStep() {
  const { t, lang } = useI18n()
  const [size, setSize] = useState(DEMO_SIZES[0]!)
  const [running, setRunning] = useState(false)
  const [stage, setStage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [checked, setChecked] = useState(false)

  useEffect(() => {
    // A store that already holds orders needs no demo: straight to the overview.
    api<StoreStatus>('/api/status')
      .then((s) => (s.counts.orders > 0 ? navigate('/', true) : setChecked(true)))
      .catch(() => setChecked(true))
  }, [])

  async function loadDemo() {
    setRunning(true)
    setError(null)
    try {
      const job = await api<Job>('/api/demo', { method: 'POST', body: { customers: size } })
      await waitForJob(
        job,
        (p) => setStage(typeof p['stage'] === 'string' ? p['stage'] : null),
        '/api/demo/jobs/',
      )
      navigate('/', true)
    } catch (err) {
      setError(t('job.failed', { message: (err as Error).message }))
      setRunning(false)
    }
  }

  if (!checked) return <Loading />
  return (
    <section aria-labelledby="data-title">
      <h1 id="data-title">{t('setup.data_title')}</h1>
      <p className="muted">{t('setup.data_intro')}</p>
      <div className="choice-grid">
        <div className="choice">
          <label className="field">
            <span>{t('setup.demo_size')}</span>
            <select value={size} onChange={(e) => setSize(Number(e.target.value))} disabled={running}>
              {DEMO_SIZES.map((n) => (
                <option key={n} value={n}>
                  {formatNumber(lang, n)}
                </option>
              ))}
            </select>
          </label>
          <p className="small muted">{t('setup.demo_hint')}</p>
          <button
            type="button"
            className="btn btn-primary btn-block"
            onClick={() => void loadDemo()}
            disabled={running}
          >
            {t('setup.demo')}
          </button>
        </div>
        <div className="choice">
          <p className="small muted">{t('import.file')}</p>
          <button
            type="button"
            className="btn btn-block"
            onClick={() => navigate('/import')}
            disabled={running}
          >
            {t('setup.import')}
          </button>
        </div>
      </div>
      {running && (
        <div role="status" aria-live="polite" className="progress-note">
          <div className="progress indeterminate" aria-hidden="true">
            <i />
          </div>
          {t('setup.loading_demo')} {stage ? t('job.stage', { stage }) : ''}
        </div>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  )
}
