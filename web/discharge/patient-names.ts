/**
 * Patients' names for the cases (a case carries the patient's id only): read once each
 * through /api/patients/{id}, which audits the read like the case itself.
 */
import { signal } from '@preact/signals';
import { api } from '../api/client.ts';

export const patientNames = signal<ReadonlyMap<string, string>>(new Map());
const asked = new Set<string>();

export function loadPatientNames(ids: readonly string[]): void {
  for (const id of ids) {
    if (asked.has(id)) continue;
    asked.add(id);
    void api.GET('/api/patients/{id}', { params: { path: { id } } }).then(({ data }) => {
      if (data) patientNames.value = new Map(patientNames.value).set(id, data.name);
    });
  }
}
