import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { simulateAuthority, type SynthOptions } from './authority.js';
import type { TableRows } from './rows.js';
import { summarize, type AuthoritySummary } from './summary.js';

export interface SimulatedAuthority {
  summary: AuthoritySummary;
  rows: TableRows;
}

export interface ParallelOptions {
  /** Worker threads; 0 simulates in this thread. Default: one per core (at most 8). */
  workers?: number;
  /**
   * Called once per authority, in completion order, never twice at the same time: the caller
   * writes to the database here while the workers simulate the next authorities.
   */
  onAuthority: (result: SimulatedAuthority) => Promise<void>;
}

type Shared = Omit<SynthOptions, 'laCode' | 'onProgress'>;

/**
 * Simulates many authorities on worker threads while the main thread consumes the results
 * (e.g. loads them into the database). Every authority is simulated from (code, seed, years)
 * alone, so the rows are the same whatever the number of workers or the completion order.
 * Each worker keeps at most one finished authority waiting, which bounds memory.
 */
export async function simulateAuthorities(codes: readonly string[], shared: Shared, options: ParallelOptions): Promise<void> {
  const workers = Math.max(0, Math.min(options.workers ?? Math.min(8, availableParallelism()), codes.length));
  let consumer: Promise<void> = Promise.resolve();
  const consume = (result: SimulatedAuthority) => {
    const next = consumer.then(() => options.onAuthority(result));
    consumer = next.catch(() => undefined);
    return next;
  };
  if (workers === 0) {
    for (const laCode of codes) {
      const started = performance.now();
      const authority = simulateAuthority({ ...shared, laCode });
      await consume({ summary: summarize(authority, (performance.now() - started) / 1000), rows: authority.rows });
    }
    return;
  }
  const queue = [...codes];
  const pool = Array.from({ length: workers }, () => new SynthWorker());
  let failed = false;
  try {
    await Promise.all(
      pool.map(async (worker) => {
        let previous: Promise<void> = Promise.resolve();
        while (queue.length > 0 && !failed) {
          const laCode = queue.shift()!;
          const result = await worker.simulate({ ...shared, laCode });
          // Hand over this result only once the previous one from this worker is consumed.
          await previous;
          previous = consume(result);
          previous.catch(() => (failed = true));
        }
        await previous;
      }),
    );
  } finally {
    await Promise.all(pool.map((w) => w.close()));
  }
}

/** One long-lived worker thread that simulates authorities on request. */
class SynthWorker {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private pending: { resolve: (r: SimulatedAuthority) => void; reject: (e: Error) => void } | null = null;

  constructor() {
    this.worker = createWorker();
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
    this.worker.on('message', (message: { type: 'ready' } | { type: 'done'; summary: AuthoritySummary; rows: TableRows } | { type: 'error'; message: string }) => {
      if (message.type === 'ready') return;
      const pending = this.pending;
      this.pending = null;
      if (!pending) return;
      if (message.type === 'done') pending.resolve({ summary: message.summary, rows: message.rows });
      else pending.reject(new Error(message.message));
    });
    this.worker.on('error', (error) => this.pending?.reject(error));
    this.worker.on('exit', (code) => this.pending?.reject(new Error(`synth worker stopped with exit code ${code} before finishing`)));
  }

  async simulate(options: Omit<SynthOptions, 'onProgress'>): Promise<SimulatedAuthority> {
    await this.ready;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ type: 'simulate', options });
    });
  }

  async close(): Promise<void> {
    this.pending = null;
    await this.worker.terminate();
  }
}

/**
 * The worker entry. Compiled, it is worker.js. From source it is worker.ts, loaded through a
 * tiny bootstrap that registers tsx's loader inside the worker (as src/forecast/parallel.ts does:
 * Node 20 does not apply `--import tsx` from execArgv to a worker's entry file).
 */
function createWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}
