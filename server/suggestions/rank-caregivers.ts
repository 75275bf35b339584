import type { MunicipalityState } from '../live-state/municipality-state.ts';
import type { LiveShift, LiveStaffMember, LiveVisit } from '../live-state/types.ts';
import { bestInsertion } from '../solver-bridge/best-insertion.ts';
import {
  DEFAULT_WEIGHTS,
  KNOWN_CAREGIVER_WEIGHT,
  type PatientRow,
  type VisitRow,
} from '../solver-bridge/problem-rows.ts';
import { type LatLon, type TravelSource, estimateTravel } from '../solver-bridge/travel.ts';
import { type Candidate, caregiverCandidates, routeVisit } from './caregiver-candidates.ts';
import { EstimateOrder } from './estimate-order.ts';
import { BROKEN_RULE_WEIGHT, estimateBound, estimateInsertion } from './insertion-estimate.ts';

/** A caregiver's place in the ranking: the solver's best insertion into their route. */
export interface RankedCaregiver {
  member: LiveStaffMember;
  shift: LiveShift;
  /** Seconds after `now`, as the solver computed them. */
  start: number;
  addedTravel: number;
  addedLateness: number;
  /** The objective's change, the patient's contact caregiver counted. */
  deltaCost: number;
  knowsPatient: boolean;
  /** Shift end − arrival home with the visit (negative: the route ends in overtime). */
  slackAfterShift: number;
  /** Seconds of overtime the visit adds: overtime the route had already is not counted. */
  addedOvertime: number;
  /** Seconds the visit adds to the breaking of a hard time rule the route may break already. */
  addedViolation: number;
  /** The visit's own latest start (seconds after `now`) and whether it is hard. */
  latest: number;
  latestHard: boolean;
  fromLivePosition: boolean;
}

export interface RankOptions {
  now: Date;
  limit: number;
  travel?: TravelSource;
  /** The freshest position of a caregiver (phones report every few seconds), if any. */
  positionOf?: (staffId: string) => LatLon | undefined;
}

/** How many caregivers per suggestion asked for are evaluated exactly. */
export const EXACT_PER_LIMIT = 3;
const DEFAULT_TRAVEL = estimateTravel();

/**
 * Who could take `visit`, best first, each caregiver once: the cheapest place in their own
 * route (rankInsertions on a problem of that one caregiver), compared by the objective's
 * change. Building a problem per caregiver for everyone on shift would cost tens of
 * milliseconds on a planned day, so caregivers are ordered by a quick estimate (their route
 * simulated by the solver's rules, less an allowance: a lower bound; estimateInsertion) and
 * evaluated exactly in that order until `limit` of them cost less than the next estimate, at
 * most `EXACT_PER_LIMIT` × limit; those the estimate finds the solver would refuse (a hard
 * window missed, a route breaking a hard time rule) are skipped. Caregivers who cannot be
 * there before the window ends (at night, the morning's staff) are estimated only once the
 * order reaches a cheaper lower bound of their estimate (estimateBound): the same order.
 * A travel source without single trips gets every caregiver evaluated.
 */
export function rankCaregivers(
  state: MunicipalityState,
  visit: LiveVisit,
  options: RankOptions,
): RankedCaregiver[] {
  const patient = state.patients.get(visit.patientId);
  if (!patient) return [];
  const travel = options.travel ?? DEFAULT_TRAVEL;
  const trip = travel.trip?.bind(travel);
  const symmetric = travel.symmetric === true;
  const w = DEFAULT_WEIGHTS;
  const now = options.now.getTime();
  const positionOf = (id: string) => options.positionOf?.(id) ?? state.positions.get(id);
  const candidates = caregiverCandidates(state, visit, patient, options.now, positionOf);
  // As in the whole-municipality problem: not sending the contact costs only when the
  // contact could go. A one-caregiver problem cannot see that, so it is added here.
  const contactCan = candidates.some((c) => c.member.id === patient.contactStaffId);
  const target = {
    place: patient,
    earliest: Math.max(now, visit.windowStart.getTime()),
    latest: visit.windowEnd.getTime(),
    hard: visit.windowHard,
    durationMs: visit.durationMinutes * 60_000,
  };
  const order = new EstimateOrder();
  for (const c of candidates) {
    const nonContact = contactCan && c.member.id !== patient.contactStaffId ? w.nonContact : 0;
    const credit =
      nonContact - (patient.knownStaffIds.has(c.member.id) ? KNOWN_CAREGIVER_WEIGHT : 0);
    if (!trip) {
      order.add({ c, nonContact, estimate: credit });
      continue;
    }
    // Someone who cannot come before the window ends (a later shift) is estimated only when
    // the ranking gets that far: at night, most of the morning's staff never are.
    const bound = estimateBound(c, target, now, trip, w);
    if (bound === null) continue;
    if (bound === Number.NEGATIVE_INFINITY) {
      const route = estimateInsertion(c, target, now, trip, w, symmetric);
      if (route !== null) order.add({ c, nonContact, estimate: route + credit });
    } else {
      order.defer(bound + credit, () => {
        const route = estimateInsertion(c, target, now, trip, w, symmetric);
        return route === null ? null : { c, nonContact, estimate: route + credit };
      });
    }
  }
  const exact = travel.trip ? EXACT_PER_LIMIT * options.limit : candidates.length;
  const out: RankedCaregiver[] = [];
  for (let next = order.next(); next; next = order.next()) {
    const { c, nonContact, estimate } = next;
    if (out.length >= exact) break;
    // The estimate is a lower bound of the exact cost: once `limit` caregivers are known to
    // cost less than it, no later one can rank.
    if (out.length >= options.limit && estimate > kthCost(out, options.limit)) break;
    const ranked = rankOne(state, c, visit, options.now, travel);
    if (!ranked) continue;
    ranked.deltaCost += nonContact;
    out.push(ranked);
  }
  out.sort(byCost);
  return out.slice(0, options.limit);
}

function byCost(a: RankedCaregiver, b: RankedCaregiver): number {
  return a.deltaCost - b.deltaCost || a.member.id.localeCompare(b.member.id);
}

/** The k-th smallest exact cost so far (k ≤ out.length). */
function kthCost(out: RankedCaregiver[], k: number): number {
  return out.map((r) => r.deltaCost).sort((a, b) => a - b)[k - 1];
}

/** The exact best insertion of the visit into one caregiver's route. */
function rankOne(
  state: MunicipalityState,
  c: Candidate,
  visit: LiveVisit,
  now: Date,
  travel: TravelSource,
): RankedCaregiver | null {
  const { member, shift } = c;
  const route = c.stops.map((s) => routeVisit(s, member.id));
  const target: VisitRow = { ...visit, staffCount: 1, assignees: [] };
  const patients = new Map<string, PatientRow>();
  for (const v of [...route, target]) {
    const p = state.patients.get(v.patientId)!;
    patients.set(p.id, { ...p, knownStaffIds: [...p.knownStaffIds] });
  }
  const staffRow = {
    id: member.id,
    profession: member.profession,
    travelMode: member.travelMode,
    shift,
    start: c.start,
    end: member.base,
    availableFrom: c.busyUntil,
    delegations: member.delegations,
  };
  const best = bestInsertion(
    staffRow,
    route,
    target,
    [...patients.values()],
    {
      origin: now,
      travel,
      knownWeight: KNOWN_CAREGIVER_WEIGHT,
    },
    { brokenRuleWeight: BROKEN_RULE_WEIGHT },
  );
  return best && { member, shift, ...best, fromLivePosition: c.fromLivePosition };
}
