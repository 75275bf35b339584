/**
 * The dispatcher console's performance in headless Chromium (issue 17, "Performance"):
 *
 *   npm run bench:web -- [--minutes M] [--rate N] [--renders N] [--pool N]
 *                        [--sample-seconds S] [--results DIR|none] [--name SUFFIX]
 *
 *   --minutes M          how long the live events run (default 2; the memory run: 60)
 *   --rate N             changes sent a second through the API (default 50)
 *   --renders N          measured log-ins for the first useful render (default 7)
 *   --pool N             urgent calls the changes go round (default 40)
 *   --sample-seconds S   JS heap sampled every S seconds, after a forced GC (default 10,
 *                        30 from 10 minutes on)
 *   --results DIR|none   where web-console[-SUFFIX].md/.json go (default bench/results)
 *   --name SUFFIX        write web-console-SUFFIX.md instead
 *
 * The server is started as `npm start` starts it (server/main.ts on PGlite, PORT=0) on a
 * database seeded with Stockholm city (0180) at demo scale 1 with today planned; Chromium is
 * /usr/bin/chromium (CHROMIUM_PATH) driven by playwright-core; the dispatcher logs in as
 * dispatcher-0180 through the log-in form. What is measured is described in page-probe.js and
 * in the result file.
 */
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { bundleSize } from './bundle-size.ts';
import { type LongTask, type ProbeEvent, openConsole } from './console-page.ts';
import { EventDriver } from './event-driver.ts';
import { joinEvents } from './join-events.ts';
import { type SeedChoice, seed, seedArgs, startServer } from './server-process.ts';
import { writeResults } from './write-results.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const USER = { username: 'dispatcher-0180', password: 'demo-dispatcher-0180' };
/** The changes are sent as the admin: the dispatcher's log-ins are the page's. */
const DRIVER = { username: 'admin', password: 'demo-admin-all' };

const { values: opts } = parseArgs({
  options: {
    minutes: { type: 'string', default: '2' },
    rate: { type: 'string', default: '50' },
    renders: { type: 'string', default: '7' },
    pool: { type: 'string', default: '40' },
    'sample-seconds': { type: 'string' },
    results: { type: 'string', default: join(ROOT, 'bench', 'results') },
    name: { type: 'string' },
  },
});
const minutes = Number(opts.minutes);
const rate = Number(opts.rate);
const renders = Number(opts.renders);
const poolSize = Number(opts.pool);
const sampleSeconds = Number(opts['sample-seconds'] ?? (minutes >= 10 ? 30 : 10));
if (![minutes, rate, renders, poolSize, sampleSeconds].every((x) => Number.isFinite(x) && x > 0))
  throw new Error(
    '--minutes, --rate, --renders, --pool and --sample-seconds take positive numbers',
  );
