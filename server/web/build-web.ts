/**
 * Builds the browser app with Vite's JS API when `web/dist` is missing or older than the
 * sources (web/); `npm start` runs it first (`--force` always builds). Runs in Node, not the browser.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIST } from './web-routes.ts';

const webDir = fileURLToPath(new URL('../../web', import.meta.url));

/** Newest modification time under `dir`, leaving out the build output. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** True when the build is missing, or a source file or the installed packages changed after it. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const lock = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
  const sources = Math.max(newestMtime(webDir), existsSync(lock) ? statSync(lock).mtimeMs : 0);
  return sources > statSync(index).mtimeMs;
}

/** Builds when stale (or forced); returns the milliseconds spent, or null when up to date. */
export async function buildWeb(options: { force?: boolean } = {}): Promise<number | null> {
  if (!options.force && !webBuildIsStale()) return null;
  const started = performance.now();
  // Loaded only to build: an up-to-date start does not pay for Vite.
  const { build } = await import('vite');
  await build({
    root: webDir,
    configFile: false,
    logLevel: 'warn',
    base: '/',
    build: { outDir: WEB_DIST, emptyOutDir: true, sourcemap: false },
  });
  return Math.round(performance.now() - started);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes('--force');
  const ms = await buildWeb({ force });
  // One line when it builds; nothing when the build is current.
  if (ms !== null)
    process.stderr.write(
      `web app: built web/dist in ${ms} ms (it was missing or older than web/)\n`,
    );
}
