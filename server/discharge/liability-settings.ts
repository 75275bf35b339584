import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { DischargeCareType } from '../../db/reference/discharge.ts';
import { dischargeSettings } from '../../db/schema/index.ts';
import type { Tx } from '../events/append-events.ts';

/** How a municipality's payment liability is counted for one care type (docs/discharge.md). */
export interface LiabilityRule {
  /** Free days after ready-for-discharge before the municipality pays. */
  liabilityDays: number;
  /** Whether the day of the notice (day 0) is one of the free days. */
  dayZeroCounts: boolean;
  /** A notice at or after this Stockholm hour counts from the next day; 24: no cut-off. */
  cutoffHour: number;
  /** Free days counted as working days (not weekends nor Swedish public holidays). */
  countsWorkingDays: boolean;
  dailyAmountSek: number;
}

/**
 * The defaults, from the Stockholm regional agreement (2020): calendar days, day 0 counted,
 * 2 free days for somatic care and 5 for psychiatric; the daily amount as of 2022 (9,300 SEK,
 * Socialstyrelsen's figure; 8,200 in 2020). The cut-off hour is in none of our sources: none by
 * default (24), a setting for agreements that have one.
 */
export const STOCKHOLM_AGREEMENT: Record<DischargeCareType, LiabilityRule> = {
  somatic: {
    liabilityDays: 2,
    dayZeroCounts: true,
    cutoffHour: 24,
    countsWorkingDays: false,
    dailyAmountSek: 9300,
  },
  psychiatric: {
    liabilityDays: 5,
    dayZeroCounts: true,
    cutoffHour: 24,
    countsWorkingDays: false,
    dailyAmountSek: 9300,
  },
};

/** The law without an agreement (Lag 2017:612): from the day after 3 calendar days have passed. */
export const LAW_WITHOUT_AGREEMENT: LiabilityRule = {
  liabilityDays: 3,
  dayZeroCounts: false,
  cutoffHour: 24,
  countsWorkingDays: false,
  dailyAmountSek: 9300,
};

type SettingsRow = typeof dischargeSettings.$inferSelect;

const ruleOfRow = (row: SettingsRow): LiabilityRule => ({
  liabilityDays: row.liabilityDays,
  dayZeroCounts: row.dayZeroCounts,
  cutoffHour: row.cutoffHour,
  countsWorkingDays: row.countsWorkingDays,
  dailyAmountSek: row.dailyAmountSek,
});

/** The rules of several municipalities at once, as a look-up (one query for a list). */
export async function liabilityRules(
  db: Db,
  municipalityCodes: string[],
): Promise<(municipalityCode: string, careType: DischargeCareType) => LiabilityRule> {
  const rows = municipalityCodes.length
    ? await db
        .select()
        .from(dischargeSettings)
        .where(inArray(dischargeSettings.municipalityCode, municipalityCodes))
    : [];
  const byKey = new Map(rows.map((r) => [`${r.municipalityCode}:${r.careType}`, r]));
  return (code, careType) => {
    const row = byKey.get(`${code}:${careType}`);
    return row ? ruleOfRow(row) : STOCKHOLM_AGREEMENT[careType];
  };
}

export interface LiabilitySettings {
  somatic: LiabilityRule;
  psychiatric: LiabilityRule;
  /** When they were last saved; null: no row, the defaults. */
  updatedAt: Date | null;
}

/** One municipality's rules for both care types, its rows over the defaults. */
export async function readLiabilitySettings(
  db: Db | Tx,
  municipality: string,
): Promise<LiabilitySettings> {
  const rows = await db
    .select()
    .from(dischargeSettings)
    .where(eq(dischargeSettings.municipalityCode, municipality));
  const of = (careType: DischargeCareType) => {
    const row = rows.find((r) => r.careType === careType);
    return row ? ruleOfRow(row) : STOCKHOLM_AGREEMENT[careType];
  };
  const saved = rows.map((r) => r.updatedAt.getTime());
  return {
    somatic: of('somatic'),
    psychiatric: of('psychiatric'),
    updatedAt: saved.length ? new Date(Math.max(...saved)) : null,
  };
}
