import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunOutputs, SimulationPlan } from './plan.js';
import { simulateRuns } from './simulate.js';

/**
 * Spreads Monte Carlo runs over worker threads (one per core by default). Run r always uses
 * seed + r, so the answer is the same for any number of workers.
 */

export interface MonteCarloOptions {
  readonly runs: number;
  readonly seed: number;
  /** Worker threads; 0 or 1 runs in this thread. Default: one per core (at most 4) for large jobs, else 1. */
  readonly workers?: number;
  /** Called as runs finish, with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runMonteCarlo(plan: SimulationPlan, options: MonteCarloOptions): Promise<RunOutputs> {
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(plan, options.runs), options.runs));
  if (workers <= 1) {
    const every = Math.max(1, Math.floor(options.runs / 50));
    return simulateRuns(plan, 0, options.runs, options.seed, (done) => {
      if (done % every === 0 || done === options.runs) options.onProgress?.(done, options.runs);
    });
  }
  const per = Math.ceil(options.runs / workers);
  const done = new Array<number>(workers).fill(0);
  const blocks = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const first = w * per;
      const count = Math.max(0, Math.min(per, options.runs - first));
      return runInWorker(plan, first, count, options.seed, (n) => {
        done[w] = n;
        options.onProgress?.(done.reduce((a, b) => a + b, 0), options.runs);
      });
    }),
  );
  return mergeOutputs(blocks);
}

/**
 * The worker entry. Compiled, it is worker.js. From source it is worker.ts, loaded through a
 * tiny bootstrap that registers tsx's loader inside the worker (Node 20 does not apply
 * `--import tsx` from execArgv to a worker's entry file).
 */
/**
 * Threads pay off only when there is enough work to cover their start-up (~0.1 s compiled,
 * more under tsx): about 3 million child-trajectories, e.g. 1,000 runs of 3,000 children.
 */
function defaultWorkers(plan: SimulationPlan, runs: number): number {
  const m = plan.model;
  const entriesPerDay = m.entries.reduce((a, b) => a + b, 0) / m.windowDays;
  const trajectories = runs * (plan.stockCategory.length + entriesPerDay * plan.horizonDays);
  return trajectories < 3_000_000 ? 1 : Math.min(4, availableParallelism());
}

function createWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function runInWorker(plan: SimulationPlan, first: number, count: number, seed: number, progress: (done: number) => void): Promise<RunOutputs> {
  if (count === 0) return Promise.resolve(simulateRuns(plan, first, 0, seed));
  return new Promise((resolve, reject) => {
    const worker = createWorker({ plan, first, count, seed });
    let settled = false;
    worker.on('message', (message: { type: 'progress'; done: number } | { type: 'done'; outputs: RunOutputs }) => {
      if (message.type === 'progress') progress(message.done);
      else {
        settled = true;
        progress(count);
        resolve(message.outputs);
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`forecast worker stopped with exit code ${code} before finishing`));
    });
  });
}

export function mergeOutputs(blocks: readonly RunOutputs[]): RunOutputs {
  const concat = (key: Exclude<keyof RunOutputs, 'runs'>) => {
    const total = blocks.reduce((n, b) => n + b[key].length, 0);
    const merged = new Float32Array(total);
    let offset = 0;
    for (const b of blocks) {
      merged.set(b[key], offset);
      offset += b[key].length;
    }
    return merged;
  };
  return {
    runs: blocks.reduce((n, b) => n + b.runs, 0),
    stock: concat('stock'),
    childDays: concat('childDays'),
    overlayDays: concat('overlayDays'),
    entries: concat('entries'),
    exits: concat('exits'),
    extraMoves: concat('extraMoves'),
  };
}
