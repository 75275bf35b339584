/**
 * What the review shows of each visit in a repair proposal that the proposal itself does not
 * carry: its task and window (from the live store, or read once when it is outside the day
 * the store holds) and the patient's area. Each patient read is audited as patient data: a
 * dispatcher placing these visits needs to know where they are, and only these are read.
 */
import { signal } from '@preact/signals';
import { api, type Schemas } from '../../api/client.ts';
import type { ConsoleStore } from '../store.ts';
import type { ConsoleVisit } from '../types.ts';
import { patientArea } from './sick-rules.ts';

/** The store keeps the patient id the snapshot and events carry (not in ConsoleVisit). */
export type ReviewVisit = ConsoleVisit & { patientId?: string };

export class RepairDetails {
  /** Visits the store does not hold, read from the API. */
  readonly fetched = signal<ReadonlyMap<string, ReviewVisit>>(new Map());
  /** The patient's area by patient id. */
  readonly areas = signal<ReadonlyMap<string, string>>(new Map());

  constructor(private readonly store: ConsoleStore) {}

  visit(id: string): ReviewVisit | undefined {
    return (
      (this.store.visits.value.get(id) as ReviewVisit | undefined) ?? this.fetched.value.get(id)
    );
  }

  area(v: ReviewVisit | undefined): string | undefined {
    return v?.patientId ? this.areas.value.get(v.patientId) : undefined;
  }

  async load(visitIds: readonly string[]): Promise<void> {
    const missing = visitIds.filter((id) => !this.store.visits.value.has(id));
    const read = await Promise.all(
      missing.map((id) => api.GET('/api/visits/{id}', { params: { path: { id } } })),
    );
    const fetched = new Map(this.fetched.value);
    for (const { data } of read) if (data) fetched.set(data.id, fromVisit(data));
    this.fetched.value = fetched;

    const patients = new Set<string>();
    for (const id of visitIds) {
      const p = this.visit(id)?.patientId;
      if (p && !this.areas.value.has(p)) patients.add(p);
    }
    const answers = await Promise.all(
      [...patients].map((id) => api.GET('/api/patients/{id}', { params: { path: { id } } })),
    );
    const areas = new Map(this.areas.value);
    for (const { data } of answers) if (data) areas.set(data.id, patientArea(data.address));
    this.areas.value = areas;
  }
}

const fromVisit = (v: Schemas['Visit']): ReviewVisit => ({
  id: v.id,
  patientId: v.patientId,
  status: v.status,
  priority: v.priority,
  windowStart: v.windowStart,
  windowEnd: v.windowEnd,
  durationMinutes: v.durationMinutes,
  taskTypes: v.taskTypes,
  requiredProfession: v.requiredProfession,
  staffCount: v.staffCount,
  version: v.version,
  assignees: [],
});
