/**
 * The sick call in a real browser (Debian's Chromium via playwright-core) against the real
 * server on PGlite, as test/web/console.browser.test.ts runs it. The tests follow one sick
 * call through, in order, on one page: the proposal, axe on it, a part accepted, a 409.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
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
import { inProcessRepairSolve as inProcess } from '../server/planning/support/in-process-solve.ts';

/** A second nurse on the day shift, who can take Anna's insulin visits. */
const CECILIA = '30000000-0000-4000-8000-000000000001';
/** Anna's afternoon visits (14:30, 15:15, 16:00 in Stockholm; FIXED_NOW is 13:00). */
const V1 = '30000000-0000-4000-8000-000000000011';
const V2 = '30000000-0000-4000-8000-000000000012';
const V3 = '30000000-0000-4000-8000-000000000013';

let database: Database;
let server: ComposedServer;
let web: BrowserServer;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
/** Live messages naming one of these visits are dropped on the way to the page. */
const held = new Set<string>();

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  await database.db.insert(staff).values({
    id: CECILIA,
    hsaId: 'SE2120001234-RN05',
    name: 'Cecilia Dahl',
    profession: 'rn',
    municipalityCode: '0180',
    teamId: IDS.team,
    travelMode: 'car',
  });
  await database.db.insert(shifts).values(
    [IDS.rn, IDS.an, CECILIA].map((staffId) => ({
      staffId,
      municipalityCode: '0180',
      kind: 'day' as const,
      startsAt: new Date('2026-11-23T06:00:00Z'),
      endsAt: new Date('2026-11-23T17:00:00Z'),
    })),
  );
  const afternoon = [
    [V1, '2026-11-23T13:30:00Z'],
    [V2, '2026-11-23T14:15:00Z'],
    [V3, '2026-11-23T15:00:00Z'],
  ] as const;
  await database.db.insert(visits).values(
    afternoon.map(([id, start]) => ({
      id,
      municipalityCode: '0180',
      patientId: IDS.patient,
      windowStart: new Date(start),
      windowEnd: new Date(Date.parse(start) + 30 * 60_000),
      durationMinutes: 20,
      taskTypes: ['insulin_pen' as const],
      requiredProfession: 'rn' as const,
      status: 'assigned' as const,
    })),
  );
  await database.db.insert(assignments).values(
    afternoon.map(([visitId, start], i) => ({
      visitId,
      staffId: IDS.rn,
      plannedStart: new Date(start),
      routeOrder: i + 2,
    })),
  );
  web = await startBrowserServer(database, { solve: inProcess });
  ({ server, base, browser } = web);
  context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  await context.clock.setFixedTime(FIXED_NOW);
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  // The page's socket passes through here, so a test can hold back a visit's events.
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const upstream = ws.connectToServer();
    upstream.onMessage((m) => {
      if (![...held].some((id) => String(m).includes(id))) ws.send(m);
    });
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await web?.close();
  await database?.close();
});

const dialog = () => page.getByRole('dialog', { name: 'Sjukanmälan: Anna Andersson' });
const proposalRow = (id: string) => dialog().locator(`tr[data-visit="${id}"]`);
const queueRow = (id: string) => page.locator(`.queue tr[data-visit="${id}"]`);

