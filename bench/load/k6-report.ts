import { cpus, freemem, platform, release, totalmem } from 'node:os';
import type { StoreKind } from './seeded-store.ts';
import type { DeliverySummary } from '../../server/live/delivery-timing.ts';
import type { CpuShares } from './thread-cpu.ts';

/** The Markdown result of one k6 run (`bench/results/k6-<script>.md`): machine, command, figures. */
export type Metric = Record<string, number | undefined> & { thresholds?: Record<string, boolean> };

const ms = (v: number | undefined) =>
  v === undefined ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1);

export function report(opts: {
  script: string;
  command: string;
  summary: { metrics: Record<string, Metric> };
  k6Code: number;
  k6Version: string;
  seeded: { args: string[]; ms: number; database: StoreKind };
  load: { before: number[]; after: number[] };
  wallS: number;
  cpu: CpuShares | null;
  /** The server's own timing of live deliveries (GET /api/live/stats), if any. */
  delivery: DeliverySummary | null;
}): string {
  const { metrics } = opts.summary;
  const cpu = cpus();
  const lines: string[] = [];
  lines.push(`# k6: ${opts.script}`, '');
  lines.push(
    `Run ${new Date().toISOString()} by \`bench/load/run-k6.ts\`. ` +
      (opts.k6Code === 0
        ? 'Every threshold passed.'
        : opts.k6Code === 99
          ? '**Some thresholds failed** (see below).'
          : `**k6 exited with ${opts.k6Code}.**`),
    '',
  );
  lines.push('## Machine', '');
  lines.push(`- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores`);
  lines.push(
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end)`,
  );
  lines.push(`- OS: ${platform()} ${release()}; Node ${process.version}; ${opts.k6Version}`);
  lines.push(
    `- load average (1, 5, 15 min) before: ${opts.load.before.map((x) => x.toFixed(2)).join(', ')}; after: ${opts.load.after.map((x) => x.toFixed(2)).join(', ')}`,
  );
  lines.push(
    `- k6, the server (one process, ${opts.seeded.database === 'postgres' ? 'on a local PostgreSQL 15 cluster' : 'embedded PGlite'}) and anything else running share these cores.`,
  );
  lines.push('');
  lines.push('## Command', '', '```sh', opts.command, '```', '');
  lines.push(
    `Data: \`npm run seed -- ${opts.seeded.args.join(' ')}\` ` +
      `(${(opts.seeded.ms / 1000).toFixed(1)} s) into ${opts.seeded.database === 'postgres' ? 'a throwaway PostgreSQL database (a template copied per run; demo users added)' : 'a temporary DATA_DIR; the server logs in its demo users'}. ` +
      `Wall time ${opts.wallS.toFixed(0)} s.`,
    '',
  );
  const trends = Object.entries(metrics).filter(
    ([name, m]) =>
      m['p(99)'] !== undefined &&
      (/[{,]name:/.test(name) ||
        name.startsWith('ws_delivery') ||
        name === 'ws_handler_lag' ||
        name === 'http_req_duration' ||
        name === 'discharge_intake' ||
        name === 'ws_connecting'),
  );
  lines.push('## Latency (ms)', '');
  lines.push(
    '| metric | count | p50 | p95 | p99 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [name, m] of trends) {
    lines.push(
      `| \`${name}\` | ${m['count'] ?? '–'} | ${ms(m['med'])} | ${ms(m['p(95)'])} | ${ms(m['p(99)'])} | ${ms(m['max'])} |`,
    );
  }
  lines.push('');
  const reqs = metrics['http_reqs'];
  const failed = metrics['http_req_failed'];
  const subs = metrics['ws_subscribed']?.['count'];
  if (subs) {
    const events = metrics['ws_events']?.['count'] ?? 0;
    lines.push(
      `**Achieved:** ${subs} subscribers got their snapshot; the writer made ` +
        `${metrics['writes']?.['count'] ?? 0} writes (${metrics['write_errors']?.['count'] ?? 0} failed); ` +
        `${events} events were delivered, ${(events / subs).toFixed(1)} per subscriber.`,
      '',
    );
  } else if (reqs?.['count'] && reqs['rate'] && failed) {
    const seconds = reqs['count'] / reqs['rate'];
    const answered = failed['fails'] ?? 0;
    lines.push(
      `**Achieved:** ${(answered / seconds).toFixed(1)} requests/s answered (2xx or an expected 409) ` +
        `over ${seconds.toFixed(0)} s; ${failed['passes'] ?? 0} failed or timed out` +
        (metrics['dropped_iterations']
          ? `; ${metrics['dropped_iterations']['count']} iterations dropped (k6 had no free VU: the server fell behind the offered rate)`
          : '') +
        '.',
      '',
    );
  }
  const d = opts.delivery;
  if (d?.deliveries) {
    lines.push(
      `**The server's side of delivery** (its own timing, \`GET /api/live/stats\` after the run): ` +
        `${d.events} events handed to ${d.deliveries} subscriptions, from the event's time ` +
        `(its transaction's start) to the send: p50 ${d.p50Ms} ms, p95 ${d.p95Ms} ms, ` +
        `p99 ${d.p99Ms} ms, max ${d.maxMs} ms (1 ms buckets). \`ws_delivery\` above also ` +
        `counts k6, on the same cores, reading the frames.`,
      '',
    );
  }
  if (opts.cpu) {
    const c = opts.cpu;
    const pct = (v: number | undefined) => `${(v ?? 0).toFixed(0)} %`;
    lines.push(
      `**CPU while measured** (from /proc, in % of one core, over the ${c.seconds.toFixed(0)} s ` +
        `after the warm-up): the server's request thread ${pct(c.main)}, its busiest other ` +
        `thread (in the dispatch mix the ranking worker) ${pct(c.busiest)}, its other threads ` +
        `${pct(c.rest)}; PostgreSQL ${pct(c.byName['postgres'])}; k6 ${pct(c.byName['k6'])}.`,
      '',
    );
  }
  lines.push('## Counts and rates', '');
  lines.push('| metric | value |', '| --- | ---: |');
  const counters = [
    'http_reqs',
    'iterations',
    'dropped_iterations',
    'http_req_failed',
    'errors',
    'server_errors',
    'shed',
    'conflicts',
    'writes',
    'write_errors',
    'ws_subscribed',
    'ws_events',
    'ws_seq_gaps',
    'ws_errors',
    'vus_max',
  ];
  for (const name of counters) {
    const m = metrics[name];
    if (!m) continue;
    let v: string;
    if (
      m['passes'] !== undefined ||
      (m['value'] !== undefined &&
        m['count'] === undefined &&
        m['rate'] === undefined &&
        name !== 'vus_max')
    ) {
      const passes = m['passes'] ?? 0;
      const fails = m['fails'] ?? 0;
      v = `${((m['value'] ?? 0) * 100).toFixed(2)} % (${passes} of ${passes + fails})`;
    } else if (m['count'] !== undefined) {
      v = `${m['count']} (${(m['rate'] ?? 0).toFixed(1)}/s)`;
    } else v = String(m['value'] ?? m['max'] ?? '–');
    lines.push(`| \`${name}\` | ${v} |`);
  }
  lines.push('');
  lines.push('## Thresholds', '');
  lines.push('| metric | threshold | result |', '| --- | --- | --- |');
  for (const [name, m] of Object.entries(metrics)) {
    for (const [t, failed] of Object.entries(m.thresholds ?? {})) {
      lines.push(`| \`${name}\` | \`${t}\` | ${failed ? '**failed**' : 'passed'} |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
