import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
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
  // Small blocks handed out as workers free up: a worker slowed by other jobs on a shared
  // machine takes fewer, instead of the whole forecast waiting for its half.
  const block = Math.max(1, Math.ceil(options.runs / (workers * 4)));
  const blocks: RunOutputs[] = [];
  let next = 0;
  let done = 0;
  const sent = { id: ++planCount, plan: toTransferable(plan) };
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const worker = await pool.acquire();
      try {
        while (next < options.runs) {
          const first = next;
          const count = Math.min(block, options.runs - first);
          next += count;
          let reported = 0;
          blocks[first / block] = await worker.run(sent, first, count, options.seed, (n) => {
            done += n - reported;
            reported = n;
            options.onProgress?.(done, options.runs);
          });
          done += count - reported;
          options.onProgress?.(done, options.runs);
        }
      } catch (error) {
        next = options.runs; // the other workers stop after their current block
        throw error;
      } finally {
        pool.release(worker);
      }
    }),
  );
  return mergeOutputs(blocks);
}

/**
 * Threads pay off only when there is enough work to cover handing it over. Starting them
 * (~0.1 s compiled, ~0.3 s from source) needs about 3 million child-trajectories (1,000 runs of
 * 3,000 children); once started they are kept (WorkerPool), and then 300,000 are enough.
 */
function defaultWorkers(plan: SimulationPlan, runs: number): number {
  const m = plan.model;
  const entriesPerDay = m.entries.reduce((a, b) => a + b, 0) / m.windowDays;
  const trajectories = runs * (plan.stockCategory.length + entriesPerDay * plan.horizonDays);
  const threads = Math.min(4, availableParallelism());
  if (trajectories >= 3_000_000 || (trajectories >= 300_000 && pool.started >= threads)) return threads;
  return 1;
}

/** The plan as sent to a worker: big arrays as typed arrays (copied as one block), no quality notes. */
function toTransferable(plan: SimulationPlan): SimulationPlan {
  return { ...plan, model: { ...plan.model, quality: [] }, stockBandEnds: Float64Array.from(plan.stockBandEnds) as unknown as number[] };
}

type WorkerReply = { type: 'progress'; done: number } | { type: 'done'; outputs: RunOutputs } | { type: 'error'; message: string; stack?: string };

/** One worker thread that runs blocks of runs on request, one at a time. */
class PooledWorker {
  private pending: { resolve: (o: RunOutputs) => void; reject: (e: Error) => void; progress: (done: number) => void } | null = null;
  broken = false;

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: WorkerReply) => {
      const task = this.pending;
      if (!task) return;
      if (message.type === 'progress') task.progress(message.done);
      else if (message.type === 'done') {
        this.pending = null;
        task.resolve(message.outputs);
      } else {
        this.pending = null;
        const error = new Error(`forecast worker: ${message.message}`);
        if (message.stack) error.stack = message.stack;
        task.reject(error);
      }
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`forecast worker stopped with exit code ${code} before finishing`)));
  }

  private planId = 0;

  /** Run a block; the plan is sent only if this worker does not hold it yet. */
  run(sent: { id: number; plan: SimulationPlan }, first: number, count: number, seed: number, progress: (done: number) => void): Promise<RunOutputs> {
    const plan = this.planId === sent.id ? undefined : sent.plan;
    this.planId = sent.id;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, progress };
      this.worker.postMessage({ planId: sent.id, plan, first, count, seed });
    });
  }

  /** Idle threads must not keep the process alive. */
  hold(busy: boolean): void {
    if (busy) this.worker.ref();
    else this.worker.unref();
  }

  terminate(): Promise<number> {
    this.broken = true;
    return this.worker.terminate();
  }

  private fail(error: Error): void {
    this.broken = true;
    const task = this.pending;
    this.pending = null;
    task?.reject(error);
  }
}

/**
 * Worker threads kept for the life of the process (a server runs many forecasts): starting a
 * thread costs ~50 ms compiled and more from source, so forecasts after the first pay nothing.
 */
class WorkerPool {
  private idle: PooledWorker[] = [];
  private all = new Set<PooledWorker>();

  /** Threads running now (busy or idle). */
  get started(): number {
    return this.all.size;
  }

  private waiting: ((worker: PooledWorker | null) => void)[] = [];

  /** At most one thread per core (4 at most): concurrent forecasts share them, each keeping at least one busy. */
  readonly max = Math.min(4, availableParallelism());

  async acquire(): Promise<PooledWorker> {
    let worker = this.idle.pop();
    while (worker?.broken) worker = this.idle.pop();
    if (!worker && this.all.size >= this.max) worker = (await new Promise<PooledWorker | null>((resolve) => this.waiting.push(resolve))) ?? undefined;
    if (!worker) {
      const created = new PooledWorker(await createWorker());
      this.all.add(created);
      worker = created;
    }
    worker.hold(true);
    return worker;
  }

  release(worker: PooledWorker): void {
    const next = this.waiting.shift();
    if (worker.broken) {
      this.all.delete(worker);
      next?.(null); // the waiter starts a thread of its own in its place
      return;
    }
    if (next) next(worker);
    else {
      worker.hold(false);
      this.idle.push(worker);
    }
  }

  async close(): Promise<void> {
    const workers = [...this.all];
    this.all.clear();
    this.idle = [];
    for (const waiter of this.waiting.splice(0)) waiter(null);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

const pool = new WorkerPool();
let planCount = 0;

/** Stop the forecast's worker threads (e.g. when a server shuts down); new forecasts start them again. */
export function closeForecastWorkers(): Promise<void> {
  return pool.close();
}

/**
 * The worker entry. Compiled, it is worker.js. From source (tsx), the worker and what it
 * imports are bundled once per process with esbuild (which tsx itself runs on) and started
 * from that text: registering tsx inside each worker cost 1-2 s of CPU per thread.
 */
let bundled: Promise<string> | undefined;

async function createWorker(): Promise<Worker> {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  bundled ??= bundleWorker();
  return new Worker(await bundled, { eval: true });
}

async function bundleWorker(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
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
