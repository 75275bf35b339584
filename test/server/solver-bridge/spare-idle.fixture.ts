// Run as a child process by spare-worker.test.ts: a process whose only handle is the idle
// spare solver worker must exit by itself.
import {
  prestartSolverWorker,
  spareSolverWorker,
} from '../../../server/solver-bridge/spare-worker.ts';

prestartSolverWorker();
setTimeout(() => console.log(spareSolverWorker() ? 'waiting' : 'none'), 1500);
