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
  /** Told when each stage starts and ends (for progress bars and benchmarks); never required. */
  readonly onProgress?: (event: ReportProgress) => void;
}

export type ReportStage = 'gather' | 'build' | 'render' | 'print';

export interface ReportProgress {
  readonly stage: ReportStage;
  readonly status: 'start' | 'done';
  /** Wall time of the stage, on 'done'. */
  readonly ms?: number;
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

/** The left of every PDF page's footer: whose data (or that it is synthetic), the report, and INTERNAL when unsuppressed. */
export function pdfFooter(document: ReportDocument): string {
  const whose = document.synthetic ? `Synthetic data modelled on ${document.authority.name}` : document.authority.name;
  return `${whose}: ${document.title} ${document.yearLabel}${document.suppressed ? '' : ' (INTERNAL)'}`;
}

export async function generateReport(db: Kysely<Database>, options: GenerateOptions): Promise<GeneratedReport> {
  const template = getTemplate(options.template);
  if (!template) throw new Error(`Unknown report ${JSON.stringify(options.template)}: choose one of ${Object.keys(TEMPLATES).join(', ')}.`);
  if (!Number.isInteger(options.year) || options.year < 2000 || options.year > 2100) throw new Error(`Year ${options.year} is not a collection year (for 2023/24 give 2024).`);
  const stage = async <T>(name: ReportStage, work: () => T | Promise<T>): Promise<T> => {
    options.onProgress?.({ stage: name, status: 'start' });
    const started = performance.now();
    const result = await work();
    options.onProgress?.({ stage: name, status: 'done', ms: performance.now() - started });
    return result;
  };
  const data = await stage('gather', () => gatherReportData(db, template, { laCode: options.laCode, year: options.year, generatedOn: options.generatedOn, forecastRuns: options.forecastRuns }));
  const document = await stage('build', () => buildReport(template, data, { audience: options.audience, threshold: options.threshold }));
  let content: Buffer;
  if (options.format === 'xlsx') content = await stage('render', () => renderXlsx(document));
  else {
    const html = await stage('render', () => renderHtml(document));
    content =
      options.format === 'html'
        ? Buffer.from(html, 'utf8')
        : await stage('print', () => renderPdf(html, { browser: options.browser, footerLeft: pdfFooter(document) }));
  }
  return { document, content, problems: data.problems };
}
