/**
 * Reports for three synthetic authorities held in one database (src/synth), checked against the
 * indicator library computed independently: every number a sentence or table names equals that
 * indicator (as printed, DfE rounding), every comparator equals the published DfE value, and in
 * public reports no count from 1 to 5 can be read or recovered (by subtraction from a total, from
 * a rate, or from a change).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { computeIndicators, type IndicatorResult } from '../metrics/index.js';
import { getValue, statisticalNeighbours } from '../reference/index.js';
import { loadSyntheticAuthority } from '../synth/index.js';
import { buildReport } from './build/build-report.js';
import { gatherReportData } from './gather/gather.js';
import type { Measure, ReportData, ReportDocument, ReportId, ReportTemplate } from './model.js';
import { percentChange } from './narrative/change.js';
import { roundHalfUp } from './narrative/round.js';
import type { Sentence } from './narrative/tokens.js';
import * as M from './templates/measures.js';
import { indicatorsOf, TEMPLATES } from './templates/index.js';

const YEAR = 2024;
const AUTHORITIES = [
  { laCode: '201', visits: true }, // City of London: very small numbers
  { laCode: '857', visits: false }, // Rutland
  { laCode: '867', visits: false }, // Bracknell Forest
];

const MEASURES: Measure[] = Object.values(M).filter((m): m is Measure => typeof m === 'object' && m !== null && 'indicator' in m && 'field' in m);
const measureFor = (indicator: string, field: 'value' | 'rate') => MEASURES.find((m) => m.indicator === indicator && m.field === field);
const dpOf = (m: Measure) => m.dp ?? (m.unit === 'rate' || m.unit === 'ratio' ? 1 : 0);

interface Generated {
  laCode: string;
  data: ReportData;
  docs: Record<ReportId, { public: ReportDocument; internal: ReportDocument }>;
  truth: Map<string, IndicatorResult>;
}

let db: TestDatabase;
const generated: Generated[] = [];

/** All five templates' sections in one, so each authority's data is gathered once. */
const EVERYTHING: ReportTemplate = { ...TEMPLATES.annual, sections: Object.values(TEMPLATES).flatMap((t) => t.sections) };
const TRUTH_YEARS = [YEAR - 1, YEAR];

beforeAll(async () => {
  db = await createTestDatabase();
  for (const a of AUTHORITIES) await loadSyntheticAuthority(db.db, { laCode: a.laCode, from: 2019, to: YEAR, seed: 7, visits: a.visits, calibrationPasses: 0 });
  const ids = indicatorsOf(EVERYTHING).ids;
  for (const a of AUTHORITIES) {
    // computed again here, apart from the report's own gathering, for the last two years
    const truth = new Map<string, IndicatorResult>();
    for (const r of await computeIndicators(db.db, { laCode: a.laCode, years: TRUTH_YEARS, indicators: ids })) truth.set(`${r.id}|${r.year}`, r);
    const data = await gatherReportData(db.db, EVERYTHING, { laCode: a.laCode, year: YEAR, generatedOn: '2024-06-30', forecastRuns: 20 });
    const docs = {} as Generated['docs'];
    for (const t of Object.values(TEMPLATES)) docs[t.id] = { public: buildReport(t, data), internal: buildReport(t, data, { audience: 'internal' }) };
    generated.push({ laCode: a.laCode, data, docs, truth });
  }
}, 600_000);

afterAll(async () => {
  await db?.dispose();
});

function sentencesOf(doc: ReportDocument): Sentence[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.sentence] : [])));
}
function tablesOf(doc: ReportDocument) {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}
/** Every tagged number in a document: sentence tokens and table cells. */
function refsOf(doc: ReportDocument) {
  const out: { ref: NonNullable<Sentence[number]['ref']>; shown: string }[] = [];
  for (const s of sentencesOf(doc)) for (const t of s) if (t.ref) out.push({ ref: t.ref, shown: t.text });
  for (const t of tablesOf(doc)) for (const r of t.rows) for (const c of r.cells) if (c.ref) out.push({ ref: c.ref, shown: c.text ?? '' });
  return out;
}

