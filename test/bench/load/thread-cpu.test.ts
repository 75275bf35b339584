import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CpuSnapshot, cpuShares, snapshotCpu } from '../../../bench/load/thread-cpu.ts';

const snap = (at: number, threads: [number, number][], procs: [number, string, number][]) =>
  ({
    at,
    threads: new Map(threads),
    procs: new Map(procs.map(([pid, name, ticks]) => [pid, { name, ticks }])),
  }) as CpuSnapshot;

describe('thread CPU from /proc', () => {
  it('splits a process into its main thread, its busiest other thread and the rest', () => {
    // 10 s apart, 100 ticks a second: 1,000 ticks are one core.
    const a = snap(
      0,
      [
        [7, 100],
        [8, 0],
        [9, 50],
      ],
      [
        [20, 'postgres', 0],
        [30, 'k6', 0],
      ],
    );
    const b = snap(
      10_000,
      [
        [7, 600],
        [8, 300],
        [9, 150],
        [10, 20],
      ],
      [
        [20, 'postgres', 200],
        [21, 'postgres', 50],
      ],
    );
    // k6 (pid 30) had ended by b: it counts as last seen.
    const s = cpuShares(7, a, b, new Map([[30, { name: 'k6', ticks: 80 }]]));
    expect(s.seconds).toBe(10);
    expect(s.main).toBeCloseTo(50);
    expect(s.busiest).toBeCloseTo(30);
    expect(s.rest).toBeCloseTo(12); // thread 9: 100 ticks, and 10, new: 20
    expect(s.byName).toEqual({ postgres: 25, k6: 8 });
  });

  it.skipIf(!existsSync('/proc/self/task'))('reads this process and counts its work', () => {
    const before = snapshotCpu(process.pid, ['node'])!;
    expect(before.threads.has(process.pid)).toBe(true);
    const until = Date.now() + 200;
    let x = 0;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    const after = snapshotCpu(process.pid, ['node'])!;
    expect(x).toBeGreaterThan(0);
    expect(after.threads.get(process.pid)!).toBeGreaterThan(before.threads.get(process.pid)!);
    expect([...after.procs.values()].some((p) => p.name === 'node' && p.ticks > 0)).toBe(true);
  });
});
