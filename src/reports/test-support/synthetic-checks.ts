/**
 * The checks run on a synthetic authority (src/synth), one authority per test file so the files
 * run side by side: the authority is generated and loaded once (beforeAll), its data gathered once
 * for all five templates together, and every template built public and internal from it. Against
 * the indicator library computed independently: every number a sentence or table names equals
 * that indicator (as printed, DfE rounding), every comparator equals the published DfE value, and
 * in public reports no count from 1 to 5 can be read or recovered (by subtraction from a total,
 * from a rate, or from a change).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { loadCareRows, loadPlacementCosts, namedScenario, runForecast } from '../../forecast/index.js';
import { computeIndicators, type IndicatorResult } from '../../metrics/index.js';
import { getValue, statisticalNeighbours } from '../../reference/index.js';
import { loadSyntheticAuthority } from '../../synth/index.js';
import { buildReport } from '../build/build-report.js';
import { gatherReportData } from '../gather/gather.js';
import { generateReport, pdfFooter } from '../generate.js';
import type { DocTable, FactorTableBlock, Measure, ReportData, ReportDocument, ReportId, ReportTemplate, ScenariosBlock } from '../model.js';
import { percentChange } from '../narrative/change.js';
import { roundHalfUp } from '../narrative/round.js';
import type { Sentence } from '../narrative/tokens.js';
import { renderHtml } from '../render/html.js';
import * as M from '../templates/measures.js';
import { indicatorsOf, TEMPLATES } from '../templates/index.js';

export const YEAR = 2024;
/** The years checked against the indicator library, computed apart from the report's own gathering. */
const TRUTH_YEARS = [YEAR - 1, YEAR];
const FORECAST_RUNS = 20;

export interface SyntheticCase {
  readonly laCode: string;
  /** First simulated year: 2019 gives the six years a 5-year change needs; later starts load faster. */
  readonly from: number;
  readonly visits: boolean;
  /** The authority is small enough that public reports must hide some counts. */
  readonly expectSuppression?: boolean;
}

const MEASURES: Measure[] = Object.values(M).filter((m): m is Measure => typeof m === 'object' && m !== null && 'indicator' in m && 'field' in m);
const measureFor = (indicator: string, field: 'value' | 'rate') => MEASURES.find((m) => m.indicator === indicator && m.field === field);
const dpOf = (m: Measure) => m.dp ?? (m.unit === 'rate' || m.unit === 'ratio' ? 1 : 0);

/** All five templates' sections in one, so the authority's data is gathered once. */
const EVERYTHING: ReportTemplate = { ...TEMPLATES.annual, sections: Object.values(TEMPLATES).flatMap((t) => t.sections) };

function blocksOf<K extends string>(kind: K) {
  return Object.values(TEMPLATES).flatMap((t) => t.sections.flatMap((s) => s.blocks.filter((b) => b.kind === kind)));
}

function sentencesOf(doc: ReportDocument): Sentence[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.sentence] : [])));
}
function tablesOf(doc: ReportDocument): DocTable[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}
/** Every tagged number in a document: sentence tokens and table cells. */
function refsOf(doc: ReportDocument) {
  const out: { ref: NonNullable<Sentence[number]['ref']>; shown: string }[] = [];
  for (const s of sentencesOf(doc)) for (const t of s) if (t.ref) out.push({ ref: t.ref, shown: t.text });
  for (const t of tablesOf(doc)) for (const r of t.rows) for (const c of r.cells) if (c.ref) out.push({ ref: c.ref, shown: c.text ?? '' });
  return out;
}

