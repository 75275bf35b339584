import type { Schemas } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/sv.ts';

export type PlanningSettings = Schemas['PlanningSettings'];
export type WeightKey = keyof PlanningSettings['weights'];

/** The fields of the form, in the order a scheduler reads them, with their bounds. */
export const SETTING_FIELDS: readonly {
  key: 'maxDistinctCaregivers' | WeightKey;
  label: MessageKey;
  min: number;
  max: number;
  step: number;
}[] = [
  { key: 'maxDistinctCaregivers', label: 'planner.settings.maxDistinct', min: 0, max: 20, step: 1 },
  {
    key: 'distinctCaregiver',
    label: 'planner.settings.distinctCaregiver',
    min: 0,
    max: 36000,
    step: 1,
  },
  {
    key: 'distinctOverCap',
    label: 'planner.settings.distinctOverCap',
    min: 0,
    max: 36000,
    step: 1,
  },
  { key: 'nonContact', label: 'planner.settings.nonContact', min: 0, max: 36000, step: 1 },
  { key: 'knownCaregiver', label: 'planner.settings.knownCaregiver', min: 0, max: 36000, step: 1 },
  { key: 'travelTime', label: 'planner.settings.travelTime', min: 0.1, max: 10, step: 0.1 },
];

export type SettingsForm = Record<(typeof SETTING_FIELDS)[number]['key'], string>;

export function formOf(
  s: Pick<PlanningSettings, 'maxDistinctCaregivers' | 'weights'>,
): SettingsForm {
  return {
    maxDistinctCaregivers: String(s.maxDistinctCaregivers),
    ...(Object.fromEntries(Object.entries(s.weights).map(([k, v]) => [k, String(v)])) as Record<
      WeightKey,
      string
    >),
  };
}

/**
 * The form as the PUT body. A value is sent as typed (an empty or odd one as NaN → null in
 * JSON), so the server, which decides, names the field in its 400.
 */
export function bodyOf(f: SettingsForm) {
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));
  return {
    maxDistinctCaregivers: num(f.maxDistinctCaregivers),
    weights: {
      travelTime: num(f.travelTime),
      nonContact: num(f.nonContact),
      distinctCaregiver: num(f.distinctCaregiver),
      distinctOverCap: num(f.distinctOverCap),
      knownCaregiver: num(f.knownCaregiver),
    },
  };
}

/** The form field a server error detail names (`body.weights.nonContact` → nonContact). */
export function fieldOfDetail(field: string | undefined): string {
  return (field ?? '').split('.').at(-1) ?? '';
}
