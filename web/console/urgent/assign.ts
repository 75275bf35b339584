/**
 * One assignment command and what came of it. A 409 carries the visit as it is now, so the
 * dispatcher sees what changed and can do it again on that version.
 */
import { api, type Schemas } from '../../api/client.ts';

export type VisitState = Schemas['VisitState'];

export type AssignOutcome =
  | { kind: 'assigned'; visit: VisitState }
  | { kind: 'conflict'; current: VisitState | null; message: string }
  | { kind: 'refused'; message: string };

export async function assignVisit(
  visitId: string,
  staffIds: string[],
  expectedVersion: number,
  plannedStart?: string,
): Promise<AssignOutcome> {
  try {
    const { data, error, response } = await api.POST('/api/dispatch/visits/{id}/assign', {
      params: { path: { id: visitId } },
      body: { staffIds, expectedVersion, ...(plannedStart ? { plannedStart } : {}) },
    });
    if (data) return { kind: 'assigned', visit: data };
    if (response.status === 409 && error) {
      const current = 'current' in error ? (error.current ?? null) : null;
      return { kind: 'conflict', current, message: error.error.message };
    }
    return { kind: 'refused', message: error?.error.message ?? String(response.status) };
  } catch {
    return { kind: 'refused', message: '' };
  }
}
