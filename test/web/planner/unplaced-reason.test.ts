import { afterEach, describe, expect, it } from 'vitest';
import { lang, t } from '../../../web/i18n/i18n.ts';
import { UNPLACED_REASONS, reasonKey } from '../../../web/planner/unplaced-reason.ts';
import { JobResultSchema } from '../../../server/planning/jobs/schemas.ts';

describe('unplaced reasons in words', () => {
  afterEach(() => {
    lang.value = 'sv';
  });

  it('knows every reason the server can give', () => {
    const server = JobResultSchema.shape.unplaced.element.shape.reason.options;
    expect([...UNPLACED_REASONS].sort()).toEqual([...server].sort());
  });

  it('says each reason in Swedish and English, each differently', () => {
    for (const l of ['sv', 'en'] as const) {
      lang.value = l;
      const words = UNPLACED_REASONS.map((r) => t(reasonKey(r)));
      expect(new Set(words).size).toBe(UNPLACED_REASONS.length);
      for (const w of words) expect(w).not.toMatch(/planner\.|_/);
    }
    lang.value = 'sv';
    expect(t(reasonKey('no_qualified_caregiver'))).toBe('Ingen behörig medarbetare i tjänst');
    lang.value = 'en';
    expect(t(reasonKey('time_window'))).toBe('The time window cannot be met');
  });

  it('gives a general reason for a code it does not know', () => {
    expect(reasonKey('something_new')).toBe('planner.reason.other');
  });
});
