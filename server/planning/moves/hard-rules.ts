/**
 * The validator's broken rules a scheduler may not override in a proposal, by name: who may
 * make a visit (profession, delegation), a patient's refusal of a caregiver, a visit pinned
 * to its caregiver, both halves of a two-person visit by one caregiver. Time rules (a hard
 * window, a break, the shift's end) may be broken knowingly: the preview lists them.
 */
const RULES: [RegExp, string][] = [
  [/ cannot make /, 'qualification'],
  [/ is excluded from /, 'excluded'],
  [/ is pinned to /, 'pinned'],
  [/: both made by /, 'two_person'],
];

/** The rule a violation breaks if no scheduler may override it, else null. */
export function overridable(violation: string): string | null {
  for (const [re, rule] of RULES) if (re.test(violation)) return rule;
  return null;
}
