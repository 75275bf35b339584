/**
 * The urgent form's draft and its checks before sending. The server checks again and has
 * the last word; these only spare the dispatcher a round trip for what is plainly missing.
 */
import type { Schemas } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/i18n.ts';

export type UrgentBody = Schemas['UrgentVisit'];
export type TaskName = UrgentBody['taskTypes'][number];

export interface PatientChoice {
  id: string;
  name: string;
  address: string;
}

export interface UrgentDraft {
  patient: PatientChoice | null;
  taskTypes: TaskName[];
  priority: 'urgent1' | 'urgent2';
  /** As typed: a string until sent. */
  durationMinutes: string;
  twoStaff: boolean;
}

/** The form's fields, by the names the server's 400 details use after `body.`. */
export type UrgentField = 'patientId' | 'taskTypes' | 'priority' | 'durationMinutes' | 'staffCount';

export type FieldErrors = Partial<Record<UrgentField, string>>;

export const emptyDraft = (): UrgentDraft => ({
  patient: null,
  taskTypes: [],
  priority: 'urgent1',
  durationMinutes: '30',
  twoStaff: false,
});

/**
 * The draft as kept across an expired session: what the dispatcher typed and the patient's
 * id and name they chose (no address: more patient data than needed to carry on).
 */
export function keptDraft(d: UrgentDraft): UrgentDraft {
  return { ...d, patient: d.patient && { id: d.patient.id, name: d.patient.name, address: '' } };
}

/** A kept draft read back (from sessionStorage: anything malformed is dropped). */
export function restoredDraft(raw: unknown): UrgentDraft | null {
  if (!raw || typeof raw !== 'object') return null;
  const d = raw as Partial<UrgentDraft>;
  const base = emptyDraft();
  const patient =
    d.patient && typeof d.patient.id === 'string' && typeof d.patient.name === 'string'
      ? { id: d.patient.id, name: d.patient.name, address: '' }
      : null;
  return {
    patient,
    taskTypes: Array.isArray(d.taskTypes) ? d.taskTypes.filter((x) => typeof x === 'string') : [],
    priority: d.priority === 'urgent2' ? 'urgent2' : base.priority,
    durationMinutes:
      typeof d.durationMinutes === 'string' ? d.durationMinutes.slice(0, 10) : base.durationMinutes,
    twoStaff: d.twoStaff === true,
  };
}

/** What is wrong before sending, as dictionary keys (the same limits as UrgentVisitInput). */
export function checkDraft(d: UrgentDraft): Partial<Record<UrgentField, MessageKey>> {
  const problems: Partial<Record<UrgentField, MessageKey>> = {};
  if (!d.patient) problems.patientId = 'urgent.error.patient';
  if (d.taskTypes.length === 0) problems.taskTypes = 'urgent.error.tasks';
  else if (d.taskTypes.length > 10) problems.taskTypes = 'urgent.error.tooManyTasks';
  const minutes = Number(d.durationMinutes.trim());
  if (!/^\d+$/.test(d.durationMinutes.trim()) || minutes < 5 || minutes > 480)
    problems.durationMinutes = 'urgent.error.duration';
  return problems;
}

export function toBody(d: UrgentDraft, municipality: string): UrgentBody {
  return {
    municipality,
    patientId: d.patient!.id,
    taskTypes: d.taskTypes,
    priority: d.priority,
    durationMinutes: Number(d.durationMinutes.trim()),
    staffCount: d.twoStaff ? 2 : 1,
    limit: 5,
  };
}

const FIELDS: Record<string, UrgentField> = {
  patientId: 'patientId',
  taskTypes: 'taskTypes',
  priority: 'priority',
  durationMinutes: 'durationMinutes',
  staffCount: 'staffCount',
};

/**
 * The server's 400 details beside their fields: `body.taskTypes.0` goes to taskTypes; a
 * detail naming no field of the form (municipality, window) is returned as `other`.
 */
export function serverFieldErrors(details: readonly { field?: string; message: string }[]): {
  fields: FieldErrors;
  other: string[];
} {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const d of details) {
    const name = /^body\.(\w+)/.exec(d.field ?? '')?.[1];
    const field = name ? FIELDS[name] : undefined;
    if (field) fields[field] = fields[field] ? `${fields[field]}; ${d.message}` : d.message;
    else other.push(d.field ? `${d.field}: ${d.message}` : d.message);
  }
  return { fields, other };
}
