import type { LiveEvent } from '../live/event-bus.ts';
import type { LatLon } from '../solver-bridge/travel.ts';
import {
  lateRiskPayload,
  parseVisitEvent,
  staffPositionPayload,
  staffSickPayload,
} from './event-payloads.ts';
import type { LivePatient, LivePosition, LiveShift, LiveStaffMember, LiveVisit } from './types.ts';
import { liveWindow } from '../day/service-day.ts';

/** Statuses that keep a caregiver busy or on their way: the visit is on their route. */
const ON_ROUTE = new Set(['assigned', 'en_route', 'in_progress']);
/** Statuses after which the patient has met the caregiver. */
const MET = new Set(['in_progress', 'done']);

/** A visit on a caregiver's route, with the start planned for them; times in epoch ms. */
export interface RouteStop {
  visit: LiveVisit;
  plannedStart: number;
  windowStart: number;
  windowEnd: number;
  durationMs: number;
  /** The patient's place, if the patient is loaded. */
  place: LatLon | undefined;
  /**
   * The visit's, copied (a route is read again when any of its visits changes): every
   * suggestion reads them for every stop, and following `visit` there was a cache miss each.
   */
  staffCount: number;
  inProgress: boolean;
}

/** What applying an event did: applied, skipped (old), or the state must be read again. */
export type ApplyResult = 'applied' | 'skipped' | 'reload';

/** A municipality's live state as data (see `MunicipalityState.toData`). */
export interface MunicipalityData {
  code: string;
  seq: number;
  loadedAt: Date;
  staff: Map<string, LiveStaffMember>;
  patients: Map<string, LivePatient>;
  visits: Map<string, LiveVisit>;
  lateRisks: Map<string, number>;
  positions: Map<string, LivePosition>;
}

/**
 * One municipality's live state as of event `seq`: its staff with their shifts, patients
 * (place, contact, exclusions, who they know), and the visits of the loaded period with
 * their caregivers. Changed only by `apply`, in seq order; anything it cannot follow
 * (a gap, a day re-planned) asks for a reload instead of guessing.
 */
export class MunicipalityState {
  private readonly routes = new Map<string, Set<string>>();
  /** routeOf's answers, until the caregiver's route changes. */
  private readonly sortedRoutes = new Map<string, RouteStop[]>();
  /** Late-risk alerts raised by any process: visit id → the visit version alerted. */
  readonly lateRisks = new Map<string, number>();
  /** Last position a caregiver's phone reported in an event (sampled, other processes too). */
  readonly positions = new Map<string, LivePosition>();

  constructor(
    readonly code: string,
    public seq: number,
    /** When it was read from the database: the loaded period is relative to this. */
    readonly loadedAt: Date,
    readonly staff: Map<string, LiveStaffMember>,
    readonly patients: Map<string, LivePatient>,
    readonly visits: Map<string, LiveVisit>,
  ) {
    for (const v of visits.values()) this.index(v);
  }

  /**
   * Everything `apply` works on, as plain maps: a copy made from it (`fromData`, after a
   * structured clone to a worker thread) follows the same events to the same state.
   */
  toData(): MunicipalityData {
    return {
      code: this.code,
      seq: this.seq,
      loadedAt: this.loadedAt,
      staff: this.staff,
      patients: this.patients,
      visits: this.visits,
      lateRisks: this.lateRisks,
      positions: this.positions,
    };
  }

  static fromData(d: MunicipalityData): MunicipalityState {
    const s = new MunicipalityState(d.code, d.seq, d.loadedAt, d.staff, d.patients, d.visits);
    for (const [k, v] of d.lateRisks) s.lateRisks.set(k, v);
    for (const [k, v] of d.positions) s.positions.set(k, v);
    return s;
  }

  /** Applies the next event; anything but seq + 1 is skipped (old) or needs a reload (gap). */
  apply(event: LiveEvent): ApplyResult {
    if (event.seq <= this.seq) return 'skipped';
    if (event.seq !== this.seq + 1) return 'reload';
    const result = this.applyType(event);
    if (result === 'applied') this.seq = event.seq;
    return result;
  }

