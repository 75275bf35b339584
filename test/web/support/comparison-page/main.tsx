/**
 * A page with the comparison panel alone, for its browser test until the scheduler's page
 * mounts it: ?job=ID names the job; the session is the one in sessionStorage.
 */
import { render } from 'preact';
import { ComparisonPanel } from '../../../../web/planner/comparison/comparison-panel.tsx';
import '../../../../web/theme.css';

const jobId = new URLSearchParams(location.search).get('job') ?? '';
render(
  <main id="main">
    <ComparisonPanel jobId={jobId} />
  </main>,
  document.getElementById('app')!,
);
