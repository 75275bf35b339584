/**
 * The caregiver's phone view in Chromium (a 390 px phone, Swedish, Stockholm time) against
 * the real server, as console.browser.test.ts starts it: the route in order, status changes
 * the dispatcher's console sees, a change made offline sent when back, a conflict shown,
 * position shared only when turned on.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/**
 * Two more visits on the RN's route this afternoon, before the fixture's evening one. The
 * sampling window opens first, but it is planned second: the route goes by planned start.
 */
const WOUND = randomUUID(); // window 14:00-15:00, planned 14:10, Såromläggning
const SAMPLING = randomUUID(); // window 13:30-17:00, planned 16:10, Provtagning
/** Last night's shift ran past midnight: one visit still en route, one done (not shown). */
const LAST_NIGHT = randomUUID(); // window 23:00-00:00, planned 23:10, Katetersköljning
const LAST_NIGHT_DONE = randomUUID(); // Stomivård

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
  type Task = 'wound_dressing' | 'sampling' | 'catheter_rinse' | 'stoma_care';
  const visit = (id: string, start: string, end: string, task: Task) => ({
    id,
    municipalityCode: '0180',
    patientId: IDS.patient,
    windowStart: new Date(start),
    windowEnd: new Date(end),
    durationMinutes: 20,
    taskTypes: [task],
    requiredProfession: 'rn' as const,
    status: 'assigned' as const,
  });
  // Inserted in the reverse of their order, so the page's order is its own.
  await database.db.insert(visits).values([
    visit(SAMPLING, '2026-11-23T12:30:00Z', '2026-11-23T16:00:00Z', 'sampling'),
    visit(WOUND, '2026-11-23T13:00:00Z', '2026-11-23T14:00:00Z', 'wound_dressing'),
    {
      ...visit(LAST_NIGHT, '2026-11-22T22:00:00Z', '2026-11-22T23:00:00Z', 'catheter_rinse'),
      status: 'en_route' as const,
    },
    {
      ...visit(LAST_NIGHT_DONE, '2026-11-22T21:00:00Z', '2026-11-22T22:00:00Z', 'stoma_care'),
      status: 'done' as const,
    },
  ]);
  await database.db.insert(assignments).values([
    {
      visitId: SAMPLING,
      staffId: IDS.rn,
      plannedStart: new Date('2026-11-23T15:10:00Z'),
      routeOrder: 2,
    },
    {
      visitId: LAST_NIGHT,
      staffId: IDS.rn,
      plannedStart: new Date('2026-11-22T22:10:00Z'),
      routeOrder: 2,
    },
    {
      visitId: LAST_NIGHT_DONE,
      staffId: IDS.rn,
      plannedStart: new Date('2026-11-22T21:10:00Z'),
      routeOrder: 1,
    },
    {
      visitId: WOUND,
      staffId: IDS.rn,
      plannedStart: new Date('2026-11-23T13:10:00Z'),
      routeOrder: 1,
    },
  ]);
  web = await startBrowserServer(database);
  ({ server, base, browser } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

async function newPage(
  kind: 'phone' | 'console',
  options: { geolocation?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    ...(kind === 'phone'
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 800 } }),
    ...(options.geolocation
      ? {
          geolocation: { latitude: 59.3326, longitude: 18.0649 },
          permissions: ['geolocation'],
        }
      : {}),
  });
  await context.clock.setFixedTime(FIXED_NOW);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  return { context, page };
}

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(`pw-${username}-secret`);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** The route's cards, in the order on screen. */
const stops = (page: Page) => page.locator('ol.route > li');
const stop = (page: Page, task: string) => stops(page).filter({ hasText: task });
const actions = (page: Page, n: number) =>
  page.getByRole('group', { name: `Rapportera för besök ${n}` });

async function visitNow(id: string): Promise<{ status: string; version: number }> {
  const token = await loginAs(server.app, 'dispatcher');
  const res = await server.app.request(`/api/visits/${id}`, { headers: bearer(token) });
  return (await res.json()) as { status: string; version: number };
}

const skip = skipBrowser;

