/**
 * The urgent visit in Chromium: registered through the form, its suggestions, assigned with
 * one key and seen live in a second browser, and a stale assignment's conflict. The real
 * server on PGlite at port 0 with /ws attached, as test/web/console.browser.test.ts starts it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { shifts } from '../../db/schema/index.ts';
import type { ComposedServer } from '../../server/compose.ts';
import { bearer, insertUsers, loginAs } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';
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
  // Two caregivers on the fixture's day shift (FIXED_NOW is 13:00 in Stockholm).
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
  ({ server, base, browser } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const newPage = () => newDeskPage(browser);

let session: unknown;

/**
 * Logged in as the Stockholm dispatcher, the queue live: through the log-in page the first
 * time, then with that session put in the tab (log-in allows 5 attempts per user and address).
 */
async function consolePage(): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage();
  const { page, context } = opened;
  if (session) {
    await context.addInitScript((s) => {
      sessionStorage.setItem('hemsjukvard.session', s);
    }, JSON.stringify(session));
    await page.goto(base);
  } else {
    const login = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.goto(base);
    await page.getByLabel('Användarnamn').fill('dispatcher-0180');
    await page.getByLabel('Lösenord').fill('pw-dispatcher-0180-secret');
    await page.getByRole('button', { name: 'Logga in' }).click();
    session = await (await login).json();
  }
  await expect
    .poll(() => page.getByRole('status', { name: 'Anslutning' }).textContent())
    .toContain('Live');
  return opened;
}

/** Through the form: `n`, the patient by a search, one task; the suggestions come back. */
async function registerInPage(page: Page, task: string): Promise<void> {
  await page.locator('body').press('n');
  const dialog = page.getByRole('dialog', { name: 'Registrera akut besök' });
  await dialog.waitFor();
  const search = dialog.getByLabel('Patient (namn eller adress)');
  expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
  await search.fill('test pat');
  await dialog.getByRole('radio', { name: /Test Patient/ }).check();
  await dialog.getByRole('checkbox', { name: task }).check();
  await dialog.getByRole('button', { name: 'Registrera och visa förslag' }).click();
  await page
    .getByRole('dialog', { name: 'Förslag' })
    .getByRole('list', { name: 'Förslag, bäst först' })
    .waitFor();
}

