/**
 * Retakes docs/sick-call.png from a running server with the demo data:
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-sick-screenshot.ts http://localhost:8080
 * Headless Debian Chromium, 1280x800, Swedish, Stockholm time, as dispatcher-0180: the first
 * caregiver on shift with a next visit is reported sick and the proposed repair shown.
 * (It changes the demo data: the caregiver stays sick.)
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const out = process.argv[3] ?? 'docs/sick-call.png';
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
  await page.waitForTimeout(1_500);
  const busy = page.locator('.staff-list li', { hasText: 'Nästa:' }).first();
  await busy.getByRole('button', { name: /^Sjukanmäl/ }).click();
  const dialog = page.getByRole('dialog');
  if (process.argv[4] === 'confirm') {
    await page.screenshot({ path: out });
  } else {
    await dialog.getByRole('button', { name: /^Sjukanmäl och släpp/ }).click();
    await dialog.getByRole('table').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_000); // the patients' areas
    await page.screenshot({ path: out });
  }
  process.stderr.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}
