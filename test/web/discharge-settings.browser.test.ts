/**
 * The liability rules' panel on the discharge page in Chromium against the real server: the
 * manager reads the agreement's defaults in words, gets a bad value refused by field with
 * nothing saved, saves new rules and sees the open case's clock follow without a reload,
 * then resets to the agreement. A scheduler sees them read-only. axe on each state.
 * Now is Monday 23 November 2026, 13:00 in Stockholm (FIXED_NOW).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { dischargeSettings } from '../../db/schema/index.ts';
import type { ComposedServer } from '../../server/compose.ts';
import { createIntegrationClient } from '../../server/discharge/api-keys.ts';
import { insertUsers } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { insertFixture } from '../support/fixtures.ts';
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

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  web = await startBrowserServer(database);
  ({ server, browser, base } = web);
  const key = (await createIntegrationClient(database.db, 'lifecare-sp', ['0180'])).key;
  // Ready today, Monday 10:00 (somatic): free Monday and Tuesday, liable from Wednesday.
  const res = await post(
    server.app,
    key,
    message('a-ready', 'ready_for_discharge', '2026-11-23T09:00:00Z', {
      readyAt: '2026-11-23T09:00:00Z',
    }),
  );
  expect(res.status).toBeLessThan(300);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

async function logIn(page: Page, role: 'scheduler' | 'manager'): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill(`${role}-0180`);
  await page.getByLabel('Lösenord').fill(`pw-${role}-0180-secret`);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page
    .getByRole('link', { name: /^Utskrivning/ })
    .first()
    .click();
  await page.getByRole('heading', { name: 'Öppna utskrivningsärenden' }).waitFor();
}

const statusOfRow = (page: Page) =>
  page.locator('table.discharge-table tbody tr').first().locator('.discharge-status').innerText();

describe('the liability rules on the discharge page', { skip: skipBrowser }, () => {
  it('lets the manager change them, refuses a bad value by field, and the clock follows', async () => {
    const { context, page } = await newDeskPage(browser);
    await logIn(page, 'manager');
    const panel = page.getByRole('region', { name: 'Regler för betalningsansvar, kommun 0180' });
    await panel.getByText('Överenskommelsens standard gäller (aldrig ändrad).').waitFor();
    const help = (await panel.locator('p.muted').innerText()).replace(/[\u00a0\u202f]/g, ' ');
    expect(help).toContain(
      'Standard enligt Region Stockholms överenskommelse: 2 fria kalenderdagar i somatisk vård och 5 i psykiatrisk vård',
    );
    expect(help).toContain('9 300 kr per dag');
    expect(help).toContain('lagens (2017:612) 3 kalenderdagar och dag 0 räknas inte');
    const somatic = panel.getByRole('group', { name: 'Somatisk vård' });
    const days = somatic.getByLabel('Fria dagar före betalningsansvar');
    expect(await days.inputValue()).toBe('2');
    expect(
      await somatic
        .getByLabel('Dag 0 (dagen då patienten blev utskrivningsklar) räknas')
        .isChecked(),
    ).toBe(true);
    expect(await statusOfRow(page)).toBe('2 dagar kvar');
    expect(await axeViolations(page)).toEqual([]);

    // Out of bounds: the server's 400 names the field; nothing is saved.
    await days.fill('91');
    await panel.getByRole('button', { name: 'Spara reglerna' }).click();
    const alert = panel.getByRole('alert');
    await expect
      .poll(() => alert.innerText())
      .toContain('Somatisk vård: Fria dagar före betalningsansvar');
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    expect(await database.db.select().from(dischargeSettings)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // No free day and day 0 not counted: liable from tomorrow.
    await days.fill('0');
    await somatic.getByLabel('Dag 0 (dagen då patienten blev utskrivningsklar) räknas').uncheck();
    await somatic.getByLabel('Belopp per dag (kr)').fill('10000');
    await panel.getByRole('button', { name: 'Spara reglerna' }).click();
    await panel.getByText('Sparat. Ärendenas klockor räknas om med de nya reglerna.').waitFor();
    await expect.poll(() => statusOfRow(page)).toBe('Betalningsansvar från i morgon');
    await expect
      .poll(() => page.locator('.discharge-banner').innerText())
      .toContain('Betalningsansvar från i morgon: 1.');

    // Back to the agreement: filled in, then saved.
    await panel.getByRole('button', { name: 'Återställ till överenskommelsens standard' }).click();
    await panel
      .getByText('Överenskommelsens standard är ifylld. Spara för att använda den.')
      .waitFor();
    expect(await days.inputValue()).toBe('2');
    expect(await somatic.getByLabel('Belopp per dag (kr)').inputValue()).toBe('9300');
    await panel.getByRole('button', { name: 'Spara reglerna' }).click();
    await panel.getByText('Sparat. Ärendenas klockor räknas om med de nya reglerna.').waitFor();
    // The refetch is throttled (one per 2 s): this one may wait for the gap.
    await expect.poll(() => statusOfRow(page), { timeout: 10_000 }).toBe('2 dagar kvar');
    await context.close();
  });

  it('shows them to a scheduler, read-only', async () => {
    const { context, page } = await newDeskPage(browser);
    await logIn(page, 'scheduler');
    const panel = page.getByRole('region', { name: 'Regler för betalningsansvar, kommun 0180' });
    await panel.getByText('Enhetschef eller administratör kan ändra reglerna.').waitFor();
    const psychiatric = panel.getByRole('group', { name: 'Psykiatrisk vård' });
    expect(await psychiatric.getByLabel('Fria dagar före betalningsansvar').inputValue()).toBe('5');
    expect(await psychiatric.getByLabel('Fria dagar före betalningsansvar').isDisabled()).toBe(
      true,
    );
    expect(await panel.getByRole('button', { name: 'Spara reglerna' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
