import type { TableDef } from '../sql/dialect.js'
import { registerMigration } from '../store/migrations.js'

/** People who sign in. `password_hash` is `scrypt$N$r$p$salt$hash` (salt and parameters kept with it). */
export const USERS: TableDef = {
  name: 'server_users',
  key: ['user_id'],
  columns: [
    { name: 'user_id', type: 'text', nullable: false },
    { name: 'username', type: 'text', nullable: false },
    { name: 'role', type: 'text', nullable: false },
    { name: 'password_hash', type: 'text', nullable: false },
    { name: 'created_at', type: 'timestamp', nullable: false },
    { name: 'disabled_at', type: 'timestamp' },
  ],
}

/** Browser sessions: only the SHA-256 of the cookie value is stored, so a stolen table opens nothing. */
export const SESSIONS: TableDef = {
  name: 'server_sessions',
  key: ['token_hash'],
  columns: [
    { name: 'token_hash', type: 'text', nullable: false },
    { name: 'user_id', type: 'text', nullable: false },
    { name: 'csrf_token', type: 'text', nullable: false },
    { name: 'created_at', type: 'timestamp', nullable: false },
    { name: 'expires_at', type: 'timestamp', nullable: false },
  ],
}

/** Machine credentials: SHA-256 of the key, its scopes (comma list) and whether it was revoked. */
export const API_KEYS: TableDef = {
  name: 'server_api_keys',
  key: ['key_id'],
  columns: [
    { name: 'key_id', type: 'text', nullable: false },
    { name: 'key_hash', type: 'text', nullable: false },
    { name: 'name', type: 'text', nullable: false },
    { name: 'scopes', type: 'text', nullable: false },
    { name: 'created_by', type: 'text' },
    { name: 'created_at', type: 'timestamp', nullable: false },
    { name: 'last_used_at', type: 'timestamp' },
    { name: 'revoked_at', type: 'timestamp' },
  ],
}

/**
 * Who did what, when: logins, exports, every read of personal data, erasures. `customer_id` names the
 * record read (pseudonymous); it is cleared when that customer is erased, and the erasure itself is logged
 * without it. Never holds the personal data itself.
 */
export const AUDIT_LOG: TableDef = {
  name: 'server_audit_log',
  columns: [
    { name: 'occurred_at', type: 'timestamp', nullable: false },
    { name: 'actor', type: 'text' },
    { name: 'actor_kind', type: 'text', nullable: false },
    { name: 'action', type: 'text', nullable: false },
    { name: 'customer_id', type: 'text' },
    { name: 'detail', type: 'json' },
    { name: 'ip', type: 'text' },
  ],
}

/** Answers already given to an `Idempotency-Key`, so a retried request returns the first answer. */
export const IDEMPOTENCY: TableDef = {
  name: 'server_idempotency',
  key: ['idem_key'],
  columns: [
    { name: 'idem_key', type: 'text', nullable: false },
    { name: 'request_hash', type: 'text', nullable: false },
    { name: 'response', type: 'json', nullable: false },
    { name: 'created_at', type: 'timestamp', nullable: false },
  ],
}

/** How far the live journal has been applied to the store (one row), written in the same transaction. */
export const LIVE_STATE: TableDef = {
  name: 'server_live_state',
  key: ['journal'],
  columns: [
    { name: 'journal', type: 'text', nullable: false },
    { name: 'applied_seq', type: 'bigint', nullable: false },
  ],
}

/** Webhook subscriptions: a URL, its signing secret and the segments (or `*`) it follows. */
export const WEBHOOKS: TableDef = {
  name: 'server_webhooks',
  key: ['webhook_id'],
  columns: [
    { name: 'webhook_id', type: 'text', nullable: false },
    { name: 'url', type: 'text', nullable: false },
    { name: 'secret', type: 'text', nullable: false },
    { name: 'segments', type: 'text', nullable: false },
    { name: 'created_at', type: 'timestamp', nullable: false },
    { name: 'disabled_at', type: 'timestamp' },
  ],
}

/**
 * The outbox: one row per (webhook, segment change) written in the ingestion transaction; a separate loop
 * delivers it, so a slow receiver never holds up ingestion. `status` pending / delivered / failed.
 */
export const WEBHOOK_OUTBOX: TableDef = {
  name: 'server_webhook_outbox',
  key: ['delivery_id'],
  shardKey: 'customer_id',
  columns: [
    { name: 'delivery_id', type: 'text', nullable: false },
    { name: 'webhook_id', type: 'text', nullable: false },
    { name: 'customer_id', type: 'text' },
    { name: 'event', type: 'text', nullable: false },
    { name: 'payload', type: 'json', nullable: false },
    { name: 'status', type: 'text', nullable: false },
    { name: 'attempts', type: 'integer', nullable: false },
    { name: 'next_attempt_at', type: 'timestamp', nullable: false },
    { name: 'created_at', type: 'timestamp', nullable: false },
    { name: 'delivered_at', type: 'timestamp' },
  ],
}

/** Every delivery attempt: status code, error, duration — the delivery log. */
export const WEBHOOK_ATTEMPTS: TableDef = {
  name: 'server_webhook_attempts',
  columns: [
    { name: 'delivery_id', type: 'text', nullable: false },
    { name: 'attempt', type: 'integer', nullable: false },
    { name: 'occurred_at', type: 'timestamp', nullable: false },
    { name: 'status_code', type: 'integer' },
    { name: 'error', type: 'text' },
    { name: 'duration_ms', type: 'integer' },
  ],
}

export const SERVER_TABLES = [
  USERS,
  SESSIONS,
  API_KEYS,
  AUDIT_LOG,
  IDEMPOTENCY,
  LIVE_STATE,
  WEBHOOKS,
  WEBHOOK_OUTBOX,
  WEBHOOK_ATTEMPTS,
]

registerMigration({
  version: 90,
  name: 'server: accounts, sessions, API keys, audit log, live ingestion state, webhooks',
  up: (d) => SERVER_TABLES.flatMap((t) => d.createTable(t)),
})
