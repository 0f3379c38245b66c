import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { CHROMIUM_FLAGS } from '../../../src/core/chromium.js'

/** Debian's Chromium (installed by .ci/run); Playwright's own download does not work on these machines. */
export const CHROMIUM = process.env['STRATA_CHROMIUM'] ?? '/usr/bin/chromium'
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots')

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  })
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png (for people to look at). */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  // From the top: a full-page shot taken while scrolled draws the sticky bars in the middle of the page.
  await page.evaluate('window.scrollTo(0, 0)')
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}
