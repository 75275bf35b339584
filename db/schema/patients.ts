import {
  boolean,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { careSettingEnum } from './enums.ts';
import { municipalities } from './municipalities.ts';
import { staff } from './staff.ts';

/** Health data (Patientdatalagen): every read is audited by the access layer. */
export const patients = pgTable(
  'patients',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    name: text().notNull(),
    address: text().notNull(),
    lat: doublePrecision().notNull(),
    lon: doublePrecision().notNull(),
    /**
     * False when the place is a stand-in (a patient created from the region's admission notice
     * without coordinates: no geocoding here) until someone confirms it.
     */
    locationConfirmed: boolean().notNull().default(true),
    /** Swedish personal identity number (12 digits), how the region names the patient. */
    personalNumber: text(),
    careSetting: careSettingEnum().notNull().default('ordinary_home'),
    /** Named contact caregiver (fast vårdkontakt), who should make most visits. */
    contactStaffId: uuid().references(() => staff.id),
    /** Sensitive: door codes, key boxes, pets. Never logged. */
    notes: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.municipalityCode, t.name),
    uniqueIndex().on(t.municipalityCode, t.personalNumber),
  ],
);

/** Caregivers a patient has refused: a hard exclusion for the solver and the dispatcher. */
export const patientExclusions = pgTable(
  'patient_exclusions',
  {
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.staffId] })],
);
