/**
 * The console's map in Chromium against the real server (as console.browser.test.ts): the
 * municipality outlines drawn with no tile server, today's route, a caregiver's position
 * posted through the API moving their marker and their row live, and no axe violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { assignments, shifts, visits } from '../../db/schema/index.ts';
import type { ComposedServer } from '../../server/compose.ts';
import { FIXED_NOW, bearer, insertUsers, loginAs } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';
import {
  type BrowserServer,
  axeViolations,
  skipBrowser,
  startBrowserServer,
} from './support/browser-server.ts';

const SECOND_VISIT = '10000000-0000-4000-8000-0000000000f1';

let database: Database;
let server: ComposedServer;
let web: BrowserServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  await database.db.insert(shifts).values(
    [IDS.rn, IDS.an].map((staffId) => ({
      staffId,
      municipalityCode: '0180',
      kind: 'day' as const,
      startsAt: new Date('2026-11-23T06:00:00Z'),
      endsAt: new Date('2026-11-23T15:00:00Z'),
    })),
  );
  // A second visit on Anna's route (after the fixture's evening one), so the route is a line.
  await database.db.insert(visits).values({
    id: SECOND_VISIT,
    municipalityCode: '0180',
    patientId: IDS.patientUnrouted,
    windowStart: new Date('2026-11-23T20:00:00Z'),
    windowEnd: new Date('2026-11-23T21:00:00Z'),
    durationMinutes: 20,
    taskTypes: ['insulin_pen'],
    requiredProfession: 'rn',
    status: 'assigned',
  });
  await database.db.insert(assignments).values({
    visitId: SECOND_VISIT,
    staffId: IDS.rn,
    plannedStart: new Date('2026-11-23T20:10:00Z'),
    routeOrder: 2,
  });
  web = await startBrowserServer(database);
  ({ server, base, browser } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

async function openMap(prepare?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  await context.clock.setFixedTime(FIXED_NOW);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  // Any request off our own origin (a tile server, a CDN) would be a failure here.
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith(base.replace('http', 'ws')))
      foreign.push(r.url());
  });
  await prepare?.(page);
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill('dispatcher-0180');
  await page.getByLabel('Lösenord').fill('pw-dispatcher-0180-secret');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect
    .poll(() => page.getByRole('status', { name: 'Anslutning' }).textContent())
    .toContain('Live');
  await page.getByRole('button', { name: 'Karta' }).click();
  await page.locator('.muni-outline').first().waitFor();
  expect(foreign).toEqual([]);
  return page;
}

async function postPosition(lat: number, lon: number, at: string, staffId = IDS.rn) {
  const token = await loginAs(server.app, 'dispatcher');
  const res = await server.app.request(`/api/dispatch/staff/${staffId}/position`, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({ lat, lon, at, status: 'en_route' }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

const skip = skipBrowser;

describe('the console map in Chromium', { skip }, () => {
  it('draws an SVG path per municipality with no tile server, Stockholm highlighted, and the route', async () => {
    const page = await openMap();
    const map = page.getByRole('region', { name: /Karta över Stockholm/ });
    expect(await map.isVisible()).toBe(true);
    expect(await map.locator('svg path.muni-outline').count()).toBe(26);
    await expect.poll(() => map.locator('svg path.muni-outline.muni-chosen').count()).toBe(1);
    expect(await map.locator('img').count()).toBe(0); // no tiles
    // Anna's two visits of the day are joined by a line; both visits are marked "Tilldelad".
    await map.locator('svg path.map-route').first().waitFor();
    expect(await map.locator('.visit-pin[title="Tilldelad"]').count()).toBe(2);
    const byStatus = page.getByRole('table').filter({ hasText: 'På kartan' });
    expect(await byStatus.textContent()).toContain('Tilldelad');
    await page.context().close();
  });

  it('draws tiles only when the page names a tile URL (our origin here, as the CSP allows)', async () => {
    const tiles: string[] = [];
    const page = await openMap(async (p) => {
      // As the server would once a tile URL is configured: the meta tag in the page.
      await p.addInitScript((url) => {
        document.addEventListener('DOMContentLoaded', () => {
          const meta = document.createElement('meta');
          meta.name = 'map-tile-url';
          meta.content = url;
          document.head.append(meta);
        });
      }, `${base}/tiles/{z}/{x}/{y}.png`);
      await p.route(`${base}/tiles/**`, (route) => {
        tiles.push(route.request().url());
        return route.fulfill({ status: 404 });
      });
    });
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    expect(tiles[0]).toMatch(/\/tiles\/\d+\/\d+\/\d+\.png$/);
    await page.context().close();
  });

  it("moves a caregiver's marker and updates the list when a position is posted", async () => {
    const page = await openMap();
    const row = page.locator(`tr[data-staff="${IDS.rn}"]`);
    expect(await row.textContent()).toContain('ingen position ännu');
    const marker = page.locator(`.staff-pin[data-staff="${IDS.rn}"]`);
    expect(await marker.count()).toBe(0);

    await postPosition(59.33, 18.05, '2026-11-23T12:00:00Z');
    await marker.waitFor();
    expect(await marker.textContent()).toContain('Anna Andersson · På väg');
    await expect.poll(() => row.textContent()).toContain('13:00');
    expect(await row.textContent()).toContain('På väg');
    const before = await marker.boundingBox();

    await postPosition(59.3, 18.1, '2026-11-23T12:01:00Z');
    await expect.poll(() => marker.getAttribute('data-lat')).toBe('59.3');
    await expect.poll(() => row.textContent()).toContain('13:01');
    const after = await marker.boundingBox();
    // South-east on the screen: right and down.
    expect(after!.x).toBeGreaterThan(before!.x);
    expect(after!.y).toBeGreaterThan(before!.y);

    // An old fix says how old it is (the page's clock is the server's, 13:00).
    await postPosition(59.34, 18.0, '2026-11-23T11:40:00Z', IDS.an);
    await expect
      .poll(() => page.locator(`tr[data-staff="${IDS.an}"]`).textContent())
      .toContain('12:40 · för 20 min sedan');

    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a position posted before the page opened at once, from the snapshot', async () => {
    await postPosition(59.36, 18.02, '2026-11-23T11:59:00Z', IDS.an);
    const page = await openMap();
    const marker = page.locator(`.staff-pin[data-staff="${IDS.an}"]`);
    await marker.waitFor({ timeout: 3000 });
    expect(await marker.getAttribute('data-lat')).toBe('59.36');
    expect(await page.locator(`tr[data-staff="${IDS.an}"]`).textContent()).toContain('12:59');
    await page.context().close();
  });
});
