/**
 * Runs a k6 script of bench/k6 against a freshly started, loaded server and writes the key
 * figures to bench/results/k6-<script>.md (issue 5).
 *
 *   npx tsx bench/load/run-k6.ts <script> [<script> …] [options] [-e KEY=VALUE …]
 *
 *   <script>             dispatch-mix, ws-delivery, discharge-intake (bench/k6/<script>.js)
 *   --scale X            demo size seeded into the municipality (default 1: Stockholm city,
 *                        about 3,000 visits a day, 365 staff)
 *   --municipality CODE  the municipality seeded and loaded (default 0180)
 *   --plan-ms MS         the seed plans today's service day with this solver time (default
 *                        15000 × scale, 1000 to 15000: about 20 s of planning at scale 1)
 *   --no-plan            seed without planning (every visit unassigned, empty routes)
 *   --results DIR|none   where the k6-<script>.md files go (default bench/results)
 *   --name SUFFIX        write k6-<script>-<SUFFIX>.md instead (another configuration)
 *   -e KEY=VALUE         passed to k6 (RATE, DURATION, SUBSCRIBERS, thresholds …; see the scripts)
 *   --cpu-prof DIR       the server writes a V8 CPU profile (.cpuprofile) into DIR when it stops
 *   --server-log FILE    the server's log (warnings and errors) is written to FILE
 *   --database KIND      pglite (default: the embedded database, as `npm start`) or postgres (a
 *                        throwaway PostgreSQL cluster from the server binaries, as in the tests;
 *                        the server runs with DATABASE_URL)
 *
 * Each script gets its own server process on a copy of one seeded embedded database (PGlite
 * in a temporary DATA_DIR, removed afterwards). k6 is $K6, else $(go env GOPATH)/bin/k6, else
 * `k6` on the PATH. Exit code: k6's (99 when a threshold failed), else 0.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type StoreKind, seedStore } from './seeded-store.ts';
import { type Metric, report } from './k6-report.ts';
import { fetchDelivery } from './live-stats.ts';
import { CpuWatch } from './thread-cpu.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

interface Args {
  scripts: string[];
  scale: string;
  municipality: string;
  /** Solver time for planning today's service day after seeding; null: no plan. */
  planMs: number | null;
  results: string | null;
  name: string | null;
  env: string[];
  cpuProf: string | null;
  /** Where the server's own log (warnings and errors) goes; null: shown only on failure. */
  serverLog: string | null;
  database: StoreKind;
}

