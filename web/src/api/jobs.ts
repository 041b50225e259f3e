/**
 * Long server work (forecasts, scenarios, committee reports) runs as a job: the first request
 * answers 202 with progress, and the job's URL answers 200 with the result once it is done.
 * `runJob` starts one and polls it, reporting progress, until it finishes.
 */
import { apiFetch, ApiError, type RequestOptions } from './client.js';

export interface JobProgress {
  stage: string;
  done: number;
  total: number;
}

export interface JobAnswer<T> {
  jobId: string;
  status: 'running' | 'done' | 'failed';
  progress: JobProgress;
  result?: T;
}

const POLL_MS = 400;

export async function runJob<T>(
  start: { path: string; options?: RequestOptions },
  jobPath: (jobId: string) => string,
  onProgress: (progress: JobProgress) => void,
  signal?: AbortSignal,
): Promise<JobAnswer<T> & { result: T }> {
  let answer = (await (await apiFetch(start.path, { ...start.options, signal })).json()) as JobAnswer<T>;
  while (answer.status === 'running') {
    onProgress(answer.progress);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    answer = (await (await apiFetch(jobPath(answer.jobId), { signal })).json()) as JobAnswer<T>;
  }
  if (answer.status !== 'done' || answer.result === undefined) throw new ApiError(422, 'job_failed', 'The job did not finish.');
  onProgress({ ...answer.progress, done: answer.progress.total });
  return answer as JobAnswer<T> & { result: T };
}

/** Share of the stage done, 0..1 (for a progress bar). */
export function fractionOf(progress: JobProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.max(0, Math.min(1, progress.done / progress.total));
}
