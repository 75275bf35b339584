/**
 * Retakes docs/board.png from a running demo server (see take-screenshots.ts):
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-board-screenshot.ts http://localhost:8080
 * Logs in as Stockholm's manager (enhetschef) and waits for the figures, so the shot shows the
 * tiles and the first trend charts at 1280×800 (FULL=1: the whole page, county view included).
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const out = process.argv[3] ?? 'docs/board.png';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill('manager-0180');
  await page.getByLabel('Lösenord').fill('demo-manager-0180');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByText(/följer besöken live/).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000); // the county map's outlines
  await page.screenshot({ path: out, fullPage: process.env['FULL'] === '1' });
  process.stderr.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}
