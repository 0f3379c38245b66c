import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CHROMIUM_FLAGS, findChromium } from '../core/chromium.js'
import { EXIT, StrataError } from '../core/diagnostics.js'

/** Where the browser is looked for: `STRATA_CHROMIUM`, then Debian's and common paths. */
/**
 * Prints an HTML document to PDF with headless Chromium. The HTML is self-contained, so the browser loads
 * nothing from the network; flags turn off everything that would reach out or write a profile elsewhere.
 */
export async function htmlToPdf(
  html: string,
  outPath: string,
  options: { chromium?: string; timeoutMs?: number } = {},
): Promise<void> {
  const browser = options.chromium ?? findChromium()
  if (!browser) throw new StrataError({ code: 'reports.no_chromium' }, EXIT.INTERNAL)
  const dir = mkdtempSync(join(tmpdir(), 'strata-report-'))
  try {
    const page = join(dir, 'report.html')
    writeFileSync(page, html)
    const args = [
      ...CHROMIUM_FLAGS,
      '--disable-dev-shm-usage',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${outPath}`,
      pathToFileURL(page).href,
    ]
    await new Promise<void>((resolve, reject) => {
      execFile(browser, args, { timeout: options.timeoutMs ?? 120_000 }, (error, _stdout, stderr) => {
        if (error)
          reject(
            new StrataError(
              {
                code: 'reports.pdf_failed',
                params: {
                  reason: String(stderr || error.message)
                    .trim()
                    .slice(0, 400),
                },
              },
              EXIT.INTERNAL,
            ),
          )
        else resolve()
      })
    })
    if (!existsSync(outPath) || statSync(outPath).size === 0) {
      throw new StrataError({ code: 'reports.pdf_failed', params: { reason: 'no output' } }, EXIT.INTERNAL)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
