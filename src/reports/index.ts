/**
 * Committee reports generated from data: templates declared as data (templates/), narrative
 * wording from numbers (narrative/), small-number suppression (privacy/), HTML with inline SVG
 * charts, PDF through Chromium and an XLSX annex (render/). See README.md and docs/reports.md.
 */
export * from './model.js';
export { TEMPLATES, getTemplate, indicatorsOf } from './templates/index.js';
export { buildReport, INTERNAL_BANNER, type BuildOptions } from './build/build-report.js';
export { createLookup, type Lookup } from './build/lookup.js';
export { yearLabel } from './build/years.js';
export { gatherReportData, type GatherOptions } from './gather/gather.js';
export { generateReport, formatForPath, pdfFooter, type GenerateOptions, type GeneratedReport, type ReportFormat, type ReportProgress, type ReportStage } from './generate.js';
export { renderHtml, sentenceHtml } from './render/html.js';
export { renderXlsx, safeText, tablesOf } from './render/xlsx.js';
export { renderPdf, launchBrowser, sharedBrowser, closeSharedBrowser, browserAvailable, CHROMIUM_PATH } from './render/pdf.js';
export { chartSvg } from './render/chart-svg.js';
export { PUBLIC_POLICY, suppressFigure, secondarySuppress, isSmall, type SuppressionPolicy, type SumGroup } from './privacy/suppress.js';
export { describeChange, percentChange, realPercentChange, signedPercent, type ChangeInput, type ChangeStyle } from './narrative/change.js';
export { describeComparison, type Comparator } from './narrative/compare.js';
export { describeRank, rankAmong, type Rank } from './narrative/rank.js';
export { ordinal } from './narrative/ordinal.js';
export { countPhrase, noun, pluralise, CHILD, type Noun } from './narrative/count.js';
export { formatFigure, formatNumber, formatWithUnit, displayed, SYMBOL_MEANING, type Figure, type FigureUnit, type DfeSymbol } from './narrative/format.js';
export { plainText, sentence, type Sentence, type Token, type NumberRef } from './narrative/tokens.js';