describe('the caregiver phone view in Chromium', { skip }, () => {
  it("shows the caregiver today's route in order, with address and door code", async () => {
    const { context, page } = await newPage('phone');
    await logIn(page, 'caregiver-0180');
    await page.getByRole('heading', { name: 'Dagens besök', level: 2 }).waitFor();
    await expect.poll(() => stops(page).count()).toBe(4);
    const texts = await stops(page).allTextContents();
    // Last night's visit still en route leads; the one done then is not shown.
    expect(texts[0]).toContain('Besök 1 23:10');
    expect(texts[0]).toContain('Katetersköljning');
    expect(texts[0]).toContain('På väg');
    expect(texts.join(' ')).not.toContain('Stomivård');
    expect(texts[1]).toContain('Besök 2 14:10');
    expect(texts[1]).toContain('Planerad start14:10');
    expect(texts[1]).toContain('14:00–15:00');
    expect(texts[1]).toContain('Såromläggning');
    expect(texts[2]).toContain('Besök 3 16:10');
    expect(texts[2]).toContain('13:30–17:00');
    expect(texts[2]).toContain('Provtagning');
    expect(texts[3]).toContain('Besök 4 20:15');
    expect(texts[3]).toContain('20:00–21:00');
    expect(texts[3]).toContain('Insulin (penna)');
    // The patient's record (an audited read) gives address and door code.
    await expect.poll(() => stops(page).nth(1).textContent()).toContain('portkod 1234');
    expect(await stops(page).nth(1).textContent()).toContain('Exempelvägen 2');
    // The morning visit nobody has, and tomorrow's, are not on this route.
    expect(texts.join(' ')).not.toContain('07:30');
    // An assigned visit offers only "på väg"; the rest wait for their turn.
    expect(await actions(page, 2).getByRole('button', { name: 'På väg' }).isEnabled()).toBe(true);
    expect(await actions(page, 2).getByRole('button', { name: 'Utfört' }).isDisabled()).toBe(true);
    // Nothing is shared before the caregiver turns it on.
    expect(await page.getByRole('switch', { name: 'Dela min position' }).isChecked()).toBe(false);
    expect(await page.getByText('Positionen delas inte.').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("marks a visit done, and the dispatcher's console sees it", async () => {
    const dispatcher = await newPage('console');
    await logIn(dispatcher.page, 'dispatcher-0180');
    const row = dispatcher.page.locator('tbody tr', { hasText: 'Såromläggning' });
    await expect.poll(() => row.textContent()).toContain('Tilldelad');

    const { context, page } = await newPage('phone');
    await logIn(page, 'caregiver-0180');
    await expect.poll(() => stops(page).count()).toBe(4);
    await actions(page, 2).getByRole('button', { name: 'På väg' }).click();
    await expect.poll(() => row.textContent()).toContain('På väg');
    const wound = stop(page, 'Såromläggning');
    await expect.poll(() => wound.textContent()).toContain('På väg');
    await actions(page, 2).getByRole('button', { name: 'Påbörjat' }).click();
    await expect.poll(() => wound.textContent()).toContain('Pågår');
    await actions(page, 2).getByRole('button', { name: 'Utfört' }).click();
    await expect.poll(() => wound.textContent()).toContain('Utfört');
    // Behind the caregiver now: folded away under the finished visits.
    expect(await page.getByText('Avklarade besök (1)').isVisible()).toBe(true);
    // Done leaves the dispatcher's queue (it lists what is still to do).
    await expect.poll(() => row.count()).toBe(0);
    expect((await visitNow(WOUND)).status).toBe('done');
    expect(await page.getByText('3 kvar av 4 besök').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    await dispatcher.context.close();
  });

  it('keeps a change made offline, says it waits for the network, and sends it when back', async () => {
    const { context, page } = await newPage('phone');
    await logIn(page, 'caregiver-0180');
    await expect.poll(() => stops(page).count()).toBe(4);
    await context.setOffline(true);
    await expect.poll(() => page.getByText('Ingen anslutning').count()).toBe(1);
    await actions(page, 3).getByRole('button', { name: 'På väg' }).click();
    await expect
      .poll(() => stop(page, 'Provtagning').textContent())
      .toContain('Väntar på nätet: På väg');
    expect((await visitNow(SAMPLING)).status).toBe('assigned');
    // Kept in localStorage, so closing the page does not lose it.
    expect(await page.evaluate(() => Object.keys(localStorage).join())).toContain('outbox');
    expect(await axeViolations(page)).toEqual([]);
    await context.setOffline(false);
    await expect.poll(async () => (await visitNow(SAMPLING)).status).toBe('en_route');
    await expect
      .poll(() => stop(page, 'Provtagning').textContent())
      .not.toContain('Väntar på nätet');
    expect(await stop(page, 'Provtagning').textContent()).toContain('På väg');
    await context.close();
  });

  it('shows a conflict plainly when the visit changed while the change waited', async () => {
    const { context, page } = await newPage('phone');
    await logIn(page, 'caregiver-0180');
    await expect.poll(() => stops(page).count()).toBe(4);
    await context.setOffline(true);
    await actions(page, 4).getByRole('button', { name: 'På väg' }).click();
    await expect
      .poll(() => stop(page, 'Insulin (penna)').textContent())
      .toContain('Väntar på nätet: På väg');
    // Meanwhile the dispatcher cancels the evening visit.
    const token = await loginAs(server.app, 'dispatcher');
    const { version } = await visitNow(IDS.visitEvening);
    const res = await server.app.request(`/api/dispatch/visits/${IDS.visitEvening}/status`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'cancelled', expectedVersion: version }),
    });
    expect(res.status).toBe(200);
    await context.setOffline(false);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('hann ändras av någon annan');
    expect(await alert.textContent()).toContain('det är nu Avbokat');
    expect(await alert.textContent()).toContain('(På väg)');
    expect(await stop(page, 'Insulin (penna)').textContent()).toContain('Avbokat');
    expect((await visitNow(IDS.visitEvening)).status).toBe('cancelled');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shares the position only after it is turned on', async () => {
    const { context, page } = await newPage('phone', { geolocation: true });
    let posted = 0;
    page.on('request', (r) => {
      if (r.url().endsWith(`/api/dispatch/staff/${IDS.rn}/position`)) posted++;
    });
    await logIn(page, 'caregiver-0180');
    await expect.poll(() => stops(page).count()).toBe(4);
    await page.waitForTimeout(500);
    expect(posted).toBe(0);
    await page.getByRole('switch', { name: 'Dela min position' }).check();
    await expect.poll(() => page.getByText('Positionen delas. Senast skickad').count()).toBe(1);
    expect(posted).toBe(1);
    await page.getByRole('switch', { name: 'Dela min position' }).uncheck();
    expect(await page.getByText('Positionen delas inte.').isVisible()).toBe(true);
    await context.close();
  });
});
