/** The urgent form's own checks and how the server's 400 details land beside the fields. */
import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  emptyDraft,
  keptDraft,
  restoredDraft,
  serverFieldErrors,
  toBody,
} from '../../web/console/urgent/draft.ts';

const patient = { id: 'p1', name: 'Test Patient', address: 'Exempelvägen 2' };

describe('the urgent draft', () => {
  it('names what is missing before sending', () => {
    expect(checkDraft(emptyDraft())).toEqual({
      patientId: 'urgent.error.patient',
      taskTypes: 'urgent.error.tasks',
    });
  });

  it('takes 5–480 whole minutes only', () => {
    const ok = { ...emptyDraft(), patient, taskTypes: ['sampling' as const] };
    expect(checkDraft(ok)).toEqual({});
    for (const bad of ['4', '481', '12.5', '', 'x', '-10'])
      expect(checkDraft({ ...ok, durationMinutes: bad })).toEqual({
        durationMinutes: 'urgent.error.duration',
      });
  });

  it('sends a two-person visit as staffCount 2 and five suggestions', () => {
    const body = toBody(
      {
        ...emptyDraft(),
        patient,
        taskTypes: ['lift_assist'],
        twoStaff: true,
        durationMinutes: ' 45 ',
      },
      '0180',
    );
    expect(body).toEqual({
      municipality: '0180',
      patientId: 'p1',
      taskTypes: ['lift_assist'],
      priority: 'urgent1',
      durationMinutes: 45,
      staffCount: 2,
      limit: 5,
    });
  });

  it('puts body.<field> details beside their field and keeps the rest', () => {
    expect(
      serverFieldErrors([
        { field: 'body.taskTypes.0', message: 'Invalid option' },
        { field: 'body.durationMinutes', message: 'Too small' },
        { field: 'body.durationMinutes', message: 'Not an integer' },
        { field: 'body.windowEnd', message: 'must be after windowStart' },
        { message: 'Patient not found' },
      ]),
    ).toEqual({
      fields: { taskTypes: 'Invalid option', durationMinutes: 'Too small; Not an integer' },
      other: ['body.windowEnd: must be after windowStart', 'Patient not found'],
    });
  });
});

describe('the draft kept across an expired session', () => {
  it('keeps what was typed and the chosen patient by id and name only', () => {
    const d = {
      ...emptyDraft(),
      patient: { id: 'p1', name: 'Test Patient', address: 'Exempelvägen 2' },
      taskTypes: ['sampling' as const],
      durationMinutes: '45',
    };
    const kept = keptDraft(d);
    expect(kept.patient).toEqual({ id: 'p1', name: 'Test Patient', address: '' });
    expect(restoredDraft(JSON.parse(JSON.stringify(kept)))).toEqual(kept);
  });

  it('drops what is malformed when read back', () => {
    expect(restoredDraft(null)).toBeNull();
    expect(restoredDraft('x')).toBeNull();
    expect(restoredDraft({ patient: { id: 3 }, taskTypes: 'sampling', priority: 'x' })).toEqual(
      emptyDraft(),
    );
  });
});
