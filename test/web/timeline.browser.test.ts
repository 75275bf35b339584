/**
 * The console's day timeline in Chromium against the real server (as map.browser.test.ts):
 * a caregiver's visits as bars and the now line; a bar moved to another caregiver by drag,
 * confirmed, moving live to the new row; a move cancelled changing nothing; no axe violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { eq } from 'drizzle-orm';
import { assignments, shifts, staff, visits } from '../../db/schema/index.ts';
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
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill('dispatcher-0180');
  await page.getByLabel('Lösenord').fill('pw-dispatcher-0180-secret');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect
    .poll(() => page.getByRole('status', { name: 'Anslutning' }).textContent())
    .toContain('Live');
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
const skip = skipBrowser;

describe('the console timeline in Chromium', { skip }, () => {
  it("shows a caregiver's visits as named bars, the unassigned row and the now line", async () => {
    const page = await openTimeline();
    const bar = page.locator('svg.timeline').getByRole('button', { name: /Anna Andersson$/ });
    expect(await bar.count()).toBe(1);
    expect(await bar.getAttribute('aria-label')).toContain('Tilldelad, start 20:15');
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
});
