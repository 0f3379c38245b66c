import { type FormEvent, useState } from 'react'
import { ApiError, api } from '../api/client.js'
import { LangSwitcher } from '../components/LangSwitcher.js'
import { useI18n } from '../i18n/I18n.js'
import { navigate } from '../lib/router.js'

export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await api('/api/auth/login', { method: 'POST', body: { username, password }, quiet401: true })
      const next = new URLSearchParams(location.search).get('next')
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', true)
      onSignedIn()
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? t('login.failed')
          : (err as Error).message || t('common.offline'),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="auth-page">
      <div className="auth-lang">
        <LangSwitcher id="lang-login" />
      </div>
      <form className="auth-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand brand-auth">
          <span className="brand-mark" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          <strong>{t('app.name')}</strong>
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        <label className="field">
          <span>{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </div>
  )
}
