import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { UploadedFile } from '../imports.js';
import { viewOf, type ImportJob } from '../import-jobs.js';
import { issuesToCsv, type ImportIssue } from '../../ingest/index.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import { sessionOf, type ApiApp, type ServerContext } from '../context.js';
import { laCodeParam, pagination } from './common.js';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,150}$/;
const ALLOWED_EXTENSIONS = /\.(xml|csv|xlsx)$/i;
const batchParams = laCodeParam.extend({ batchId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const jobParams = laCodeParam.extend({ jobId: z.uuid() });

/** A file name from a client is only a label: refuse anything that could name a path. */
export function checkUploadName(name: string): string | null {
  if (!SAFE_NAME.test(name) || name.includes('..')) return `File name "${name.slice(0, 100)}" is not allowed: use letters, digits, spaces and . _ ( ) - only, with no folder part.`;
  if (!ALLOWED_EXTENSIONS.test(name)) return `File "${name}" is not an XML, CSV or XLSX file.`;
  return null;
}

/**
 * Imports: administrators upload a file set, which runs as a background job (202 + job id);
 * the job gives status, phase and percentage, then its problem report as CSV or JSON.
 * Finished batches are listed from import_batch.
 */
export function registerImportRoutes(app: ApiApp, context: ServerContext): void {
  const rule = { access: 'roles' as const, roles: ['administrator' as const], authorityParam: true };

  app.get('/api/authorities/:laCode/imports', { config: { rule }, schema: { tags: ['imports'], params: laCodeParam, querystring: z.object(pagination) } }, async (request) => {
    const { laCode } = request.params;
    const { page, pageSize } = request.query;
    const rows = await context.db.selectFrom('import_batch').selectAll().where('la_code', '=', laCode).orderBy('batch_id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
    return { page, pageSize, items: rows.map(describeBatch) };
  });

  app.get('/api/authorities/:laCode/imports/:batchId', { config: { rule }, schema: { tags: ['imports'], params: batchParams } }, async (request) => {
    const row = await context.db.selectFrom('import_batch').selectAll().where('la_code', '=', request.params.laCode).where('batch_id', '=', request.params.batchId).executeTakeFirst();
    if (!row) throw notFound(`Import ${request.params.batchId}`);
    return describeBatch(row);
  });

  app.get('/api/authorities/:laCode/imports/:batchId/errors', { config: { rule }, schema: { tags: ['imports'], params: batchParams } }, async (request) => {
    const { laCode, batchId } = request.params;
    const row = await context.db.selectFrom('import_batch').select('batch_id').where('la_code', '=', laCode).where('batch_id', '=', batchId).executeTakeFirst();
    if (!row) throw notFound(`Import ${batchId}`);
    if (!context.importer?.errorReport) throw new ApiError(501, 'not_available', 'Error reports need the import module (src/ingest), which is not wired into this server yet.');
    return { batchId, problems: await context.importer.errorReport(laCode, batchId) };
  });

  app.post('/api/authorities/:laCode/imports', { config: { rule }, schema: { tags: ['imports'], params: laCodeParam, consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const { laCode } = request.params;
    if (!request.isMultipart()) throw badRequest('Upload the files as multipart/form-data.');
    const folder = join(context.uploadDir, laCode, randomUUID());
    await mkdir(folder, { recursive: true });
    const files: UploadedFile[] = [];
    let handedOver = false;
    try {
      for await (const part of request.files()) {
        const problem = checkUploadName(part.filename);
        if (problem) throw new ApiError(400, 'invalid_file_name', problem, { file: part.filename.slice(0, 200) });
        if (files.some((f) => f.name === part.filename)) throw badRequest(`File "${part.filename}" was sent twice.`);
        const path = join(folder, part.filename);
        await pipeline(part.file, createWriteStream(path, { flags: 'wx' }));
        if (part.file.truncated) throw new ApiError(413, 'too_large', `File "${part.filename}" is larger than ${context.maxUploadBytes} bytes.`);
        files.push({ name: part.filename, path, bytes: part.file.bytesRead });
      }
      if (files.length === 0) throw badRequest('No files were uploaded.');
      const jobs = context.importJobs;
      if (!jobs) throw new ApiError(501, 'not_available', 'Imports need the import module (src/ingest), which is not wired into this server yet.');
      const { principal } = sessionOf(request);
      const job = jobs.submit({ laCode, userId: principal.userId, role: principal.role, email: principal.email, ip: request.ip, files, folder });
      handedOver = true; // the job removes the folder when the import ends
      await request.audit({ laCode, action: 'create', resource: 'import_job', resourceId: job.jobId, outcome: 'allowed', details: { files: job.files } });
      // 202: accepted; follow it at statusUrl (status, phase, percentage), then read its problem report.
      return reply.code(202).header('location', jobUrl(laCode, job.jobId)).send({ ...viewOf(job), statusUrl: jobUrl(laCode, job.jobId) });
    } finally {
      if (!handedOver) await rm(folder, { recursive: true, force: true });
    }
  });

  app.get('/api/authorities/:laCode/import-jobs', { config: { rule }, schema: { tags: ['imports'], params: laCodeParam } }, async (request) => ({
    items: (context.importJobs?.list(request.params.laCode) ?? []).map(viewOf),
  }));

  app.get('/api/authorities/:laCode/import-jobs/:jobId', { config: { rule }, schema: { tags: ['imports'], params: jobParams } }, async (request, reply) => {
    const job = findJob(context, request.params.laCode, request.params.jobId);
    return reply.header('cache-control', 'no-store').send(viewOf(job));
  });

  app.get('/api/authorities/:laCode/import-jobs/:jobId/problems', {
    config: { rule },
    schema: { tags: ['imports'], params: jobParams, querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }) },
  }, async (request, reply) => {
    const { laCode, jobId } = request.params;
    const job = findJob(context, laCode, jobId);
    if (job.status === 'queued' || job.status === 'running') throw new ApiError(409, 'not_finished', `Import ${jobId} is still ${job.status}: its report is ready when it ends.`);
    // Problems quote values from the files (which may name children): reading them is audited.
    await request.audit({ laCode, action: 'read', resource: 'import_report', resourceId: jobId, outcome: 'allowed', details: { format: request.query.format, problems: job.problems.length } });
    const name = `import-problems-${laCode}-${jobId.slice(0, 8)}`;
    reply.header('cache-control', 'no-store');
    if (request.query.format === 'csv') {
      return reply.header('content-disposition', `attachment; filename="${name}.csv"`).type('text/csv; charset=utf-8').send(issuesToCsv(job.problems as ImportIssue[]));
    }
    return reply.header('content-disposition', `attachment; filename="${name}.json"`).send({ jobId, status: job.status, errors: job.errors, warnings: job.warnings, failure: job.failure, problems: job.problems });
  });
}

const jobUrl = (laCode: string, jobId: string) => `/api/authorities/${laCode}/import-jobs/${jobId}`;

function findJob(context: ServerContext, laCode: string, jobId: string): ImportJob {
  const job = context.importJobs?.get(laCode, jobId);
  if (!job) throw notFound(`Import job ${jobId}`);
  return job;
}

function describeBatch(row: { batch_id: number; format: string; file_name: string; collection_year: number | null; imported_by: string; started_at: Date; finished_at: Date | string | null; status: string; row_counts: Record<string, number> }) {
  return {
    batchId: Number(row.batch_id), format: row.format, fileName: row.file_name, collectionYear: row.collection_year, importedBy: row.imported_by,
    startedAt: new Date(row.started_at).toISOString(), finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null, status: row.status, rowCounts: row.row_counts,
  };
}
