import { EXIT, StrataError } from '../core/diagnostics.js'
import type { Lang } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'
import { EngineChoiceError, type EngineConfig, type EngineFlags, resolveEngine } from '../sql/open-engine.js'
import { DEFAULT_DB_PATH, openStore, type Store } from '../store/store.js'

/**
 * What every command gets from the edge: language, output streams, environment, the store opener, and
 * the wall clock (read only here, so core code takes dates as inputs).
 */
export interface CliContext {
  readonly lang: Lang
  readonly env: Record<string, string | undefined>
  readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  readonly err: NodeJS.WritableStream & { isTTY?: boolean }
  /**
   * Opens the store chosen by `--engine` / `--db` / `--url` / `--database` (or `STRATA_ENGINE`,
   * `STRATA_DB`, `STRATA_CLICKHOUSE_URL` …) once; later calls return the same store.
   */
  store(): Promise<Store>
  /** The engine and location chosen on the command line or in the environment (not opened). */
  engineConfig(extra?: Pick<EngineFlags, 'cluster'>): EngineConfig
  /** Today's date in the store's sense (the edge's clock), `YYYY-MM-DD`. */
  today(): string
  /** The edge's clock as `YYYY-MM-DD HH:MM:SS` (UTC), for records of when something ran. */
  nowText(): string
  /** Translates a key in the user's language. */
  t(key: string, params?: Record<string, unknown>): string
  /** Writes a line to stdout. */
  print(line?: string): void
  /** Writes a value as pretty JSON to stdout. */
  printJson(value: unknown): void
}

export function createContext(options: {
  lang: Lang
  /** Read when the store is first opened, after the command line has been parsed. */
  engine: () => EngineFlags
  env: Record<string, string | undefined>
  out?: CliContext['out']
  err?: CliContext['err']
  now?: () => Date
}): CliContext & { closeStore(): Promise<void> } {
  let opened: Promise<Store> | undefined
  const out = options.out ?? process.stdout
  const now = options.now ?? (() => new Date())
  const engineConfig = (extra: Pick<EngineFlags, 'cluster'> = {}): EngineConfig => {
    try {
      return resolveEngine({ ...options.engine(), ...extra }, options.env, DEFAULT_DB_PATH)
    } catch (error) {
      if (!(error instanceof EngineChoiceError)) throw error
      throw new StrataError({ code: error.code, params: error.params }, EXIT.USAGE)
    }
  }
  return {
    lang: options.lang,
    env: options.env,
    out,
    err: options.err ?? process.stderr,
    engineConfig,
    store() {
      opened ??= (async () => openStore(engineConfig()))()
      return opened
    },
    async closeStore() {
      // A store that failed to open has already reported its error; there is nothing to close.
      const store = await opened?.catch(() => undefined)
      await store?.close()
    },
    today: () => now().toISOString().slice(0, 10),
    nowText: () => now().toISOString().slice(0, 19).replace('T', ' '),
    t: (key, params) => t(options.lang, key, params),
    print: (line = '') => void out.write(`${line}\n`),
    printJson: (value) => void out.write(`${JSON.stringify(value, null, 2)}\n`),
  }
}
