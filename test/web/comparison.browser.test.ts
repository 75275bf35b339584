/**
 * The comparison panel in Chromium against the real server: a done planning job inserted
 * for the fixture's day (the morning visit placed, a two-person visit left out), the panel
 * on a page of its own (test/web/support/comparison-page: the scheduler's page does not
 * mount it yet), the figures as the server computes them, in Swedish, with better and worse
 * in words; a job not done said plainly; no axe violation.
 */
import { readFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { planningJobs, shifts, visits } from '../../db/schema/index.ts';
import { FIXED_NOW, bearer, insertUsers, passwordOf, usernameOf } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';
import type { Comparison } from '../../server/planning/compare/load-comparison.ts';
import {
  type BrowserServer,
  axeViolations,
  skipBrowser,
  startBrowserServer,
} from './support/browser-server.ts';
import { PAGE_BASE, buildComparisonPage } from './support/comparison-page/build-page.ts';

const TWO_PERSON = '10000000-0000-4000-8000-0000000000f1';
const DONE_JOB = '10000000-0000-4000-8000-0000000000f2';
const FAILED_JOB = '10000000-0000-4000-8000-0000000000f3';

let database: Database;
let web: BrowserServer;
let browser: Browser;
let base: string;
let pageDir: string;
let token: string;
/** The log-in answer, as the page keeps it in sessionStorage. */
let sessionJson: string;

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
      endsAt: new Date('2026-11-23T21:00:00Z'),
    })),
  );
  // 11:00–12:00 Stockholm, two occupational therapists: nobody on shift can take it.
  await database.db.insert(visits).values({
    id: TWO_PERSON,
    municipalityCode: '0180',
    patientId: IDS.patient,
    windowStart: new Date('2026-11-23T10:00:00Z'),
    windowEnd: new Date('2026-11-23T11:00:00Z'),
    durationMinutes: 45,
    taskTypes: ['aids_assessment' as const],
    requiredProfession: 'ot',
    staffCount: 2,
  });
  const job = {
    municipalityCode: '0180',
    serviceDate: '2026-11-23',
    budgetSeconds: 1,
    createdAt: FIXED_NOW,
  };
  await database.db.insert(planningJobs).values([
    {
      ...job,
      id: DONE_JOB,
      status: 'done',
      finishedAt: FIXED_NOW,
      result: {
        assignments: [
          {
            visitId: IDS.visitMorning,
            version: 1,
            staff: [{ staffId: IDS.rn, plannedStart: '2026-11-23T06:40:00.000Z', routeOrder: 0 }],
          },
        ],
        unplaced: [{ visitId: TWO_PERSON, reason: 'no_qualified_caregiver' }],
        summary: {
          visits: 2,
          placed: 1,
          unplaced: 1,
          shifts: 2,
          fixed: 1,
          replanned: 0,
          travelSeconds: 0,
          cost: 1,
          solveMs: 1,
        },
        notes: [],
      },
    },
    // Failed: not done (a queued one would be taken by the server's planning worker).
    { ...job, id: FAILED_JOB, status: 'failed', error: 'solver crashed' },
  ]);
  web = await startBrowserServer(database);
  ({ base, browser } = web);
  pageDir = await buildComparisonPage();
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: usernameOf('scheduler', '0180'),
      password: passwordOf('scheduler', '0180'),
    }),
  });
  sessionJson = await login.text();
  token = (JSON.parse(sessionJson) as { token: string }).token;
}, 180_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
  if (pageDir) rmSync(pageDir, { recursive: true, force: true });
});

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

async function openPanel(jobId: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  // The test page's files, on the server's own origin (the API is asked there).
  await page.route(`${base}${PAGE_BASE}**`, (route) => {
    const path = new URL(route.request().url()).pathname.slice(PAGE_BASE.length) || 'index.html';
    const file = join(pageDir, path);
    return route.fulfill({
      status: 200,
      contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  });
  await context.addInitScript(
    (json: string) => sessionStorage.setItem('hemsjukvard.session', json),
    sessionJson,
  );
  await page.goto(`${base}${PAGE_BASE}index.html?job=${jobId}`);
  return page;
}

const row = (page: Page, figure: string) =>
  page
    .locator(`tr[data-figure="${figure}"] > *`)
    .allTextContents()
    .then((cells) => cells.map((c) => c.replace(/\s+/g, ' ').trim()));

describe('the comparison panel in Chromium', { skip: skipBrowser }, () => {
  it('shows the day now beside the proposal, figure by figure, and what was left out', async () => {
    const res = await fetch(`${base}/api/planning/jobs/${DONE_JOB}/comparison`, {
      headers: bearer(token),
    });
    expect(res.status).toBe(200);
    const cmp = (await res.json()) as Comparison;
    const page = await openPanel(DONE_JOB);
    await page.getByRole('table', { name: /bredvid förslaget/ }).waitFor();

    // The morning visit placed: one more visit with a caregiver, one fewer without.
    expect(await row(page, 'assigned')).toEqual(['Besök med personal', '1', '2', '+1 ✓ bättre']);
    expect(await row(page, 'unassigned')).toEqual(['Besök utan personal', '2', '1', '−1 ✓ bättre']);
    // Travel as the server computed it: the morning visit is at the door of the evening one,
    // on the same nurse's shift, so the route's travel stays; its share of the work falls.
    expect(await row(page, 'travel')).toEqual([
      'Restid',
      `${cmp.current.travelMinutes} min`,
      `${cmp.proposed.travelMinutes} min`,
      '±0 = oförändrat',
    ]);
    expect(cmp.current.travelMinutes).toBeGreaterThan(0);
    expect(cmp.proposed.travelShare!).toBeLessThan(cmp.current.travelShare!);
    expect((await row(page, 'travelShare'))[3]).toMatch(/^−\d+ procentenheter ✓ bättre$/);
    // The patient's contact is the assistant nurse, who makes neither visit: 0 % both ways.
    expect(await row(page, 'contactShare')).toEqual([
      'Besök av patientens fasta vårdkontakt',
      '0 %',
      '0 %',
      '±0 = oförändrat',
    ]);
    // Two arrivals at the patient's door instead of one.
    expect((await row(page, 'arrivalsMax')).slice(1, 3)).toEqual(['1', '2']);

    const left = page.getByRole('table', { name: 'Besök som inte fick plats, med skäl' });
    expect(
      (await left.locator('tbody td').allTextContents()).map((c) => c.replace(/\s+/g, ' ')),
    ).toEqual([
      '11:00–12:00',
      'Arbetsterapeut',
      '45 min',
      '2 pers.',
      'Ingen behörig personal i tjänst',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('says plainly when the job has not finished', async () => {
    const page = await openPanel(FAILED_JOB);
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Planeringen är inte klar än');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
