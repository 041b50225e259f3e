/** One call from database to file contents: gather, build, render in the format asked for. */
import type { Kysely } from 'kysely';
import type { Browser } from 'playwright-core';
import type { Database } from '../db/index.js';
import { buildReport } from './build/build-report.js';
import { gatherReportData } from './gather/gather.js';
import type { Audience, ReportDocument, ReportId } from './model.js';
import { renderHtml } from './render/html.js';
import { renderPdf } from './render/pdf.js';
import { renderXlsx } from './render/xlsx.js';
import { getTemplate, TEMPLATES } from './templates/index.js';

export type ReportFormat = 'html' | 'pdf' | 'xlsx';

export interface GenerateOptions {
  readonly template: ReportId | string;
  readonly laCode: string;
  readonly year: number;
  readonly format: ReportFormat;
  /** internal turns suppression off and adds the warning banner. */
  readonly audience?: Audience;
  readonly threshold?: number;
  readonly generatedOn?: string;
  /** Reuse a browser across PDFs (benchmarks, batch runs). */
  readonly browser?: Browser;
  readonly forecastRuns?: number;
}

export interface GeneratedReport {
  readonly document: ReportDocument;
  readonly content: Buffer;
  readonly problems: readonly string[];
}

/** The output format for a file name: .pdf, .html (or .htm), .xlsx. */
export function formatForPath(path: string): ReportFormat {
  const ext = path.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'pdf') return 'pdf';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'xlsx') return 'xlsx';
  throw new Error(`Output ${JSON.stringify(path)} has no report format: end the file name with .pdf, .html or .xlsx.`);
}

export async function generateReport(db: Kysely<Database>, options: GenerateOptions): Promise<GeneratedReport> {
  const template = getTemplate(options.template);
  if (!template) throw new Error(`Unknown report ${JSON.stringify(options.template)}: choose one of ${Object.keys(TEMPLATES).join(', ')}.`);
  if (!Number.isInteger(options.year) || options.year < 2000 || options.year > 2100) throw new Error(`Year ${options.year} is not a collection year (for 2023/24 give 2024).`);
  const data = await gatherReportData(db, template, { laCode: options.laCode, year: options.year, generatedOn: options.generatedOn, forecastRuns: options.forecastRuns });
  const document = buildReport(template, data, { audience: options.audience, threshold: options.threshold });
  let content: Buffer;
  if (options.format === 'xlsx') content = await renderXlsx(document);
  else {
    const html = renderHtml(document);
    content =
      options.format === 'html'
        ? Buffer.from(html, 'utf8')
        : await renderPdf(html, { browser: options.browser, footerLeft: `${document.authority.name}: ${document.title} ${document.yearLabel}${document.suppressed ? '' : ' (INTERNAL)'}` });
  }
  return { document, content, problems: data.problems };
}
