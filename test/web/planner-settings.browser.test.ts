/**
 * The continuity settings in the scheduler's view, in a real browser against the real server:
 * the defaults shown, a save read back over the API, and the server's 400 shown in words with
 * the field named and nothing saved; axe on the panel.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { PLANNING_DEFAULTS } from '../../server/planning/settings/defaults.ts';
import { insertFixture } from '../support/fixtures.ts';
import { bearer, insertUsers, loginAs, passwordOf, usernameOf } from '../support/auth.ts';
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
let app: App;
let page: Page;

beforeAll(async () => {
  database = await freshDatabase('pglite');
  await insertFixture(database.db);
  await insertUsers(database.db);
  web = await startBrowserServer(database);
  ({ browser } = web);
  app = web.server.app;
  ({ page } = await newDeskPage(browser));
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const saved = async () => {
  const res = await app.request('/api/planning/0180/settings', {
    headers: bearer(await loginAs(app, 'scheduler')),
  });
  return (await res.json()) as { maxDistinctCaregivers: number; weights: Record<string, number> };
};

describe.skipIf(skipBrowser)('the continuity settings in the planning view', () => {
  it('shows the cap and the weights with their defaults', async () => {
    await page.goto(web.base);
    await page.getByLabel('Användarnamn').fill(usernameOf('scheduler', '0180'));
    await page.getByLabel('Lösenord').fill(passwordOf('scheduler', '0180'));
    await page.getByRole('button', { name: 'Logga in' }).click();
    const panel = page.getByRole('region', { name: 'Kontinuitet: inställningar' });
    await panel.getByText('Kommunen planerar med standardvärdena.').waitFor();
    const cap = panel.getByLabel('Högst antal olika medarbetare per patient och dag');
    expect(await cap.inputValue()).toBe('0');
    const nonContact = panel.getByLabel('Besök av någon annan än kontaktpersonen');
    expect(await nonContact.inputValue()).toBe(String(PLANNING_DEFAULTS.weights.nonContact));
    expect(await page.locator('#setting-nonContact-default').textContent()).toBe(
      `Standard: ${PLANNING_DEFAULTS.weights.nonContact}`,
    );
    expect(await page.locator('#setting-distinctCaregiver-default').textContent()).toBe(
      `Standard: ${PLANNING_DEFAULTS.weights.distinctCaregiver}`,
    );
  });

  it('saves, and the server has what was typed', async () => {
    const panel = page.getByRole('region', { name: 'Kontinuitet: inställningar' });
    await panel.getByLabel('Högst antal olika medarbetare per patient och dag').fill('3');
    await panel.getByLabel('Besök av någon annan än kontaktpersonen').fill('1200');
    await panel.getByRole('button', { name: 'Spara inställningarna' }).click();
    await panel.getByText('Sparat. Nästa planering använder inställningarna.').waitFor();
    const now = await saved();
    expect(now.maxDistinctCaregivers).toBe(3);
    expect(now.weights.nonContact).toBe(1200);
  });

  it("shows the server's 400 with the field named, and saves nothing", async () => {
    const panel = page.getByRole('region', { name: 'Kontinuitet: inställningar' });
    const nonContact = panel.getByLabel('Besök av någon annan än kontaktpersonen');
    await nonContact.fill('99999999');
    await panel.getByRole('button', { name: 'Spara inställningarna' }).click();
    const alert = panel.getByRole('alert');
    await alert.getByText('Inställningarna sparades inte. Servern godtog inte:').waitFor();
    expect(await alert.textContent()).toContain('Besök av någon annan än kontaktpersonen:');
    expect(await nonContact.getAttribute('aria-invalid')).toBe('true');
    expect((await saved()).weights.nonContact).toBe(1200);
  });

  it('has no accessibility violations with the error shown', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});
