// The one way the app talks to the server: JSON over fetch, cookies for the session, the CSRF token echoed
// on writes, the UI language sent so error messages come back in it, one error type.

/** A failed request: the server's `{error: {code, message}}` (message already in the UI language). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly { path?: string; message: string }[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

let lang = 'en'
/** Set by the language provider; sent as Accept-Language. */
export function setApiLang(next: string): void {
  lang = next
}

let onUnauthorized: (() => void) | null = null
/** Called when a request answers 401 (session expired): the shell goes back to the sign-in page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler
}

function csrfToken(): string | undefined {
  const hit = document.cookie.split(';').find((c) => c.trim().startsWith('strata_csrf='))
  return hit ? decodeURIComponent(hit.trim().slice('strata_csrf='.length)) : undefined
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
  /** Do not treat 401 as "session expired" (the sign-in and set-up pages expect it). */
  quiet401?: boolean
}

/** Calls the API and returns the parsed JSON answer, or throws `ApiError`. */
export async function api<T>(path: string, o: RequestOptions = {}): Promise<T> {
  const method = o.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang }
  let body: BodyInit | undefined
  if (o.body instanceof FormData) body = o.body
  else if (o.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(o.body)
  }
  if (method !== 'GET') {
    const token = csrfToken()
    if (token) headers['x-csrf-token'] = token
  }
  let res: Response
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: o.signal })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, 'network', '')
  }
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  if (!res.ok) {
    const e = (
      json as { error?: { code?: string; message?: string; details?: { message: string }[] } } | null
    )?.error
    if (res.status === 401 && !o.quiet401) onUnauthorized?.()
    throw new ApiError(
      res.status,
      e?.code ?? `http.${res.status}`,
      e?.message ?? res.statusText,
      e?.details ?? [],
    )
  }
  return json as T
}

/** A long job (import, analysis, demo load): polls `/api/jobs/:id` until it ends, reporting progress. */
export async function waitForJob<T>(
  job: { jobId: string; state: string; result?: T },
  onProgress: (progress: Record<string, unknown>) => void,
  /** Where this kind of job is polled (`/api/jobs/` for imports and analyses). */
  pollPath = '/api/jobs/',
  intervalMs = 400,
): Promise<T> {
  let current = job as {
    jobId: string
    state: string
    result?: T
    progress?: Record<string, unknown>
    error?: { code: string; message: string }
    status?: number
  }
  while (current.state === 'running') {
    await new Promise((r) => setTimeout(r, intervalMs))
    current = await api(`${pollPath}${encodeURIComponent(job.jobId)}`)
    if (current.progress) onProgress(current.progress)
  }
  if (current.state === 'failed') {
    throw new ApiError(
      current.status ?? 500,
      current.error?.code ?? 'job.failed',
      current.error?.message ?? '',
    )
  }
  return current.result as T
}
