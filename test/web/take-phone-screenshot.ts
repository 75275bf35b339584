/**
 * Retakes docs/phone.png from a running server with the demo data:
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-phone-screenshot.ts http://localhost:8080
 * Headless Debian Chromium, a 390x844 phone, Swedish, Stockholm time, as caregiver-0180.
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill('caregiver-0180');
  await page.getByLabel('Lösenord').fill('demo-caregiver-0180');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { name: 'Dagens besök', level: 2 }).waitFor();
  await page.waitForTimeout(1_500); // the route and its patients
  await page.screenshot({ path: 'docs/phone.png' });
  process.stderr.write('wrote docs/phone.png\n');
} finally {
  await browser.close();
}
