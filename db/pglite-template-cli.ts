/**
 * `npm install` runs this (postinstall): makes the embedded database's template so the first
 * `npm start` and the tests skip initdb. Never fails the install: without the template a fresh
 * database is only slower.
 */
import { ensureTemplate } from './pglite-template.ts';

const started = performance.now();
try {
  const path = await ensureTemplate();
  console.log(`pglite template: ${path} (${Math.round(performance.now() - started)} ms)`);
} catch (err) {
  console.warn(`pglite template not made (a fresh database will run initdb): ${String(err)}`);
}
process.exit(0);
