/**
 * Builds the comparison test page (index.html, main.tsx) with Vite into a fresh temporary
 * folder, to be served under `base` on the test server's origin (see the browser test).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGE_BASE = '/comparison-test/';

export async function buildComparisonPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'comparison-page-'));
  const { build } = await import('vite');
  await build({
    root: fileURLToPath(new URL('.', import.meta.url)),
    configFile: false,
    logLevel: 'warn',
    base: PAGE_BASE,
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}
