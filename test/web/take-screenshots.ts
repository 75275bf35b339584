/**
 * Retakes docs/login.png and docs/console.png from a running server with the demo data:
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-screenshots.ts http://localhost:8080
 * Headless Debian Chromium, 1280x800, Swedish, Stockholm time, as dispatcher-0180.
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
  await page.screenshot({ path: 'docs/login.png' });
  await page.getByLabel('Lösenord').fill('demo-dispatcher-0180');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { name: 'Kö' }).waitFor();
  await page.waitForTimeout(1_500); // the late-risk read and the first events
  await page.screenshot({ path: 'docs/console.png' });
  process.stderr.write('wrote docs/login.png and docs/console.png\n');
} finally {
  await browser.close();
}
