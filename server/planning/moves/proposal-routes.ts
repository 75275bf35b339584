import type { PROFESSIONS } from '../../../db/reference/professions.ts';
import type { Tx } from '../../events/append-events.ts';
import { pricePlans } from '../../solver-bridge/price-plans.ts';
import { rowsTravel } from '../../travel/rows-travel.ts';
import type { TravelProvider } from '../../travel/travel-provider.ts';
import type { JobRow } from '../jobs/queue.ts';
import { proposalRows, readProposal } from './price-move.ts';

export interface ProposalRoutes {
  /** The caregivers on shift in the day (one row per shift). */
  shifts: {
    shiftId: string;
    staffId: string;
    profession: (typeof PROFESSIONS)[number];
    startsAt: string;
    endsAt: string;
  }[];
  /** Per caregiver: the travel before each visit and the breaks, as the solver times them. */
  routes: {
    staffId: string;
    legs: { toVisitId: string; travelMinutes: number }[];
    breaks: { start: string; minutes: number }[];
  }[];
}

/** A done job's proposal as routes for the timeline: the plan stores no travel or breaks. */
export async function proposalRoutes(
  db: Tx,
  travel: TravelProvider | null | undefined,
  job: JobRow,
): Promise<ProposalRoutes> {
  const { day, result } = await readProposal(db, job);
  const rows = {
    staff: day.caregivers,
    visits: [...day.open, ...day.fixed],
    patients: day.patients,
  };
  const { travel: prepared } = await rowsTravel(travel, rows);
  const { priced } = pricePlans(rows, [[...proposalRows(day, result), ...day.fixed]], {
    origin: day.origin,
    travel: prepared,
  });
  const open = new Set(day.open.map((v) => v.id));
  const byStaff = new Map<string, ProposalRoutes['routes'][number]>();
  for (const r of priced[0].routes) {
    const staffId = day.staffOfShift.get(r.staffId)!;
    const route = byStaff.get(staffId) ?? { staffId, legs: [], breaks: [] };
    // Fixed stops are not the proposal's; their travel is drawn only before open visits.
    for (const l of r.legs)
      if (open.has(l.toVisitId))
        route.legs.push({
          toVisitId: l.toVisitId,
          travelMinutes: Math.round(l.travelSeconds / 60),
        });
    for (const b of r.breaks)
      route.breaks.push({ start: b.start.toISOString(), minutes: b.minutes });
    byStaff.set(staffId, route);
  }
  return {
    shifts: day.caregivers.map((c) => ({
      shiftId: c.id,
      staffId: day.staffOfShift.get(c.id)!,
      profession: c.profession,
      startsAt: c.shift.startsAt.toISOString(),
      endsAt: c.shift.endsAt.toISOString(),
    })),
    routes: [...byStaff.values()],
  };
}
