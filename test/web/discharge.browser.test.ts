/**
 * The discharge view in Chromium against the real server: cases seeded by the region's
 * messages (an integration API key, as Lifecare SP sends them), the list with the liability
 * alert, the case page with its timeline, and the first visits edited and confirmed.
 * Now is Monday 23 November 2026, 13:00 in Stockholm (FIXED_NOW). DISCHARGE_SCREENSHOT=1
 * also writes docs/discharge.png (1280×800).
 */
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { visits } from '../../db/schema/index.ts';
import type { ComposedServer } from '../../server/compose.ts';
import { createIntegrationClient } from '../../server/discharge/api-keys.ts';
import { FIXED_NOW, bearer, insertUsers, loginAs, testApp } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';
import { message, post } from '../server/discharge/support.ts';
import {
  type BrowserServer,
  axeViolations,
  newDeskPage,
  skipBrowser,
  startBrowserServer,
} from './support/browser-server.ts';

let database: Database;
let server: ComposedServer;
let web: BrowserServer;
let browser: Browser;
let base: string;
const caseIds = new Map<string, string>();

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  web = await startBrowserServer(database);
  ({ server, browser, base } = web);
  const key = (await createIntegrationClient(database.db, 'lifecare-sp', ['0180'])).key;
  // The messages arrive one a minute up to now, so the timeline can tell a late one.
  let arrived = FIXED_NOW.getTime() - 3600_000;
  const intake = await testApp(database, { now: () => new Date((arrived += 60_000)) });
  const send = async (body: ReturnType<typeof message>) => {
    const res = await post(intake, key, body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  };
  // A: ready Saturday → free Sat and Sun → liable from today (costing). Its admission notice
  // (sent before) arrives after the ready-for-discharge: late on the timeline.
  await send(
    message(
      'a-ready',
      'ready_for_discharge',
      '2026-11-21T09:00:00Z',
      {
        readyAt: '2026-11-21T09:00:00Z',
      },
      { stayId: 'A' },
    ),
  );
  await send(
    message(
      'a-adm',
      'admission',
      '2026-11-20T09:00:00Z',
      {
        hospital: 'Danderyds sjukhus',
        ward: 'Avd 52',
        needs: ['medication', 'two_person_transfer'],
        sipNeeded: true,
      },
      { stayId: 'A' },
    ),
  );
  await send(
    message(
      'a-plan',
      'planned_discharge',
      '2026-11-22T10:00:00Z',
      {
        plannedDischargeAt: '2026-11-24T10:00:00Z',
      },
      { stayId: 'A' },
    ),
  );
  // B: ready Sunday → liable from tomorrow.
  await send(
    message(
      'b-adm',
      'admission',
      '2026-11-21T08:00:00Z',
      {
        hospital: 'Södersjukhuset',
        ward: 'Avd 14',
        needs: ['help_at_home', 'wound_care'],
        expectedDischargeDate: '2026-11-24',
      },
      { stayId: 'B', patientId: IDS.patientUnrouted },
    ),
  );
  await send(
    message(
      'b-ready',
      'ready_for_discharge',
      '2026-11-22T09:00:00Z',
      {
        readyAt: '2026-11-22T09:00:00Z',
      },
      { stayId: 'B', patientId: IDS.patientUnrouted },
    ),
  );
  // C: admitted only, no clock yet.
  await send(
    message(
      'c-adm',
      'admission',
      '2026-11-23T07:00:00Z',
      {
        hospital: 'Karolinska Solna',
        ward: 'Avd 3',
        needs: ['nursing_assessment'],
        expectedDischargeDate: '2026-11-27',
      },
      { stayId: 'C' },
    ),
  );
  // D: ready Thursday 19th, home Saturday 21st at the same hour: 48 hours, closed.
  await send(
    message(
      'd-ready',
      'ready_for_discharge',
      '2026-11-19T09:00:00Z',
      { readyAt: '2026-11-19T09:00:00Z' },
      { stayId: 'D' },
    ),
  );
  await send(
    message(
      'd-done',
      'discharged',
      '2026-11-21T09:00:00Z',
      { dischargedAt: '2026-11-21T09:00:00Z' },
      { stayId: 'D' },
    ),
  );
  const token = await loginAs(server.app, 'scheduler');
  const res = await server.app.request('/api/discharge/cases?municipality=0180', {
    headers: bearer(token),
  });
  for (const c of ((await res.json()) as { items: { id: string; stayId: string }[] }).items)
    caseIds.set(c.stayId, c.id);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

async function logIn(page: Page, role: 'scheduler' | 'dispatcher' | 'manager'): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill(`${role}-0180`);
  await page.getByLabel('Lösenord').fill(`pw-${role}-0180-secret`);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

const rowTexts = (page: Page) =>
  page
    .locator('table.discharge-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
    );

describe('the discharge view in Chromium', { skip: skipBrowser }, () => {
  it('reaches the open cases from the planner, costing first, with the alert in words', async () => {
    const { context, page } = await newDeskPage(browser);
    await logIn(page, 'scheduler');
    const link = page.getByRole('link', { name: 'Utskrivning (2 att åtgärda)' });
    await link.click();
    await page.getByRole('heading', { name: 'Öppna utskrivningsärenden' }).waitFor();
    // A status region (read out when it changes), in words with a sign.
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Kostar redan' }).textContent())
      .toContain('Kostar redan pengar: 1. Betalningsansvar från i morgon: 1.');
    await expect.poll(() => page.getByRole('link', { name: /Test Patient/ }).count()).toBe(2);
    const rows = await rowTexts(page);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(
      /^Test Patient Danderyds sjukhus, Avd 52 .*Kostar nu: 9 300 kr \(1 d\) 2026-11-24$/,
    );
    expect(rows[1]).toMatch(
      /^Utan Rutt Södersjukhuset, Avd 14 .*beräknad 2026-11-24 Betalningsansvar från i morgon behövs inte$/,
    );
    expect(rows[2]).toMatch(
      /Karolinska Solna, Avd 3 ännu inte beräknad 2026-11-27 Inte utskrivningsklar än/,
    );
    expect(await axeViolations(page)).toEqual([]);
    if (process.env['DISCHARGE_SCREENSHOT'] === '1')
      await page.screenshot({ path: 'docs/discharge.png' });
    await context.close();
  });

  it('shows a case: clock, timeline with the late notice, and a confirmation elsewhere live', async () => {
    const { context, page } = await newDeskPage(browser);
    await logIn(page, 'scheduler');
    await page
      .getByRole('heading', { name: 'Planering' })
      .first()
      .waitFor()
      .catch(() => undefined);
    await page.goto(`${base}/#utskrivning/${caseIds.get('A')}`);
    await page.getByRole('heading', { name: 'Utskrivning: Test Patient' }).waitFor();
    const article = page.locator('article.discharge-case');
    const read = async () => (await article.innerText()).replace(/[\u00a0\u202f]/g, ' ');
    await expect.poll(read).toContain('Kostar nu: 9 300 kr (1 d)');
    const text = await read();
    expect(text).toContain('Betalningsansvar från\n2026-11-23');
    expect(text).toContain('Samordnad individuell plan (SIP) senast\n2026-11-24');
    expect(text).toContain('läkemedel, förflyttning med två');
    expect(text).toContain('Planerad utskrivning\ntis 24 nov. 11:00');
    const late = page.locator('.discharge-timeline li.late');
    expect(await late.count()).toBe(1);
    expect(await late.innerText()).toContain('Inskrivningsmeddelande');
    expect(await late.innerText()).toContain('Kom sent (efter ett senare skickat)');
    await page.getByRole('button', { name: 'Bekräfta besöken' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (process.env['DISCHARGE_SCREENSHOT'] === '1')
      await page.screenshot({ path: 'test-output/discharge-case.png' });
    // Someone else confirms first: the live feed says so and the page shows it, no reload.
    const token = await loginAs(server.app, 'dispatcher');
    const res = await server.app.request(
      `/api/discharge/cases/${caseIds.get('A')}/visits/confirm`,
      {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: '{}',
      },
    );
    expect(res.status).toBe(200);
    await page.getByText(/Besöken bekräftades/).waitFor();
    expect(await page.getByRole('button', { name: 'Bekräfta besöken' }).count()).toBe(0);
    await context.close();
  });

  it('edits the proposal (remove one, change minutes and times) and confirms it', async () => {
    const id = caseIds.get('B')!;
    const token = await loginAs(server.app, 'scheduler');
    const before = (await (
      await server.app.request(`/api/discharge/cases/${id}`, { headers: bearer(token) })
    ).json()) as { proposedVisits: { need: string }[] };
    const proposed = before.proposedVisits.length;
    expect(proposed).toBeGreaterThanOrEqual(2);
    const { context, page } = await newDeskPage(browser);
    await logIn(page, 'scheduler');
    await page.getByRole('link', { name: /^Utskrivning/ }).waitFor();
    await page.goto(`${base}/#utskrivning/${id}`);
    await page.getByRole('heading', { name: 'Utskrivning: Utan Rutt' }).waitFor();
    await page.getByRole('button', { name: 'Ta bort besöket för sårvård' }).click();
    await page.getByLabel('Minuter, hjälp i hemmet').fill('50');
    await page.getByLabel('Från, hjälp i hemmet').fill('14:00');
    await page.getByLabel('Till, hjälp i hemmet').fill('16:00');
    expect(await page.getByText('1 borttagna').count()).toBe(1);
    await page.getByRole('button', { name: 'Bekräfta besöken' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContain(`${proposed - 1} besök skapade och lagda i kön.`);
    await page.getByText(/Besöken bekräftades/).waitFor();
    const created = await database.db
      .select()
      .from(visits)
      .where(and(eq(visits.patientId, IDS.patientUnrouted), eq(visits.source, 'discharge')));
    expect(created).toHaveLength(proposed - 1);
    const home = created.find((v) => v.durationMinutes === 50);
    expect(home?.windowStart.toISOString()).toBe('2026-11-24T13:00:00.000Z'); // 14:00 Stockholm
    expect(home?.windowEnd.toISOString()).toBe('2026-11-24T15:00:00.000Z');
    await context.close();
  });

  it('links from the console and shows the figures on the manager board', async () => {
    const { context, page } = await newDeskPage(browser);
    await logIn(page, 'dispatcher');
    await page.getByRole('link', { name: /^Utskrivning \(\d att åtgärda\)$/ }).waitFor();
    await context.close();
    const board = await newDeskPage(browser);
    await logIn(board.page, 'manager');
    const section = board.page.locator('section.board-discharge');
    await expect.poll(() => section.innerText()).toContain('Öppna ärenden');
    const text = (await section.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Öppna ärenden 3');
    expect(text).toContain('Kostar pengar nu 1');
    expect(text).toContain('Kostnad denna månad (öppna och avslutade ärenden) 9 300 kr');
    expect(text).toContain('Närmast betalningsansvar i morgon');
    expect(text).toContain(
      'Utskrivningsklar till utskriven, 90 dagar (1 st) median 48 h, p90 48 h',
    );
    if (process.env['DISCHARGE_SCREENSHOT'] === '1') {
      await section.scrollIntoViewIfNeeded();
      await board.page.screenshot({ path: 'test-output/discharge-board.png' });
    }
    await board.context.close();
  });
});
