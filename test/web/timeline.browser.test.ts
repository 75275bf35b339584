/**
 * The console's day timeline in Chromium against the real server (as map.browser.test.ts):
 * a caregiver's visits as bars with the travel before them, their break and the now line,
 * also as a table; a bar moved to another caregiver by drag, confirmed, moving live to the
 * new row with its travel recomputed; a move cancelled changing nothing; yesterday and
 * tomorrow picked; a 300-caregiver day drawing only the rows in view, the arrow keys
 * scrolling to a row far down; no axe violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { eq } from 'drizzle-orm';
import { assignments, shifts, staff, visits } from '../../db/schema/index.ts';
import type { ComposedServer } from '../../server/compose.ts';
import { estimateTravel } from '../../server/solver-bridge/travel.ts';
import { FIXED_NOW, bearer, insertUsers, loginAs } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';
import {
  type BrowserServer,
  axeViolations,
  skipBrowser,
  startBrowserServer,
} from './support/browser-server.ts';

const CECILIA = '10000000-0000-4000-8000-0000000000c1';

let database: Database;
let server: ComposedServer;
let web: BrowserServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  // A second nurse to move Anna's evening visit (20:15 Stockholm) to.
  await database.db.insert(staff).values({
    id: CECILIA,
    hsaId: 'SE2120001234-RN02',
    name: 'Cecilia Ek',
    profession: 'rn',
    municipalityCode: '0180',
    teamId: IDS.team,
    travelMode: 'car',
  });
  await database.db.insert(shifts).values(
    [IDS.rn, IDS.an, CECILIA].map((staffId) => ({
      staffId,
      municipalityCode: '0180',
      kind: 'evening' as const,
      startsAt: new Date('2026-11-23T12:00:00Z'),
      endsAt: new Date('2026-11-23T21:00:00Z'),
    })),
  );
  web = await startBrowserServer(database);
  ({ server, base, browser } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

let session: [string, string][] | undefined;

async function openTimeline(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  await context.clock.setFixedTime(FIXED_NOW);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  if (session) {
    // Logged in already: the log-in limit (5 a user, the clock pinned) allows no more.
    await context.addInitScript((entries: [string, string][]) => {
      for (const [k, v] of entries) sessionStorage.setItem(k, v);
    }, session);
    await page.goto(base);
  } else {
    await page.goto(base);
    await page.getByLabel('Användarnamn').fill('dispatcher-0180');
    await page.getByLabel('Lösenord').fill('pw-dispatcher-0180-secret');
    await page.getByRole('button', { name: 'Logga in' }).click();
  }
  await expect
    .poll(() => page.getByRole('status', { name: 'Anslutning' }).textContent())
    .toContain('Live');
  session ??= await page.evaluate(() => Object.entries(sessionStorage));
  await page.getByRole('button', { name: 'Tidslinje' }).click();
  await page.locator('svg.timeline').waitFor();
  return page;
}

async function visitNow(id: string) {
  const [visit] = await database.db.select().from(visits).where(eq(visits.id, id));
  const rows = await database.db.select().from(assignments).where(eq(assignments.visitId, id));
  return { version: visit!.version, staffIds: rows.map((a) => a.staffId) };
}

async function noViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

const evening = (page: Page) => page.locator(`.bar[data-visit="${IDS.visitEvening}"]`);
/** The server's estimate from the team's base to the patient by car, whole minutes up. */
const BASE_TO_PATIENT = Math.ceil(
  estimateTravel().trip!({ lat: 59.31, lon: 18.07 }, { lat: 59.315, lon: 18.072 }, 'car').seconds /
    60,
);
const skip = skipBrowser;

