import { type FormEvent, useState } from 'react'
import { api } from '../api/client.js'
import type { Role } from '../api/types.js'
import { useApi } from '../api/useApi.js'
import { useSession } from '../app/session.js'
import { Card } from '../components/Card.js'
import { LangSwitcher } from '../components/LangSwitcher.js'
import { ErrorState, ListState } from '../components/States.js'
import type { MessageKey } from '../i18n/catalog.js'
import { formatDateTime } from '../i18n/format.js'
import { useI18n } from '../i18n/I18n.js'
import { AnalysisRulesCard } from './settings/AnalysisRulesCard.js'
import { WebhooksCard } from './settings/WebhooksCard.js'

const ROLES: Role[] = ['admin', 'analyst', 'viewer']
const SCOPES = ['read', 'track', 'admin'] as const

interface UserRow {
  userId: string
  username: string
  role: Role
  createdAt: string
  disabled: boolean
}
interface KeyRow {
  key_id: string
  name: string
  scopes: string
  created_at: string
  revoked: boolean
}

export function SettingsPage() {
  const { t } = useI18n()
  const { me, routes } = useSession()
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('settings.title')}</h1>
      </header>
      {me.role === 'admin' && (
        <nav className="page-toc" aria-label={t('settings.sections')}>
          <a href="#language">{t('settings.language')}</a>
          <a href="#users">{t('settings.users')}</a>
          <a href="#api-keys">{t('settings.api_keys')}</a>
          {routes.has('/api/webhooks') && <a href="#webhooks">{t('webhooks.title')}</a>}
          {routes.has('/api/settings/analysis') && <a href="#analysis-rules">{t('rules.title')}</a>}
        </nav>
      )}
      <Card title={t('settings.language')} hint={t('settings.language_hint')} id="language">
        <LangSwitcher id="lang-settings" />
      </Card>
      {me.role === 'admin' ? (
        <>
          <UsersCard />
          <KeysCard />
          {routes.has('/api/webhooks') && <WebhooksCard />}
          {routes.has('/api/settings/analysis') && <AnalysisRulesCard />}
        </>
      ) : (
        <p className="muted">{t('settings.admin_only')}</p>
      )}
    </div>
  )
}

function UsersCard() {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const users = useApi<{ items: UserRow[] }>('/api/users')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<Role>('analyst')
  const [error, setError] = useState<Error | null>(null)

  async function add(e: FormEvent) {
    e.preventDefault()
    setError(null)
    try {
      await api('/api/users', { method: 'POST', body: { username, password, role } })
      setUsername('')
      setPassword('')
      users.reload()
    } catch (err) {
      setError(err as Error)
    }
  }
  async function disable(id: string) {
    await api(`/api/users/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch((e: Error) => setError(e))
    users.reload()
  }

  return (
    <Card title={t('settings.users')} hint={t('settings.roles_help')} id="users">
      <ListState list={users} skeleton={{ height: 28, count: 3 }}>
        {(items) => (
          <div className="table-wrap">
            <table className="table" data-testid="users">
              <thead>
                <tr>
                  <th scope="col">{t('settings.col.user')}</th>
                  <th scope="col">{t('settings.col.role')}</th>
                  <th scope="col">{t('settings.col.created')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('settings.disable')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((u) => (
                  <tr key={u.userId} className={u.disabled ? 'row-disabled' : ''}>
                    <th scope="row">{u.username}</th>
                    <td>
                      <span className={`role role-${u.role}`}>{t(`role.${u.role}` as MessageKey)}</span>
                    </td>
                    <td>{formatDateTime(lang, u.createdAt)}</td>
                    <td className="right">
                      {u.disabled ? (
                        <span className="muted">{t('settings.disabled')}</span>
                      ) : u.userId === me.id ? null : (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          onClick={() => void disable(u.userId)}
                        >
                          {t('settings.disable')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
      <form className="inline-form" onSubmit={add} aria-label={t('settings.add_user')}>
        <label className="field">
          <span>{t('settings.username')}</span>
          <input required value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          <span>{t('settings.password')}</span>
          <input
            required
            type="password"
            minLength={10}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
          />
        </label>
        <label className="field">
          <span>{t('settings.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary">
          {t('settings.add_user')}
        </button>
      </form>
      {error && <ErrorState error={error} />}
    </Card>
  )
}

function KeysCard() {
  const { t, lang } = useI18n()
  const keys = useApi<{ items: KeyRow[] }>('/api/api-keys')
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<string[]>(['read'])
  const [created, setCreated] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)

  async function add(e: FormEvent) {
    e.preventDefault()
    setError(null)
    try {
      const k = await api<{ key: string }>('/api/api-keys', { method: 'POST', body: { name, scopes } })
      setCreated(k.key)
      setName('')
      keys.reload()
    } catch (err) {
      setError(err as Error)
    }
  }
  async function revoke(id: string) {
    await api(`/api/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch((e: Error) =>
      setError(e),
    )
    keys.reload()
  }

  return (
    <Card title={t('settings.api_keys')} id="api-keys">
      <ListState
        list={keys}
        skeleton={{ height: 28, count: 2 }}
        empty={<p className="muted">{t('settings.no_keys')}</p>}
      >
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('settings.key_name')}</th>
                  <th scope="col">{t('settings.key_scopes')}</th>
                  <th scope="col">{t('settings.col.created')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('settings.revoke')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((k) => (
                  <tr key={k.key_id} className={k.revoked ? 'row-disabled' : ''}>
                    <th scope="row">{k.name}</th>
                    <td>
                      <code>{k.scopes}</code>
                    </td>
                    <td>{formatDateTime(lang, k.created_at)}</td>
                    <td className="right">
                      {k.revoked ? (
                        <span className="muted">{t('settings.revoked')}</span>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          onClick={() => void revoke(k.key_id)}
                        >
                          {t('settings.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
      {created && (
        <div className="secret" role="status">
          <p>{t('settings.key_once')}</p>
          <code data-testid="new-key">{created}</code>
        </div>
      )}
      <form className="inline-form" onSubmit={add} aria-label={t('settings.add_key')}>
        <label className="field">
          <span>{t('settings.key_name')}</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset className="field scopes">
          <legend>{t('settings.key_scopes')}</legend>
          {SCOPES.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes((x) => (e.target.checked ? [...x, s] : x.filter((y) => y !== s)))}
              />
              <code>{s}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={scopes.length === 0}>
          {t('settings.add_key')}
        </button>
      </form>
      {error && <ErrorState error={error} />}
    </Card>
  )
}