const choice: SeedChoice = { scale: '1', municipality: '0180', planMs: 15_000 };
const command = `npm run bench:web -- ${process.argv.slice(2).join(' ')}`.trim();
const log = (s: string) => console.log(`bench:web ${new Date().toISOString().slice(11, 19)} ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

log(`seeding ${choice.municipality} at scale ${choice.scale}, today planned …`);
const store = await seed(ROOT, choice);
const copy = await store.copy();
const server = await startServer(ROOT, copy.env);
log(`server ready at ${server.url} (seeded in ${(store.seedMs / 1000).toFixed(1)} s)`);
const browser = await chromium.launch({ executablePath: CHROMIUM });
// The server allows 5 log-ins per user and address, then one every 12 s (server/auth/rate-limit.ts).
const logIns: number[] = [];
const openPaced = async () => {
  if (logIns.length >= 5) await sleep(Math.max(0, logIns.at(-1)! + 12_500 - Date.now()));
  logIns.push(Date.now());
  return openConsole(browser, server.url, USER);
};
try {
  // 1. The first useful render after log-in: one unmeasured log-in warms the server.
  const warm = await openPaced();
  log(`warm-up log-in: ${warm.render.painted.toFixed(0)} ms (not counted)`);
  await warm.context.close();
  const renderRuns = [];
  for (let i = 0; i < renders; i++) {
    const s = await openPaced();
    const { longTasks } = await s.take();
    renderRuns.push({ ...s.render, longTasks: longTasks.length, longestTaskMs: maxMs(longTasks) });
    log(
      `render ${i + 1}: ${s.render.dom.toFixed(0)} ms to the DOM, ${s.render.painted.toFixed(0)} ms painted (${s.render.queueRows} rows, ${s.render.staff} on shift)`,
    );
    await s.context.close();
  }

  // 2 and 3. Live events at `rate` a second for `minutes`, the heap sampled meanwhile.
  const live = await openPaced();
  const cdp = await live.context.newCDPSession(live.page);
  await cdp.send('Performance.enable');
  const token = await EventDriver.logIn(server.url, DRIVER.username, DRIVER.password);
  const patients = await EventDriver.patientsOf(server.url, token, choice.municipality);
  const driver = new EventDriver(server.url, token, choice.municipality, patients);
  await sleep(5000);
  await live.take(); // the log-in's records are not the events'
  log(`creating ${poolSize} urgent calls …`);
  await driver.createPool(poolSize);
  const events: ProbeEvent[] = [];
  const longTasks: LongTask[] = [];
  const heap: {
    minute: number;
    usedMB: number;
    totalMB: number;
    nodes: number;
    listeners: number;
  }[] = [];
  const drain = async () => {
    const got = await live.take();
    events.push(...got.events);
    longTasks.push(...got.longTasks);
    return got.pending;
  };
  const sampleHeap = async (started: number) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? NaN;
    heap.push({
      minute: (Date.now() - started) / 60_000,
      usedMB: m('JSHeapUsedSize') / 2 ** 20,
      totalMB: m('JSHeapTotalSize') / 2 ** 20,
      nodes: m('Nodes'),
      listeners: m('JSEventListeners'),
    });
  };
  await sleep(2000);
  await drain();
  const started = Date.now();
  await sampleHeap(started);
  log(`sending ${rate} changes a second for ${minutes} min …`);
  driver.start(rate);
  const end = started + minutes * 60_000;
  let nextSample = started + sampleSeconds * 1000;
  let nextLog = started + 60_000;
  while (Date.now() < end) {
    await sleep(Math.min(5000, Math.max(0, end - Date.now())));
    await drain();
    if (Date.now() >= nextSample) {
      await sampleHeap(started);
      nextSample += sampleSeconds * 1000;
    }
    if (Date.now() >= nextLog) {
      const h = heap.at(-1)!;
      log(
        `${Math.round((Date.now() - started) / 60_000)} min: ${driver.sent.length} sent, ${events.length} seen, heap ${h.usedMB.toFixed(1)} MB, ${longTasks.length} long tasks, ${driver.errors} errors`,
      );
      nextLog += 60_000;
    }
  }
  await driver.stop();
  const sendingMs = Date.now() - started;
  await sleep(3000);
  const pendingAtEnd = await drain();
  await sampleHeap(started);
  await live.context.close();

  const joined = joinEvents(driver.sent, events, started);
  const result = {
    date: new Date().toISOString(),
    command,
    machine: { loadAtEnd: loadavg()[0]! },
    world: {
      seed: seedArgs(choice),
      seededMs: Math.round(store.seedMs),
      user: USER.username,
      chromium: browser.version(),
    },
    options: { minutes, rate, renders, pool: poolSize, sampleSeconds },
    renderRuns,
    live: {
      sendingMs,
      sent: driver.sent.length,
      sentPerSecond: driver.sent.length / (sendingMs / 1000),
      errors: driver.errors,
      skipped: driver.skipped,
      pendingAtEnd,
      ...joined,
      longTasks: {
        count: longTasks.length,
        totalMs: longTasks.reduce((a, t) => a + t.ms, 0),
        longestMs: maxMs(longTasks),
        all: longTasks.map((t) => ({ second: (t.at - started) / 1000, ms: t.ms })),
      },
    },
    heap,
    bundle: bundleSize(join(ROOT, 'web', 'dist')),
  };
  if (opts.results !== 'none') {
    mkdirSync(opts.results, { recursive: true });
    const base = join(opts.results, `web-console${opts.name ? `-${opts.name}` : ''}`);
    writeResults(base, result);
    log(`wrote ${base}.md and .json`);
  } else
    console.log(JSON.stringify({ ...result, live: { ...result.live, longTasks: {} } }, null, 1));
} finally {
  await browser.close();
  const code = await server.stop();
  if (code !== 0) console.error(`server exited with ${code}:\n${server.output.join('')}`);
  await copy.remove();
  await store.close();
}

function maxMs(tasks: LongTask[]): number {
  return tasks.reduce((a, t) => Math.max(a, t.ms), 0);
}
