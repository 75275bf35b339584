/**
 * An expired session in Chromium: the dispatcher is typing an urgent call when the session
 * ends on the server (logged out elsewhere with the same token); the page goes to log-in,
 * says what it kept, and after logging in again the form is back as it was. Another user
 * logging in gets nothing of it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { ComposedServer } from '../../server/compose.ts';
import { bearer, insertUsers } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { insertFixture } from '../support/fixtures.ts';
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

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  web = await startBrowserServer(database);
  ({ browser, server } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const newPage = () => newDeskPage(browser);

async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(`pw-${username}-secret`);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

const live = (page: Page) =>
  expect
    .poll(() => page.getByRole('status', { name: 'Anslutning' }).textContent())
    .toContain('Live');

/** Types an urgent call (patient, task, duration, two-person) without sending it. */
async function typeUrgentCall(page: Page) {
  await page.locator('body').press('n');
  const dialog = page.getByRole('dialog', { name: 'Registrera akut besök' });
  await dialog.getByLabel('Patient (namn eller adress)').fill('test pat');
  await dialog.getByRole('radio', { name: /Test Patient/ }).check();
  await dialog.getByRole('checkbox', { name: 'Kateterbyte' }).check();
  await dialog.getByLabel('Längd (minuter)').fill('45');
  await dialog.getByRole('checkbox', { name: 'Dubbelbemanning (två personal)' }).check();
}

/** Ends the page's session on the server, as a log-out in another tab would. */
async function endSessionOnServer(page: Page) {
  const token = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('hemsjukvard.session')!).token as string,
  );
  const res = await server.app.request('/api/auth/logout', {
    method: 'POST',
    headers: bearer(token),
  });
  expect(res.status).toBe(204);
}

describe('an expired session in Chromium', { skip: skipBrowser }, () => {
  it('goes to log-in keeping the urgent call typed, and reopens it after logging in', async () => {
    const { context, page } = await newPage();
    await page.goto(web.base);
    await logIn(page, 'dispatcher-0180');
    await live(page);
    await typeUrgentCall(page);
    await endSessionOnServer(page);

    await page.getByRole('heading', { name: 'Logga in', level: 1 }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain(
      'Det du skrev sparades och öppnas igen när du har loggat in.',
    );
    const kept = await page.evaluate(() => sessionStorage.getItem('hemsjukvard.kept') ?? '');
    expect(kept).toContain('Test Patient');
    expect(kept).not.toContain('secret'); // never a password
    expect(kept).not.toContain('Exempelvägen'); // nor the address

    await logIn(page, 'dispatcher-0180');
    const dialog = page.getByRole('dialog', { name: 'Registrera akut besök' });
    await dialog.waitFor();
    expect(await dialog.getByRole('status').first().textContent()).toContain(
      'Återställt från innan sessionen gick ut',
    );
    expect(await dialog.textContent()).toContain('Vald: Test Patient');
    expect(await dialog.getByRole('checkbox', { name: 'Kateterbyte' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel('Längd (minuter)').inputValue()).toBe('45');
    expect(
      await dialog.getByRole('checkbox', { name: 'Dubbelbemanning (två personal)' }).isChecked(),
    ).toBe(true);
    // Taken once: it is no longer stored.
    expect(await page.evaluate(() => sessionStorage.getItem('hemsjukvard.kept'))).toBeNull();
    await context.close();
  });

  it('drops the kept call when another user logs in', async () => {
    const { context, page } = await newPage();
    await page.goto(web.base);
    await logIn(page, 'dispatcher-0180');
    await live(page);
    await typeUrgentCall(page);
    await endSessionOnServer(page);
    await page.getByRole('heading', { name: 'Logga in', level: 1 }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('hemsjukvard.kept'))).not.toBeNull();

    await logIn(page, 'dispatcher-0184');
    await live(page);
    expect(await page.evaluate(() => sessionStorage.getItem('hemsjukvard.kept'))).toBeNull();
    expect(await page.getByRole('dialog', { name: 'Registrera akut besök' }).isVisible()).toBe(
      false,
    );
    await context.close();
  });
});
