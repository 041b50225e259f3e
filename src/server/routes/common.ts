import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderTable, watermarkFor, type TableFormat } from '../output/tables.js';
import { sessionOf } from '../context.js';
import type { AggregateCache } from '../cache.js';

/** Validated shapes shared by the route modules: nothing reaches SQL unchecked. */
export const laCodeParam = z.object({ laCode: z.string().regex(/^[0-9]{3}$/, 'must be a 3-digit DfE LA code') });
export const idText = z.string().min(1).max(48).regex(/^[\x21-\x7E]+$/, 'must be printable characters without spaces');
export const pagination = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};
export const downloadFormat = z.enum(['json', 'csv', 'xlsx']).default('json');

export interface Page<T> {
  page: number;
  pageSize: number;
  total: number;
  items: T[];
}

/**
 * Sends a list as a CSV/XLSX download: formula-safe, watermarked with the user and time, and
 * audited as an export (format, row count, file hash) before the file leaves.
 */
export async function sendDownload(
  request: FastifyRequest,
  reply: FastifyReply,
  download: { laCode: string; name: string; format: TableFormat; columns: string[]; rows: Record<string, unknown>[]; childIds: string[]; resource: string },
) {
  const { principal } = sessionOf(request);
  const now = new Date();
  const file = await renderTable({ columns: download.columns, rows: download.rows, watermark: watermarkFor(principal.email, now) }, download.format);
  await request.audit({
    laCode: download.laCode, action: 'export', resource: download.resource, childIds: download.childIds, outcome: 'allowed',
    details: { format: download.format, rows: download.rows.length, sha256: file.sha256, filter: request.query as Record<string, unknown> },
  });
  const fileName = `${download.name}-${download.laCode}-${now.toISOString().slice(0, 10)}.${file.extension}`;
  return reply.header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').type(file.contentType).send(file.body);
}

/** An aggregate ready to send: its JSON bytes, gzipped once, and an ETag. */
export interface PreparedJson {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

export function prepareJson(value: unknown): PreparedJson {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return { body, gzip: gzipSync(body, { level: 6 }), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/**
 * Sends an aggregate from the per-authority cache as ready-made bytes: hot dashboard pages then
 * cost a map lookup, not a query, a serialisation or a compression. Browsers get the gzipped
 * copy, and 304 when their copy is current.
 */
export async function sendCachedJson(reply: FastifyReply, cache: AggregateCache, laCode: string, key: string, compute: () => Promise<unknown>) {
  const prepared = await cache.get(laCode, key, async () => prepareJson(await compute()));
  const headers = reply.request.headers;
  reply.header('cache-control', 'private, max-age=30').header('etag', prepared.etag).header('vary', 'accept-encoding').type('application/json; charset=utf-8');
  if (headers['if-none-match'] === prepared.etag) return reply.code(304).send();
  if (/\bgzip\b/.test(headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(prepared.gzip);
  return reply.send(prepared.body);
}
