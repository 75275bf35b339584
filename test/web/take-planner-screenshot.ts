/**
 * Retakes docs/planner.png from a running demo server (see take-screenshots.ts):
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-planner-screenshot.ts http://localhost:8080
 * Logs in as the scheduler, generates tomorrow's visits, plans them with a 10 s budget and
 * waits for the proposal, so the shot shows the counts, the finished progress and cost chart,
 * and the summary.
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
  await page.waitForTimeout(500);
  await page.screenshot({ path: out, fullPage: process.env['FULL'] === '1' });
  process.stderr.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}
