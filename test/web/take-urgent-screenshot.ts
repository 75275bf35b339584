/**
 * Retakes docs/urgent.png: an urgent call registered through the form, its suggestions open.
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-urgent-screenshot.ts http://localhost:8080 [search]
 * Headless Debian Chromium, 1280x800, Swedish, Stockholm time, as dispatcher-0180.
 * (It registers a real urgent visit in that server's data.)
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const search = process.argv[3] ?? 'ga';
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
  await page.getByRole('heading', { name: 'Kö' }).waitFor();
  await page.locator('body').press('n');
  const dialog = page.getByRole('dialog', { name: 'Registrera akut besök' });
  await dialog.getByLabel('Patient (namn eller adress)').fill(search);
  await dialog.getByRole('group', { name: 'Träffar' }).getByRole('radio').first().check();
  await dialog.getByRole('checkbox', { name: process.argv[5] ?? 'Kateterbyte' }).check();
  if (process.argv[4] === 'form') {
    await page.screenshot({ path: 'docs/urgent-form.png' });
  }
  await dialog.getByRole('button', { name: 'Registrera och visa förslag' }).click();
  await page.getByRole('dialog', { name: 'Förslag' }).getByRole('heading', { level: 3 }).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/urgent.png' });
  process.stderr.write('wrote docs/urgent.png\n');
} finally {
  await browser.close();
}