function readArgs(argv: string[]): Args {
  const args: Args = {
    scripts: [],
    scale: '1',
    municipality: '0180',
    planMs: null,
    results: 'bench/results',
    name: null,
    env: [],
    cpuProf: null,
    serverLog: null,
    database: 'pglite',
  };
  let plan: 'default' | 'off' | number = 'default';
  // Not strict: the messages below are this script's own.
  const { tokens } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      municipality: { type: 'string' },
      'plan-ms': { type: 'string' },
      'no-plan': { type: 'boolean' },
      results: { type: 'string' },
      name: { type: 'string' },
      env: { type: 'string', short: 'e' }, // -e only, as k6's
      'cpu-prof': { type: 'string' },
      'server-log': { type: 'string' },
      database: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind === 'positional') {
      args.scripts.push(t.value.replace(/\.js$/, '').replace(/^.*\//, ''));
      continue;
    }
    if (t.kind === 'option-terminator') throw new Error('unknown option --');
    if (t.rawName === '--env') throw new Error(`unknown option ${t.rawName}`);
    const v = t.value;
    const value = () => {
      if (v === undefined) throw new Error(`${t.rawName} needs a value`);
      return v;
    };
    if (t.name === 'scale') args.scale = value();
    else if (t.name === 'municipality') args.municipality = value();
    else if (t.name === 'plan-ms') plan = Number(value());
    else if (t.name === 'no-plan') plan = 'off';
    else if (t.name === 'results') args.results = value() === 'none' ? null : v!;
    else if (t.name === 'name') args.name = value();
    else if (t.name === 'env') args.env.push(value());
    else if (t.name === 'cpu-prof') args.cpuProf = resolve(value());
    else if (t.name === 'server-log') args.serverLog = resolve(value());
    else if (t.name === 'database') {
      const kind = value();
      if (kind !== 'pglite' && kind !== 'postgres')
        throw new Error('--database is pglite or postgres');
      args.database = kind;
    } else if (t.name === 'help') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown option ${t.rawName}`);
  }
  if (!args.scripts.length)
    throw new Error('name a script: dispatch-mix, ws-delivery, discharge-intake');
  if (typeof plan === 'number' && !(Number.isInteger(plan) && plan >= 1))
    throw new Error('--plan-ms needs a whole number of milliseconds');
  // Planning time grows with the day's size; small CI days need little.
  args.planMs =
    plan === 'off'
      ? null
      : plan === 'default'
        ? Math.round(Math.min(15_000, Math.max(1_000, 15_000 * Number(args.scale))))
        : plan;
  for (const s of args.scripts)
    if (!existsSync(join(ROOT, 'bench', 'k6', `${s}.js`))) throw new Error(`no bench/k6/${s}.js`);
  return args;
}

function findK6(): string {
  const candidates = [process.env['K6']];
  try {
    const gopath = execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).trim();
    candidates.push(join(gopath, 'bin', 'k6'));
  } catch {
    // no go
  }
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    execFileSync('k6', ['version'], { stdio: 'ignore' });
    return 'k6';
  } catch {
    throw new Error(
      'k6 not found: install it with `go install go.k6.io/k6@v1.8.1` (Go ≥ 1.24) or set K6=/path/to/k6',
    );
  }
}

async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  s.close();
  await once(s, 'close');
  return port;
}

async function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  return code ?? (signal ? 128 : 1);
}

/** The dispatch mix's warm-up in seconds, as the script reads `-e WARMUP` (default 20s). */
function warmupSeconds(env: string[]): number {
  const given = env.findLast((e) => e.startsWith('WARMUP='))?.slice('WARMUP='.length);
  return Number.parseInt(given ?? '20s', 10) || 0;
}

/** The seed's arguments: `--scale` demo data for one municipality, today planned unless --no-plan. */
function seedArgs(args: Args): string[] {
  const plan = args.planMs !== null ? ['--plan', '--plan-ms', String(args.planMs)] : [];
  return ['--scale', args.scale, '--municipality', args.municipality, ...plan];
}

interface Server {
  child: ChildProcess;
  url: string;
  output: string[];
}

async function startServer(store: NodeJS.ProcessEnv, cpuProf: string | null): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env['SERVER_LOG_LEVEL'] ?? 'warn',
  };
  for (const [k, v] of Object.entries(store)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  // NODE_OPTIONS may not carry --cpu-prof; the profile is written when the server exits cleanly.
  const prof = cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
  child.once('exit', (code, signal) =>
    output.push(`[run-k6: server exited with ${code ?? signal} at ${new Date().toISOString()}]\n`),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited (${child.exitCode}):\n${output.join('')}`);
    const res = await fetch(`${url}/ready`).catch(() => undefined);
    if (res?.status === 200) return { child, url, output };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready in 120 s:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopServer(s: Server): Promise<number | null> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) {
    console.error(
      `run-k6: the server had already exited (${s.child.exitCode ?? s.child.signalCode}):\n${s.output.join('')}`,
    );
    return s.child.exitCode ?? 1;
  }
  const exited = once(s.child, 'exit');
  s.child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  const k6 = findK6();
  const k6Version = execFileSync(k6, ['version'], { encoding: 'utf8' }).trim().split('\n')[0];
  const planning = args.planMs !== null ? `, planning today (${args.planMs} ms)` : '';
  console.log(
    `run-k6: ${k6Version}; seeding scale ${args.scale} of ${args.municipality}${planning} …`,
  );
  const seeded = await seedStore(args.database, ROOT, seedArgs(args));
  let worst = 0;
  try {
    for (const script of args.scripts) {
      const copy = await seeded.copy();
      const work = mkdtempSync(join(tmpdir(), 'hhc-k6-out-'));
      try {
        const started = performance.now();
        const before = loadavg();
        const server = await startServer(copy.env, args.cpuProf);
        console.log(
          `run-k6: server ready at ${server.url} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
        const summaryPath = join(work, 'summary.json');
        const k6Args = [
          'run',
          '--quiet',
          '--summary-export',
          summaryPath,
          '-e',
          `BASE_URL=${server.url}`,
          '-e',
          `MUNICIPALITY=${args.municipality}`,
          ...args.env.flatMap((e) => ['-e', e]),
          `bench/k6/${script}.js`,
        ];
        // Where the CPU goes while measured: from the end of the mix's warm-up to k6's exit.
        const watch = new CpuWatch(server.child.pid!, ['postgres', 'k6']);
        const warmup = setTimeout(
          () => watch.start(),
          script === 'dispatch-mix' ? warmupSeconds(args.env) * 1000 : 0,
        );
        const k6Code = await run(k6, k6Args, { ...process.env, K6_NO_USAGE_REPORT: 'true' });
        clearTimeout(warmup);
        const cpu = watch.stop();
        const after = loadavg();
        const delivery = await fetchDelivery(server.url);
        const serverCode = await stopServer(server);
        if (args.serverLog) writeFileSync(args.serverLog, server.output.join(''));
        if (serverCode !== 0) {
          console.error(`run-k6: the server exited with ${serverCode}:\n${server.output.join('')}`);
          worst = worst || 1;
        }
        if (!existsSync(summaryPath)) {
          console.error(`run-k6: k6 exited with ${k6Code} and wrote no summary`);
          worst = worst || k6Code || 1;
          continue;
        }
        const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as {
          metrics: Record<string, Metric>;
          setup_data?: unknown;
        };
        delete summary.setup_data; // holds the log-in token
        if (cpu) (summary as Record<string, unknown>)['cpu'] = cpu;
        if (delivery?.deliveries) (summary as Record<string, unknown>)['serverDelivery'] = delivery;

        const command = [
          'npx tsx bench/load/run-k6.ts',
          script,
          `--scale ${args.scale}`,
          `--municipality ${args.municipality}`,
          args.planMs !== null ? `--plan-ms ${args.planMs}` : '--no-plan',
          ...(args.database === 'postgres' ? ['--database postgres'] : []),
          ...(args.name ? [`--name ${args.name}`] : []),
          ...args.env.map((e) => `-e ${e}`),
        ].join(' ');
        const md = report({
          script,
          command,
          summary,
          k6Code,
          k6Version,
          seeded: { args: seedArgs(args), ms: seeded.seedMs, database: args.database },
          load: { before, after },
          wallS: (performance.now() - started) / 1000,
          cpu,
          delivery,
        });
        if (args.results) {
          const dir = resolve(ROOT, args.results);
          mkdirSync(dir, { recursive: true });
          const base = `k6-${script}${args.name ? `-${args.name}` : ''}`;
          writeFileSync(join(dir, `${base}.md`), md);
          writeFileSync(join(dir, `${base}.json`), `${JSON.stringify(summary, null, 2)}\n`);
          console.log(`run-k6: wrote ${join(args.results, `${base}.md`)}`);
        }
        console.log(`run-k6: ${script}: k6 exited with ${k6Code}`);
        if (k6Code !== 0) worst = worst || k6Code;
      } finally {
        await copy.remove();
        rmSync(work, { recursive: true, force: true });
      }
    }
  } finally {
    await seeded.close();
  }
  return worst;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`run-k6: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
