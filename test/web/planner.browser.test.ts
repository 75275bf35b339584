/**
 * The scheduler's view in a real browser (Debian's Chromium via playwright-core) against the
 * real server on PGlite, the planning job solved on its worker thread. One flow on one page:
 * generate tomorrow from the care plans, plan it with progress, see the unplaced visit's reason,
 * publish, and find the visits assigned over the API; axe on the view at the end.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { shifts } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { sv } from '../../web/i18n/sv.ts';
import { UNPLACED_REASONS } from '../../web/planner/unplaced-reason.ts';
import { P, insertCarePlanWorld } from '../server/planning/generate/support/care-plan-world.ts';
import { bearer, insertUsers, loginAs, passwordOf, usernameOf } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import {
  type BrowserServer,
  axeViolations,
  skipBrowser,
  startBrowserServer,
} from './support/browser-server.ts';

/** Friday 20 March 2026 13:00 in Stockholm: the page's default day is Saturday the 21st. */
const TOMORROW = '2026-03-21';

let database: Database;
let web: BrowserServer;
let browser: Browser;
let app: App;
let context: BrowserContext;
let page: Page;
/** planning.progress events the page's live feed received. */
let progressFrames = 0;

beforeAll(async () => {
  database = await freshDatabase('pglite');
  // Care plans: every day an RN's night insulin 02:30-03:10 and a two-person lift 09:00-10:00.
  await insertCarePlanWorld(database.db);
  await insertUsers(database.db);
  // The two assistant nurses work Saturday's day shift; no nurse works the night, so the
  // insulin visit cannot be placed and the page must say why.
  await database.db.insert(shifts).values(
    [P.an, P.anNorr].map((staffId) => ({
      staffId,
      municipalityCode: '0180',
      kind: 'day' as const,
      startsAt: new Date(`${TOMORROW}T06:00:00Z`),
      endsAt: new Date(`${TOMORROW}T14:00:00Z`),
    })),
  );
  web = await startBrowserServer(database, { now: () => P.now });
  ({ browser } = web);
  app = web.server.app;
  context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  // The page's "now" is the server's pinned clock; timers still run.
  await context.clock.setFixedTime(P.now);
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  page.on('websocket', (ws) =>
    ws.on('framereceived', (f) => {
      if (String(f.payload).includes('"planning.progress"')) progressFrames += 1;
    }),
  );
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

describe.skipIf(skipBrowser)("the scheduler's view", () => {
  it('logs in as a scheduler and lands on the planning view for tomorrow', async () => {
    await page.goto(web.base);
    await page.getByLabel('Användarnamn').fill(usernameOf('scheduler', '0180'));
    await page.getByLabel('Lösenord').fill(passwordOf('scheduler', '0180'));
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Planering' }).count()).toBe(1);
    expect(await page.getByLabel('Datum').inputValue()).toBe(TOMORROW);
    await page.getByText('Inga besök den här dagen').waitFor();
  });

  it("generates the day's visits from the care plans and shows the counts", async () => {
    await page.getByRole('button', { name: 'Skapa besök från insatsplanerna' }).click();
    await page.getByText('Besöken skapade: 2 nya, 0 ändrade, 0 borttagna').waitFor();
    await page.getByRole('heading', { name: 'Dagens besök · 2 besök' }).waitFor();
  });

  it('plans with progress, then shows the proposal and the unplaced visit with its reason', async () => {
    await page.getByRole('radio', { name: '10 s' }).check();
    await page.getByRole('button', { name: 'Starta planering' }).click();
    // While it runs: the status, the progress bar and the cancel button.
    await page.getByText('Status: Planerar').waitFor();
    expect(await page.getByRole('progressbar', { name: 'Planeringens förlopp' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Avbryt planeringen' }).count()).toBe(1);
    await page.getByText(/av 2 besök placerade/).waitFor();
    await page.getByRole('heading', { name: '3. Förslaget' }).waitFor({ timeout: 40_000 });
    await page.getByText('Status: Klar').waitFor();
    // The figures came over the live feed too (about one event a second), not only by REST.
    expect(progressFrames).toBeGreaterThan(3);
    const unplaced = page.getByRole('table', { name: 'Oplanerade besök och varför' });
    const row = unplaced.getByRole('row', { name: /Insulin \(penna\)/ });
    expect(await row.textContent()).toMatch(/03:30–04:10|02:30–03:10/);
    // The nurse's night visit has no nurse on shift: said in words, not as a code.
    expect(await row.textContent()).not.toMatch(/_/);
    const reason = (await row.getByRole('cell').nth(1).textContent())?.replace('⚠', '').trim();
    const known = UNPLACED_REASONS.map((r) => sv[`planner.reason.${r}`]);
    expect(known).toContain(reason);
    const perCaregiver = page.getByRole('table', { name: 'Förslaget per medarbetare' });
    for (const name of ['Nora Norr'])
      expect(await perCaregiver.getByRole('rowheader', { name }).count()).toBe(1);
    // The cost line has its words for a screen reader.
    expect(await page.getByRole('img', { name: /Bästa kostnad över tid/ }).count()).toBe(1);
    // The day as it is beside the proposal, figure by figure.
    const comparison = page.getByRole('table', {
      name: 'Dagens plan nu bredvid förslaget, mått för mått',
    });
    await comparison.waitFor();
    expect(await comparison.getByRole('row').count()).toBeGreaterThan(3);
  }, 60_000);

  it('has no accessibility violations with the proposal shown', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('publishes after a confirmation, and the lift visit is assigned to both nurses', async () => {
    await page.getByRole('button', { name: 'Publicera schemat' }).click();
    await page.getByRole('button', { name: 'Ja, publicera' }).click();
    await page.getByText('Schemat är publicerat: 1 besök fick sina medarbetare.').waitFor();
    const token = await loginAs(app, 'dispatcher');
    const res = await app.request(`/api/visits?municipality=0180&date=${TOMORROW}`, {
      headers: bearer(token),
    });
    const { items } = (await res.json()) as {
      items: { taskTypes: string[]; status: string; assignees: { staffId: string }[] }[];
    };
    const lift = items.find((v) => v.taskTypes.includes('lift_assist'))!;
    expect(lift.status).toBe('assigned');
    expect(lift.assignees.map((a) => a.staffId).sort()).toEqual([P.an, P.anNorr].sort());
    const insulin = items.find((v) => v.taskTypes.includes('insulin_pen'))!;
    expect(insulin.status).toBe('unassigned');
    // The page's list follows: the lift visit now names its caregivers.
    await page.getByRole('row', { name: /Lyfthjälp.*Tilldelad/ }).waitFor();
  });

  it('locks and unlocks a visit, the lock shown in words', async () => {
    const row = page.getByRole('row', { name: /Lyfthjälp/ });
    await row.getByRole('button', { name: /^Lås besöket/ }).click();
    await row.getByText('Låst', { exact: true }).waitFor();
    await row.getByRole('button', { name: /^Lås upp besöket/ }).click();
    await row.getByText('Ej låst', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
  it('follows the job already running when one is started elsewhere (409)', async () => {
    const scheduler = bearer(await loginAs(app, 'scheduler'));
    const res = await app.request(`/api/planning/0180/days/${TOMORROW}/jobs`, {
      method: 'POST',
      headers: { ...scheduler, 'content-type': 'application/json' },
      body: JSON.stringify({ budgetSeconds: 3 }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await page.getByRole('button', { name: 'Starta planering' }).click();
    await page.getByText('En planering pågår redan för den här dagen').waitFor();
    await page.getByText('Status: Klar').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: '3. Förslaget' }).waitFor();
    const job = await app.request(`/api/planning/jobs/${id}`, { headers: scheduler });
    expect(((await job.json()) as { status: string }).status).toBe('done');
  }, 45_000);

  it('refuses to publish a stale plan, says what changed and offers to plan again', async () => {
    // The day changes after the plan was made: the lift visit is taken off its caregivers.
    const dispatcher = bearer(await loginAs(app, 'dispatcher'));
    const list = await app.request(`/api/visits?municipality=0180&date=${TOMORROW}`, {
      headers: dispatcher,
    });
    const { items } = (await list.json()) as {
      items: { id: string; version: number; taskTypes: string[] }[];
    };
    const lift = items.find((v) => v.taskTypes.includes('lift_assist'))!;
    const un = await app.request(`/api/dispatch/visits/${lift.id}/unassign`, {
      method: 'POST',
      headers: { ...dispatcher, 'content-type': 'application/json' },
      body: JSON.stringify({ expectedVersion: lift.version }),
    });
    expect(un.status).toBe(200);
    await page.getByRole('button', { name: 'Publicera schemat' }).click();
    await page.getByRole('button', { name: 'Ja, publicera' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Schemat publicerades inte' });
    await alert.waitFor();
    expect(await alert.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await alert.textContent()).toMatch(
      /Besöket 09:00–10:00 · Lyfthjälp, Personlig omvårdnad har ändrats/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await alert.getByRole('button', { name: 'Planera igen' }).click();
    expect(await page.getByRole('heading', { name: '3. Förslaget' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Starta planering' }).isEnabled()).toBe(true);
  });
});
