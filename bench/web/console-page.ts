/**
 * The console in headless Chromium as the dispatcher sees it: a fresh context at 1280×800,
 * Swedish, Stockholm time, with bench/web/page-probe.js injected, logged in through the form.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const PROBE = readFileSync(new URL('./page-probe.js', import.meta.url), 'utf8');

export interface ProbeEvent {
  id: string;
  seq: number;
  eventType: string;
  version: number;
  status: string;
  arrivedAt: number;
  domAt?: number;
  paintedAt?: number | null;
  missed?: boolean;
  superseded?: boolean;
}

export interface LongTask {
  at: number;
  ms: number;
}

export interface ConsoleSession {
  context: BrowserContext;
  page: Page;
  /** Submit to the first useful render (DOM) and to the frame after it (painted), in ms. */
  render: { dom: number; painted: number; queueRows: number; staff: number };
  take(): Promise<{ events: ProbeEvent[]; longTasks: LongTask[]; pending: number }>;
}

export async function openConsole(
  browser: Browser,
  base: string,
  user: { username: string; password: string },
): Promise<ConsoleSession> {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(base);
  await page.getByLabel('Användarnamn').fill(user.username);
  await page.getByLabel('Lösenord').fill(user.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForFunction(
    () =>
      (window as unknown as { __perf: { usefulPaintedAt: number | null } }).__perf
        .usefulPaintedAt !== null,
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  const render = await page.evaluate(() => {
    const p = (
      window as unknown as {
        __perf: { submitAt: number; usefulAt: number; usefulPaintedAt: number };
      }
    ).__perf;
    return {
      dom: p.usefulAt - p.submitAt,
      painted: p.usefulPaintedAt - p.submitAt,
      queueRows: document.querySelectorAll('section.queue tbody tr').length,
      staff: document.querySelectorAll('ul.staff-list li').length,
    };
  });
  return {
    context,
    page,
    render,
    take: () =>
      page.evaluate(() =>
        (
          window as unknown as {
            __perf: { take(): { events: ProbeEvent[]; longTasks: LongTask[]; pending: number } };
          }
        ).__perf.take(),
      ),
  };
}
