/**
 * Retakes docs/map.png from a running demo server (see take-screenshots.ts):
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-map-screenshot.ts http://localhost:8080
 * The demo has no phones reporting, so it first posts a position for a few caregivers on
 * shift through the API (as the dispatcher), spread around the city centre.
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const STATUSES = ['en_route', 'on_visit', 'available', 'en_route', 'break', 'on_visit'];

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'dispatcher-0180', password: 'demo-dispatcher-0180' }),
});
const { token } = (await login.json()) as { token: string };

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
  await page.getByRole('button', { name: 'Karta' }).click();
  await page.locator('.muni-outline').first().waitFor();
  await page.locator('tr[data-staff]').first().waitFor();
  const ids = await page
    .locator('tr[data-staff]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-staff')!));
  for (const [i, id] of ids.slice(0, 12).entries()) {
    const angle = (i / 12) * 2 * Math.PI;
    await fetch(`${base}/api/dispatch/staff/${id}/position`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        lat: 59.325 + 0.035 * Math.sin(angle) * (0.5 + (i % 3) / 3),
        lon: 18.05 + 0.07 * Math.cos(angle) * (0.5 + (i % 2) / 2),
        status: STATUSES[i % STATUSES.length],
      }),
    });
  }
  await page.waitForTimeout(2_500); // the positions arrive live, the patients' places load
  await page.screenshot({ path: 'docs/map.png' });
  process.stderr.write(`wrote docs/map.png (${ids.length} caregivers listed)\n`);
} finally {
  await browser.close();
}
