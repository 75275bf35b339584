import { readFileSync } from 'node:fs';
import type { ProblemInput } from '../../../solver/model/problem-input.ts';

/**
 * Private Solomon reader for solver tests and tuning (the product reader lives in
 * solver/io). DIMACS convention: distance truncated to one decimal, scale 10, travel
 * time = distance; unlimited fleet (the file's fleet size suffices).
 */
export function loadSolomon(
  path: string,
  opts: { vehicles?: number; fixedCost?: number } = {},
): ProblemInput {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const name = lines[0].trim();
  const [fleet, capacity] = lines[4].trim().split(/\s+/).map(Number);
  const rows = lines
    .slice(9)
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((r) => r.length === 7 && r.every(Number.isFinite));
  const n = rows.length;
  const m = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const dx = rows[i][1] - rows[j][1];
      const dy = rows[i][2] - rows[j][2];
      m[i * n + j] = Math.floor(10 * Math.sqrt(dx * dx + dy * dy) + 1e-9);
    }
  }
  const depot = rows[0];
  const K = opts.vehicles ?? fleet;
  return {
    name,
    scale: 10,
    locations: n,
    profiles: [{ name: 'euclid', durations: m, distances: m }],
    caregivers: Array.from({ length: K }, (_, k) => ({
      id: `v${k}`,
      profile: 0,
      skills: [],
      timedSkills: [],
      startLocation: 0,
      shiftStart: depot[4] * 10,
      endLocation: 0,
      shiftEnd: depot[5] * 10,
      maxShiftEnd: depot[5] * 10,
      capacity,
      fixedCost: opts.fixedCost ?? 0,
      breaks: [],
      maxWorkWithoutBreak: 0,
    })),
    visits: rows.slice(1).map((r) => ({
      id: String(r[0]),
      location: r[0],
      patient: -1,
      earliest: r[4] * 10,
      latest: r[5] * 10,
      latestHard: true,
      duration: r[6] * 10,
      skills: [],
      demand: r[3],
      unassignedPenalty: 1e9,
      excluded: [],
      pinnedCaregiver: -1,
    })),
    patients: [],
    syncs: [],
    weights: {
      travelTime: 0,
      distance: 1,
      lateness: 0,
      maxLateness: 0,
      overtime: 0,
      nonContact: 0,
      distinctCaregiver: 0,
      distinctOverCap: 0,
      fixedCost: opts.fixedCost ? 1 : 0,
    },
  };
}
