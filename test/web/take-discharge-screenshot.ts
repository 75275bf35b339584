/**
 * Retakes docs/discharge.png from a running demo server (see take-screenshots.ts):
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-discharge-screenshot.ts http://localhost:8080
 * Logs in as Stockholm's scheduler and opens the open discharge cases the demo makes after
 * Ready (one costing money, one liable tomorrow, one ready today, one not yet ready).
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const out = process.argv[3] ?? 'docs/discharge.png';

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
  await page.waitForTimeout(1500);
  await page.goto(`${base}/#utskrivning`);
  await page.getByRole('heading', { name: 'Öppna utskrivningsärenden' }).waitFor();
  await page.getByRole('table').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: out });
  process.stderr.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}
