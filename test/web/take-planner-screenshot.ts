/**
 * Retakes docs/planner.png from a running demo server (see take-screenshots.ts):
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-planner-screenshot.ts http://localhost:8080
 * Logs in as the scheduler, generates tomorrow's visits, plans them with a 10 s budget and
 * waits for the proposal, then shows its timeline with a visit picked by keyboard and moved one
 * caregiver down, so the shot shows the rows, travel, breaks, windows and the move's cost.
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const out = process.argv[3] ?? 'docs/planner.png';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill('scheduler-0180');
  await page.getByLabel('Lösenord').fill('demo-scheduler-0180');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Skapa besök från insatsplanerna' }).click();
  await page.getByText('Besöken skapade:').waitFor({ timeout: 30_000 });
  await page.getByRole('radio', { name: '10 s' }).check();
  await page.getByRole('button', { name: 'Starta planering' }).click();
  await page.getByRole('heading', { name: '3. Förslaget' }).waitFor({ timeout: 60_000 });
  const timeline = page.getByRole('heading', { name: 'Förslaget som tidslinje' });
  await timeline.waitFor({ timeout: 30_000 });
  await page.locator('.proposal-timeline .bar[data-visit]').first().waitFor();
  await timeline.evaluate((h) => window.scrollBy(0, h.getBoundingClientRect().top - 8));
  // A staff row's first visit, picked and moved one caregiver down: its cost shows.
  const bar = page.locator('.proposal-timeline .bar[data-visit]:not([data-row="unassigned"])');
  await bar.first().focus();
  await page.keyboard.press('Enter');
  // Down a row at a time until a caregiver who may take it: the move's cost shows.
  const cost = page.getByRole('heading', { name: 'Om du flyttar hit' });
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('ArrowDown');
    await page.getByText(/Om du flyttar hit|Går inte/).waitFor({ timeout: 30_000 });
    if ((await cost.count()) > 0) break;
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: out, fullPage: process.env['FULL'] === '1' });
  process.stderr.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}
