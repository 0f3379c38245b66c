import type { Lang } from '../i18n/locale.js'
import { t } from '../i18n/translate.js'
import { openStore, resolveDbPath, type Store } from '../store/store.js'

/**
 * What every command gets from the edge: language, output streams, environment, the store opener, and
 * the wall clock (read only here, so core code takes dates as inputs).
 */
export interface CliContext {
  readonly lang: Lang
  readonly env: Record<string, string | undefined>
  readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  readonly err: NodeJS.WritableStream & { isTTY?: boolean }
  /** Opens the store chosen by `--db` / `STRATA_DB` (once; later calls return the same store). */
  store(): Promise<Store>
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
  db: () => string | undefined
  env: Record<string, string | undefined>
  out?: CliContext['out']
  err?: CliContext['err']
  now?: () => Date
}): CliContext & { closeStore(): Promise<void> } {
  let opened: Promise<Store> | undefined
  const out = options.out ?? process.stdout
  const now = options.now ?? (() => new Date())
  return {
    lang: options.lang,
    env: options.env,
    out,
    err: options.err ?? process.stderr,
    store() {
      opened ??= openStore(resolveDbPath(options.db(), options.env))
      return opened
    },
    async closeStore() {
      if (opened) await (await opened).close()
    },
    today: () => now().toISOString().slice(0, 10),
    nowText: () => now().toISOString().slice(0, 19).replace('T', ' '),
    t: (key, params) => t(options.lang, key, params),
    print: (line = '') => void out.write(`${line}\n`),
    printJson: (value) => void out.write(`${JSON.stringify(value, null, 2)}\n`),
  }
}
