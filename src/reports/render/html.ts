/**
 * The document as one self-contained HTML page with print CSS: A4, table headers repeated on
 * every page (thead), tables and charts numbered, each with its source and date, numbers in
 * sentences tagged with the indicator they show (data-* attributes), an internal banner when
 * suppression is off.
 */
import { formatFigure } from '../narrative/format.js';
import type { NumberRef, Sentence } from '../narrative/tokens.js';
import type { Cell, DocChart, DocTable, ReportDocument } from '../model.js';
import { SYNTHETIC_NOTICE } from '../build/source.js';
import { chartSvg } from './chart-svg.js';
import { esc } from './escape.js';

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; color: #111; line-height: 1.4; margin: 0; }
.synthetic { border: 2px solid #1d4e89; background: #eef3fa; color: #0b2a50; padding: 6px 12px; margin-bottom: 12px; font-size: 9.5pt; }
.banner { border: 3px solid #b00020; background: #fde7ea; color: #7a0014; font-weight: bold; padding: 8px 12px; margin-bottom: 12px; }
header.cover { border-bottom: 3px solid #1d4e89; margin-bottom: 14px; padding-bottom: 6px; }
header.cover .authority { font-size: 12pt; color: #1d4e89; margin: 0; }
h1 { font-size: 20pt; margin: 4px 0; }
h2 { font-size: 14pt; color: #1d4e89; margin: 18px 0 6px; break-after: avoid; }
p { margin: 0 0 6px; }
.meta { color: #444; font-size: 9pt; }
figure { margin: 8px 0 14px; }
figure.chart { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
caption { text-align: left; font-weight: bold; padding: 4px 0; caption-side: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #9aa5b1; padding: 2px 4px; }
thead th { background: #e8eef5; text-align: center; }
tbody th { text-align: left; font-weight: normal; }
td { text-align: right; white-space: nowrap; }
td.text { text-align: left; white-space: normal; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #555; }
figcaption { font-size: 8pt; color: #333; margin-top: 3px; }
.notice { border-left: 4px solid #d95f02; background: #fff4ea; padding: 6px 10px; }
.notes li { font-size: 9pt; }
svg { max-width: 100%; height: auto; }
`;

function dataAttrs(ref: NumberRef | undefined): string {
  if (!ref) return '';
  const attrs: [string, string | number | null | undefined][] = [
    ['kind', ref.kind],
    ['source', ref.source],
    ['year', ref.year],
    ['area', ref.area],
    ['value', ref.value === null ? 'null' : ref.value],
  ];
  return attrs.filter(([, v]) => v !== undefined).map(([k, v]) => ` data-${k}="${esc(String(v))}"`).join('');
}

export function sentenceHtml(s: Sentence): string {
  return s.map((t) => (t.ref ? `<span class="n"${dataAttrs(t.ref)}>${esc(t.text)}</span>` : esc(t.text))).join('');
}

function cellHtml(c: Cell): string {
  const content = c.figure ? formatFigure(c.figure) : (c.text ?? '');
  const cls = c.figure || /^[+-]?[\d.,]+( pts|%)?$/.test(content) ? '' : ' class="text"';
  return `<td${cls}${dataAttrs(c.ref)}>${esc(content)}</td>`;
}

function tableHtml(t: DocTable, n: number): string {
  const head = `<thead><tr><th scope="col">${esc(t.rowHeader)}</th>${t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>`;
  const body = t.rows.map((r) => `<tr${r.total ? ' class="total"' : ''}><th scope="row">${esc(r.header)}</th>${r.cells.map(cellHtml).join('')}</tr>`).join('');
  const notes = t.notes.length ? ` ${t.notes.map(esc).join(' ')}` : '';
  return `<figure class="table" id="${esc(t.id)}"><table><caption>Table ${n}: ${esc(t.title)}</caption>${head}<tbody>${body}</tbody></table><figcaption>Source: ${esc(t.source)}. Dated: ${esc(t.dated)}.${notes}</figcaption></figure>`;
}

function chartHtml(c: DocChart, n: number): string {
  return `<figure class="chart" id="${esc(c.id)}"><figcaption><strong>Figure ${n}: ${esc(c.title)}</strong></figcaption>${chartSvg(c)}<figcaption>Source: ${esc(c.source)}. Dated: ${esc(c.dated)}.</figcaption></figure>`;
}

export function renderHtml(doc: ReportDocument): string {
  let tables = 0;
  let charts = 0;
  const sections = doc.sections
    .map((s) => {
      const blocks = s.blocks
        .map((b) => {
          switch (b.kind) {
            case 'paragraph':
              return `<p>${sentenceHtml(b.sentence)}</p>`;
            case 'table':
              return tableHtml(b.table, ++tables);
            case 'chart':
              return chartHtml(b.chart, ++charts);
            case 'notice':
              return `<p class="notice">${esc(b.text)}</p>`;
          }
        })
        .join('\n');
      return `<section id="${esc(s.id)}"><h2>${s.number}. ${esc(s.heading)}</h2>\n${blocks}</section>`;
    })
    .join('\n');
  const audience = doc.suppressed ? `Public: small numbers suppressed (1 to ${doc.threshold} shown as c)` : 'Internal: unsuppressed';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${esc(`${doc.title} ${doc.yearLabel}: ${doc.authority.name}${doc.synthetic ? ' (synthetic data)' : ''}`)}</title><style>${CSS}</style></head>
<body data-template="${esc(doc.template)}" data-la="${esc(doc.authority.code)}" data-year="${doc.year}" data-suppressed="${doc.suppressed}">
${doc.banner ? `<div class="banner" role="alert">${esc(doc.banner)}</div>` : ''}
${doc.synthetic ? `<div class="synthetic" role="note">${esc(SYNTHETIC_NOTICE(doc.authority.name))}</div>` : ''}
<header class="cover"><p class="authority">${esc(doc.synthetic ? `Synthetic data modelled on ${doc.authority.name}` : doc.authority.name)}</p><h1>${esc(doc.title)} ${esc(doc.yearLabel)}</h1>
<p class="meta">Year ending 31 March ${doc.year}. Generated ${esc(doc.generatedOn)} by CSC Workbench. ${esc(audience)}.</p></header>
${sections}
<section class="notes"><h2>Notes</h2><ul>${doc.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>
</body></html>`;
}
