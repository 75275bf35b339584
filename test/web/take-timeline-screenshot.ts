/**
 * Retakes docs/timeline.png from a running demo server (see take-screenshots.ts):
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-timeline-screenshot.ts http://localhost:8080
 * Opens the Tidslinje view, waits for the travel and breaks, and focuses the first caregiver's
 * first visit, so the shot shows a selected bar and the Flytta till… button.
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill('dispatcher-0180');
  await page.getByLabel('Lösenord').fill('demo-dispatcher-0180');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Tidslinje' }).click();
  await page.locator('svg.timeline').waitFor();
  // Travel and breaks come from the day's routes, read after the live snapshot.
  await page.locator('svg.timeline .travel').first().waitFor({ timeout: 15_000 });
  const bars = page.locator('svg.timeline .tl-row').nth(1).locator('.bar');
  if ((await bars.count()) > 0) await bars.first().focus();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/timeline.png' });
  const count = await page.locator('svg.timeline .bar').count();
  process.stderr.write(`wrote docs/timeline.png (${count} bars)\n`);
} finally {
  await browser.close();
}
