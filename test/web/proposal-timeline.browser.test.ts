/**
 * The proposal's timeline in a real browser against the real server on PGlite: tomorrow
 * generated and planned, the proposal drawn per caregiver (and as a table), a visit moved by
 * keyboard and by dragging, the solver's cost delta shown before it is dropped, the edited
 * proposal on the server; axe with a move under way.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { desc, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { planningJobs, shifts, staff } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { P, insertCarePlanWorld } from '../server/planning/generate/support/care-plan-world.ts';
import { bearer, insertUsers, loginAs, passwordOf, usernameOf } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { IDS } from '../support/fixtures.ts';
import {
  type BrowserServer,
  axeViolations,
  skipBrowser,
  startBrowserServer,
} from './support/browser-server.ts';

const TOMORROW = '2026-03-21';
const CAREGIVERS = [P.an, P.anNorr, IDS.rn];

let database: Database;
let web: BrowserServer;
let browser: Browser;
let app: App;
let context: BrowserContext;
let page: Page;
let names: Map<string, string>;

beforeAll(async () => {
  database = await freshDatabase('pglite');
  // Every day a night insulin visit (no nurse at night: unplaced) and a two-person lift.
  await insertCarePlanWorld(database.db);
  await insertUsers(database.db);
  // Three caregivers on Saturday's day shift: the lift's two halves have a third to go to.
  await database.db.insert(shifts).values(
    CAREGIVERS.map((staffId) => ({
      staffId,
      municipalityCode: '0180',
      kind: 'day' as const,
      startsAt: new Date(`${TOMORROW}T06:00:00Z`),
      endsAt: new Date(`${TOMORROW}T14:00:00Z`),
    })),
  );
  names = new Map(
    (await database.db.select().from(staff).where(inArray(staff.id, CAREGIVERS))).map((s) => [
      s.id,
      s.name,
    ]),
  );
  web = await startBrowserServer(database, { now: () => P.now });
  ({ browser } = web);
  app = web.server.app;
  context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  await context.clock.setFixedTime(P.now);
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

/** The job the page shows, as the server has it. */
async function currentJob(): Promise<{ id: string; result: any }> {
  const token = bearer(await loginAs(app, 'scheduler'));
  const [job] = await database.db
    .select()
    .from(planningJobs)
    .orderBy(desc(planningJobs.createdAt))
    .limit(1);
  const res = await app.request(`/api/planning/jobs/${job.id}`, { headers: token });
  return (await res.json()) as { id: string; result: any };
}

