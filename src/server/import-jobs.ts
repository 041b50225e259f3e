import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { appendAudit } from './audit/audit-log.js';
import type { AuditQueue } from './audit/audit-queue.js';
import type { ImportProblem, ImportService, ImportStep, UploadedFile } from './imports.js';
import { IMPORT_PHASES, percentOf } from './import-progress.js';

export type ImportJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportJob {
  jobId: string;
  laCode: string;
  userId: string;
  importedBy: string;
  status: ImportJobStatus;
  phase: string;
  phaseLabel: string;
  done: number;
  total: number;
  file: string | null;
  percent: number;
  files: { name: string; bytes: number }[];
  createdAt: string;
  finishedAt: string | null;
  batchIds: number[];
  errors: number;
  warnings: number;
  /** Set when the importer itself failed (not a refused file set): a message safe to show. */
  failure: string | null;
  problems: ImportProblem[];
}

/** What a client sees of a job (the problem list is its own download). */
export type ImportJobView = Omit<ImportJob, 'problems'>;

/**
 * Import jobs: an upload returns at once with a job id; the import runs in the background,
 * one at a time per server (imports are one big transaction each), updating status, phase and
 * percentage from the importer's progress callback. Jobs are kept in memory per authority (the
 * last `keep`), so a job id from another authority is simply not found.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly importer: ImportService,
    private readonly hooks: { onSuccess(laCode: string): void; audit?: AuditQueue | undefined; log?: ((error: unknown) => void) | undefined },
    private readonly keep = 200,
  ) {}

  /** Queues a file set saved in `folder` (removed once the import ends). */
  submit(input: { laCode: string; userId: string; role: string; email: string; ip: string | null; files: UploadedFile[]; folder: string }): ImportJob {
    const job: ImportJob = {
      jobId: randomUUID(), laCode: input.laCode, userId: input.userId, importedBy: input.email, status: 'queued',
      phase: 'upload', phaseLabel: IMPORT_PHASES.upload!.label, done: 0, total: 0, file: null, percent: 0,
      files: input.files.map((f) => ({ name: f.name, bytes: f.bytes })), createdAt: new Date().toISOString(), finishedAt: null,
      batchIds: [], errors: 0, warnings: 0, failure: null, problems: [],
    };
    this.jobs.set(job.jobId, job);
    this.trim();
    // A failed job must not stop the ones queued after it.
    this.chain = this.chain.then(() => this.run(job, input)).catch((error: unknown) => this.hooks.log?.(error));
    return job;
  }

  get(laCode: string, jobId: string): ImportJob | undefined {
    const job = this.jobs.get(jobId);
    return job && job.laCode === laCode ? job : undefined;
  }

  list(laCode: string): ImportJob[] {
    return [...this.jobs.values()].filter((j) => j.laCode === laCode).reverse();
  }

  /** Resolves when every queued job has finished (server shutdown, tests). */
  idle(): Promise<void> {
    return this.chain;
  }

  private async run(job: ImportJob, input: { laCode: string; userId: string; role: string; email: string; ip: string | null; files: UploadedFile[]; folder: string }): Promise<void> {
    job.status = 'running';
    let status: ImportJobStatus = 'failed';
    try {
      const outcome = await this.importer.start({ laCode: job.laCode, files: input.files, importedBy: input.email, onProgress: (step) => this.step(job, step) });
      job.problems = [...(outcome.report?.issues ?? [])];
      job.errors = job.problems.filter((p) => p.severity === 'error').length;
      job.warnings = job.problems.length - job.errors;
      job.batchIds = outcome.batchIds;
      status = (outcome.report?.ok ?? true) ? 'succeeded' : 'failed';
    } catch (error) {
      job.failure = 'The import stopped on an unexpected error; nothing was written. The server log has the detail.';
      this.hooks.log?.(error);
    } finally {
      await rm(input.folder, { recursive: true, force: true }).catch(() => undefined);
    }
    if (status === 'succeeded') {
      // importFiles has refreshed the planner statistics of the tables it wrote (ANALYZE in writeChanges).
      this.step(job, { phase: 'done', done: 1, total: 1 });
      this.hooks.onSuccess(job.laCode);
    }
    job.finishedAt = new Date().toISOString();
    const entry = {
      laCode: job.laCode, userLaCode: job.laCode, userId: input.userId, role: input.role, ip: input.ip,
      action: 'import', resource: 'import_job', resourceId: job.jobId, outcome: status === 'succeeded' ? 'allowed' as const : 'failed' as const,
      details: { files: job.files, batchIds: job.batchIds, errors: job.errors, warnings: job.warnings, failure: job.failure },
    };
    await (this.hooks.audit ? this.hooks.audit.append(entry) : appendAudit(this.db, entry)).catch((error: unknown) => this.hooks.log?.(error));
    // Status last: a client that sees the job finished also sees 100 %, the report and its audit entry.
    job.status = status;
  }

  private step(job: ImportJob, step: ImportStep): void {
    job.phase = step.phase;
    job.phaseLabel = IMPORT_PHASES[step.phase]?.label ?? step.phase;
    job.done = step.done;
    job.total = step.total;
    job.file = step.file ?? null;
    // The bar never goes backwards, whatever order the phases report in.
    job.percent = Math.max(job.percent, percentOf(step));
  }

  private trim(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.keep) break;
      if (job.status === 'succeeded' || job.status === 'failed') this.jobs.delete(id);
    }
  }
}

export function viewOf(job: ImportJob): ImportJobView {
  const { problems: _problems, ...view } = job;
  return view;
}
