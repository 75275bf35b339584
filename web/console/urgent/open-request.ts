/**
 * How the rest of the console opens the urgent dialog (the queue's unassigned rows) without
 * knowing its state: a request the dialog takes and clears.
 */
import { signal } from '@preact/signals';

export type OpenRequest = { kind: 'form' } | { kind: 'visit'; visitId: string };

export const openRequest = signal<OpenRequest | null>(null);

export const openUrgentForm = () => (openRequest.value = { kind: 'form' });
export const openVisitSuggestions = (visitId: string) =>
  (openRequest.value = { kind: 'visit', visitId });
