/** Writes bench/results/web-console.md and its .json twin. */
import { writeFileSync } from 'node:fs';
import { describeMachine } from '../cli/machine.ts';
import type { BundleSize } from './bundle-size.ts';
import type { Joined } from './join-events.ts';
import { type Summary, slope, summarize } from './stats.ts';

export interface RenderRun {
  dom: number;
  painted: number;
  queueRows: number;
  staff: number;
  longTasks: number;
  longestTaskMs: number;
}

export interface WebConsoleResult {
  date: string;
  command: string;
  machine: { loadAtEnd: number };
  world: { seed: string[]; seededMs: number; user: string; chromium: string };
  options: { minutes: number; rate: number; renders: number; pool: number; sampleSeconds: number };
  renderRuns: RenderRun[];
  live: Joined & {
    sendingMs: number;
    sent: number;
    sentPerSecond: number;
    errors: number;
    skipped: number;
    pendingAtEnd: number;
    longTasks: {
      count: number;
      totalMs: number;
      longestMs: number;
      all: { second: number; ms: number }[];
    };
  };
  heap: { minute: number; usedMB: number; totalMB: number; nodes: number; listeners: number }[];
  bundle: BundleSize;
}

const ms = (x: number) => `${Math.round(x)} ms`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const row = (name: string, s: Summary | null) =>
  s
    ? `| ${name} | ${s.n} | ${ms(s.min)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`
    : `| ${name} | 0 | | | | | |`;
const verdict = (ok: boolean) => (ok ? '**met**' : '**not met**');

/** The heap's trend after the first minute (the first samples include start-up's garbage). */
export function heapTrend(heap: WebConsoleResult['heap']) {
  const settled = heap.filter((h) => h.minute >= 1);
  const use = settled.length >= 2 ? settled : heap;
  const perMinute = slope(use.map((h) => ({ x: h.minute, y: h.usedMB }))) ?? 0;
  const nodes = slope(use.map((h) => ({ x: h.minute, y: h.nodes }))) ?? 0;
  return {
    firstMB: use[0]?.usedMB ?? NaN,
    lastMB: use.at(-1)?.usedMB ?? NaN,
    minMB: Math.min(...use.map((h) => h.usedMB)),
    maxMB: Math.max(...use.map((h) => h.usedMB)),
    mbPerMinute: perMinute,
    nodesPerMinute: nodes,
  };
}

