import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { ApiError } from './errors.js';

/**
 * Long work the server runs for a request (forecasts, reports): started once per key, polled by
 * id, kept in memory (at most `maxJobs`, oldest finished first), so a restart loses them.
 */

export interface JobProgress {
  stage: string;
  done: number;
  total: number;
  /** Share of the whole job done, 0 to 1, when known. */
  fraction?: number;
}

export interface Job<T> {
  id: string;
  laCode: string;
  key: string;
  status: 'running' | 'done' | 'failed';
  progress: JobProgress;
  startedAt: string;
  finishedAt: string | null;
  result: T | null;
  error: string | null;
}

/** Long work keyed by what it computes: one job per key, kept until evicted (oldest first). */
export class JobTable<T> {
  private readonly byId = new Map<string, Job<T>>();
  private readonly byKey = new Map<string, Job<T>>();

  constructor(private readonly maxJobs = 40) {}

  /** The job for `key` (reused unless it failed), or a new one running `work`. */
  start(laCode: string, key: string, work: (progress: (p: JobProgress) => void) => Promise<T>): Job<T> {
    const existing = this.byKey.get(key);
    if (existing && existing.status !== 'failed') return existing;
    const job: Job<T> = {
      id: randomUUID(), laCode, key, status: 'running', progress: { stage: 'starting', done: 0, total: 1 },
      startedAt: new Date().toISOString(), finishedAt: null, result: null, error: null,
    };
    this.evict();
    this.byId.set(job.id, job);
    this.byKey.set(key, job);
    // Started on the next tick, so the caller can answer 202 before any synchronous work runs.
    setImmediate(() => {
      work((p) => { job.progress = p; })
        .then((result) => { job.result = result; job.status = 'done'; })
        .catch((error: unknown) => { job.error = messageOf(error); job.status = 'failed'; })
        .finally(() => { job.finishedAt = new Date().toISOString(); });
    });
    return job;
  }

  /** A job of this authority (another authority's job id is 'not found', not 'forbidden'). */
  get(laCode: string, id: string): Job<T> | undefined {
    const job = this.byId.get(id);
    return job && job.laCode === laCode ? job : undefined;
  }

  private evict(): void {
    while (this.byId.size >= this.maxJobs) {
      const oldest = [...this.byId.values()].find((j) => j.status !== 'running') ?? this.byId.values().next().value!;
      this.byId.delete(oldest.id);
      if (this.byKey.get(oldest.key) === oldest) this.byKey.delete(oldest.key);
    }
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').slice(0, 5).join(' ');
}

/** 200 with the result when done, 202 with progress while running, 422 with the reason when it failed. */
export function sendJob<T>(reply: FastifyReply, job: Job<T>, view: (result: T) => unknown = (r) => r) {
  const head = { jobId: job.id, status: job.status, progress: job.progress, startedAt: job.startedAt, finishedAt: job.finishedAt };
  if (job.status === 'failed') throw new ApiError(422, 'job_failed', job.error ?? 'The job failed.', head);
  if (job.status === 'running') return reply.code(202).header('cache-control', 'no-store').send(head);
  return reply.header('cache-control', 'no-store').send({ ...head, result: view(job.result as T) });
}
