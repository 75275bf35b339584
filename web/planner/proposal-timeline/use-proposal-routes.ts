import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { errorText } from '../planner-types.ts';
import type { ProposalRoutes } from './proposal-model.ts';

/** The routes of a job's proposal, read again whenever `version` changes (after a move). */
export function useProposalRoutes(jobId: string, version: string) {
  const routes = useSignal<ProposalRoutes | null>(null);
  const failed = useSignal('');
  useEffect(() => {
    let live = true;
    void api
      .GET('/api/planning/jobs/{id}/routes', { params: { path: { id: jobId } } })
      .then(({ data, error }) => {
        if (!live) return;
        if (data) {
          routes.value = data;
          failed.value = '';
        } else failed.value = errorText(error);
      });
    return () => {
      live = false;
    };
  }, [jobId, version]);
  return { routes, failed };
}
