import type { ProblemData } from '../problem/problem-data.ts';

/**
 * Granular neighbourhoods (PyVRP `compute_neighbours`): for each visit the `size` visits
 * closest by a proximity mixing arc cost with the wait and lateness implied by their time
 * windows, limited to pairs some caregiver may serve together. Selection keeps a bounded
 * max-heap per visit, so the cost is O(N² log size), not a full sort.
 */
export function computeNeighbours(d: ProblemData, size: number): Int32Array[] {
  const N = d.N;
  const K = d.K;
  const L = d.L;
  const am = d.arcCost[d.profile[0] ?? 0];
  const tm = d.travel[d.profile[0] ?? 0];
  const words = (K + 31) >>> 5;
  const masks = new Uint32Array(N * words);
  for (let v = 0; v < N; v++) {
    for (let k = 0; k < K; k++)
      if (d.allowed[v * K + k]) masks[v * words + (k >>> 5)] |= 1 << (k & 31);
  }
  // Visits with the same allowed caregivers form a class; classes are few in practice.
  const classOf = new Int32Array(N);
  const classes = new Map<string, number>();
  const reps: number[] = [];
  for (let v = 0; v < N; v++) {
    const key = masks.subarray(v * words, (v + 1) * words).join(',');
    let c = classes.get(key);
    if (c === undefined) {
      c = reps.length;
      classes.set(key, c);
      reps.push(v);
    }
    classOf[v] = c;
  }
  const C = reps.length;
  const compatible = new Uint8Array(C * C);
  for (let a = 0; a < C; a++) {
    for (let b = 0; b < C; b++) {
      for (let w = 0; w < words; w++) {
        if (masks[reps[a] * words + w] & masks[reps[b] * words + w]) compatible[a * C + b] = 1;
      }
    }
  }
  const out: Int32Array[] = [];
  const heapIdx = new Int32Array(size);
  const heapKey = new Float64Array(size);
  const loc = d.loc;
  const earliest = d.earliest;
  const latest = d.latest;
  const all = d.allAllowed;
  for (let u = 0; u < N; u++) {
    let n = 0;
    const su = d.service[u * K];
    const lu = loc[u] * L;
    const eu = earliest[u];
    const latu = latest[u];
    const cu = classOf[u] * C;
    for (let v = 0; v < N; v++) {
      if (v === u || (!all && !compatible[cu + classOf[v]])) continue;
      const lv = loc[v];
      const e = lu + lv;
      const t = tm[e];
      // Forward arc only: the reverse one is a cache miss per pair on large matrices.
      const ab = am[e];
      const wait = earliest[v] - su - t - latu;
      const warp = eu + su + t - latest[v];
      const key = ab + (wait > 0 ? 0.2 * wait : 0) + (warp > 0 ? warp : 0);
      if (n < size) {
        heapIdx[n] = v;
        heapKey[n] = key;
        siftUp(heapIdx, heapKey, n++);
      } else if (key < heapKey[0]) {
        heapIdx[0] = v;
        heapKey[0] = key;
        siftDown(heapIdx, heapKey, n);
      }
    }
    const pairs = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => heapKey[a] - heapKey[b] || heapIdx[a] - heapIdx[b],
    );
    out.push(Int32Array.from(pairs, (i) => heapIdx[i]));
  }
  return out;
}

// Max-heap on key (ties: larger index first, so the result is independent of visit order).
function above(key: Float64Array, idx: Int32Array, a: number, b: number): boolean {
  return key[a] > key[b] || (key[a] === key[b] && idx[a] > idx[b]);
}

function swap(idx: Int32Array, key: Float64Array, a: number, b: number): void {
  const ti = idx[a];
  idx[a] = idx[b];
  idx[b] = ti;
  const tk = key[a];
  key[a] = key[b];
  key[b] = tk;
}

function siftUp(idx: Int32Array, key: Float64Array, i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!above(key, idx, i, p)) return;
    swap(idx, key, i, p);
    i = p;
  }
}

function siftDown(idx: Int32Array, key: Float64Array, n: number): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < n && above(key, idx, l, m)) m = l;
    if (r < n && above(key, idx, r, m)) m = r;
    if (m === i) return;
    swap(idx, key, i, m);
    i = m;
  }
}
