/**
 * The liability rules as the panel edits them: numbers as typed (the server checks the
 * bounds and names a bad field), the yes/no ones as booleans, both care types.
 */
import type { Schemas } from '../api/client.ts';
import type { MessageKey } from '../i18n/i18n.ts';

export type LiabilitySettings = Schemas['LiabilitySettings'];
type Rule = Schemas['LiabilityRule'];
export const CARE_TYPES = ['somatic', 'psychiatric'] as const;
export type CareType = (typeof CARE_TYPES)[number];

export interface RuleForm {
  liabilityDays: string;
  dayZeroCounts: boolean;
  cutoffHour: string;
  countsWorkingDays: boolean;
  dailyAmountSek: string;
}
export type LiabilityForm = Record<CareType, RuleForm>;

export const NUMBER_FIELDS = [
  { key: 'liabilityDays', label: 'discharge.settings.liabilityDays', min: 0, max: 90, step: 1 },
  { key: 'cutoffHour', label: 'discharge.settings.cutoffHour', min: 0, max: 24, step: 1 },
  {
    key: 'dailyAmountSek',
    label: 'discharge.settings.dailyAmountSek',
    min: 0,
    max: 1_000_000,
    step: 100,
  },
] as const satisfies readonly {
  key: keyof RuleForm;
  label: MessageKey;
  min: number;
  max: number;
  step: number;
}[];
export const CHECK_FIELDS = [
  { key: 'dayZeroCounts', label: 'discharge.settings.dayZeroCounts' },
  { key: 'countsWorkingDays', label: 'discharge.settings.countsWorkingDays' },
] as const satisfies readonly { key: keyof RuleForm; label: MessageKey }[];

const ruleForm = (r: Rule): RuleForm => ({
  liabilityDays: String(r.liabilityDays),
  dayZeroCounts: r.dayZeroCounts,
  cutoffHour: String(r.cutoffHour),
  countsWorkingDays: r.countsWorkingDays,
  dailyAmountSek: String(r.dailyAmountSek),
});

export const formOf = (s: Record<CareType, Rule>): LiabilityForm => ({
  somatic: ruleForm(s.somatic),
  psychiatric: ruleForm(s.psychiatric),
});

/** An empty or non-numeric entry goes as NaN → null in JSON, which the server names. */
const number = (text: string): number => (text.trim() === '' ? NaN : Number(text));

const ruleBody = (f: RuleForm): Rule => ({
  liabilityDays: number(f.liabilityDays),
  dayZeroCounts: f.dayZeroCounts,
  cutoffHour: number(f.cutoffHour),
  countsWorkingDays: f.countsWorkingDays,
  dailyAmountSek: number(f.dailyAmountSek),
});

export const bodyOf = (f: LiabilityForm) => ({
  somatic: ruleBody(f.somatic),
  psychiatric: ruleBody(f.psychiatric),
});

/** `body.somatic.liabilityDays` → the care type and field it names (or null). */
export function fieldOfDetail(
  field: string | undefined,
): { careType: CareType; key: string } | null {
  const [, careType, key] = (field ?? '').split('.');
  return careType === 'somatic' || careType === 'psychiatric' ? { careType, key: key ?? '' } : null;
}

/** The input's id, so an error can name and a label can point at it. */
export const inputId = (careType: CareType, key: string) => `liability-${careType}-${key}`;
