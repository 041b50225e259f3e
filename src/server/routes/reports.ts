import { z } from 'zod';
import {
  buildReport, gatherReportData, closeSharedBrowser, pdfFooter, renderHtml, renderPdf, renderXlsx, sharedBrowser, TEMPLATES, type Audience, type ReportDocument, type ReportId,
} from '../../reports/index.js';
import { collectionYearOf } from '../../calendar/index.js';
import { INTERNAL_REPORT_ROLES, REPORT_RULE } from '../access/route-rules.js';
import { today } from '../access/child-scope.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import { sessionOf, type ApiApp, type ServerContext } from '../context.js';
import { laCodeParam } from './common.js';
import { JobTable, sendJob } from '../jobs.js';

/**
 * Committee reports (src/reports) from the web app: list the templates, generate one for the
 * user's authority and a year as a job (gathering the data and the forecast takes seconds, so
 * the page polls its progress), show it as HTML and download it as PDF or XLSX. Every
 * generation and download is audited. Reports are public (suppressed) unless a role allowed
 * internal reports asks for one.
 */

const REPORT_IDS = Object.keys(TEMPLATES) as [ReportId, ...ReportId[]];

const generateBody = z.object({
  template: z.enum(REPORT_IDS),
  /** Collection year by its end year: 2024 = 2023/24. */
  year: z.number().int().min(2000).max(2100),
  audience: z.enum(['public', 'internal']).default('public'),
});
const jobParams = laCodeParam.extend({ jobId: z.string().uuid('must be a job id') });
const fileQuery = z.object({ format: z.enum(['html', 'pdf', 'xlsx']) });

interface GeneratedReport {
  document: ReportDocument;
  html: string;
  problems: string[];
  files: Partial<Record<'pdf' | 'xlsx', Promise<Buffer>>>;
}

const CONTENT_TYPES = { html: 'text/html; charset=utf-8', pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function registerReportRoutes(app: ApiApp, context: ServerContext): void {
  const jobs = new JobTable<GeneratedReport>();
  app.addHook('onClose', async () => closeSharedBrowser());

  app.get('/api/authorities/:laCode/reports', {
    config: { rule: REPORT_RULE },
    schema: { tags: ['reports'], params: laCodeParam },
  }, async (request) => {
    const { principal } = sessionOf(request);
    return {
      // The latest finished collection year is the natural default.
      defaultYear: collectionYearOf(today()) - 1,
      internalAllowed: INTERNAL_REPORT_ROLES.includes(principal.role),
      templates: Object.values(TEMPLATES).map((t) => ({ id: t.id, title: t.title, modelledOn: t.modelledOn, purpose: t.purpose })),
    };
  });

  app.post('/api/authorities/:laCode/reports', {
    config: { rule: REPORT_RULE },
    schema: { tags: ['reports'], params: laCodeParam, body: generateBody },
  }, async (request, reply) => {
    const { principal } = sessionOf(request);
    const { laCode } = request.params;
    const { template, year, audience } = request.body;
    if (audience === 'internal' && !INTERNAL_REPORT_ROLES.includes(principal.role)) {
      throw new ApiError(403, 'role_not_permitted', `The ${principal.role} role may generate public (suppressed) reports only.`);
    }
    // Same report, year and audience on the same day: reuse (the report is dated by day).
    const key = `${laCode}|${template}|${year}|${audience}|${today()}`;
    const job = jobs.start(laCode, key, (progress) => generate(context, laCode, template, year, audience, progress));
    await request.audit({ laCode, action: 'create', resource: 'report', resourceId: template, outcome: 'allowed', details: { year, audience, jobId: job.id } });
    return sendJob(reply, job, summary);
  });

  app.get('/api/authorities/:laCode/reports/jobs/:jobId', {
    config: { rule: REPORT_RULE },
    schema: { tags: ['reports'], params: jobParams },
  }, async (request, reply) => {
    const job = jobs.get(request.params.laCode, request.params.jobId);
    if (!job) throw notFound('Report job');
    return sendJob(reply, job, summary);
  });

  app.get('/api/authorities/:laCode/reports/jobs/:jobId/file', {
    config: { rule: REPORT_RULE },
    schema: { tags: ['reports'], params: jobParams, querystring: fileQuery },
  }, async (request, reply) => {
    const { laCode, jobId } = request.params;
    const { format } = request.query;
    const job = jobs.get(laCode, jobId);
    if (!job) throw notFound('Report job');
    if (job.status !== 'done' || !job.result) throw new ApiError(409, 'job_not_finished', 'The report has not finished yet: download it when it is done.', { status: job.status });
    const report = job.result;
    let body: Buffer;
    if (format === 'html') body = Buffer.from(report.html, 'utf8');
    else {
      // Rendered once per job; a failed render is not kept.
      const pending = (report.files[format] ??= format === 'pdf' ? renderPdfShared(report.html, pdfFooter(report.document)) : renderXlsx(report.document));
      try {
        body = await pending;
      } catch (error) {
        delete report.files[format];
        throw new ApiError(503, 'render_failed', `The ${format.toUpperCase()} could not be made: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    const d = report.document;
    await request.audit({ laCode, action: 'export', resource: 'report', resourceId: d.template, outcome: 'allowed', details: { format, year: d.year, audience: d.audience, jobId } });
    const name = `${d.template}-report-${laCode}-${d.year}${d.suppressed ? '' : '-INTERNAL'}.${format}`;
    const disposition = format === 'html' ? 'inline' : 'attachment';
    return reply.header('content-disposition', `${disposition}; filename="${name}"`).header('cache-control', 'no-store').type(CONTENT_TYPES[format]).send(body);
  });
}

/** PDFs share one Chromium per server process (closed with the server), started on first use. */
async function renderPdfShared(html: string, footerLeft: string): Promise<Buffer> {
  return renderPdf(html, { browser: await sharedBrowser(), footerLeft });
}

function summary(report: GeneratedReport) {
  const d = report.document;
  return {
    template: d.template, title: d.title, authority: d.authority, year: d.year, yearLabel: d.yearLabel,
    audience: d.audience, suppressed: d.suppressed, banner: d.banner, generatedOn: d.generatedOn,
    sections: d.sections.map((s) => s.heading), problems: report.problems,
  };
}

async function generate(context: ServerContext, laCode: string, id: ReportId, year: number, audience: Audience, progress: (p: { stage: string; done: number; total: number }) => void): Promise<GeneratedReport> {
  const template = TEMPLATES[id];
  if (!template) throw badRequest(`Unknown report ${id}.`);
  progress({ stage: 'gathering indicators, caseloads and the forecast', done: 0, total: 3 });
  const data = await gatherReportData(context.db, template, { laCode, year, forecastRuns: 200 });
  progress({ stage: 'building the report', done: 1, total: 3 });
  const document = buildReport(template, data, { audience });
  progress({ stage: 'rendering', done: 2, total: 3 });
  const html = renderHtml(document);
  progress({ stage: 'done', done: 3, total: 3 });
  return { document, html, problems: data.problems, files: {} };
}
