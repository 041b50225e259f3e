import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../build/build-report.js';
import type { ReportTemplate, TrendTableBlock } from '../model.js';
import { craftedData } from '../test-support/crafted-data.js';
import { ANNUAL } from '../templates/annual.js';
import * as M from '../templates/measures.js';
import { renderHtml } from './html.js';
import { browserAvailable, CHROMIUM_PATH, closeSharedBrowser, renderPdf, sharedBrowser } from './pdf.js';
import { renderXlsx, safeText, tablesOf } from './xlsx.js';

const publicDoc = buildReport(ANNUAL, craftedData());
const internalDoc = buildReport(ANNUAL, craftedData(), { audience: 'internal' });

describe('HTML', () => {
  const html = renderHtml(publicDoc);
  it('is one self-contained A4 page with repeated table headers and inline SVG charts', () => {
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html.match(/<svg/g)?.length).toBe(2);
    expect(html.match(/<thead>/g)?.length).toBe(tablesOf(publicDoc).length);
  });
  it('sources and dates every table and chart', () => {
    const figures = html.match(/<figure class="(table|chart)"/g)?.length ?? 0;
    expect(html.match(/Source: /g)?.length).toBe(figures);
    expect(html.match(/Dated: /g)?.length).toBe(figures);
  });
  it('tags numbers in sentences with the indicator and year they show', () => {
    expect(html).toContain('<span class="n" data-kind="change" data-source="CON-01" data-value="34">34%</span>');
    expect(html).toContain('data-kind="rate" data-source="REF-01" data-year="2016" data-value="551">551.0 per 10,000</span>');
  });
  it('escapes text from the data', () => {
    expect(html).toContain('=HYPERLINK(&quot;http://evil&quot;)');
  });
  it('shows the banner only on an internal report', () => {
    expect(html).not.toContain('class="banner"');
    expect(renderHtml(internalDoc)).toMatch(/<div class="banner" role="alert">INTERNAL — NOT FOR PUBLICATION/);
  });
});

describe('XLSX annex', () => {
  it('has a contents sheet and one sheet per table, symbols as text and formulas defused', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(publicDoc)) as never);
    const tables = tablesOf(publicDoc);
    expect(wb.worksheets.length).toBe(tables.length + 1);
    expect(wb.worksheets[0]!.name).toBe('Contents');
    const values: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => values.push(c.value))));
    expect(values).toContain(`'=HYPERLINK("http://evil")`);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    const cl = wb.worksheets.find((w) => /Caseloads by team/.test(w.name))!;
    const rows: unknown[][] = [];
    cl.eachRow((r) => rows.push(r.values as unknown[]));
    const small = rows.find((r) => r[1] === 'Disabled children')!;
    expect(small[4]).toBe('c');
    const contacts = wb.worksheets.find((w) => /Contacts and referrals/.test(w.name))!;
    let found = false;
    contacts.eachRow((r) => {
      if (r.getCell(1).value === 'Contacts received') {
        expect(r.getCell(7).value).toBe(11393);
        found = true;
      }
    });
    expect(found).toBe(true);
  });
  it('prefixes every risky first character', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(safeText(s)).toBe(`'${s}`);
    expect(safeText('Neglect')).toBe('Neglect');
  });
});

/** A report with a long table, to check headers repeat and pages are numbered. */
function longReport() {
  const rows = Array.from({ length: 90 }, (_, i) => ({ ...M.CONTACTS, label: `Row ${i + 1} contacts` }));
  const block: TrendTableBlock = { kind: 'trend-table', id: 'long', title: 'Long table', rows, comparators: false };
  const template: ReportTemplate = { ...ANNUAL, sections: [{ id: 'long', heading: 'Long', needs: ['metrics'], blocks: [block] }] };
  return renderHtml(buildReport(template, craftedData()));
}

describe('PDF (Chromium)', () => {
  const required = Boolean(process.env.CSC_REQUIRE_BROWSER);
  const present = browserAvailable();
  if (!present && !required) console.log(`PDF tests skipped: Chromium not found at ${CHROMIUM_PATH} (set CSC_REQUIRE_BROWSER=1 to make this a failure).`);
  const run = present || required ? it : it.skip;

  run('prints A4 pages with page numbers and the table header repeated on every page', async () => {
    if (!present) throw new Error(`CSC_REQUIRE_BROWSER is set but Chromium is missing at ${CHROMIUM_PATH}`);
    // one Chromium shared across PDFs: asked for twice, launched once
    const browser = await sharedBrowser();
    expect(await sharedBrowser()).toBe(browser);
    let pdf: Buffer;
    try {
      pdf = await renderPdf(longReport(), { browser, footerLeft: 'Test footer' });
      expect(browser.isConnected()).toBe(true);
    } finally {
      await closeSharedBrowser();
    }
    expect(browser.isConnected()).toBe(false);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'csc-report-'));
    const file = join(dir, 'long.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(info.match(/Pages:\s+(\d+)/)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
      expect(text).toMatch(new RegExp(`Page ${p} of ${pages}`));
      if (p >= 2) expect(text).toMatch(/Measure\s+2010\/11/);
    }
  }, 60_000);
});