export function writeResults(base: string, r: WebConsoleResult): void {
  const machine = { ...describeMachine(), ...r.machine };
  const painted = summarize(r.renderRuns.map((x) => x.painted))!;
  const dom = summarize(r.renderRuns.map((x) => x.dom))!;
  const trend = heapTrend(r.heap);
  const live = r.live;
  const p95 = live.ms.arrivalToPainted?.p95 ?? Infinity;
  const sendP95 = live.ms.sendToPainted?.p95 ?? Infinity;
  const minutes = live.sendingMs / 60_000;
  const json = { ...r, machine, summary: { firstRender: { dom, painted }, heap: trend } };
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);

  const lines = [
    '# The dispatcher console in headless Chromium',
    '',
    `Run ${r.date}: \`${r.command}\``,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.platform}, Node ${machine.node}, Chromium ${r.world.chromium} (headless); load average ${machine.loadAtEnd.toFixed(2)} at the end. The server, Chromium and this script share the machine (with other work).`,
    '',
    `World: \`npm run seed -- ${r.world.seed.join(' ')}\` into a fresh PGlite directory (Stockholm city at full demo scale, today planned by the solver; ${(r.world.seededMs / 1000).toFixed(0)} s), then the server started as \`npm start\` starts it (the web build, then \`server/main.ts\`, PORT=0). The dispatcher logs in as \`${r.world.user}\` through the log-in form, in a fresh browser context at 1280×800, sv-SE, Europe/Stockholm. Times are taken in the page by \`bench/web/page-probe.js\` (epoch ms from \`performance.timeOrigin + performance.now()\`, the same clock as the script's \`Date.now()\`).`,
    '',
    '## Summary',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    `| first useful render after log-in ≤ 2 s | median ${ms(painted.p50)} (${ms(painted.min)}–${ms(painted.max)}, ${painted.n} log-ins) | ${verdict(painted.p50 <= 2000)}${painted.max > 2000 ? ` (slowest over 2 s)` : ''} |`,
    `| ${r.options.rate} events/s, each on screen ≤ 100 ms at p95 | arrival → painted p95 ${ms(p95)}; send → painted p95 ${ms(sendP95)} | ${verdict(p95 <= 100)} (from arrival)${sendP95 <= 100 ? ', also from the send' : ''} |`,
    `| the page stays responsive | ${live.longTasks.count} long tasks in ${minutes.toFixed(1)} min, ${ms(live.longTasks.totalMs)} in all, longest ${ms(live.longTasks.longestMs)} | see below |`,
    `| memory flat over the run | JS heap ${trend.firstMB.toFixed(1)} → ${trend.lastMB.toFixed(1)} MB (${trend.minMB.toFixed(1)}–${trend.maxMB.toFixed(1)}), trend ${(trend.mbPerMinute * 1024).toFixed(0)} KB/min over ${minutes.toFixed(1)} min | ${verdict(Math.abs(trend.mbPerMinute * minutes) < 2)} (drift under 2 MB over the run) |`,
    `| console JavaScript ≤ 150 KB gzip, map excluded | ${kb(r.bundle.consoleJsGzip)} (map chunk ${kb(r.bundle.mapJsGzip)}) | ${verdict(r.bundle.consoleJsGzip <= 150 * 1024)} |`,
    '',
    '## 1. First useful render after log-in',
    '',
    "From the log-in form's submit (a capture listener) to the first moment the queue has rows and the staff list has people (a MutationObserver: `section.queue tbody tr` and `ul.staff-list li`), and to the frame after that (painted: requestAnimationFrame, then a task). In between: the log-in request, the app's `/api/auth/me` and municipality reads, the socket's hello and subscribe, the snapshot of the whole municipality (every visit of the day and every shift), and the first render of the queue and the staff list. The page itself is already loaded (the log-in form is on screen). One log-in before these warms the server and is not counted.",
    '',
    '| log-in | to the DOM | painted | queue rows shown | staff on shift | long tasks | longest |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.renderRuns.map(
      (x, i) =>
        `| ${i + 1} | ${ms(x.dom)} | ${ms(x.painted)} | ${x.queueRows} | ${x.staff} | ${x.longTasks} | ${ms(x.longestTaskMs)} |`,
    ),
    '',
    `Median ${ms(dom.p50)} to the DOM and ${ms(painted.p50)} painted; spread ${ms(painted.min)}–${ms(painted.max)}.`,
    '',
    `## 2. ${r.options.rate} changes a second`,
    '',
    `${r.options.pool} urgent calls are registered (\`POST /api/dispatch/urgent-visits\`), then the script goes round them sending ${r.options.rate} changes a second for ${minutes.toFixed(1)} min: each call assigned to its best suggestion (\`…/assign\`), then unassigned (\`…/unassign\`), and so on; a refused change cancels the call and registers a new one. Each change is one \`visit.*\` event on the console's socket; the console shows it as the row's status (\`tr[data-visit=ID] .status-STATUS\`). Sent ${live.sent} changes (${live.sentPerSecond.toFixed(1)}/s), ${live.errors} refused, ${live.skipped} ticks skipped because every call was waiting for an answer.`,
    '',
    `Of the changes sent, ${live.arrived} events arrived at the page, ${live.shown} were shown, ${live.missed} not shown within 10 s, ${live.superseded} overtaken by the same visit's next event before being shown, ${live.neverArrived} never arrived; ${live.pendingAtEnd} still waiting at the end.`,
    '',
    '| delay | n | min | p50 | p95 | p99 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(
      "send → arrival on the page's socket (server, database, live fan-out)",
      live.ms.sendToArrival,
    ),
    row('arrival → the row changed in the DOM', live.ms.arrivalToDom),
    row('arrival → painted (the frame after the change)', live.ms.arrivalToPainted),
    row('send → painted (what the dispatcher waits for)', live.ms.sendToPainted),
    '',
    `"Arrival" is a \`message\` listener on the page's WebSocket added before the app's own \`onmessage\` (the app parses the frame after it); "send" is the script's \`Date.now()\` just before its \`fetch\`.`,
    '',
    `Long tasks (PerformanceObserver \`longtask\`, 50 ms or more) while the events ran: ${live.longTasks.count}, ${ms(live.longTasks.totalMs)} in all (${((live.longTasks.totalMs / live.sendingMs) * 100).toFixed(1)} % of the time), longest ${ms(live.longTasks.longestMs)}.`,
    '',
    ...(live.perMinuteP95.length > 2
      ? [
          'Arrival → painted p95 by minute of the run: ' +
            live.perMinuteP95.map((m) => `${m.minute}: ${ms(m.p95)}`).join(', ') +
            '.',
          '',
        ]
      : []),
    '## 3. Memory',
    '',
    `The JS heap in use (CDP \`Performance.getMetrics\`, \`JSHeapUsedSize\`) after a forced garbage collection (\`HeapProfiler.collectGarbage\`), every ${r.options.sampleSeconds} s while the events ran; the trend is the least-squares slope after the first minute. DOM nodes trend ${trend.nodesPerMinute.toFixed(1)} a minute.`,
    '',
    '| minute | heap used | heap total | DOM nodes | listeners |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...thin(r.heap, 24).map(
      (h) =>
        `| ${h.minute.toFixed(1)} | ${h.usedMB.toFixed(1)} MB | ${h.totalMB.toFixed(1)} MB | ${h.nodes} | ${h.listeners} |`,
    ),
    '',
    '## 4. Bundle',
    '',
    'The web build (`web/dist/assets`, gzip level 9). The map chunk (Leaflet and the map view) is loaded only when "Karta" is opened.',
    '',
    '| file | part | bytes | gzip |',
    '| --- | --- | ---: | ---: |',
    ...r.bundle.files.map((f) => `| ${f.file} | ${f.part} | ${f.bytes} | ${f.gzip} |`),
    '',
  ];
  writeFileSync(`${base}.md`, lines.join('\n'));
}

/** At most `n` rows, evenly spread, the last one kept. */
function thin<T>(rows: T[], n: number): T[] {
  if (rows.length <= n) return rows;
  const step = (rows.length - 1) / (n - 1);
  return Array.from({ length: n }, (_, i) => rows[Math.round(i * step)]!);
}
