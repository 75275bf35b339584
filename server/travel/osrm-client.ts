import { z } from 'zod';
import type { LatLon } from '../solver-bridge/travel.ts';

/** Why a table request failed: each becomes a fallback reason the caller reports. */
export class OsrmError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'http' | 'code' | 'malformed' | 'network',
  ) {
    super(message);
    this.name = 'OsrmError';
  }
}

/** The part of OSRM's table answer read here (http://project-osrm.org/docs/v5.24.0/api/#table-service). */
const TableAnswer = z.object({
  code: z.string(),
  message: z.string().optional(),
  // The cells are checked by `fits`: a schema per cell is slow on a 100 × 100 block.
  durations: z.array(z.array(z.unknown())).optional(),
  distances: z.array(z.array(z.unknown())).optional(),
});

const isCell = (x: unknown) => x === null || (typeof x === 'number' && x >= 0 && x < 1e9);

/** Seconds and metres from each source to each destination; null: no route. */
export interface OsrmTable {
  durations: (number | null)[][];
  /** Absent from servers older than 5.18, which answer durations only. */
  distances?: (number | null)[][];
}

export interface OsrmRequest {
  /** The server, e.g. http://localhost:5000 (no trailing path). */
  url: string;
  /** The profile segment of the URL: driving, cycling, foot… */
  profile: string;
  sources: readonly LatLon[];
  destinations: readonly LatLon[];
  /** Aborts the request (the caller's deadline). */
  signal: AbortSignal;
  fetch?: typeof fetch;
}

const coordinate = (p: LatLon) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`;

/**
 * One GET /table/v1/{profile}/{lon,lat;…}?annotations=duration,distance: sources first, then
 * destinations, told apart with `sources=` and `destinations=`. The answer is checked for
 * shape and size; anything else is an OsrmError.
 */
export async function osrmTable(r: OsrmRequest): Promise<OsrmTable> {
  const s = r.sources.length;
  const d = r.destinations.length;
  const coords = [...r.sources, ...r.destinations].map(coordinate).join(';');
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const query =
    `annotations=duration,distance&sources=${range(0, s).join(';')}` +
    `&destinations=${range(s, d).join(';')}`;
  const href = `${r.url.replace(/\/+$/, '')}/table/v1/${encodeURIComponent(r.profile)}/${coords}?${query}`;
  let response: Response;
  let body: unknown;
  try {
    response = await (r.fetch ?? fetch)(href, { signal: r.signal });
    const text = await response.text();
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
      if (response.ok)
        throw new OsrmError('OSRM answered with a body that is not JSON', 'malformed');
    }
  } catch (err) {
    if (err instanceof OsrmError) throw err;
    if (r.signal.aborted) throw new OsrmError('OSRM did not answer in time', 'timeout');
    throw new OsrmError(
      `OSRM could not be reached: ${String((err as Error).message ?? err)}`,
      'network',
    );
  }
  const parsed = TableAnswer.safeParse(body);
  if (!response.ok) {
    const said = parsed.success
      ? `: ${parsed.data.code} ${parsed.data.message ?? ''}`.trimEnd()
      : '';
    throw new OsrmError(`OSRM answered HTTP ${response.status}${said}`, 'http');
  }
  if (!parsed.success) throw new OsrmError('OSRM answered a table of the wrong shape', 'malformed');
  const a = parsed.data;
  if (a.code !== 'Ok') {
    throw new OsrmError(
      `OSRM refused the table: ${a.code}${a.message ? ` (${a.message})` : ''}`,
      'code',
    );
  }
  const fits = (m: unknown[][] | undefined): m is (number | null)[][] =>
    m !== undefined && m.length === s && m.every((row) => row.length === d && row.every(isCell));
  if (!fits(a.durations)) {
    throw new OsrmError(`OSRM answered a table that is not ${s}×${d} durations`, 'malformed');
  }
  return { durations: a.durations, ...(fits(a.distances) ? { distances: a.distances } : {}) };
}
