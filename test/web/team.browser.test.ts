/**
 * The console's team choice in Chromium: a second team in Stockholm holds Bo Berg; choosing
 * it narrows the staff list to Bo and the queue to his visits and the unassigned ones, and a
 * reload keeps the choice.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { shifts, staff, teams } from '../../db/schema/index.ts';
import { insertUsers } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';
import {
  type BrowserServer,
  axeViolations,
  newDeskPage,
  skipBrowser,
  startBrowserServer,
} from './support/browser-server.ts';

const NORTH = '10000000-0000-4000-8000-0000000000b1';

let database: Database;
let web: BrowserServer;
let browser: Browser;

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  await database.db
    .insert(teams)
    .values({ id: NORTH, municipalityCode: '0180', baseId: IDS.base, name: 'Team Norr' });
  await database.db.update(staff).set({ teamId: NORTH }).where(eq(staff.id, IDS.an));
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
  ({ browser } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const newPage = () => newDeskPage(browser);

describe('the team choice in Chromium', { skip: skipBrowser }, () => {
  it("narrows staff and queue to one team's staff and the unassigned, and keeps it on reload", async () => {
    const { context, page } = await newPage();
    await page.goto(web.base);
    await page.getByLabel('Användarnamn').fill('dispatcher-0180');
    await page.getByLabel('Lösenord').fill('pw-dispatcher-0180-secret');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Kö' }).waitFor();
    const teamSelect = page.getByRole('combobox', { name: 'Team' });
    expect(await teamSelect.inputValue()).toBe('');
    await expect
      .poll(() => teamSelect.locator('option').allTextContents())
      .toEqual(['Alla team', 'Team Norr', 'Team Söder']);
    const staffList = page.getByRole('region', { name: 'Personal i tjänst' });
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2); // the unassigned morning visit, Anna's evening
    expect(await staffList.textContent()).toContain('Anna Andersson');

    await teamSelect.selectOption({ label: 'Team Norr' });
    await expect.poll(() => staffList.textContent()).not.toContain('Anna Andersson');
    expect(await staffList.textContent()).toContain('Bo Berg');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Ej tilldelad');
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: 'Kö' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Team' }).inputValue()).toBe(NORTH);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await staffList.textContent()).not.toContain('Anna Andersson');

    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Team Söder' });
    await expect.poll(() => staffList.textContent()).not.toContain('Bo Berg');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Alla team' });
    await expect.poll(() => staffList.textContent()).toContain('Bo Berg');
    expect(await staffList.textContent()).toContain('Anna Andersson');
    await context.close();
  });
});