export function describeSyntheticAuthority(c: SyntheticCase): void {
  describe(`synthetic authority ${c.laCode} (${c.from} to ${YEAR})`, () => {
    let db: TestDatabase;
    let data: ReportData;
    let docs: Record<ReportId, { public: ReportDocument; internal: ReportDocument }>;
    const truth = new Map<string, IndicatorResult>();
    const all = () => Object.values(docs);

    beforeAll(async () => {
      db = await createTestDatabase();
      await loadSyntheticAuthority(db.db, { laCode: c.laCode, from: c.from, to: YEAR, seed: 7, visits: c.visits, calibrationPasses: 0 });
      const ids = indicatorsOf(EVERYTHING).ids;
      // computed here apart from the report's gathering (which asks for other years and breakdowns)
      const factorIds = blocksOf('factor-table').map((b) => (b as FactorTableBlock).indicator);
      for (const r of await computeIndicators(db.db, { laCode: c.laCode, years: TRUTH_YEARS, indicators: ids })) truth.set(`${r.id}|${r.year}`, r);
      expect(factorIds.every((id) => truth.has(`${id}|${YEAR}`))).toBe(true);
      data = await gatherReportData(db.db, EVERYTHING, { laCode: c.laCode, year: YEAR, generatedOn: '2024-06-30', forecastRuns: FORECAST_RUNS });
      docs = {} as typeof docs;
      for (const t of Object.values(TEMPLATES)) docs[t.id] = { public: buildReport(t, data), internal: buildReport(t, data, { audience: 'internal' }) };
    }, 300_000);

    afterAll(async () => {
      await db?.dispose();
    });

    it('prints every indicator value and rate exactly as the indicator library computes it (internal and public)', () => {
      let checked = 0;
      for (const { public: pub, internal } of all()) {
        for (const doc of [internal, pub]) {
          for (const { ref } of refsOf(doc)) {
            if ((ref.kind !== 'value' && ref.kind !== 'rate') || !ref.source || ref.year === undefined || ref.source.includes(':')) continue;
            if (!TRUTH_YEARS.includes(ref.year)) continue;
            const m = measureFor(ref.source, ref.kind)!;
            expect(m, `measure for ${ref.source}`).toBeDefined();
            const t = truth.get(`${ref.source}|${ref.year}`);
            const raw = ref.kind === 'rate' ? (t?.rate ?? null) : (t?.value ?? null);
            if (ref.value === null) {
              // withheld: only when public and small, or when the library has no value
              expect(doc.suppressed || raw === null, `${ref.source} ${ref.year} withheld in an internal report`).toBe(true);
              continue;
            }
            expect(ref.value, `${ref.source} ${ref.kind} ${ref.year}`).toBe(roundHalfUp(raw!, dpOf(m)));
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(50);
    });

    it('states changes that follow from the values it names', () => {
      let checked = 0;
      for (const { internal } of all()) {
        for (const s of sentencesOf(internal)) {
          const change = s.find((t) => t.ref?.kind === 'change');
          const values = s.filter((t) => (t.ref?.kind === 'value' || t.ref?.kind === 'rate') && t.ref.year !== undefined);
          if (!change || values.length < 2 || !values.every((t) => TRUTH_YEARS.includes(t.ref!.year!))) continue;
          const [from, to] = values.map((t) => truth.get(`${t.ref!.source}|${t.ref!.year}`)!);
          const field = values[0]!.ref!.kind === 'rate' ? 'rate' : 'value';
          const p = percentChange(from![field] ?? null, to![field] ?? null);
          if (change.text.endsWith('%')) {
            expect(change.ref!.value).toBe(Math.abs(p!));
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it('shows each factor at assessment with the assessments, plans and share the library computes', () => {
      for (const block of blocksOf('factor-table') as FactorTableBlock[]) {
        const t = truth.get(`${block.indicator}|${YEAR}`)!;
        const rows = t.breakdowns.filter((r) => r.breakdown === block.breakdown && (r.denominator ?? 0) > 0 && !block.exclude?.includes(r.key));
        const top = Math.max(...rows.map((r) => r.numerator ?? 0));
        for (const { internal, public: pub } of all()) {
          const table = tablesOf(internal).find((x) => x.id === block.id);
          if (!table) continue;
          expect(table.rows.length).toBe(Math.min(block.top ?? 10, rows.length));
          expect(table.rows[0]!.cells[1]!.figure!.value, 'largest count first').toBe(top);
          for (const row of table.rows) {
            const key = row.cells[0]!.ref!.source!.split(':')[2]!;
            const r = rows.find((x) => x.key === key)!;
            expect(row.cells.map((x) => x.figure!.value)).toEqual([r.denominator, r.numerator, roundHalfUp(r.value!, 1)]);
            expect(r.value, 'the share is plans ÷ assessments').toBe(roundHalfUp((100 * r.numerator!) / r.denominator!, 1));
          }
          const publicRows = tablesOf(pub).find((x) => x.id === block.id)!.rows;
          for (const row of publicRows) {
            const [base, count, share] = row.cells.map((x) => x.figure!);
            if (share!.value === null) continue;
            expect(count!.value === 0 || count!.value! > 5, `${row.header} share rests on a small count`).toBe(true);
            expect(base!.value, `${row.header} share rests on a small base`).toBeGreaterThanOrEqual(10);
          }
        }
      }
    });

    it('quotes comparators equal to the published DfE figures', () => {
      const neighbours = statisticalNeighbours(c.laCode).map((n) => n.code);
      let checked = 0;
      for (const { public: pub } of all()) {
        for (const { ref } of refsOf(pub)) {
          if (ref.kind !== 'comparator' || ref.value === null || !ref.source || ref.year === undefined) continue;
          const m = MEASURES.find((x) => x.benchmark === ref.source)!;
          let expected: number | null;
          if (ref.area === 'SN') {
            const vals = neighbours.map((n) => getValue(n, ref.source!, ref.year!)).filter((v): v is number => v !== null);
            expected = vals.reduce((a, b) => a + b, 0) / vals.length;
          } else expected = getValue(ref.area!, ref.source, ref.year);
          expect(ref.value, `${ref.source} ${ref.area}`).toBe(roundHalfUp(expected!, dpOf(m)));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
    });

    it('leaves no count from 1 to 5 readable in a public report', () => {
      for (const { public: pub } of all()) {
        expect(pub.suppressed).toBe(true);
        expect(pub.banner).toBeNull();
        for (const t of tablesOf(pub)) {
          for (const r of t.rows) {
            for (const cell of r.cells) {
              if (cell.figure?.unit !== 'count' || cell.figure.value === null) continue;
              expect(cell.figure.value === 0 || cell.figure.value > 5, `${t.id} ${r.header} shows ${cell.figure.value}`).toBe(true);
            }
          }
        }
        for (const { ref, shown } of refsOf(pub)) {
          if (ref.kind === 'count' && ref.value !== null) expect(ref.value === 0 || ref.value > 5, `count ${shown}`).toBe(true);
          if ((ref.kind === 'value' || ref.kind === 'rate') && ref.source && !ref.source.includes(':') && ref.year !== undefined && TRUTH_YEARS.includes(ref.year)) {
            const m = measureFor(ref.source, ref.kind);
            const count = truth.get(`${ref.source}|${ref.year}`);
            // a printed value or rate must not rest on a count from 1 to 5
            if (ref.value !== null && m && (m.unit === 'count' || m.unit === 'rate')) {
              const n = count?.value ?? 0;
              expect(n === 0 || n > 5, `${ref.source} ${ref.year} rests on ${n}`).toBe(true);
            }
            // a printed percentage must not rest on 1 to 5 cases, nor on a base under 10
            if (ref.value !== null && m?.unit === 'percent' && count) {
              const n = count.numerator ?? 0;
              expect(n === 0 || n > 5, `${ref.source} ${ref.year} numerator ${n}`).toBe(true);
              if (count.denominator !== null && count.denominator > 0) expect(count.denominator, `${ref.source} ${ref.year} base`).toBeGreaterThanOrEqual(10);
            }
          }
        }
      }
    });

    it('hides enough cells that no suppressed count can be recovered from totals or changes', () => {
      for (const { public: pub } of all()) {
        for (const t of tablesOf(pub)) {
          const hasTotal = t.rows.some((r) => r.total);
          t.columns.forEach((col, ci) => {
            const cells = t.rows.map((r) => r.cells[ci]!);
            if (!cells.every((x) => x.figure?.unit === 'count' || x.figure === undefined)) return;
            const hidden = cells.filter((x) => x.figure?.symbol === 'c').length;
            if (hasTotal && cells.some((x) => x.figure)) expect(hidden === 0 || hidden >= 2, `${t.id} column ${col}: ${hidden} hidden`).toBe(true);
          });
          if (t.columns.includes('1 year change')) {
            const years = t.columns.findIndex((x) => x === '1 year change');
            for (const r of t.rows) {
              const last = r.cells[years - 1]!.figure?.symbol === 'c';
              const prev = r.cells[years - 2]!.figure?.symbol === 'c';
              const first = r.cells[0]!.figure?.symbol === 'c';
              if (last || prev) expect(r.cells[years]!.figure?.symbol, `${t.id} ${r.header} 1-year change`).toBe('c');
              if (last || first) expect(r.cells[years + 1]!.figure?.symbol, `${t.id} ${r.header} 5-year change`).toBe('c');
            }
          }
        }
      }
      if (c.expectSuppression) {
        const hidden = all().flatMap((d) => tablesOf(d.public).flatMap((t) => t.rows.flatMap((r) => r.cells.filter((x) => x.figure?.symbol === 'c'))));
        expect(hidden.length, 'suppression is exercised').toBeGreaterThan(0);
      }
    });

    it('shows the small counts in the internal report, under the warning banner', () => {
      for (const { internal } of all()) {
        expect(internal.banner).toMatch(/^INTERNAL — NOT FOR PUBLICATION/);
        expect(internal.symbolsUsed).not.toContain('c');
      }
    });

    it('says on the cover, in the notes and under every table that the data are synthetic', () => {
      expect(data.dataOrigin).toBe('synthetic');
      const name = data.authority.name;
      for (const { public: pub } of all()) {
        expect(pub.synthetic).toBe(true);
        expect(pub.notes[0]).toMatch(new RegExp(`^Synthetic data modelled on ${name}: `));
        for (const t of tablesOf(pub)) {
          expect(t.source, t.id).toMatch(new RegExp(`^Synthetic data modelled on ${name}`));
          expect(t.source, t.id).not.toMatch(/case records/);
        }
      }
      const trendCharts = new Set(blocksOf('chart').map((b) => (b as { id: string }).id));
      for (const chart of all().flatMap((d) => d.public.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'chart' && trendCharts.has(b.chart.id) ? [b.chart] : []))))) {
        expect(chart.series[0]!.name).toBe(`${name} (synthetic)`);
      }
      const html = renderHtml(docs.annual.public);
      expect(html).toContain(`<p class="authority">Synthetic data modelled on ${name}</p>`);
      expect(html).not.toContain(`${name} case records`);
    });

    it('generates a whole report in one call, telling each stage as it starts and ends', async () => {
      const events: string[] = [];
      const report = await generateReport(db.db, { template: 'missing', laCode: c.laCode, year: YEAR, format: 'html', generatedOn: '2024-06-30', onProgress: (p) => events.push(`${p.stage} ${p.status}`) });
      expect(events).toEqual(['gather start', 'gather done', 'build start', 'build done', 'render start', 'render done']);
      expect(report.content.toString('utf8')).toContain(`Synthetic data modelled on ${data.authority.name}`);
      expect(pdfFooter(report.document)).toBe(`Synthetic data modelled on ${data.authority.name}: Missing children 2023/24`);
    });

    it('costs each scenario as the forecast module does, against the same baseline', async () => {
      const block = blocksOf('scenarios')[0] as ScenariosBlock;
      const care = await loadCareRows(db.db, [c.laCode]);
      const costs = await loadPlacementCosts(db.db, c.laCode);
      const direct = await runForecast(
        { episodes: care.episodes, children: care.children, ...(costs.length ? { placementCosts: costs } : {}) },
        { origin: `${YEAR}-03-31`, years: 3, runs: FORECAST_RUNS, seed: 1, workers: 1, scenarios: block.scenarios.map((n) => namedScenario(n)!) },
      );
      const withScenarios = Object.values(TEMPLATES).filter((t) => t.sections.some((s) => s.blocks.some((b) => b.kind === 'scenarios')));
      expect(withScenarios.map((t) => t.id).sort()).toEqual(['annual', 'placements']);
      for (const t of withScenarios) {
        const doc = docs[t.id].public;
        const table = tablesOf(doc).find((x) => x.id === block.id)!;
        expect(table.rows.map((r) => r.header)).toEqual(block.scenarios.map((n) => namedScenario(n)!.description));
        direct.scenarios.forEach((s, i) => {
          const spend = s.comparison.filter((x) => x.measure === 'placement spend £');
          const cells = table.rows[i]!.cells;
          spend.forEach((x, y) => expect(cells[y]!.figure!.value, `${s.scenario.name} year ${y + 1}`).toBe(Math.round(-x.difference.p50 / 1000) * 1000 || 0));
          const children = s.comparison.filter((x) => x.measure === 'children: total').at(-1)!;
          expect(cells[spend.length]!.figure!.value).toBe(Math.round(children.difference.p50) || 0);
        });
        // each sentence repeats its row's first-year saving
        const said = sentencesOf(doc).flatMap((s) => s.filter((x) => x.ref?.source?.startsWith('forecast:') && x.ref.source.includes(':saving:')));
        expect(said.length).toBe(block.scenarios.length);
        said.forEach((x, i) => expect(x.ref!.value).toBe(table.rows[i]!.cells[0]!.figure!.value));
      }
    });
  });
}
