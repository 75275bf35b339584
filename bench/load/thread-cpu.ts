import { readFileSync, readdirSync } from 'node:fs';

/** /proc counts CPU time in USER_HZ ticks: 100 a second on Linux (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** CPU ticks (user + system) of a process's threads and of the processes watched by name. */
export interface CpuSnapshot {
  at: number;
  /** Thread id → ticks, for the watched process. */
  threads: Map<number, number>;
  /** Pid → name and ticks of every process with a watched name (postgres backends, k6). */
  procs: Map<number, { name: string; ticks: number }>;
}

/** Fields 14 and 15 of a /proc stat line (utime, stime), after the parenthesised name. */
function ticksOf(statPath: string): number | undefined {
  try {
    const line = readFileSync(statPath, 'utf8');
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined; // gone meanwhile
  }
}

function commOf(pid: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Every thread of `pid` and every process named in `names`, from /proc; null without it. */
export function snapshotCpu(pid: number, names: readonly string[]): CpuSnapshot | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  const threads = new Map<number, number>();
  for (const tid of tids) {
    const t = ticksOf(`/proc/${pid}/task/${tid}/stat`);
    if (t !== undefined) threads.set(Number(tid), t);
  }
  const procs = new Map<number, { name: string; ticks: number }>();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    const name = commOf(p);
    if (name === undefined || !names.includes(name)) continue;
    const ticks = ticksOf(`/proc/${p}/stat`);
    if (ticks !== undefined) procs.set(Number(p), { name, ticks });
  }
  return { at: Date.now(), threads, procs };
}

/** Percent of one core over a stretch of time. */
export interface CpuShares {
  seconds: number;
  /** The server's main thread: HTTP, the database client, the live state. */
  main: number;
  /** Its busiest other thread (in the dispatch mix: the ranking worker). */
  busiest: number;
  /** All its other threads together (GC helpers, libuv, other workers). */
  rest: number;
  /** Per watched name, over its processes. */
  byName: Record<string, number>;
}

/**
 * The shares between two snapshots. `lastSeen` holds, for processes that may have ended
 * before `b` (k6 exits before the last look), the ticks they had when last seen.
 */
export function cpuShares(
  pid: number,
  a: CpuSnapshot,
  b: CpuSnapshot,
  lastSeen: CpuSnapshot['procs'] = new Map(),
): CpuShares {
  const seconds = (b.at - a.at) / 1000;
  const pct = (ticks: number) => (100 * ticks) / TICKS_PER_SECOND / seconds;
  const delta = [...b.threads].map(([tid, t]) => ({ tid, d: t - (a.threads.get(tid) ?? 0) }));
  const main = delta.find((x) => x.tid === pid)?.d ?? 0;
  const others = delta.filter((x) => x.tid !== pid).sort((x, y) => y.d - x.d);
  const byName: Record<string, number> = {};
  for (const [p, end] of new Map([...lastSeen, ...b.procs])) {
    const d = end.ticks - (a.procs.get(p)?.ticks ?? 0);
    byName[end.name] = (byName[end.name] ?? 0) + d;
  }
  return {
    seconds,
    main: pct(main),
    busiest: pct(others[0]?.d ?? 0),
    rest: pct(others.slice(1).reduce((s, x) => s + x.d, 0)),
    byName: Object.fromEntries(Object.entries(byName).map(([n, d]) => [n, pct(d)])),
  };
}

/**
 * Watches a process and named processes from `start()` to `stop()`, looking every second so
 * that a process ending meanwhile still counts up to its last second.
 */
export class CpuWatch {
  private first: CpuSnapshot | null = null;
  private readonly seen: CpuSnapshot['procs'] = new Map();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pid: number,
    private readonly names: readonly string[],
  ) {}

  start(): void {
    this.first = snapshotCpu(this.pid, this.names);
    this.timer = setInterval(() => this.look(), 1000);
  }

  private look(): CpuSnapshot | null {
    const s = snapshotCpu(this.pid, this.names);
    for (const [p, v] of s?.procs ?? []) this.seen.set(p, v);
    return s;
  }

  /** The shares since `start()`; null when it never started or there is no /proc. */
  stop(): CpuShares | null {
    clearInterval(this.timer);
    const last = this.first ? this.look() : null;
    return this.first && last ? cpuShares(this.pid, this.first, last, this.seen) : null;
  }
}
