// Run as a child process by spare-worker.test.ts: a process whose only handle is the idle
// solver worker must exit by itself.
import { prestartSolverWorker, solverPool } from '../../../server/solver-bridge/spare-worker.ts';

prestartSolverWorker();
setTimeout(() => console.log(solverPool().threads.length > 0 ? 'waiting' : 'none'), 1500);