describe.skipIf(skipBrowser)("the proposal's timeline", () => {
  it('draws the proposal per caregiver after planning, with a table', async () => {
    await page.goto(web.base);
    await page.getByLabel('Användarnamn').fill(usernameOf('scheduler', '0180'));
    await page.getByLabel('Lösenord').fill(passwordOf('scheduler', '0180'));
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('button', { name: 'Skapa besök från insatsplanerna' }).click();
    await page.getByText('Besöken skapade: 2 nya').waitFor();
    await page.getByRole('radio', { name: '10 s' }).check();
    await page.getByRole('button', { name: 'Starta planering' }).click();
    await page
      .getByRole('heading', { name: 'Förslaget som tidslinje' })
      .waitFor({ timeout: 40_000 });
    const region = page.getByRole('region', { name: 'Förslaget per medarbetare' });
    await region.waitFor();
    // The lift's two halves and the unplaced insulin visit are bars named in words.
    await expect.poll(() => region.getByRole('button', { name: /Lyfthjälp/ }).count()).toBe(2);
    await expect.poll(() => region.getByRole('button', { name: /Insulin/ }).count()).toBe(1);
    const card = page.locator('.proposal-timeline');
    await card.getByText('Dagen som tabell').click();
    await expect
      .poll(() => card.getByRole('rowheader', { name: names.get(IDS.rn)! }).count())
      .toBe(1);
  }, 60_000);

  it('moves a lift half by keyboard, the cost shown before it is dropped', async () => {
    const job = await currentJob();
    const lift = job.result.assignments.find((a: any) => a.staff.length === 2);
    const from = lift.staff[0].staffId as string;
    const free = CAREGIVERS.find((c) => !lift.staff.some((s: any) => s.staffId === c))!;
    const bar = page.locator(`.bar[data-visit="${lift.visitId}"][data-row="${from}"]`);
    await bar.focus();
    await page.keyboard.press('Enter');
    const status = page.locator('.proposal-status');
    await status.getByText(/^Flyttar /).waitFor();
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp', 'ArrowUp']) {
      if ((await status.textContent())?.includes(`till ${names.get(free)} kl.`)) break;
      await page.keyboard.press(key);
    }
    expect(await status.textContent()).toContain(`till ${names.get(free)} kl.`);
    // The solver's price of the move, in words, before Enter.
    await status.getByRole('heading', { name: 'Om du flyttar hit' }).waitFor();
    expect(await status.textContent()).toMatch(/Restid.*(bättre|sämre|oförändrat)/);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await status.getByText(/^Flyttat: /).waitFor();
    const after = await currentJob();
    const moved = after.result.assignments.find((a: any) => a.visitId === lift.visitId);
    expect(moved.staff.map((s: any) => s.staffId).sort()).toEqual(
      [free, lift.staff[1].staffId].sort(),
    );
  }, 30_000);

  it('Escape cancels a picked move and nothing changes', async () => {
    const before = await currentJob();
    await page.locator('.bar[data-visit]').first().focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.locator('.proposal-status').getByText('Flytten avbröts.').waitFor();
    expect((await currentJob()).result).toEqual(before.result);
  });

  it('moves a visit by dragging, the cost shown while dragging', async () => {
    const job = await currentJob();
    const lift = job.result.assignments.find((a: any) => a.staff.length === 2);
    const from = lift.staff[0].staffId as string;
    const free = CAREGIVERS.find((c) => !lift.staff.some((s: any) => s.staffId === c))!;
    const bar = page.locator(`.bar[data-visit="${lift.visitId}"][data-row="${from}"] rect`);
    await bar.scrollIntoViewIfNeeded();
    const box = (await bar.boundingBox())!;
    // The free caregiver's row: find its name label's height.
    const rowY = await page.evaluate((name) => {
      const label = Array.from(document.querySelectorAll('.proposal-timeline .row-name')).find(
        (n) => n.textContent === name,
      );
      const r = label!.parentElement!.querySelector('.row-bg')!.getBoundingClientRect();
      return r.top + r.height / 2;
    }, names.get(free)!);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 5, rowY, { steps: 6 });
    const status = page.locator('.proposal-status');
    await status.getByRole('heading', { name: 'Om du flyttar hit' }).waitFor();
    expect(await status.textContent()).toContain(`till ${names.get(free)} kl.`);
    await page.mouse.up();
    await status.getByText(/^Flyttat: /).waitFor();
    const after = await currentJob();
    const moved = after.result.assignments.find((a: any) => a.visitId === lift.visitId);
    expect(moved.staff.map((s: any) => s.staffId)).toContain(free);
    expect(await axeViolations(page)).toEqual([]);
  }, 30_000);
  it("shows another scheduler's move without a reload", async () => {
    const job = await currentJob();
    const lift = job.result.assignments.find((a: any) => a.staff.length === 2);
    const from = lift.staff[0].staffId as string;
    const free = CAREGIVERS.find((c) => !lift.staff.some((s: any) => s.staffId === c))!;
    const bar = (row: string) =>
      page.locator(`.bar[data-visit="${lift.visitId}"][data-row="${row}"]`);
    expect(await bar(free).count()).toBe(0);
    // Another scheduler moves the lift's half on their own page (here: over REST).
    const other = bearer(await loginAs(app, 'scheduler'));
    const res = await app.request(`/api/planning/jobs/${job.id}/moves`, {
      method: 'POST',
      headers: { ...other, 'content-type': 'application/json' },
      body: JSON.stringify({ visitId: lift.visitId, staffId: free, fromStaffId: from }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    // The live event: this page reads the proposal again and draws the half on its new row.
    await bar(free).waitFor({ timeout: 10_000 });
    expect(await bar(from).count()).toBe(0);
  }, 30_000);
});
