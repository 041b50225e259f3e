import { parentPort } from 'node:worker_threads';
import type { SimulationPlan } from './plan.js';
import { simulateRuns } from './simulate.js';

/**
 * Worker thread body (kept alive by the pool in parallel.ts): runs blocks of Monte Carlo runs
 * on request and posts the typed arrays back. The plan comes with the first block of a
 * forecast and is kept for the blocks after it, which send only its id.
 */
interface Request {
  readonly planId: number;
  readonly plan?: SimulationPlan;
  readonly first: number;
  readonly count: number;
  readonly seed: number;
}

let current: { id: number; plan: SimulationPlan } | undefined;

parentPort!.on('message', (request: Request) => {
  try {
    if (request.plan) current = { id: request.planId, plan: request.plan };
    if (!current || current.id !== request.planId) throw new Error(`plan ${request.planId} was not sent to this worker`);
    const every = Math.max(1, Math.floor(request.count / 10));
    const outputs = simulateRuns(current.plan, request.first, request.count, request.seed, (done) => {
      if (done % every === 0 && done < request.count) parentPort!.postMessage({ type: 'progress', done });
    });
    parentPort!.postMessage({ type: 'done', outputs }, [
      outputs.stock.buffer, outputs.childDays.buffer, outputs.overlayDays.buffer,
      outputs.entries.buffer, outputs.exits.buffer, outputs.extraMoves.buffer,
    ] as ArrayBuffer[]);
  } catch (error) {
    parentPort!.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  }
});
