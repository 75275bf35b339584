import type { PatientRow, StaffRow, VisitRow } from '../../../server/solver-bridge/problem-rows.ts';

/** Hand-checkable rows around Södermalm; a night shift 22:00–07:30 Stockholm (UTC+1). */
export const BASE = { lat: 59.31, lon: 18.07 };
export const NIGHT = {
  startsAt: new Date('2026-11-22T21:00:00Z'),
  endsAt: new Date('2026-11-23T06:30:00Z'),
  breakMinutes: 30,
  maxWorkWithoutBreakMinutes: 300,
};

export function staffRow(id: string, over: Partial<StaffRow> = {}): StaffRow {
  return {
    id,
    profession: 'rn',
    travelMode: 'car',
    shift: NIGHT,
    start: BASE,
    end: BASE,
    delegations: [],
    ...over,
  };
}

export function patientRow(id: string, over: Partial<PatientRow> = {}): PatientRow {
  return {
    id,
    lat: 59.315,
    lon: 18.072,
    contactStaffId: null,
    excludedStaffIds: [],
    knownStaffIds: [],
    ...over,
  };
}

/** A 20-minute visit whose window opens at `startIso` and is `minutes` wide. */
export function visitRow(
  id: string,
  patientId: string,
  startIso: string,
  over: Partial<VisitRow> = {},
  minutes = 30,
): VisitRow {
  const windowStart = new Date(startIso);
  return {
    id,
    patientId,
    windowStart,
    windowEnd: new Date(windowStart.getTime() + minutes * 60_000),
    windowHard: false,
    durationMinutes: 20,
    taskTypes: ['insulin_pen'],
    requiredProfession: 'rn',
    staffCount: 1,
    priority: 'planned',
    pinned: false,
    assignees: [],
    ...over,
  };
}
