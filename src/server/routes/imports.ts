import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { UploadedFile } from '../imports.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import { sessionOf, type ApiApp, type ServerContext } from '../context.js';
import { laCodeParam, pagination } from './common.js';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,150}$/;
const ALLOWED_EXTENSIONS = /\.(xml|csv|xlsx)$/i;
const batchParams = laCodeParam.extend({ batchId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** A file name from a client is only a label: refuse anything that could name a path. */
export function checkUploadName(name: string): string | null {
  if (!SAFE_NAME.test(name) || name.includes('..')) return `File name "${name.slice(0, 100)}" is not allowed: use letters, digits, spaces and . _ ( ) - only, with no folder part.`;
  if (!ALLOWED_EXTENSIONS.test(name)) return `File "${name}" is not an XML, CSV or XLSX file.`;
  return null;
}

/** Imports: administrators upload a file set; progress and error reports come from import_batch. */
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
      if (!context.importer) throw new ApiError(501, 'not_available', 'Imports need the import module (src/ingest), which is not wired into this server yet.');
      const { principal } = sessionOf(request);
      const result = await context.importer.start({ laCode, files, importedBy: principal.email });
      const ok = result.report?.ok ?? true;
      if (ok) context.cache.invalidate(laCode);
      await request.audit({ laCode, action: 'create', resource: 'import', outcome: ok ? 'allowed' : 'failed', details: { files: files.map((f) => ({ name: f.name, bytes: f.bytes })), batchIds: result.batchIds } });
      // 422 with the full error report when the file set was refused (nothing was written).
      return reply.code(ok ? 200 : 422).send({ ok, batchIds: result.batchIds, files: files.map((f) => ({ name: f.name, bytes: f.bytes })), report: result.report ?? null });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
}

function describeBatch(row: { batch_id: number; format: string; file_name: string; collection_year: number | null; imported_by: string; started_at: Date; finished_at: Date | string | null; status: string; row_counts: Record<string, number> }) {
  return {
    batchId: Number(row.batch_id), format: row.format, fileName: row.file_name, collectionYear: row.collection_year, importedBy: row.imported_by,
    startedAt: new Date(row.started_at).toISOString(), finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null, status: row.status, rowCounts: row.row_counts,
  };
}
