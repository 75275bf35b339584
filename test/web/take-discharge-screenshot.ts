/**
 * Retakes docs/discharge.png from a running demo server (see take-screenshots.ts):
 *   PORT=8080 DATA_DIR=$(mktemp -d) npm start   # in another shell
 *   npx tsx test/web/take-discharge-screenshot.ts http://localhost:8080
 * Logs in as Stockholm's scheduler and opens the open discharge cases the demo makes after
 * Ready (one costing money, one liable tomorrow, one ready today, one not yet ready); then as
 * Stockholm's manager, who may change them, the liability rules' panel below the list
 * (docs/discharge-settings.png).
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const out = process.argv[3] ?? 'docs/discharge.png';
const rulesOut = process.argv[4] ?? 'docs/discharge-settings.png';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  const open = async (role: 'scheduler' | 'manager') => {
    const page = await context.newPage();
    await page.goto(base);
    await page.getByLabel('Användarnamn').fill(`${role}-0180`);
    await page.getByLabel('Lösenord').fill(`demo-${role}-0180`);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForTimeout(1500);
    await page.goto(`${base}/#utskrivning`);
    await page.getByRole('heading', { name: 'Öppna utskrivningsärenden' }).waitFor();
    await page.getByRole('table').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    return page;
  };
  const list = await open('scheduler');
  await list.screenshot({ path: out });
  process.stderr.write(`wrote ${out}\n`);
  const rules = await open('manager');
  const panel = rules.getByRole('region', { name: /^Regler för betalningsansvar/ });
  await panel.getByRole('button', { name: 'Spara reglerna' }).waitFor();
  await panel.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await rules.screenshot({ path: rulesOut });
  process.stderr.write(`wrote ${rulesOut}\n`);
} finally {
  await browser.close();
}
