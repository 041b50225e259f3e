import { createHash } from 'node:crypto';
import { z } from 'zod';
import { exportReturn, type ExportFormat } from '../../export/index.js';
import type { Role } from '../access/roles.js';
import type { ApiApp, ServerContext } from '../context.js';
import { zipFiles } from '../output/zip.js';
import { laCodeParam } from './common.js';

/**
 * Who may download the statutory returns. They hold every child's full record (ids, UPNs, dates
 * of birth), so only the data-management role that also uploads them: not the pseudonymised
 * analyst, not case roles (whose scope is a caseload, not the authority).
 */
export const RETURN_EXPORT_ROLES: Role[] = ['administrator'];

/** The statutory returns offered for download (src/export formats); one file is sent as itself, a set as a zip. */
type ReturnFormat = Extract<ExportFormat, '903' | '903-xml' | 'cin' | 'workforce' | 'annex-a' | 'annex-a-csv'>;
const RETURN_FORMATS: Record<ReturnFormat, { label: string }> = {
  '903': { label: 'SSDA903 CSV file set (zip)' },
  '903-xml': { label: 'SSDA903 XML' },
  cin: { label: 'CIN census XML' },
  workforce: { label: 'Children\'s social work workforce CSV' },
  'annex-a': { label: 'Ofsted Annex A workbook (lists 1-11, as at 31 March of the year)' },
  'annex-a-csv': { label: 'Ofsted Annex A lists 1-11 as CSV files (zip)' },
};
/** Formats that are a set of files, always sent as a zip. */
const FILE_SETS: ReadonlySet<ReturnFormat> = new Set(['903', 'annex-a-csv']);

const formatParam = z.enum(Object.keys(RETURN_FORMATS) as [ReturnFormat, ...ReturnFormat[]]);

/** Statutory returns written by src/export for an authority and collection year; audited as exports. */
export function registerReturnRoutes(app: ApiApp, context: ServerContext): void {
  app.get('/api/authorities/:laCode/returns/:format', {
    config: { rule: { access: 'roles', roles: RETURN_EXPORT_ROLES, authorityParam: true } },
    schema: {
      tags: ['exports'], params: laCodeParam.extend({ format: formatParam }),
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    },
  }, async (request, reply) => {
    const { laCode, format } = request.params;
    const { year } = request.query;
    const result = await exportReturn(context.db, { laCode, year, format });
    const names = Object.keys(result.files);
    const single = !FILE_SETS.has(format) && names.length === 1;
    const body = single ? Buffer.from(result.files[names[0]!]!) : zipFiles(result.files);
    const fileName = single ? names[0]! : `${format === '903' ? 'ssda903' : 'annex-a'}-${laCode}-${year}.zip`;
    const sha256 = createHash('sha256').update(body).digest('hex');
    // Written before the file leaves (fail closed). The file itself is not watermarked: it must stay a valid return.
    await request.audit({
      laCode, action: 'export', resource: 'statutory_return', resourceId: `${format}:${year}`, outcome: 'allowed',
      details: { format, year, files: names.map((n) => ({ name: n, bytes: result.files[n]!.length })), bytes: body.length, sha256, warnings: result.warnings.length },
    });
    const type = !single ? 'application/zip'
      : fileName.endsWith('.xml') ? 'application/xml'
        : fileName.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8';
    return reply
      .header('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
      .header('cache-control', 'no-store')
      .header('x-export-warnings', String(result.warnings.length))
      .type(type)
      .send(body);
  });
}
