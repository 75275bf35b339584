import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { dischargeCareTypeEnum } from './discharge-cases.ts';
import { municipalities } from './municipalities.ts';

/**
 * A municipality's payment-liability rule per care type (Lag 2017:612 and the regional
 * agreement). No row: the Stockholm agreement's defaults (server/discharge/liability-settings.ts,
 * docs/discharge.md).
 */
export const dischargeSettings = pgTable(
  'discharge_settings',
  {
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    careType: dischargeCareTypeEnum().notNull(),
    /** Free days after ready-for-discharge before the municipality pays. */
    liabilityDays: smallint().notNull(),
    /** Whether the day of the notice (day 0) is one of the free days. */
    dayZeroCounts: boolean().notNull(),
    /** A notice at or after this local hour counts from the next day; 24: no cut-off. */
    cutoffHour: smallint().notNull(),
    /** Free days counted as working days (Mon-Fri, not Swedish public holidays). */
    countsWorkingDays: boolean().notNull().default(false),
    dailyAmountSek: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityCode, t.careType] }),
    check('discharge_liability_days', sql`${t.liabilityDays} between 0 and 90`),
    check('discharge_cutoff_hour', sql`${t.cutoffHour} between 0 and 24`),
    check('discharge_daily_amount', sql`${t.dailyAmountSek} between 0 and 1000000`),
  ],
);