describe('the console timeline in Chromium', { skip }, () => {
  it("shows a caregiver's visits as named bars, the unassigned row and the now line", async () => {
    const page = await openTimeline();
    const bar = page.locator('svg.timeline').getByRole('button', { name: /Anna Andersson/ });
    expect(await bar.count()).toBe(1);
    expect(await bar.getAttribute('aria-label')).toContain('Tilldelad, start 20:15');
    // The travel from the base, as the server estimates it, drawn and named.
    expect(BASE_TO_PATIENT).toBeGreaterThan(4);
    await expect
      .poll(() => bar.getAttribute('aria-label'))
      .toContain(`Anna Andersson, restid ${BASE_TO_PATIENT} min före`);
    expect(await page.locator('svg.timeline .travel').count()).toBe(1);
    // Each on the 12:00–21:00 UTC evening shift has a 30-minute break: 16:30 Stockholm.
    const breaks = page.locator('svg.timeline').getByRole('img', { name: /^Rast / });
    expect(await breaks.count()).toBe(3);
    expect(await breaks.first().getAttribute('aria-label')).toBe(
      'Rast 16:30–17:00 (30 min), Anna Andersson',
    );
    // The dotted pattern is in the key, named.
    expect(await page.getByRole('list', { name: 'Teckenförklaring' }).textContent()).toContain(
      'Rast',
    );
    // The same as a table.
    await page.getByText('Dagen som tabell').click();
    const table = page.getByRole('table', { name: /Tidslinjen/ });
    await table.waitFor();
    const text = await table.textContent();
    expect(text).toContain(`Restid ${BASE_TO_PATIENT} min`);
    expect(text).toContain('16:30–17:00Rast 30 min');
    expect(text).toContain(`–20:15Restid ${BASE_TO_PATIENT} min`);
    expect(await page.locator('svg.timeline text.row-name').allTextContents()).toEqual([
      'Ej tilldelade',
      'Anna Andersson',
      'Bo Berg',
      'Cecilia Ek',
    ]);
    const unassigned = page.getByRole('button', { name: /Ej tilldelad, start 07:30/ });
    expect(await unassigned.count()).toBe(1);
    expect(await page.locator('svg.timeline .now line').count()).toBe(1);
    expect(await page.getByText('Linjen är nu, 13:00').count()).toBe(1);
    await noViolations(page);
    await page.context().close();
  });

  it('changes nothing when the move is cancelled (keyboard path, then Escape)', async () => {
    const before = await visitNow(IDS.visitEvening);
    const page = await openTimeline();
    await evening(page).focus();
    await page.getByRole('button', { name: 'Flytta till…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Flytta besök' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Anna Andersson');
    await dialog.getByLabel('Till').selectOption(CECILIA);
    await noViolations(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const after = await visitNow(IDS.visitEvening);
    expect(after.version).toBe(before.version);
    expect(after.staffIds).toEqual([IDS.rn]);
    expect(await evening(page).getAttribute('aria-label')).toContain('Anna Andersson');
    await page.context().close();
  });

  it('reassigns a visit dragged to another row once confirmed, and the bar moves live', async () => {
    const page = await openTimeline();
    await evening(page).focus(); // selected first, so nothing above the chart moves
    const from = (await evening(page).boundingBox())!;
    const rows = page.locator('svg.timeline text.row-name');
    const to = (await rows.filter({ hasText: 'Cecilia Ek' }).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + 20, { steps: 3 });
    await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 5 });
    await page.mouse.up();

    const dialog = page.getByRole('dialog', { name: 'Flytta besök' });
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('Anna Andersson');
    expect(text).toContain('20:15');
    expect(await dialog.getByLabel('Till').inputValue()).toBe(CECILIA);
    await dialog.getByRole('button', { name: 'Flytta', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => evening(page).getAttribute('aria-label')).toContain('Cecilia Ek');
    expect(await evening(page).getAttribute('aria-label')).toContain('start 20:15');
    const after = await visitNow(IDS.visitEvening);
    expect(after.staffIds).toEqual([CECILIA]);
    // The travel follows the move (fetched again after the live event): Cecilia's now.
    await expect
      .poll(() => evening(page).getAttribute('aria-label'), { timeout: 10_000 })
      .toContain(`Cecilia Ek, restid ${BASE_TO_PATIENT} min före`);
    await page.context().close();
  });

  it('shows a 409 plainly with the visit as it is now when it changed after the dialog opened', async () => {
    const page = await openTimeline();
    await evening(page).focus(); // Cecilia's since the test before
    await page.getByRole('button', { name: 'Flytta till…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Flytta besök' });
    await dialog.getByLabel('Till').selectOption(IDS.rn);
    // Someone else moves it to Anna first.
    const { version } = await visitNow(IDS.visitEvening);
    const token = await loginAs(server.app, 'dispatcher');
    const res = await server.app.request(`/api/dispatch/visits/${IDS.visitEvening}/assign`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ staffIds: [IDS.rn], expectedVersion: version }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    await dialog.getByRole('button', { name: 'Flytta', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('Någon annan ändrade besöket först');
    expect(text).toContain('Anna Andersson');
    expect(text).toContain(String(version + 1));
    await noViolations(page);
    await page.context().close();
  });

  it('shows tomorrow and yesterday when picked, the now line only today', async () => {
    const page = await openTimeline();
    const picker = page.getByRole('group', { name: 'Dag' });
    expect(await picker.getByRole('button', { name: /Idag/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await picker.getByRole('button', { name: /Imorgon/ }).click();
    // Tomorrow's unassigned 07:30 visit, from the server's day read.
    const tomorrow = page.locator(`.bar[data-visit="${IDS.visitTomorrow}"]`);
    await tomorrow.waitFor();
    expect(await tomorrow.getAttribute('aria-label')).toContain('Ej tilldelad, start 07:30');
    expect(await page.locator('svg.timeline .now line').count()).toBe(0);
    expect(await page.getByText(/Linjen är nu/).count()).toBe(0);
    expect(await evening(page).count()).toBe(0);
    await noViolations(page);
    await picker.getByRole('button', { name: /Igår/ }).click();
    await expect
      .poll(() => page.locator(`.bar[data-visit="${IDS.visitTomorrow}"]`).count())
      .toBe(0);
    expect(await page.locator('svg.timeline .now line').count()).toBe(0);
    await picker.getByRole('button', { name: /Idag/ }).click();
    await evening(page).waitFor();
    expect(await page.locator('svg.timeline .now line').count()).toBe(1);
    await page.context().close();
  });

  it('draws only the rows in view of a 300-caregiver day; the arrow keys reach one far down', async () => {
    const extra = Array.from({ length: 300 }, (_, i) => ({
      id: `30000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      hsaId: `SE2120009999-V${String(i + 1).padStart(3, '0')}`,
      name: `Vikarie ${String(i + 1).padStart(3, '0')}`,
      profession: 'rn' as const,
      municipalityCode: '0180',
      teamId: IDS.team,
      travelMode: 'car' as const,
    }));
    await database.db.insert(staff).values(extra);
    await database.db.insert(shifts).values(
      extra.map((s) => ({
        staffId: s.id,
        municipalityCode: '0180',
        kind: 'evening' as const,
        startsAt: new Date('2026-11-23T12:00:00Z'),
        endsAt: new Date('2026-11-23T21:00:00Z'),
      })),
    );
    // A visit for the last of them, assigned through the API (a live event).
    const LAST = extra[299]!.id;
    const FAR = '30000000-0000-4000-8000-0000000f0001';
    await database.db.insert(visits).values({
      id: FAR,
      municipalityCode: '0180',
      patientId: IDS.patient,
      windowStart: new Date('2026-11-23T18:00:00Z'),
      windowEnd: new Date('2026-11-23T19:00:00Z'),
      durationMinutes: 20,
      taskTypes: ['insulin_pen'],
      requiredProfession: 'rn',
    });
    const token = await loginAs(server.app, 'dispatcher');
    const res = await server.app.request(`/api/dispatch/visits/${FAR}/assign`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ staffIds: [LAST], expectedVersion: 1 }),
    });
    expect(res.status, await res.clone().text()).toBe(200);

    const page = await openTimeline();
    const names = page.locator('svg.timeline text.row-name');
    await expect.poll(() => names.count()).toBeGreaterThan(5);
    expect(await names.count()).toBeLessThan(40); // of 304 rows
    expect(await names.allTextContents()).not.toContain('Vikarie 300');
    // From the evening visit (row 3), down past 296 empty rows to the last one's visit.
    await evening(page).focus();
    await page.keyboard.press('ArrowDown');
    const far = page.locator(`.bar[data-visit="${FAR}"]`);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-visit')))
      .toBe(FAR);
    expect(await far.getAttribute('aria-label')).toContain('Vikarie 300');
    expect(await names.allTextContents()).toContain('Vikarie 300');
    expect(await names.count()).toBeLessThan(40);
    // In view, below the sticky hour axis.
    const box = (await far.boundingBox())!;
    const scroller = (await page.locator('.timeline-scroll').boundingBox())!;
    expect(box.y).toBeGreaterThan(scroller.y + 20);
    expect(box.y + box.height).toBeLessThanOrEqual(scroller.y + scroller.height);
    // Back up with ArrowUp; and Enter still opens the confirmation.
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-visit')))
      .toBe(IDS.visitEvening);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Flytta besök' }).waitFor();
    await page.keyboard.press('Escape');
    await noViolations(page);
    await page.context().close();
  });
});
