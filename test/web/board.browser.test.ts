/**
 * The manager's board in a real browser (Debian's Chromium via playwright-core) against the
 * real server on PGlite, on a small world whose figures are worked out by hand: the manager
 * logs in, lands on the board, reads the tiles, opens a chart's table, finds Stockholm in the
 * county table and the month's economics, exports a table as CSV (BOM, `;`, decimal comma) and sees a tile change when a
 * visit is cancelled on the live feed; axe finds nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { addPatient, addVisit, at, insertBoardWorld } from '../server/board/support/board-world.ts';
import { resetHistoryStatus, setHistoryStatus } from '../../server/demo/history/history-status.ts';
import { bearer, insertUsers, loginAs, passwordOf, usernameOf } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { IDS } from '../support/fixtures.ts';
import {
  type BrowserServer,
  axeViolations,
  newDeskPage,
  skipBrowser,
  startBrowserServer,
} from './support/browser-server.ts';

let database: Database;
let web: BrowserServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  database = await freshDatabase('pglite');
  const db = database.db;
  await insertBoardWorld(db);
  await insertUsers(db);
  // FIXED_NOW is Monday 23 November 2026, 13:00 in Stockholm; the board's 28 days run from
  // 27 October. Five visits started, four of them within their window (80 %):
  //   Fri 20th, window 08–09: started 08:10 and 08:50 (on time) and 09:20 (20 min late);
  //   Sat 21st: started 08:05 (on time), and one with no access (a missed visit);
  //   Sun 22nd: a priority-1 call registered 10:00, reached 10:40 (40 min, on time).
  // The fixture's unassigned morning visit today is the second missed one (2 in all).
  const patient = await addPatient(db, 'Tavla Patient', IDS.an);
  const done = (date: string, started: string, finished: string) =>
    addVisit(db, {
      patientId: patient,
      date,
      from: '08:00',
      staffIds: [IDS.an],
      enRoute: '07:45',
      started,
      finished,
    });
  await done('2026-11-20', '08:10', '08:40');
  await done('2026-11-20', '08:50', '09:20');
  await done('2026-11-20', '09:20', '09:50');
  await done('2026-11-21', '08:05', '08:35');
  await addVisit(db, {
    patientId: patient,
    date: '2026-11-21',
    from: '12:00',
    staffIds: [IDS.an],
    status: 'no_access',
    enRoute: '11:50',
    finished: '12:05',
  });
  await addVisit(db, {
    patientId: patient,
    date: '2026-11-22',
    from: '10:00',
    staffIds: [IDS.an],
    priority: 'urgent1',
    source: 'urgent_call',
    createdAt: at('2026-11-22', '10:00'),
    enRoute: '10:20',
    started: '10:40',
    finished: '11:00',
  });
  web = await startBrowserServer(database);
  ({ browser } = web);
  ({ context, page } = await newDeskPage(browser, { acceptDownloads: true }));
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const tile = (name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });

describe.skipIf(skipBrowser)("the manager's board", () => {
  it('logs in as a manager and lands on the board with its tiles', async () => {
    await page.goto(web.base);
    await page.getByLabel('Användarnamn').fill(usernameOf('manager', '0180'));
    await page.getByLabel('Lösenord').fill(passwordOf('manager', '0180'));
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Ledningstavla' }).waitFor();
    await expect.poll(() => tile('Punktlighet').textContent()).toContain('80 %');
    expect(await tile('Utförda besök').textContent()).toContain('5 besök');
    expect(await tile('Akut svarstid, prio 1').textContent()).toContain('40 min');
    expect(await tile('Akut svarstid, prio 1').textContent()).toContain('mål 60 min');
    expect(await tile('Akut svarstid, prio 1').textContent()).toContain('1 av 1 inom målet');
    expect(await tile('Missade besök').textContent()).toContain('2 besök');
    // No patient had two visits on each of 14 days: no continuity figure, said in words.
    expect(await tile('Personalkontinuitet (Kolada)').textContent()).toContain('inga uppgifter');
    expect(await page.getByRole('radio', { name: 'Senaste 28 dagarna' }).isChecked()).toBe(true);
  });

  it("opens a chart's table: the days' punctuality", async () => {
    await page.getByText('Visa som tabell – Punktlighet').click();
    const table = page.getByRole('table', { name: 'Punktlighet', exact: true });
    await table.waitFor();
    const row = (day: string) => table.getByRole('row', { name: new RegExp(`^${day}`) });
    expect(await row('2026-11-20').textContent()).toContain('67');
    expect(await row('2026-11-21').textContent()).toContain('100');
    expect(await row('2026-11-19').textContent()).toContain('inga uppgifter');
    // The image says the same in words for a screen reader.
    const chart = page.getByRole('img', { name: 'Punktlighet', exact: true });
    expect(await chart.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('shows the county: Stockholm on the map and in the table', async () => {
    const county = page.getByRole('table', { name: 'Länet: kommunerna jämförda' });
    const stockholm = county.getByRole('row', { name: /^Stockholm/ });
    await expect.poll(() => stockholm.textContent()).toContain('80');
    // No continuity figure anywhere yet: the map says so in its legend, then shows punctuality.
    await page.getByRole('img', { name: 'Personalkontinuitet (Kolada) per kommun' }).waitFor();
    expect(await page.getByText('Ingen uppgift (–)').count()).toBe(1);
    await page.getByLabel('Nyckeltal på kartan').selectOption({ label: 'Punktlighet' });
    await page.getByRole('img', { name: 'Punktlighet per kommun' }).waitFor();
    expect(await page.getByText('Klass 1: 80 % (1 kommun)').count()).toBe(1);
  });

  it('gives the economics of the month: visits done by kind', async () => {
    const table = page.getByRole('table', { name: 'Ekonomi per månad' });
    const november = table.getByRole('row', { name: /^2026-11/ });
    // After the month: five professions' hours, travel hours and km, then planned, unplanned.
    await expect.poll(() => november.locator('td').nth(7).textContent()).toBe('4');
    expect(await november.locator('td').nth(8).textContent()).toBe('1');
  });

  it('exports the punctuality table as Swedish CSV: BOM, ; and decimal comma', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportera CSV – Punktlighet', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^punktlighet-0180-.*\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Dag;Punktlighet (%)');
    expect(lines).toContain('2026-11-20;66,6667');
    expect(lines).toContain('2026-11-21;100');
    expect(lines).toContain('2026-11-19;');
  });

  it('refreshes the figures when a visit is cancelled on the live feed', async () => {
    const token = await loginAs(web.server.app, 'dispatcher');
    const visit = await web.server.app.request(`/api/visits/${IDS.visitEvening}`, {
      headers: bearer(token),
    });
    const { version } = (await visit.json()) as { version: number };
    const res = await web.server.app.request(`/api/dispatch/visits/${IDS.visitEvening}/status`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'cancelled', expectedVersion: version }),
    });
    expect(res.status).toBe(200);
    await expect
      .poll(() => tile('Missade besök').textContent(), { timeout: 10_000 })
      .toContain('3 besök');
  });

  it('says while the history is generated, and fetches the figures again when it is done', async () => {
    setHistoryStatus({ state: 'running', days: 28, daysDone: 12, from: '2026-10-26' });
    await page.reload();
    const notice = page.getByText('Historik skapas: 12 av 28 dagar…');
    await notice.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // A day written behind the board's back (no live event): only the end of the wait shows it.
    const patient = await addPatient(database.db, 'Historik Patient', IDS.an);
    await addVisit(database.db, {
      patientId: patient,
      date: '2026-11-19',
      from: '08:00',
      staffIds: [IDS.an],
      started: '08:05',
      finished: '08:35',
    });
    expect(await tile('Utförda besök').textContent()).toContain('5 besök');
    setHistoryStatus({ state: 'done', daysDone: 28, finishedAt: new Date().toISOString() });
    await expect
      .poll(() => tile('Utförda besök').textContent(), { timeout: 15_000 })
      .toContain('6 besök');
    expect(await notice.isVisible()).toBe(false);
    resetHistoryStatus();
  });

  it('has no WCAG 2.1 A/AA violations', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
