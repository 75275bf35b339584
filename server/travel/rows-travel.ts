import type { ProblemRows } from '../solver-bridge/solve-rows.ts';
import type { LatLon } from '../solver-bridge/travel.ts';
import { type PreparedTravel, type TravelReport, prepareTravel } from './prepare-travel.ts';
import type { TravelProvider } from './travel-provider.ts';

/**
 * The travel of a problem over `rows` (a day to plan, a repair): every caregiver's start and
 * end and every patient, one matrix per mode the caregivers travel by. Without a provider,
 * undefined travel (the problem builder's own estimate) and an 'estimate' report.
 */
export async function rowsTravel(
  provider: TravelProvider | undefined | null,
  rows: ProblemRows,
): Promise<Partial<PreparedTravel> & TravelReport> {
  if (!provider) return { source: 'estimate' };
  const points: LatLon[] = [];
  for (const s of rows.staff) points.push(s.start, s.end);
  for (const p of rows.patients) points.push(p);
  return prepareTravel(
    provider,
    points,
    rows.staff.map((s) => s.travelMode),
  );
}

/** What a result reports of its travel: where it came from and why it fell back. */
export function travelReport(t: TravelReport): TravelReport {
  return { source: t.source, ...(t.fallbackReason ? { fallbackReason: t.fallbackReason } : {}) };
}
