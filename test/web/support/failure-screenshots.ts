/**
 * When a browser test fails, a full-page PNG of every page still open in the browsers the
 * file launched goes to test-output/screenshots/<file>-<test>[-n].png (git-ignored), and
 * its path is printed, so a failure in CI can be seen and not only read. The hook is
 * registered when this module is imported by a test file (through browser-server.ts), so
 * every browser test file has it without a line of its own.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterEach } from 'vitest';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'screenshots');

const browsers = new Set<Browser>();

/** Pages of this browser are photographed when a test fails (until it closes). */
export function watchBrowser(browser: Browser): void {
  browsers.add(browser);
  browser.on('disconnected', () => browsers.delete(browser));
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

/** Photographs every open page; returns the paths written (a page that fails is skipped). */
export async function screenshotOpenPages(file: string, test: string): Promise<string[]> {
  const pages = [...browsers].flatMap((b) => b.contexts().flatMap((c) => c.pages()));
  if (pages.length === 0) return [];
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const stem = `${slug(basename(file).replace(/\.browser\.test\.ts$/, ''))}-${slug(test)}`;
  const written: string[] = [];
  for (const [i, page] of pages.entries()) {
    const path = join(SCREENSHOT_DIR, `${stem}${pages.length > 1 ? `-${i + 1}` : ''}.png`);
    try {
      await page.screenshot({ path, fullPage: true, timeout: 5_000 });
      written.push(path);
    } catch (err) {
      console.error(`failure screenshot of ${page.url()} not taken:`, (err as Error).message);
    }
  }
  return written;
}

// Only inside vitest (a script importing the support files has no test to fail).
if (process.env['VITEST']) {
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const paths = await screenshotOpenPages(task.file.name, task.name);
    for (const path of paths) console.error(`failure screenshot: ${relative(process.cwd(), path)}`);
  });
}
