export type InstanceFormat = 'solomon' | 'mankowska';

/** Guess the format from content: Mankowska files start with keywords, Solomon has VEHICLE/CUSTOMER. */
export function detectFormat(text: string): InstanceFormat | undefined {
  if (/^\s*nbNodes\s*$/m.test(text)) return 'mankowska';
  if (/^\s*VEHICLE\s*$/im.test(text) && /^\s*CUSTOMER\s*$/im.test(text)) return 'solomon';
  return undefined;
}
