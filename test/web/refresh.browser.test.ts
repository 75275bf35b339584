/**
 * A long drop in Chromium: while the page is cut off, more events are committed than the
 * server replays on a resume (maxBacklog 2 here), and a visit is removed behind the feed's
 * back. On reconnect the server sends a fresh snapshot instead of the events; the console
 * replaces its state with it (the removed visit gone, nothing doubled), matches the server,
 * and says it reloaded the state.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { shifts, visits } from '../../db/schema/index.ts';
import type { ComposedServer } from '../../server/compose.ts';
import { bearer, insertUsers, loginAs } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';
import { type CuttableProxy, startCuttableProxy } from './cuttable-proxy.ts';
import {
  type BrowserServer,
  newDeskPage,
  skipBrowser,
  startBrowserServer,
} from './support/browser-server.ts';

let database: Database;
let web: BrowserServer;
let server: ComposedServer;
let browser: Browser;
let proxy: CuttableProxy;

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
  web = await startBrowserServer(database, { liveLimits: { maxBacklog: 2 } });
  ({ browser, server } = web);
  proxy = await startCuttableProxy(web.port);
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await web?.close();
  await database?.close();
});

const newPage = () => newDeskPage(browser);

async function registerUrgentVisit(task: string): Promise<void> {
  const token = await loginAs(server.app, 'dispatcher');
  const res = await server.app.request('/api/dispatch/urgent-visits', {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({
      municipality: '0180',
      patientId: IDS.patient,
      taskTypes: [task],
      priority: 'urgent2',
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

/** The server's open visits of the day (as the queue shows them), by id. */
async function openVisitIds(): Promise<string[]> {
  const token = await loginAs(server.app, 'dispatcher');
  const res = await server.app.request('/api/visits?municipality=0180&date=2026-11-23&limit=100', {
    headers: bearer(token),
  });
  const body = (await res.json()) as { items: { id: string; status: string }[] };
  return body.items
    .filter((v) => ['unassigned', 'assigned', 'en_route'].includes(v.status))
    .map((v) => v.id)
    .sort();
}

const connection = (page: Page) => page.getByRole('status', { name: 'Anslutning' }).textContent();

describe('a long network drop in Chromium', { skip: skipBrowser }, () => {
  it('replaces the state with a fresh snapshot when the resume is too old, and says so', async () => {
    const { context, page } = await newPage();
    await page.goto(`http://127.0.0.1:${proxy.port}`);
    await page.getByLabel('Användarnamn').fill('dispatcher-0180');
    await page.getByLabel('Lösenord').fill('pw-dispatcher-0180-secret');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => connection(page)).toContain('Live');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Insulin (penna)');

    proxy.cut({ refuse: true });
    await expect.poll(() => connection(page)).toContain('Återansluter');
    // More than the resume window holds, and a change no event tells of.
    for (const task of ['sampling', 'catheter_change', 'injection'])
      await registerUrgentVisit(task);
    await database.db.delete(visits).where(eq(visits.id, IDS.visitMorning));
    proxy.restore();

    await expect
      .poll(() => connection(page), { timeout: 20_000 })
      .toContain('Återansluten – läget hämtat på nytt');
    const expected = await openVisitIds();
    expect(expected).not.toContain(IDS.visitMorning);
    await expect.poll(() => rows.count()).toBe(expected.length);
    for (const task of ['Provtagning', 'Kateterbyte', 'Injektion'])
      expect(await page.locator('tbody tr', { hasText: task }).count()).toBe(1);
    expect(await page.locator('tbody tr', { hasText: 'Ej tilldelad' }).count()).toBe(3);
    // The urgent visits the snapshot brought are announced as live ones are.
    expect(await page.locator('[aria-live="polite"]').textContent()).toContain(
      'Nytt akut besök: Akut 2',
    );
    await context.close();
  });
});
