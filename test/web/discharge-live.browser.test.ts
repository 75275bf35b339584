/**
 * The discharge views follow the live feed in Chromium against the real server: a message
 * posted to the region's intake appears on the open list without a reload, the console's
 * header count follows a ready-for-discharge, and at Stockholm's midnight, with no message at
 * all, a case reaches the day before liability and the alert and the count say so; the
 * manager's board's discharge figures follow a cancellation.
 * The server's clock is the test's (`serverNow`), and the last test's page clock is Playwright's.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { ComposedServer } from '../../server/compose.ts';
import { createIntegrationClient } from '../../server/discharge/api-keys.ts';
import { FIXED_NOW, insertUsers } from '../support/auth.ts';
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
let key: string;
/** Monday 23 November 2026, 13:00 in Stockholm, until the midnight test moves it. */
let serverNow = FIXED_NOW;

const send = async (body: ReturnType<typeof message>) => {
  const res = await post(server.app, key, body);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
};

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  web = await startBrowserServer(database, { now: () => serverNow });
  ({ server, browser, base } = web);
  key = (await createIntegrationClient(database.db, 'lifecare-sp', ['0180'])).key;
  // X: ready today, Monday 10:00: free Monday and Tuesday, liable from Wednesday.
  await send(
    message(
      'x-ready',
      'ready_for_discharge',
      '2026-11-23T09:00:00Z',
      { readyAt: '2026-11-23T09:00:00Z' },
      { stayId: 'X' },
    ),
  );
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

async function logIn(page: Page, role: 'scheduler' | 'dispatcher'): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill(`${role}-0180`);
  await page.getByLabel('Lösenord').fill(`pw-${role}-0180-secret`);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

const rows = (page: Page) =>
  page
    .locator('table.discharge-table tbody tr')
    .evaluateAll((trs) => trs.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ')));

describe('the discharge views live in Chromium', { skip: skipBrowser }, () => {
  it('shows a message posted to the intake on the open list without a reload', async () => {
    const { context, page } = await newDeskPage(browser);
    await logIn(page, 'scheduler');
    await page.getByRole('link', { name: /^Utskrivning/ }).click();
    await expect.poll(() => rows(page), { timeout: 10_000 }).toHaveLength(1);
    await send(
      message(
        'y-adm',
        'admission',
        '2026-11-23T11:00:00Z',
        { hospital: 'Södersjukhuset', ward: 'Avd 14', needs: ['help_at_home'] },
        { stayId: 'Y', patientId: IDS.patientUnrouted },
      ),
    );
    await expect.poll(() => rows(page), { timeout: 10_000 }).toHaveLength(2);
    expect((await rows(page)).join('\n')).toContain('Södersjukhuset, Avd 14');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('counts a case liable tomorrow in the console’s header as the message arrives', async () => {
    const { context, page } = await newDeskPage(browser);
    await logIn(page, 'dispatcher');
    await page.getByRole('link', { name: 'Utskrivning', exact: true }).waitFor();
    // Y: ready yesterday, Sunday: free Sunday and Monday, liable from tomorrow.
    await send(
      message(
        'y-ready',
        'ready_for_discharge',
        '2026-11-22T09:00:00Z',
        { readyAt: '2026-11-22T09:00:00Z' },
        { stayId: 'Y', patientId: IDS.patientUnrouted },
      ),
    );
    await page.getByRole('link', { name: 'Utskrivning (1 att åtgärda)' }).waitFor();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContain('Utskrivning: 1 med betalningsansvar från i morgon, 0 kostar redan.');
    expect(await axeViolations(page)).toEqual([]);
    if (process.env['DISCHARGE_SCREENSHOT'] === '1')
      await page.screenshot({ path: 'test-output/discharge-console-header.png' });
    await context.close();
  });

  it('at Stockholm’s midnight, with no message, brings the next day’s alert', async () => {
    // 23:59:30 on Monday in Stockholm, for the server and the page alike.
    serverNow = new Date('2026-11-23T22:59:30Z');
    const { context, page } = await newDeskPage(browser);
    await context.clock.install({ time: serverNow });
    // One tab on the list, one on the planner (its header's count); each logs in (one tab's session).
    await logIn(page, 'scheduler');
    await page.getByRole('link', { name: 'Utskrivning (1 att åtgärda)' }).click();
    const planner = await context.newPage();
    await logIn(planner, 'scheduler');
    await planner.getByRole('link', { name: 'Utskrivning (1 att åtgärda)' }).waitFor();
    const banner = page.getByRole('status').filter({ hasText: 'Kostar redan' });
    await expect
      .poll(() => banner.textContent(), { timeout: 10_000 })
      .toContain('Kostar redan pengar: 0. Betalningsansvar från i morgon: 1.');
    // Tuesday 00:00:30: Y costs money, X is liable tomorrow; nothing was sent.
    serverNow = new Date('2026-11-23T23:00:30Z');
    await page.clock.runFor(61_000);
    await expect
      .poll(() => banner.textContent(), { timeout: 10_000 })
      .toContain('Kostar redan pengar: 1. Betalningsansvar från i morgon: 1.');
    await planner.getByRole('link', { name: 'Utskrivning (2 att åtgärda)' }).waitFor();
    expect(await rows(page)).toEqual([
      expect.stringMatching(/Kostar nu: 9 300 kr \(1 d\)/),
      expect.stringMatching(/Betalningsansvar från i morgon/),
    ]);
    await context.close();
  });

  it('updates the board’s discharge figures when a case is cancelled', async () => {
    const { context, page } = await newDeskPage(browser);
    await page.goto(base);
    await page.getByLabel('Användarnamn').fill('manager-0180');
    await page.getByLabel('Lösenord').fill('pw-manager-0180-secret');
    await page.getByRole('button', { name: 'Logga in' }).click();
    const section = page.locator('section.board-discharge');
    const text = async () => (await section.innerText()).replace(/\s+/g, ' ');
    await expect.poll(text, { timeout: 10_000 }).toContain('Öppna ärenden 2');
    await send(
      message(
        'x-cancel',
        'cancelled',
        '2026-11-23T23:00:00Z',
        { reason: 'other' },
        { stayId: 'X' },
      ),
    );
    await expect.poll(text, { timeout: 10_000 }).toContain('Öppna ärenden 1');
    await context.close();
  });
});