describe.each(AUTHORITIES.map((a) => a.laCode))('synthetic authority %s', (laCode) => {
  const g = () => generated.find((x) => x.laCode === laCode)!;

  it('prints every indicator value and rate exactly as the indicator library computes it (internal and public)', () => {
    let checked = 0;
    for (const { public: pub, internal } of Object.values(g().docs)) {
      for (const doc of [internal, pub]) {
        for (const { ref } of refsOf(doc)) {
          if ((ref.kind !== 'value' && ref.kind !== 'rate') || !ref.source || ref.year === undefined || ref.source.includes(':')) continue;
          if (!TRUTH_YEARS.includes(ref.year)) continue;
          const m = measureFor(ref.source, ref.kind)!;
          expect(m, `measure for ${ref.source}`).toBeDefined();
          const truth = g().truth.get(`${ref.source}|${ref.year}`);
          const raw = ref.kind === 'rate' ? (truth?.rate ?? null) : (truth?.value ?? null);
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
    for (const { internal } of Object.values(g().docs)) {
      for (const s of sentencesOf(internal)) {
        const change = s.find((t) => t.ref?.kind === 'change');
        const values = s.filter((t) => (t.ref?.kind === 'value' || t.ref?.kind === 'rate') && t.ref.year !== undefined);
        if (!change || values.length < 2 || !values.every((t) => TRUTH_YEARS.includes(t.ref!.year!))) continue;
        const [from, to] = values.map((t) => g().truth.get(`${t.ref!.source}|${t.ref!.year}`)!);
        const field = values[0]!.ref!.kind === 'rate' ? 'rate' : 'value';
        const p = percentChange(from![field] ?? null, to![field] ?? null);
        if (change.text.endsWith('%')) expect(change.ref!.value).toBe(Math.abs(p!));
      }
    }
  });

  it('quotes comparators equal to the published DfE figures', () => {
    const neighbours = statisticalNeighbours(laCode).map((n) => n.code);
    let checked = 0;
    for (const { public: pub } of Object.values(g().docs)) {
      for (const { ref } of refsOf(pub)) {
        if (ref.kind !== 'comparator' || ref.value === null || !ref.source || ref.year === undefined) continue;
        const m = MEASURES.find((x) => x.benchmark === ref.source)!;
        let expected: number | null;
        if (ref.area === 'SN') {
          const vals = neighbours.map((c) => getValue(c, ref.source!, ref.year!)).filter((v): v is number => v !== null);
          expected = vals.reduce((a, b) => a + b, 0) / vals.length;
        } else expected = getValue(ref.area!, ref.source, ref.year);
        expect(ref.value, `${ref.source} ${ref.area}`).toBe(roundHalfUp(expected!, dpOf(m)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('leaves no count from 1 to 5 readable in a public report', () => {
    for (const { public: pub } of Object.values(g().docs)) {
      expect(pub.suppressed).toBe(true);
      expect(pub.banner).toBeNull();
      for (const t of tablesOf(pub)) {
        for (const r of t.rows) {
          for (const c of r.cells) {
            if (c.figure?.unit !== 'count' || c.figure.value === null) continue;
            expect(c.figure.value === 0 || c.figure.value > 5, `${t.id} ${r.header} shows ${c.figure.value}`).toBe(true);
          }
        }
      }
      for (const { ref, shown } of refsOf(pub)) {
        if (ref.kind === 'count' && ref.value !== null) expect(ref.value === 0 || ref.value > 5, `count ${shown}`).toBe(true);
        if ((ref.kind === 'value' || ref.kind === 'rate') && ref.source && !ref.source.includes(':') && ref.year !== undefined && TRUTH_YEARS.includes(ref.year)) {
          const m = measureFor(ref.source, ref.kind);
          const count = g().truth.get(`${ref.source}|${ref.year}`);
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
    for (const { public: pub } of Object.values(g().docs)) {
      for (const t of tablesOf(pub)) {
        const hasTotal = t.rows.some((r) => r.total);
        t.columns.forEach((col, ci) => {
          const cells = t.rows.map((r) => r.cells[ci]!);
          if (!cells.every((c) => c.figure?.unit === 'count' || c.figure === undefined)) return;
          const hidden = cells.filter((c) => c.figure?.symbol === 'c').length;
          if (hasTotal && cells.some((c) => c.figure)) expect(hidden === 0 || hidden >= 2, `${t.id} column ${col}: ${hidden} hidden`).toBe(true);
        });
        if (t.columns.includes('1 year change')) {
          const years = t.columns.findIndex((c) => c === '1 year change');
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
  });

  it('shows the small counts in the internal report, under the warning banner', () => {
    const internal = Object.values(g().docs).map((d) => d.internal);
    for (const d of internal) {
      expect(d.banner).toMatch(/^INTERNAL — NOT FOR PUBLICATION/);
      expect(d.symbolsUsed).not.toContain('c');
    }
  });
});

describe('suppression is exercised', () => {
  it('hides at least one small count for the smallest authority', () => {
    const city = generated.find((x) => x.laCode === '201')!;
    const hidden = Object.values(city.docs).flatMap((d) => tablesOf(d.public).flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => c.figure?.symbol === 'c'))));
    expect(hidden.length).toBeGreaterThan(0);
  });
});
