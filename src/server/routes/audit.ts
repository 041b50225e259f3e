import { z } from 'zod';
import { searchAudit } from '../audit/search.js';
import { verifyAuditChain } from '../audit/verify.js';
import type { ApiApp, ServerContext } from '../context.js';
import { downloadFormat, idText, laCodeParam, pagination, sendDownload } from './common.js';

const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/, 'must be an ISO date or time');

/** The audit trail, for an authority's administrator: search (and download) and chain verification. */
export function registerAuditRoutes(app: ApiApp, context: ServerContext): void {
  app.get('/api/authorities/:laCode/audit', {
    config: { rule: { access: 'roles', roles: ['administrator'], authorityParam: true } },
    schema: {
      tags: ['audit'], params: laCodeParam,
      querystring: z.object({
        ...pagination, userId: z.string().uuid().optional(), action: z.string().regex(/^[a-z_]{1,30}$/).optional(),
        resource: z.string().max(200).optional(), childId: idText.optional(), outcome: z.enum(['allowed', 'refused', 'break_glass', 'failed']).optional(),
        from: isoTime.optional(), to: isoTime.optional(), format: downloadFormat,
      }),
    },
  }, async (request, reply) => {
    const { laCode } = request.params;
    const q = request.query;
    const download = q.format !== 'json';
    const result = await searchAudit(context.db, {
      laCode, userId: q.userId, action: q.action, resource: q.resource, childId: q.childId, outcome: q.outcome, from: q.from, to: q.to,
      limit: download ? 10_000 : q.pageSize, offset: download ? 0 : (q.page - 1) * q.pageSize,
    });
    if (download) {
      const rows = result.rows.map((r) => ({ ...r, childIds: r.childIds.join(' '), details: JSON.stringify(r.details) }));
      return sendDownload(request, reply, { laCode, name: 'audit', format: q.format as 'csv' | 'xlsx', columns: Object.keys(rows[0] ?? { seq: 0 }), rows, childIds: [], resource: 'audit_log' });
    }
    await request.audit({ laCode, action: 'search', resource: 'audit_log', outcome: 'allowed', details: { filter: { ...q }, rows: result.rows.length } });
    return { page: q.page, pageSize: q.pageSize, total: result.total, items: result.rows };
  });

  app.get('/api/authorities/:laCode/audit/verify', {
    config: { rule: { access: 'roles', roles: ['administrator'], authorityParam: true } },
    schema: { tags: ['audit'], params: laCodeParam },
  }, async (request) => {
    const [report] = await verifyAuditChain(context.db, request.params.laCode);
    await request.audit({ laCode: request.params.laCode, action: 'verify', resource: 'audit_log', outcome: 'allowed', details: { ok: report?.ok ?? true } });
    return report ?? { laCode: request.params.laCode, entries: 0, ok: true, problems: [] };
  });
}
