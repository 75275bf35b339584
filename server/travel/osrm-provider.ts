import { LRUCache } from 'lru-cache';
import type { TravelMode } from '../../db/reference/professions.ts';
import { type EstimateOptions, type LatLon, estimateTravel } from '../solver-bridge/travel.ts';
import { OsrmError, osrmTable } from './osrm-client.ts';
import { pointKey } from './point-key.ts';
import { roadPricer } from './road-pricer.ts';
import type { TravelMatrix, TravelProvider } from './travel-provider.ts';

export interface OsrmOptions {
  /** OSRM_URL: the osrm-routed server. */
  url: string;
  /** Another server for a mode (osrm-routed serves one profile's data): OSRM_URL_BIKE, OSRM_URL_WALK. */
  urls?: Partial<Record<TravelMode, string>>;
  /** The URL's profile per mode routed (car: driving); a mode without one is estimated. */
  profiles: Partial<Record<TravelMode, string>>;
  /** One matrix, all its blocks, must be answered within this; else the estimate. */
  timeoutMs: number;
  /** Sources × destinations per request (osrm-routed's --max-table-size is 100 by default). */
  blockSize: number;
  /** Trips kept between calls (raw road seconds and metres per pair of points). */
  cachePairs: number;
  /** The fallback, and the allowance and buffer added to road times. */
  estimate: EstimateOptions;
  /** After a failure the server is left alone this long (each caller would wait the time-out). */
  retryAfterMs?: number;
  /** Requests in flight at once for one matrix. */
  concurrency?: number;
  fetch?: typeof fetch;
  /** Milliseconds clock, for the retry pause (tests pin it). */
  clock?: () => number;
}

type Pair = [seconds: number, metres: number];
/** The cache: per source point, the trips to each destination (a row, sized in pairs). */
type Row = Map<string, Pair>;
/** The same point twice: no trip at all. */
const SAME: Pair = [0, 0];

/**
 * Travel from an OSRM server's table service, per mode profile: the pairs not in the cache
 * are fetched in blocks of `blockSize` × `blockSize`, all within `timeoutMs`. Whatever goes
 * wrong (HTTP error, a code other than Ok, a malformed body, the time-out), the matrix is the
 * estimate's and says why. A pair without a route (null) is estimated alone.
 */
export function osrmProvider(o: OsrmOptions): TravelProvider {
  const estimate = estimateTravel(o.estimate);
  const cache = new LRUCache<string, Row>({
    maxSize: Math.max(1, o.cachePairs),
    sizeCalculation: (row) => Math.max(1, row.size),
  });
  const clock = o.clock ?? (() => Date.now());
  let downUntil = 0;
  let lastError = '';

  const fallback = (points: readonly LatLon[], mode: TravelMode, why: string): TravelMatrix => ({
    ...estimate.matrices(points, mode),
    source: 'estimate',
    fallbackReason: why,
  });

  return {
    kind: 'osrm',
    estimate: o.estimate,
    async matrix(points, mode) {
      const profile = o.profiles[mode];
      if (!profile) return fallback(points, mode, `no OSRM profile for ${mode}`);
      if (clock() < downUntil) return fallback(points, mode, `OSRM unavailable: ${lastError}`);
      try {
        const url = o.urls?.[mode] ?? o.url;
        const raw = await roadPairs(points, url, profile, o, cache);
        return { ...priced(points, mode, raw), source: 'osrm' };
      } catch (err) {
        if (!(err instanceof OsrmError)) throw err;
        lastError =
          err.kind === 'timeout' ? `OSRM did not answer within ${o.timeoutMs} ms` : err.message;
        downUntil = clock() + (o.retryAfterMs ?? 30_000);
        return fallback(points, mode, lastError);
      }
    },
  };

  /** Road seconds to the staff's trip times; pairs without a road estimated. */
  function priced(points: readonly LatLon[], mode: TravelMode, raw: (Pair | null)[]) {
    const n = points.length;
    const price = roadPricer(mode, o.estimate);
    const durations = new Int32Array(n * n);
    const distances = new Int32Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const k = i * n + j;
        const pair = raw[k];
        if (i === j || pair === SAME) continue;
        const guess = pair && pair[1] >= 0 ? null : estimate.trip!(points[i], points[j], mode);
        durations[k] = pair ? price(pair[0]) : guess!.seconds;
        distances[k] = pair && !guess ? Math.round(pair[1]) : guess!.metres;
      }
    }
    return { durations, distances };
  }
}

/**
 * Raw road pairs for every ordered pair of points (null: no route, or the same point), from
 * the cache or fetched: only the rows and columns with a pair missing are asked for.
 */
async function roadPairs(
  points: readonly LatLon[],
  url: string,
  profile: string,
  o: OsrmOptions,
  cache: LRUCache<string, Row>,
): Promise<(Pair | null)[]> {
  const n = points.length;
  const keys = points.map(pointKey);
  const rowKey = (i: number) => `${url}|${profile}|${keys[i]}`;
  const cached = keys.map((_, i) => cache.get(rowKey(i)));
  const raw: (Pair | null | undefined)[] = new Array(n * n);
  const rows = new Set<number>();
  const cols = new Set<number>();
  for (let i = 0; i < n; i++) {
    const row = cached[i];
    for (let j = 0; j < n; j++) {
      if (keys[i] === keys[j]) {
        raw[i * n + j] = SAME;
        continue;
      }
      const hit = row?.get(keys[j]);
      raw[i * n + j] = hit;
      if (!hit) {
        rows.add(i);
        cols.add(j);
      }
    }
  }
  const blocks: [number[], number[]][] = [];
  for (const s of chunks([...rows], o.blockSize))
    for (const d of chunks([...cols], o.blockSize)) blocks.push([s, d]);
  const signal = AbortSignal.timeout(o.timeoutMs);
  const fetchBlock = async ([s, d]: [number[], number[]]) => {
    const table = await osrmTable({
      url,
      profile,
      sources: s.map((i) => points[i]),
      destinations: d.map((j) => points[j]),
      signal,
      fetch: o.fetch,
    });
    s.forEach((i, a) => {
      const row = (fetched[i] ??= new Map());
      d.forEach((j, b) => {
        if (keys[i] === keys[j]) return;
        const seconds = table.durations[a][b];
        const metres = table.distances?.[a][b];
        if (seconds === null) {
          raw[i * n + j] = null;
          return;
        }
        // Without distances the metres stay unknown (-1: the estimate's are used).
        const pair: Pair = [seconds, metres ?? -1];
        raw[i * n + j] = pair;
        row.set(keys[j], pair);
      });
    });
  };
  const fetched: (Row | undefined)[] = new Array(n);
  await inPool(blocks, o.concurrency ?? 4, fetchBlock);
  // Rows go into the cache whole (merged with what it held), sized by their pairs.
  fetched.forEach((row, i) => {
    if (!row) return;
    const key = rowKey(i);
    const old = cache.get(key);
    if (old) for (const [k, v] of old) if (!row.has(k)) row.set(k, v);
    cache.set(key, row);
  });
  return raw.map((p) => p ?? null);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `work` on every item, at most `limit` at once; the first failure rejects. */
async function inPool<T>(items: T[], limit: number, work: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
