/**
 * What every browser test file starts with: the built web app, the real server (composeServer,
 * as main.ts builds it) listening on a free port with /ws attached, and one Chromium.
 */
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  chromium,
} from 'playwright-core';
import type { Database } from '../../../db/client.ts';
import { type ComposedServer, attachLive } from '../../../server/compose.ts';
import { listen } from '../../../server/http/http-server.ts';
import { buildWeb } from '../../../server/web/build-web.ts';
import { FIXED_NOW, type TestServerOptions, testServer } from '../../support/auth.ts';
import { watchBrowser } from './failure-screenshots.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Without Chromium a browser file is skipped on a workstation; in CI (which installs it) it fails. */
export const skipBrowser = !existsSync(CHROMIUM) && !process.env['CI'];

export interface BrowserServer {
  server: ComposedServer;
  /** `http://127.0.0.1:PORT` */
  base: string;
  port: number;
  browser: Browser;
  /** Closes the browser, the sockets and the server (the database is the test's). */
  close(): Promise<void>;
}

/** Builds web/ when stale, serves it with the API on a free port, and launches Chromium. */
export async function startBrowserServer(
  database: Database,
  options: TestServerOptions = {},
): Promise<BrowserServer> {
  await buildWeb(); // reuses web/dist when it is newer than web/
  // A long session: a test's pinned clock must not end it halfway.
  const server = await testServer(database, { ttlMs: 10 * 365 * 86_400_000, ...options });
  const running = await listen(server.app, 0, '127.0.0.1');
  const closeWs = attachLive(running.server, server);
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  watchBrowser(browser); // a failing test leaves a screenshot of each open page
  return {
    server,
    base: `http://127.0.0.1:${running.port}`,
    port: running.port,
    browser,
    close: async () => {
      await browser.close();
      await closeWs();
      await running.close(1000);
    },
  };
}

/** axe's WCAG 2.1 A/AA violations on the page, one line each (none expected). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/**
 * A fresh context and page as a Stockholm dispatcher's desk: Swedish, Europe/Stockholm, 1280×800,
 * the page's clock pinned to the server's (FIXED_NOW), page errors printed. `options` adds to or
 * overrides the context (a phone's viewport, geolocation).
 */
export async function newDeskPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  await context.clock.setFixedTime(FIXED_NOW);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => console.error('page error:', err.message));
  return { context, page };
}
