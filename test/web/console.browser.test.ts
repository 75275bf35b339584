/**
 * The web app in a real browser: Debian's Chromium driven by playwright-core, against the
 * real server (composeServer, as main.ts builds it) on PGlite at port 0 with /ws attached.
 * One browser for the file, a fresh context per test; the page's clock is the server's.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { shifts } from '../../db/schema/index.ts';
import type { ComposedServer } from '../../server/compose.ts';
import { FIXED_NOW, bearer, insertUsers, loginAs } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';
import { type CuttableProxy, startCuttableProxy } from './cuttable-proxy.ts';
import {
  type BrowserServer,
  axeViolations,
  skipBrowser,
  startBrowserServer,
} from './support/browser-server.ts';

let database: Database;
let server: ComposedServer;
let web: BrowserServer;
let browser: Browser;
let base: string;
let proxy: CuttableProxy;

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  // Two caregivers on the fixture's day shift (FIXED_NOW is 13:00 in Stockholm).
  await database.db.insert(shifts).values(
    [IDS.rn, IDS.an].map((staffId) => ({
      staffId,
      municipalityCode: '0180',
      kind: 'day' as const,
      startsAt: new Date('2026-11-23T06:00:00Z'),
      endsAt: new Date('2026-11-23T15:00:00Z'),
    })),
  );
  web = await startBrowserServer(database);
  ({ server, browser } = web);
  // The browser reaches the server through a proxy the resume test cuts.
  proxy = await startCuttableProxy(web.port);
  base = `http://127.0.0.1:${proxy.port}`;
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await web?.close();
  await database?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  // The page's "now" is the server's pinned clock, so times left agree with the fixture.
  await context.clock.setFixedTime(FIXED_NOW);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  if (process.env['DEBUG_PAGE']) {
    page.on('console', (m) => console.log('page:', m.text()));
    page.on('response', (r) => console.log('page:', r.status(), r.url()));
    page.on('websocket', (ws) => {
      ws.on('framereceived', (f) => console.log('page: ws<', String(f.payload).slice(0, 200)));
      ws.on('close', () => console.log('page: ws closed'));
    });
  }
  return { context, page };
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** An urgent visit for the fixture's patient, registered through the API (not the page). */
async function registerUrgentVisit(task: string): Promise<void> {
  const token = await loginAs(server.app, 'dispatcher');
  const res = await server.app.request('/api/dispatch/urgent-visits', {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({
      municipality: '0180',
      patientId: IDS.patient,
      taskTypes: [task],
      priority: 'urgent1',
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

const connection = (page: Page) => page.getByRole('status', { name: 'Anslutning' }).textContent();

const skip = skipBrowser;

describe('the web app in Chromium', { skip }, () => {
  it('speaks Swedish by default and switches to English', async () => {
    const { context, page } = await newPage();
    await page.goto(base);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Log in');
    expect(await page.getByLabel('Username').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it('has no WCAG 2.1 A/AA violation on the log-in page', async () => {
    const { context, page } = await newPage();
    await page.goto(base);
    await page.getByLabel('Användarnamn').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('logs a dispatcher in to the live queue and staff on shift; log-out returns', async () => {
    const { context, page } = await newPage();
    await logIn(page, 'dispatcher-0180', 'pw-dispatcher-0180-secret');
    await page.getByRole('heading', { name: 'Kö' }).waitFor();
    await expect
      .poll(() => page.getByRole('status', { name: 'Anslutning' }).textContent())
      .toContain('Live');
    // The fixture's unassigned morning visit leads the queue.
    const first = page.locator('tbody tr').first();
    expect(await first.textContent()).toContain('Ej tilldelad');
    expect(await first.textContent()).toContain('Insulin (penna)');
    expect(await page.getByRole('combobox', { name: 'Kommun' }).inputValue()).toBe('0180');
    const staff = page.getByRole('region', { name: 'Personal i tjänst' });
    expect(await staff.textContent()).toContain('Anna Andersson');
    expect(await staff.textContent()).toContain('Bo Berg');
    // Anna's evening visit (20:00-21:00 window) is planned to start at 20:15.
    expect(await staff.textContent()).toContain('Nästa: 20:15 Insulin (penna)');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await context.close();
  });

  it('shows an urgent visit registered through the API live, and announces it', async () => {
    const { context, page } = await newPage();
    await logIn(page, 'dispatcher-0180', 'pw-dispatcher-0180-secret');
    await expect
      .poll(() => page.getByRole('status', { name: 'Anslutning' }).textContent())
      .toContain('Live');
    await registerUrgentVisit('catheter_change');
    const row = page.locator('tbody tr', { hasText: 'Kateterbyte' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Akut 1');
    // Urgent 1 goes above the planned unassigned visit.
    expect(await page.locator('tbody tr').first().textContent()).toContain('Kateterbyte');
    await expect
      .poll(() => page.locator('[aria-live="polite"]').textContent())
      .toContain('Nytt akut besök: Akut 1, Kateterbyte');
    await context.close();
  });

  it('resumes after a network drop from its last seq: the missed visit once, said so', async () => {
    const { context, page } = await newPage();
    await logIn(page, 'dispatcher-0180', 'pw-dispatcher-0180-secret');
    await expect.poll(() => connection(page)).toContain('Live');
    const rowsBefore = await page.locator('tbody tr').count();
    proxy.cut({ refuse: true });
    await expect.poll(() => connection(page)).toContain('Återansluter');
    await registerUrgentVisit('sampling'); // while the page is cut off
    proxy.restore();
    await expect
      .poll(() => connection(page), { timeout: 15_000 })
      .toContain('Live igen – missade händelser hämtade: 1');
    expect(await page.locator('tbody tr', { hasText: 'Provtagning' }).count()).toBe(1);
    expect(await page.locator('tbody tr').count()).toBe(rowsBefore + 1);
    await context.close();
  });

  it('sends a user whose session is no longer valid back to log-in', async () => {
    const { context, page } = await newPage();
    await page.goto(base);
    await page.evaluate(() =>
      sessionStorage.setItem(
        'hemsjukvard.session',
        JSON.stringify({
          token: 'not-a-token',
          expiresAt: '2099-01-01T00:00:00Z',
          user: {
            userId: 'x',
            username: 'dispatcher-0180',
            role: 'dispatcher',
            municipalities: ['0180'],
            teams: [],
            staffId: null,
          },
        }),
      ),
    );
    await page.reload();
    await page.getByText('Din session har gått ut').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
    await context.close();
  });
});
