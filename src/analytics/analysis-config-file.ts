import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { EXIT, StrataError } from '../core/diagnostics.js'
import { type AnalysisConfig, DEFAULT_CONFIG } from './analysis-config.js'
import { parseAnalysisConfig } from './analysis-config-parse.js'

/** Where a store's own settings file lives: `strata.config.json` beside it (none for an in-memory store). */
export function configFileBeside(storePath: string): string | null {
  return storePath === ':memory:' ? null : join(dirname(storePath), 'strata.config.json')
}

/** The file the analysis settings are read from: the one given, else `strata.config.json` beside the store. */
export function configFileFor(storePath: string, explicit?: string): string | undefined {
  if (explicit) return explicit
  const beside = configFileBeside(storePath)
  return beside && existsSync(beside) ? beside : undefined
}

/** A parse result as a value, or the first problem thrown with the rest attached (every entry point shows all). */
export function configOrThrow(result: ReturnType<typeof parseAnalysisConfig>): AnalysisConfig {
  if (result.ok) return result.value
  const [first, ...more] = result.diagnostics
  throw new StrataError(first!, EXIT.USAGE, more)
}

/**
 * The analysis settings a store runs with — what the CLI's `analyze` and the server's both use, so the same
 * store gives the same snapshot whichever started it. No file: the defaults.
 *
 * @example
 * const config = loadAnalysisConfig('./strata-data/strata.duckdb')
 */
export function loadAnalysisConfig(storePath: string, explicit?: string): AnalysisConfig {
  const file = configFileFor(storePath, explicit)
  if (!file) return DEFAULT_CONFIG
  if (!existsSync(file)) throw new StrataError({ code: 'analytics.config.not_found', params: { file } })
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new StrataError({ code: 'analytics.config.bad_json', params: { reason }, at: { file } })
  }
  return configOrThrow(parseAnalysisConfig(json as never, file))
}