async function apiAs(path: string, body: unknown): Promise<{ status: number; json: any }> {
  const token = await loginAs(server.app, 'dispatcher');
  const res = await server.app.request(path, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const skip = skipBrowser;

describe('the urgent visit in Chromium', { skip }, () => {
  it('checks the form before sending, registers the visit and shows ranked suggestions', async () => {
    const { context, page } = await consolePage();
    await page.locator('body').press('n');
    const dialog = page.getByRole('dialog', { name: 'Registrera akut besök' });
    await dialog.getByRole('button', { name: 'Registrera och visa förslag' }).click();
    expect(await dialog.textContent()).toContain('Välj en patient.');
    expect(await dialog.textContent()).toContain('Välj minst en insats.');
    // The first wrong field has the focus and names its error.
    const search = dialog.getByLabel('Patient (namn eller adress)');
    expect(await search.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Escape closes and the focus goes back.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await registerInPage(page, 'Kateterbyte');
    const list = page.getByRole('dialog', { name: 'Förslag' }).getByRole('listitem').first();
    const first = await list.textContent();
    expect(first).toMatch(/Anna Andersson|Bo Berg/);
    expect(first).toContain('framme');
    expect(first).toContain('restid');
    expect(first).toContain('Passet slutar 16:00');
    expect(await axeViolations(page)).toEqual([]);
    // The new visit is in the queue behind the dialog.
    expect(await page.locator('tbody tr', { hasText: 'Kateterbyte' }).count()).toBe(1);
    await context.close();
  });

  it('assigns with key 1 and a second browser sees the assignment live', async () => {
    const other = await consolePage();
    const { context, page } = await consolePage();
    await registerInPage(page, 'Injektion');
    const dialog = page.getByRole('dialog', { name: 'Förslag' });
    const name = (await dialog.locator('.sugg-name').first().textContent())!;
    await expect
      .poll(() => other.page.locator('tbody tr', { hasText: 'Injektion' }).count())
      .toBe(1);
    await page.keyboard.press('1');
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toContain(`Tilldelat: ${name}`);
    // The command's result, then the live event that shows it in the queue.
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Syns i kön.');
    const row = other.page.locator('tbody tr', { hasText: 'Injektion' });
    await expect.poll(() => row.textContent()).toContain(name);
    expect(await row.textContent()).toContain('Tilldelad');
    await other.context.close();
    await context.close();
  });

  it('shows a stale assignment as a conflict with the visit as it is now, and redoes it', async () => {
    const created = await apiAs('/api/dispatch/urgent-visits', {
      municipality: '0180',
      patientId: IDS.patient,
      taskTypes: ['sampling'],
      priority: 'urgent1',
    });
    expect(created.status).toBe(201);
    const visit = created.json.visit;
    const { context, page } = await consolePage();
    // Its suggestions from the queue row.
    await page.getByRole('button', { name: 'Förslag för Provtagning' }).click();
    const dialog = page.getByRole('dialog', { name: 'Förslag' });
    await dialog.waitFor();
    await dialog.getByRole('list', { name: 'Förslag, bäst först' }).waitFor();
    const names = await dialog.locator('.sugg-name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    // Someone else assigns it first (the last suggestion), then the page assigns the first.
    const last = created.json.suggestions.at(-1);
    const first = await apiAs(`/api/dispatch/visits/${visit.id}/assign`, {
      staffIds: [last.staffId],
      expectedVersion: visit.version,
    });
    expect(first.status).toBe(200);
    await page.keyboard.press('1');
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Någon annan ändrade besöket först');
    expect(await alert.textContent()).toContain('Tilldelad');
    expect(await alert.textContent()).toContain(last.name);
    expect(await alert.textContent()).toContain(`Version${first.json.version}`);
    expect(await axeViolations(page)).toEqual([]);
    // Redo on the current version.
    await alert.getByRole('button', { name: new RegExp(`Tilldela ${names[0]} ändå`) }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toContain(`Tilldelat: ${names[0]}`);
    await context.close();
  });

  it('assigns a two-person visit to the two caregivers picked with the keys', async () => {
    const { context, page } = await consolePage();
    await page.locator('body').press('n');
    const form = page.getByRole('dialog', { name: 'Registrera akut besök' });
    await form.getByLabel('Patient (namn eller adress)').fill('exempelv');
    await form.getByRole('radio', { name: /Test Patient/ }).check();
    await form.getByRole('checkbox', { name: 'Lyfthjälp' }).check();
    await form.getByRole('checkbox', { name: /Dubbelbemanning/ }).check();
    await form.getByRole('button', { name: 'Registrera och visa förslag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Förslag' });
    await dialog.getByRole('list', { name: 'Förslag, bäst först' }).waitFor();
    const names = await dialog.locator('.sugg-name').allTextContents();
    expect(names.length).toBe(2);
    const send = dialog.getByRole('button', { name: /^Tilldela två/ });
    expect(await send.isDisabled()).toBe(true);
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    expect(await dialog.getByRole('button', { name: /^Välj/, pressed: true }).count()).toBe(2);
    await send.click();
    const status = dialog.getByRole('status');
    await expect.poll(() => status.textContent()).toContain('Tilldelat:');
    for (const name of names) expect(await status.textContent()).toContain(name);
    await context.close();
  });

  it("puts the server's field errors beside their fields", async () => {
    const { context, page } = await consolePage();
    // A refusal the form's own checks cannot foresee, as the server words it.
    await page.route('**/api/dispatch/urgent-visits', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'validation_failed',
            message: 'Invalid urgent visit',
            details: [{ field: 'body.durationMinutes', message: 'longer than the shift allows' }],
          },
        }),
      }),
    );
    await page.locator('body').press('n');
    const form = page.getByRole('dialog', { name: 'Registrera akut besök' });
    await form.getByLabel('Patient (namn eller adress)').fill('test');
    await form.getByRole('radio', { name: /Test Patient/ }).check();
    await form.getByRole('checkbox', { name: 'Tillsyn' }).check();
    await form.getByRole('button', { name: 'Registrera och visa förslag' }).click();
    const duration = form.getByLabel('Längd (minuter)');
    await expect.poll(() => duration.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await duration.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).textContent()).toBe(
      'longer than the shift allows',
    );
    await expect.poll(() => duration.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });

  it('says why when nobody on shift can take the visit', async () => {
    const { context, page } = await consolePage();
    // Rehab training needs a physiotherapist; only an RN and an AN are on shift.
    await page.locator('body').press('n');
    const form = page.getByRole('dialog', { name: 'Registrera akut besök' });
    await form.getByLabel('Patient (namn eller adress)').fill('test pat');
    await form.getByRole('radio', { name: /Test Patient/ }).check();
    await form.getByRole('checkbox', { name: 'Rehabträning' }).check();
    await form.getByRole('button', { name: 'Registrera och visa förslag' }).click();
    const panel = page.getByRole('dialog', { name: 'Förslag' });
    const why = panel.getByRole('list', { name: 'Varför ingen kan' });
    await why.waitFor();
    expect(await panel.textContent()).toContain('Ingen i tjänst kan ta besöket.');
    expect(await why.textContent()).toMatch(/\d+ saknar yrke eller delegering för uppgiften/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
