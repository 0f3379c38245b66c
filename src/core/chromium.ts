import { existsSync } from 'node:fs'

/**
 * Flags for headless Debian Chromium on these machines: without the network ones it keeps dialling out
 * (refused by the closed network, many at a time); `--no-sandbox` because CI runs as root. One list for
 * the report printer, the browser tests and the web benchmark.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** `STRATA_CHROMIUM`, else the first Chromium or Chrome installed in the usual places, else null. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = [
    env['STRATA_CHROMIUM'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null
}