async function api(path: string, body: unknown): Promise<Response> {
  const token = await loginAs(server.app, 'dispatcher');
  return server.app.request(path, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const skip = skipBrowser;

describe('the sick call in Chromium', { skip }, () => {
  it('reports a caregiver with coming visits sick and shows the proposed repair', async () => {
    await page.goto(base);
    await page.getByLabel('Användarnamn').fill('dispatcher-0180');
    await page.getByLabel('Lösenord').fill('pw-dispatcher-0180-secret');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect
      .poll(() => page.getByRole('status', { name: 'Anslutning' }).textContent())
      .toContain('Live');
    // From the staff list, by keyboard: the dialog names the person and the visits released.
    await page.getByRole('button', { name: 'Sjukanmäl Anna Andersson' }).focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    // Her three afternoon visits and the evening one (20:15).
    expect(await dialog().textContent()).toContain('4 kommande besök släpps');
    const confirm = dialog().getByRole('button', { name: 'Sjukanmäl och släpp 4 besök' });
    await confirm.click();
    await dialog().getByRole('table', { name: 'Förslag på omfördelning' }).waitFor();
    expect(await dialog().textContent()).toContain(
      'Anna Andersson är sjukanmäld. 4 besök släpptes.',
    );
    for (const id of [V1, V2, V3]) {
      const text = await proposalRow(id).textContent();
      expect(text).toContain('Cecilia Dahl');
      expect(text).toContain('Anna Andersson'); // who had it
      expect(text).toContain('Insulin (penna)');
      // The patient's area is read after the proposal shows (a patient read of its own).
      await expect.poll(() => proposalRow(id).textContent()).toContain('Exempelvägen');
      expect(text).toContain('Föreslaget');
    }
    expect(await proposalRow(V1).textContent()).toContain('14:30');
    // Nobody works the evening: left unplaced, with its reason.
    const unplaced = dialog().getByRole('table', { name: 'Kunde inte placeras' });
    expect(await unplaced.locator(`tr[data-visit="${IDS.visitEvening}"]`).textContent()).toMatch(
      /20:00–21:00.*Insulin/,
    );
    // The released visits are in the queue, live, without a caregiver.
    await expect.poll(() => queueRow(V1).textContent()).toContain('Ej tilldelad');
    expect(await page.getByRole('region', { name: 'Personal i tjänst' }).textContent()).toContain(
      'sjukanmäld',
    );
  });

  it('has no WCAG 2.1 A/AA violation with the proposal open', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('accepts a part: those visits get their caregiver, the rest stay proposed and queued', async () => {
    await dialog()
      .getByRole('checkbox', { name: /Insulin \(penna\) 15:15/ })
      .uncheck();
    await dialog()
      .getByRole('checkbox', { name: /Insulin \(penna\) 16:00/ })
      .uncheck();
    // The rest: V1 and the morning visit still unassigned since 07:30 (late, as it is shown).
    expect(await proposalRow(IDS.visitMorning).textContent()).toContain('efter tidsfönstret');
    await dialog().getByRole('button', { name: 'Godkänn valda (2)' }).click();
    await expect.poll(() => proposalRow(V1).textContent()).toContain('Tilldelat');
    expect(await dialog().getByRole('status').last().textContent()).toContain(
      '2 besök tilldelade. 2 kvar i förslaget.',
    );
    await expect.poll(() => queueRow(V1).textContent()).toContain('Cecilia Dahl');
    expect(await queueRow(V1).textContent()).toContain('Tilldelad');
    for (const id of [V2, V3]) {
      expect(await proposalRow(id).textContent()).toContain('Föreslaget');
      expect(await queueRow(id).textContent()).toContain('Ej tilldelad');
    }
    expect(await proposalRow(V1).getByRole('checkbox').isDisabled()).toBe(true);
  });

  it('shows a 409 plainly with the visit as it now is, and accepts the rest', async () => {
    // V2 is cancelled elsewhere; its event is held back, so the page does not know yet.
    held.add(V2);
    const assigned = await api(`/api/dispatch/visits/${V2}/assign`, {
      staffIds: [CECILIA],
      expectedVersion: 2,
    });
    expect(assigned.status, await assigned.clone().text()).toBe(200);
    const cancelled = await api(`/api/dispatch/visits/${V2}/status`, {
      status: 'cancelled',
      expectedVersion: 3,
    });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    await dialog().getByRole('checkbox', { name: /15:15/ }).check();
    await dialog().getByRole('checkbox', { name: /16:00/ }).check();
    await dialog().getByRole('button', { name: 'Godkänn valda (2)' }).click();
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'har ändrats sedan förslaget och är nu: Avbokat – Cecilia Dahl',
    );
    expect(await alert.textContent()).toContain('Inget tilldelades');
    expect(await proposalRow(V2).textContent()).toContain('Ändrat sedan förslaget');
    expect(await proposalRow(V3).textContent()).toContain('Föreslaget');
    await dialog().getByRole('button', { name: 'Godkänn valda (1)' }).click();
    await expect.poll(() => proposalRow(V3).textContent()).toContain('Tilldelat');
    await expect.poll(() => queueRow(V3).textContent()).toContain('Cecilia Dahl');
    // Closing the dialog returns to the console.
    await dialog().getByRole('button', { name: 'Stäng' }).click();
    expect(await dialog().isVisible()).toBe(false);
  });
});
