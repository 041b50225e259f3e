/**
 * Resolves a template against gathered data into a document. Public reports are suppressed
 * (counts 1 to the threshold shown as c, with secondary suppression); an internal report is
 * unsuppressed and carries a warning banner. Sections whose module is not available say so.
 */
import type { DfeSymbol } from '../narrative/format.js';
import { SYMBOL_MEANING } from '../narrative/format.js';
import { PUBLIC_POLICY, type SuppressionPolicy } from '../privacy/suppress.js';
import type { Audience, DocBlock, DocSection, ReportData, ReportDocument, ReportTemplate } from '../model.js';
import { buildBreakdownTable } from './breakdown-table.js';
import { buildChart } from './chart.js';
import { createLookup } from './lookup.js';
import { buildFactorTable } from './factor-table.js';
import { buildOperational } from './operational.js';
import { buildScenarios } from './scenarios.js';
import { SYNTHETIC_NOTICE } from './source.js';
import { buildSentence } from './sentences.js';
import { buildTrendTable } from './trend-table.js';
import { yearLabel } from './years.js';

export interface BuildOptions {
  readonly audience?: Audience;
  /** Counts from 1 to this are suppressed in public reports (default 5). */
  readonly threshold?: number;
}

export const INTERNAL_BANNER =
  'INTERNAL — NOT FOR PUBLICATION. Small-number suppression is switched off: this report may contain counts small enough to identify children. Do not circulate outside the service.';

const CAPABILITY_NAMES = { metrics: 'the indicator library (src/metrics)', workload: 'caseloads and capacity (src/workload)', forecast: 'forecasts (src/forecast)' } as const;

function buildSection(section: ReportTemplate['sections'][number], index: number, data: ReportData, look: ReturnType<typeof createLookup>): DocSection {
  const missing = section.needs.filter((c) => !data.availability[c].available);
  if (missing.length > 0) {
    const reasons = missing.map((c) => `${CAPABILITY_NAMES[c]} is not available${data.availability[c].reason ? ` (${data.availability[c].reason})` : ''}`);
    return { id: section.id, number: index + 1, heading: section.heading, blocks: [{ kind: 'notice', text: `This section is not produced: ${reasons.join('; ')}. No figures are shown rather than estimates.` }] };
  }
  const blocks: DocBlock[] = [];
  for (const b of section.blocks) {
    switch (b.kind) {
      case 'trend-table':
        blocks.push({ kind: 'table', table: buildTrendTable(b, look) });
        break;
      case 'chart':
        blocks.push({ kind: 'chart', chart: buildChart(b, look) });
        break;
      case 'sentences':
        for (const spec of b.items) blocks.push({ kind: 'paragraph', sentence: buildSentence(spec, look) });
        break;
      case 'breakdown-table':
        blocks.push({ kind: 'table', table: buildBreakdownTable(b, look) });
        break;
      case 'factor-table':
        blocks.push(...buildFactorTable(b, look));
        break;
      case 'scenarios':
        blocks.push(...buildScenarios(b, look));
        break;
      default:
        blocks.push(...buildOperational(b, look));
    }
  }
  return { id: section.id, number: index + 1, heading: section.heading, blocks };
}

function symbolsIn(sections: readonly DocSection[]): DfeSymbol[] {
  const found = new Set<DfeSymbol>();
  for (const s of sections) {
    for (const b of s.blocks) {
      if (b.kind !== 'table') continue;
      for (const r of b.table.rows) for (const c of r.cells) if (c.figure?.symbol) found.add(c.figure.symbol);
    }
  }
  return [...found].sort();
}

export function buildReport(template: ReportTemplate, data: ReportData, options: BuildOptions = {}): ReportDocument {
  const audience = options.audience ?? 'public';
  const policy: SuppressionPolicy | null = audience === 'public' ? { ...PUBLIC_POLICY, threshold: options.threshold ?? PUBLIC_POLICY.threshold } : null;
  const look = createLookup(data, policy);
  const sections = template.sections.map((s, i) => buildSection(s, i, data, look));
  const symbolsUsed = symbolsIn(sections);
  const synthetic = data.dataOrigin === 'synthetic';
  const notes = [
    ...(synthetic ? [SYNTHETIC_NOTICE(data.authority.name)] : []),
    policy
      ? `Small numbers: counts from 1 to ${policy.threshold} are shown as c, as are rates and percentages built on them or on fewer than ${policy.minDenominator} cases; further cells are hidden where a total would reveal them. Sentences never quote a hidden number.`
      : 'Small-number suppression is OFF (internal report).',
    ...symbolsUsed.map((s) => `${s} = ${SYMBOL_MEANING[s]}`),
    'Rates are per 10,000 children aged 0 to 17 (ONS mid-year estimate for the year before the period end). Percentages and rates are rounded half up as the DfE publishes them.',
    `Comparators are the published DfE figures for the same year; the statistical neighbour figure is the mean of the DfE statistical neighbours' published values.`,
  ];
  return {
    template: template.id,
    title: template.title,
    authority: data.authority,
    year: data.year,
    yearLabel: yearLabel(data.year),
    audience,
    suppressed: policy !== null,
    threshold: policy?.threshold ?? 0,
    banner: policy ? null : INTERNAL_BANNER,
    synthetic,
    generatedOn: data.generatedOn,
    sections,
    notes,
    symbolsUsed,
  };
}
