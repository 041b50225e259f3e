import { parentPort, workerData } from 'node:worker_threads';
import type { SimulationPlan } from './plan.js';
import { simulateRuns } from './simulate.js';

/** Worker thread body: runs a block of Monte Carlo runs and posts the typed arrays back. */
const { plan, first, count, seed } = workerData as { plan: SimulationPlan; first: number; count: number; seed: number };
const every = Math.max(1, Math.floor(count / 20));
const outputs = simulateRuns(plan, first, count, seed, (done) => {
  if (done % every === 0 && done < count) parentPort!.postMessage({ type: 'progress', done });
});
parentPort!.postMessage({ type: 'done', outputs }, [
  outputs.stock.buffer, outputs.childDays.buffer, outputs.overlayDays.buffer,
  outputs.entries.buffer, outputs.exits.buffer, outputs.extraMoves.buffer,
] as ArrayBuffer[]);
