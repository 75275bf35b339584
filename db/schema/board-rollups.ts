import {
  bigint,
  index,
  boolean,
  date,
  doublePrecision,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';

/*
 * The manager's board's incremental aggregates (server/board/rollups/README.md): one set of
 * rows per municipality and Stockholm day, recomputed whole for a (municipality, day) that
 * database triggers (migration 0010) mark dirty whenever a visit, assignment, report, shift,
 * patient or caregiver it depends on changes. A period's figure is a sum over its days.
 * `team_key` is the team whose caregivers made the visit or worked the shift, or the nil
 * uuid for the whole municipality (a visit of two teams counts in both teams' rows).
 */

/** No foreign key: a derived table, and each inserted row would pay the check. */
const m = () => text().notNull();
const n = () => integer().notNull().default(0);
const seconds = () => numeric().notNull().default('0');

/**
 * (municipality, day) whose rollups are stale: a row per marking statement, written by the
 * triggers and cleared by the refresh. Append-only on purpose: an upsert on one row per day
 * held its lock to the commit, so every command of a municipality's day waited for the one
 * before it (and a command waiting on anything mid-transaction held them all). The refresh
 * deletes the rows it sees; a change committed after that has its own row and is computed at
 * the next read.
 */
export const boardDirtyDays = pgTable(
  'board_dirty_days',
  {
    municipalityCode: text().notNull(),
    day: date().notNull(),
  },
  (t) => [index().on(t.municipalityCode, t.day)],
);

/** The additive counts and sums of one municipality (or team) and day. */
export const boardDayRollups = pgTable(
  'board_day_rollups',
  {
    municipalityCode: m(),
    day: date().notNull(),
    teamKey: uuid().notNull(),
    // Visits by window start day: outcomes, two-person, arrivals.
    visits: n(),
    done: n(),
    unplaced: n(),
    noAccess: n(),
    cancelled: n(),
    twoDone: n(),
    twoTogether: n(),
    patientDaysDone: n(),
    // Punctuality of the visits with a reported start.
    started: n(),
    early: n(),
    onTime: n(),
    late15: n(),
    late30: n(),
    late60: n(),
    lateOver: n(),
    // Visits done to patients with a contact caregiver, and by them.
    contactVisits: n(),
    contactBy: n(),
    // Planned against actual, visits with a reported start and finish (minutes as numeric).
    paVisits: n(),
    paPlannedMinutes: bigint({ mode: 'number' }).notNull().default(0),
    paActualMinutes: seconds(),
    paTravelVisits: n(),
    paTravelMinutes: seconds(),
    /** Planned travel (assignments.planned_travel_seconds) of the same visits, where priced. */
    paPlannedTravelVisits: n(),
    paPlannedTravelSeconds: seconds(),
    // Reported travel of every visit with a report (economics), seconds.
    actualRows: n(),
    reportedTravelSeconds: seconds(),
    // Urgent calls by registration day.
    urgent1Registered: n(),
    urgent1Reached: n(),
    urgent1WithinTarget: n(),
    urgent2Registered: n(),
    urgent2Reached: n(),
    urgent2WithinTarget: n(),
    // Working time by shift start day.
    shifts: n(),
    shiftSeconds: seconds(),
    visitSeconds: seconds(),
    travelSeconds: seconds(),
    overtimeSeconds: seconds(),
    shiftsOverrun: n(),
    // Estimated road legs between a caregiver's consecutive visits done (economics).
    legs: n(),
    legMetres: doublePrecision().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityCode, t.teamKey, t.day] }),
    index().on(t.municipalityCode, t.day),
  ],
);

/** Keyed counts for economics: 'hours:<profession>' (shift seconds), 'source:…', 'setting:…'. */
export const boardDaySums = pgTable(
  'board_day_sums',
  {
    municipalityCode: m(),
    day: date().notNull(),
    teamKey: uuid().notNull(),
    key: text().notNull(),
    value: numeric().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityCode, t.teamKey, t.day, t.key] }),
    // The refresh deletes a day's rows of every team.
    index().on(t.municipalityCode, t.day),
  ],
);

/**
 * Whole-minute histograms with their exact values, for medians and p90 (not additive): per
 * metric and minute (floor), how many and which values; a percentile sums the counts, finds
 * the minute holding its rank and reads only that minute's values, so it stays exact.
 */
export const boardMinuteValues = pgTable(
  'board_minute_values',
  {
    municipalityCode: m(),
    day: date().notNull(),
    teamKey: uuid().notNull(),
    /** actual, overrun, travel (planned against actual), urgent1, urgent2 (response). */
    metric: text().notNull(),
    minute: integer().notNull(),
    count: integer().notNull(),
    values: doublePrecision().array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityCode, t.teamKey, t.day, t.metric, t.minute] }),
    index().on(t.municipalityCode, t.day),
  ],
);

/** Per patient and day (of visit window start): visits due 07–22, which decide who counts. */
export const boardPatientDays = pgTable(
  'board_patient_days',
  {
    municipalityCode: m(),
    day: date().notNull(),
    patientId: uuid().notNull(),
    dueDaytime: smallint().notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.day, t.patientId] })],
);

/** Per patient, day and caregiver met at a visit done or under way: continuity is a union. */
export const boardPatientStaffDays = pgTable(
  'board_patient_staff_days',
  {
    municipalityCode: m(),
    day: date().notNull(),
    patientId: uuid().notNull(),
    staffId: uuid().notNull(),
    /** Met at a visit started (reported, else planned) 07–22 local. */
    daytime: boolean().notNull(),
    /** Visits at which they met (for the team that met the patient most). */
    visits: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityCode, t.day, t.patientId, t.staffId] }),
    // Continuity's "who met them" reads a patient's days in any municipality (as the plain SQL).
    index().on(t.patientId, t.day),
  ],
);

/**
 * The municipality's Kolada figure for the 14 days ending on a day (the trend chart), kept
 * once computed; the refresh deletes a recomputed day's row and the 13 after it (whose
 * windows include that day). A team's trend is computed each time (its patients' team
 * depends on the period).
 */
export const boardContinuityDays = pgTable(
  'board_continuity_days',
  {
    municipalityCode: m(),
    day: date().notNull(),
    patients: integer().notNull(),
    koladaMedian: doublePrecision(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.day] })],
);