  /**
   * A caregiver's route: the visits assigned to them, on the way or in progress, by planned
   * start. Cached until it changes; callers must not modify it.
   */
  routeOf(staffId: string): readonly RouteStop[] {
    const cached = this.sortedRoutes.get(staffId);
    if (cached) return cached;
    const out: RouteStop[] = [];
    for (const id of this.routes.get(staffId) ?? []) {
      const visit = this.visits.get(id);
      const mine = visit?.assignees.find((a) => a.staffId === staffId);
      if (!visit || !mine) continue;
      out.push({
        visit,
        plannedStart: mine.plannedStart.getTime(),
        windowStart: visit.windowStart.getTime(),
        windowEnd: visit.windowEnd.getTime(),
        durationMs: visit.durationMinutes * 60_000,
        place: this.patients.get(visit.patientId),
        staffCount: visit.staffCount,
        inProgress: visit.status === 'in_progress',
      });
    }
    out.sort((a, b) => a.plannedStart - b.plannedStart || a.visit.id.localeCompare(b.visit.id));
    this.sortedRoutes.set(staffId, out);
    return out;
  }

  private applyType(event: LiveEvent): ApplyResult {
    if (event.type.startsWith('visit.') && event.type !== 'visit.late_risk') {
      const visit = parseVisitEvent(event.payload);
      if (!visit) return 'reload';
      if (this.visits.has(visit.id) || !this.beforeKept(visit.windowEnd)) this.upsertVisit(visit);
      else this.noteMet(visit); // a past visit (the demo's history): only who met whom is kept
      return 'applied';
    }
    switch (event.type) {
      case 'visit.late_risk': {
        const p = lateRiskPayload.safeParse(event.payload);
        if (p.success) this.lateRisks.set(p.data.visitId, p.data.version);
        return 'applied';
      }
      case 'staff.sick': {
        const p = staffSickPayload.safeParse(event.payload);
        if (!p.success) return 'reload';
        const member = this.staff.get(p.data.staffId);
        if (member) member.shifts = member.shifts.map((s) => endShiftAt(s, p.data.at));
        return 'applied';
      }
      case 'staff.position': {
        const p = staffPositionPayload.safeParse(event.payload);
        if (!p.success) return 'reload';
        const old = this.positions.get(p.data.staffId);
        if (!old || old.at <= p.data.at) this.positions.set(p.data.staffId, p.data);
        return 'applied';
      }
      case 'day.planned': {
        // A whole plan written at once: reading it back beats one event per visit. A day
        // that ended before the period kept here (the demo's history) changes nothing kept.
        const to = Date.parse(String((event.payload as { to?: unknown } | null)?.to));
        return Number.isFinite(to) && this.beforeKept(new Date(to)) ? 'applied' : 'reload';
      }
      case 'patient.created':
        // A patient new to the municipality (from a discharge notice): read in with the rest.
        return 'reload';
      default:
        // Alerts and anything new that does not change what is kept here.
        return 'applied';
    }
  }

  private upsertVisit(visit: LiveVisit): void {
    const old = this.visits.get(visit.id);
    if (old) this.unindex(old);
    this.visits.set(visit.id, visit);
    this.index(visit);
    this.noteMet(visit);
  }

  /** A caregiver who met the patient is known to them (suggestions credit it). */
  private noteMet(visit: LiveVisit): void {
    if (!MET.has(visit.status)) return;
    const patient = this.patients.get(visit.patientId);
    for (const a of visit.assignees) patient?.knownStaffIds.add(a.staffId);
  }

  /** Whether an instant is before the period read at `loadedAt` (see loadMunicipalityState). */
  private beforeKept(at: Date): boolean {
    return at.getTime() < liveWindow(this.loadedAt).start.getTime();
  }

  private index(v: LiveVisit): void {
    if (!ON_ROUTE.has(v.status)) return;
    for (const a of v.assignees) {
      let set = this.routes.get(a.staffId);
      if (!set) this.routes.set(a.staffId, (set = new Set()));
      set.add(v.id);
      this.sortedRoutes.delete(a.staffId);
    }
  }

  private unindex(v: LiveVisit): void {
    for (const a of v.assignees) {
      this.routes.get(a.staffId)?.delete(v.id);
      this.sortedRoutes.delete(a.staffId);
    }
  }
}

/** A shift cut short at `at` (sick, left early); shifts not running then stay. */
function endShiftAt(s: LiveShift, at: Date): LiveShift {
  return s.startsAt < at && at < s.endsAt ? { ...s, endsAt: at } : s;
}
