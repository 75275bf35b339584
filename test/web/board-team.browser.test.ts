/**
 * The board for a manager whose scope is two teams of Stockholm (Team Norr and Team Söder),
 * not the municipality: the server refuses them "all teams" (403), so the page must open on
 * one of their teams and not offer "all teams" at all. On Friday 20 November the Norr RN
 * started her visit 20 minutes after its window (punctuality 0 %) and the Söder AN his on time
 * (100 %): the tile says which team is shown.
 *
 * The weekly charts: the Norr RN worked Monday 16 November 08–18 (10 h) and Tuesday 17th
 * 08–10 (2 h), each day with one visit she set off to at 08:00 and started at 09:00 (1 h of
 * travel, on time in its 09–10 window). Travel share per day 10 % and 50 %; of ISO week 47,
 * 2 h of 12 = 16.7 %, not the days' mean 30 %. The tile's trend (the last 7 full days,
 * 16–22 November, against 9–15) compares 16.7 % with Monday 9th's 1 h of 4 (25 %): falling,
 * better; the days' mean (30 %) would have read rising, worse. Her punctuality: 3 of 4, 75 %.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { shifts } from '../../db/schema/index.ts';
import { createUser } from '../../server/auth/users.ts';
import {
  B,
  addPatient,
  addVisit,
  at,
  insertBoardWorld,
} from '../server/board/support/board-world.ts';
import { TEST_COST, insertUsers } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
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
  await createUser(
    db,
    {
      username: 'manager-two-teams',
      password: 'pw-manager-two-teams-secret',
      role: 'manager',
      municipalities: ['0180'],
      teams: [B.team, B.teamNorr],
    },
    TEST_COST,
  );
  const patient = await addPatient(db, 'Team Patient', B.an);
  const visit = (staffId: string, started: string) =>
    addVisit(db, {
      patientId: patient,
      date: '2026-11-20',
      from: '08:00',
      staffIds: [staffId],
      enRoute: '07:40',
      started,
      finished: '09:50',
    });
  await visit(B.rnNorr, '09:20');
  await visit(B.an, '08:10');
  for (const [date, end] of [
    ['2026-11-09', '12:00'],
    ['2026-11-16', '18:00'],
    ['2026-11-17', '10:00'],
  ]) {
    await db.insert(shifts).values({
      staffId: B.rnNorr,
      municipalityCode: '0180',
      kind: 'day',
      startsAt: at(date, '08:00'),
      endsAt: at(date, end),
    });
    await addVisit(db, {
      patientId: patient,
      date,
      from: '09:00',
      staffIds: [B.rnNorr],
      enRoute: '08:00',
      started: '09:00',
      finished: '09:30',
    });
  }
  web = await startBrowserServer(database);
  ({ browser } = web);
  ({ context, page } = await newDeskPage(browser));
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const tile = (name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });

describe.skipIf(skipBrowser)('the board for a team-scoped manager', () => {
  it('opens on their first team, offers only their teams, and shows no refusal', async () => {
    await page.goto(web.base);
    await page.getByLabel('Användarnamn').fill('manager-two-teams');
    await page.getByLabel('Lösenord').fill('pw-manager-two-teams-secret');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Ledningstavla' }).waitFor();
    const team = page.getByLabel('Team', { exact: true });
    await expect.poll(() => tile('Punktlighet').textContent()).toContain('75 %');
    // The period: 3 h of travel in 16 shift hours.
    expect(await tile('Andel restid').textContent()).toContain('19 %');
    expect(await tile('Andel restid').textContent()).toContain('sjunkande, bättre');
    expect(await team.locator('option').allTextContents()).toEqual(['Team Norr', 'Team Söder']);
    expect(await team.locator('option:checked').textContent()).toBe('Team Norr');
    expect(await page.getByRole('status').first().textContent()).not.toContain('kunde inte hämtas');
  });

  it("gives a week's travel share as the week's travel over its shift hours", async () => {
    await page.getByRole('button', { name: 'Per vecka' }).click();
    await page.getByText('Visa som tabell – Andel restid').click();
    const table = page.getByRole('table', { name: 'Andel restid', exact: true });
    const week = table.getByRole('row', { name: /^v\. 47 2026/ });
    await expect.poll(() => week.textContent()).toContain('17');
    expect(await week.textContent()).not.toContain('30');
    await page.getByRole('button', { name: 'Per dag' }).click();
  });

  it('moves to their other team', async () => {
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Team Söder' });
    await expect.poll(() => tile('Punktlighet').textContent()).toContain('100 %');
  });

  it('has no WCAG 2.1 A/AA violations', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
