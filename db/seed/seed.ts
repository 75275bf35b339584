/**
 * Deterministic synthetic demo data: municipalities, teams with bases, staff, delegations,
 * shifts, patients, care plans and today's and tomorrow's visits. Same options → identical
 * rows (ids included). All inserts of one seed run in one transaction.
 */
import { count, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { DateTime } from 'luxon';
import type { Db } from '../client.ts';
import { MUNICIPALITIES, municipalityByCode } from '../reference/municipalities.ts';
import {
  assignments,
  bases,
  carePlans,
  delegations,
  dischargeCases,
  dischargeMessages,
  eventSequences,
  events,
  integrationClientMunicipalities,
  integrationClients,
  municipalities,
  patientExclusions,
  patients,
  sessions,
  shifts,
  staff,
  teams,
  userMunicipalities,
  users,
  userTeams,
  visits,
} from '../schema/index.ts';
import { generateMunicipality, type MunicipalityRows } from './generate.ts';
import { ZONE } from './local-time.ts';

export interface SeedOptions {
  seed: number;
  scale: number;
  /** ISO local date in Europe/Stockholm, e.g. '2026-11-23'. */
  today: string;
  /** Municipality codes to populate; default all 26. */
  municipalities?: string[];
}

export interface SeedSummary {
  /** Municipalities populated with demo data (all 26 are always present in the table). */
  municipalities: number;
  teams: number;
  staff: number;
  patients: number;
  carePlans: number;
  visits: number;
  shifts: number;
  delegations: number;
}

/** 0.06 visits a day per 1,000 inhabitants (at least 12 a municipality): about 400 visits a day county-wide, seeded in about a second on PGlite. */
export const DEFAULT_SCALE = 0.02;
export const DEFAULT_SEED = 1;
/** Largest multi-row insert. */
const BATCH = 1000;

// Both the database handle and a transaction handle expose insert/delete/select.
type Executor = Pick<Db, 'insert' | 'delete' | 'select'>;

/** Idempotent upsert of the 26 municipalities, and one event sequence (lastSeq 0) for each new one. */
export async function seedMunicipalities(db: Db): Promise<void> {
  await db.transaction(async (tx) => upsertMunicipalities(tx));
}

async function upsertMunicipalities(db: Executor): Promise<void> {
  await db
    .insert(municipalities)
    .values(
      MUNICIPALITIES.map((m) => ({
        code: m.code,
        name: m.name,
        lat: m.lat,
        lon: m.lon,
        population: m.population,
        areaKm2: m.areaKm2,
      })),
    )
    .onConflictDoUpdate({
      target: municipalities.code,
      set: {
        name: sql`excluded.name`,
        lat: sql`excluded.lat`,
        lon: sql`excluded.lon`,
        population: sql`excluded.population`,
        areaKm2: sql`excluded.area_km2`,
      },
    });
  await db
    .insert(eventSequences)
    .values(MUNICIPALITIES.map((m) => ({ municipalityCode: m.code, lastSeq: 0 })))
    .onConflictDoNothing();
}

/** True when there are no staff rows (nothing has been seeded or created). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(staff);
  return Number(row?.n ?? 0) === 0;
}

/** Checks options; throws an Error with a readable message. */
export function validateSeedOptions(options: SeedOptions): void {
  if (!Number.isSafeInteger(options.seed))
    throw new Error(`seed must be an integer, got ${options.seed}`);
  if (!Number.isFinite(options.scale) || options.scale <= 0 || options.scale > 10) {
    throw new Error(`scale must be a number in (0, 10], got ${options.scale}`);
  }
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(options.today) ||
    !DateTime.fromISO(options.today, { zone: ZONE }).isValid
  ) {
    throw new Error(`today must be an ISO date YYYY-MM-DD, got '${options.today}'`);
  }
  for (const code of options.municipalities ?? []) {
    if (!municipalityByCode(code)) throw new Error(`unknown municipality code '${code}'`);
  }
}

/** Inserts the municipalities (if missing) and all demo data, in one transaction. */
export async function seedDemoData(db: Db, options: SeedOptions): Promise<SeedSummary> {
  validateSeedOptions(options);
  const codes = options.municipalities?.length
    ? MUNICIPALITIES.filter((m) => options.municipalities!.includes(m.code))
    : MUNICIPALITIES;

  const all: MunicipalityRows = {
    bases: [],
    teams: [],
    staff: [],
    patients: [],
    patientExclusions: [],
    carePlans: [],
    visits: [],
    shifts: [],
    delegations: [],
  };
  for (const ref of codes) {
    const rows = generateMunicipality(ref, options);
    for (const k of Object.keys(all) as (keyof MunicipalityRows)[]) {
      (all[k] as unknown[]).push(...rows[k]);
    }
  }

  await db.transaction(async (tx) => {
    await upsertMunicipalities(tx);
    await insertBatches(tx, bases, all.bases);
    await insertBatches(tx, teams, all.teams);
    await insertBatches(tx, staff, all.staff);
    await insertBatches(tx, patients, all.patients);
    await insertBatches(tx, patientExclusions, all.patientExclusions);
    await insertBatches(tx, carePlans, all.carePlans);
    await insertBatches(tx, delegations, all.delegations);
    await insertBatches(tx, shifts, all.shifts);
    await insertBatches(tx, visits, all.visits);
  });

  return {
    municipalities: codes.length,
    teams: all.teams.length,
    staff: all.staff.length,
    patients: all.patients.length,
    carePlans: all.carePlans.length,
    visits: all.visits.length,
    shifts: all.shifts.length,
    delegations: all.delegations.length,
  };
}

async function insertBatches<T extends PgTable>(
  db: Executor,
  table: T,
  rows: PgInsertValue<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insert(table).values(rows.slice(i, i + BATCH));
  }
}

/**
 * Deletes every row of every table, children first, in one transaction (municipalities and
 * users included). The patient-data audit log stays: the database refuses to delete it
 * (Patientdatalagen: kept at least five years; see db/migrations/0002_audit_append_only.sql).
 */
export async function resetDatabase(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of [
      sessions,
      userTeams,
      userMunicipalities,
      users,
      assignments,
      patientExclusions,
      delegations,
      visits,
      carePlans,
      shifts,
      dischargeMessages,
      dischargeCases,
      integrationClientMunicipalities,
      integrationClients,
      patients,
      staff,
      teams,
      bases,
      events,
      eventSequences,
      municipalities,
    ]) {
      await tx.delete(table);
    }
  });
}
