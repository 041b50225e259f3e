/** The factor → plan table, scenario savings and the synthetic-data label, on hand-made data (pure, no database). */
import { describe, expect, it } from 'vitest';
import type { DocTable, FactorTableBlock, ReportDocument, ReportTemplate, ScenarioView } from '../model.js';
import { plainText } from '../narrative/tokens.js';
import { renderHtml } from '../render/html.js';
import { craftedData } from '../test-support/crafted-data.js';
import { buildReport } from './build-report.js';

const FACTORS: FactorTableBlock = {
  kind: 'factor-table',
  id: 'factors-to-plans',
  title: 'Factors at assessments that led to a plan',
  indicator: 'ASM-08',
  breakdown: 'factor',
  labels: { '3B': '3B: Domestic violence: parent' },
  keyLabel: 'Factor',
  headings: { base: 'Assessments', count: 'Led to a plan', share: '%' },
  top: 3,
  exclude: ['21'],
};

const TEMPLATE: ReportTemplate = {
  id: 'pressures',
  title: 'Test',
  modelledOn: 'test',
  purpose: 'test',
  sections: [
    { id: 'f', heading: 'Factors', needs: ['metrics'], blocks: [FACTORS] },
    { id: 's', heading: 'Scenarios', needs: ['forecast'], blocks: [{ kind: 'scenarios', id: 'savings', title: 'Savings', scenarios: ['new-homes'] }] },
  ],
};

// Oxfordshire's report card of November 2015: domestic violence (parent) 613 assessments, 174 to a plan; plus a small one
const row = (key: string, numerator: number, denominator: number) => ({ breakdown: 'factor', key, numerator, denominator, value: (100 * numerator) / denominator });
const ASM08 = {
  2016: {
    id: 'ASM-08',
    year: 2016,
    value: null,
    numerator: null,
    denominator: null,
    breakdowns: [row('21', 900, 2000), row('3B', 174, 613), row('4B', 147, 492), row('9A', 3, 8), row('2B', 84, 245), row('1A', 0, 0)],
  },
};

const SCENARIOS: ScenarioView = {
  origin: '2016-03-31',
  runs: 200,
  costs: 'national',
  outcomes: [
    {
      name: 'new-homes',
      description: 'From June, 60% of new residential placements go to two new in-house homes',
      explanation: [],
      savings: [
        { year: '2016/17', median: 312_400, low: 101_000, high: 498_600 },
        { year: '2017/18', median: 640_900, low: 250_000, high: 1_010_000 },
      ],
      children: { date: '2018-03-31', median: -0.4, low: -3, high: 2 },
    },
  ],
};

const data = craftedData({ indicators: { 'ASM-08': ASM08 }, scenarios: SCENARIOS, availability: { metrics: { available: true }, workload: { available: true }, forecast: { available: true } } });
const tableOf = (doc: ReportDocument, id: string): DocTable => doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'table' && b.table.id === id ? [b.table] : []))[0]!;
const paragraphs = (doc: ReportDocument) => doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'paragraph' ? [plainText(b.sentence)] : []));

describe('factors at assessment that led to a CP plan', () => {
  it('lists the factors with most plans first: assessments, plans and the share, to one decimal', () => {
    const t = tableOf(buildReport(TEMPLATE, data, { audience: 'internal' }), 'factors-to-plans');
    expect(t.columns).toEqual(['Assessments', 'Led to a plan', '%']);
    expect(t.rows.map((r) => r.header)).toEqual(['3B: Domestic violence: parent', '4B', '2B']);
    // 174 / 613 = 28.38% → 28.4 (the seed's 28.4%); 147 / 492 = 29.88% → 29.9; 84 / 245 = 34.29% → 34.3
    expect(t.rows.map((r) => r.cells.map((c) => c.figure!.value))).toEqual([
      [613, 174, 28.4],
      [492, 147, 29.9],
      [245, 84, 34.3],
    ]);
  });

  it('says which factor most often led to a plan, with the numbers of the table', () => {
    const doc = buildReport(TEMPLATE, data);
    expect(paragraphs(doc)).toContain('In 2015/16, the factor most often recorded at assessments that led to a child protection plan was domestic violence: parent: it was recorded at 613 assessments, and 28.4% of them led to a plan.');
  });

  it('hides a small count and its share in a public report, and shows them internally', () => {
    const all = { ...FACTORS, top: 10 };
    const tpl: ReportTemplate = { ...TEMPLATE, sections: [{ id: 'f', heading: 'F', needs: ['metrics'], blocks: [all] }] };
    const small = (doc: ReportDocument) => tableOf(doc, 'factors-to-plans').rows.find((r) => r.header === '9A')!.cells.map((c) => c.figure!);
    // 3 of 8 assessments: the count is 1 to 5 (c) and so is the share; the base of 8 is not small
    expect(small(buildReport(tpl, data)).map((f) => f.symbol ?? f.value)).toEqual([8, 'c', 'c']);
    expect(small(buildReport(tpl, data, { audience: 'internal' })).map((f) => f.value)).toEqual([8, 3, 37.5]);
    // a factor no assessment recorded is not a line
    expect(tableOf(buildReport(tpl, data), 'factors-to-plans').rows.map((r) => r.header)).not.toContain('1A');
  });
});

describe('scenario savings', () => {
  it('tabulates the median saving per year to the nearest £1,000 and the change in children', () => {
    const t = tableOf(buildReport(TEMPLATE, data), 'savings');
    expect(t.columns).toEqual(['2016/17 saving', '2017/18 saving', 'Children looked after at 2018-03-31: change']);
    expect(t.rows[0]!.cells.map((c) => c.figure!.value)).toEqual([312_000, 641_000, 0]);
    expect(t.source).toMatch(/national average weekly costs/);
  });

  it('gives the first year with its 80% interval in a sentence', () => {
    expect(paragraphs(buildReport(TEMPLATE, data))).toContain(
      'From June, 60% of new residential placements go to two new in-house homes: placement spend in 2016/17 would be £312,000 lower than the baseline (80% interval: a saving of £101,000 to £499,000), with 0 children looked after at 2018-03-31 against the baseline.',
    );
  });

  it('says so when no scenario could be projected', () => {
    const doc = buildReport(TEMPLATE, { ...data, scenarios: null });
    expect(doc.sections[1]!.blocks).toEqual([{ kind: 'notice', text: 'No scenario could be projected from the data held.' }]);
  });
});

describe('synthetic data', () => {
  const synthetic = buildReport(TEMPLATE, { ...data, dataOrigin: 'synthetic' });
  it('labels the cover, the notes and every source, and never calls them case records', () => {
    expect(synthetic.synthetic).toBe(true);
    expect(synthetic.notes[0]).toMatch(/^Synthetic data modelled on Barking and Dagenham: .*No real child's records were used/);
    for (const id of ['factors-to-plans', 'savings']) expect(tableOf(synthetic, id).source).toMatch(/^Synthetic data modelled on Barking and Dagenham \(CSC Workbench/);
    const html = renderHtml(synthetic);
    expect(html).toContain('<p class="authority">Synthetic data modelled on Barking and Dagenham</p>');
    expect(html).not.toContain('case records');
  });
  it('keeps "case records" for imported data', () => {
    const real = buildReport(TEMPLATE, data);
    expect(real.synthetic).toBe(false);
    expect(tableOf(real, 'factors-to-plans').source).toMatch(/^Barking and Dagenham case records/);
    expect(renderHtml(real)).not.toContain('Synthetic');
  });
});

describe('breakdown tables over long code lists', () => {
  const table = (omitEmpty: boolean) => {
    const tpl: ReportTemplate = {
      ...TEMPLATE,
      sections: [
        {
          id: 'c',
          heading: 'C',
          needs: ['metrics'],
          blocks: [{ kind: 'breakdown-table', id: 'cat', title: 'Categories', indicator: 'CPP-07-AT31', breakdown: 'category', labels: { NEG: 'Neglect', XYZ: 'Never recorded' }, omitEmpty, show: ['count'], keyLabel: 'Category' }],
        },
      ],
    };
    return tableOf(buildReport(tpl, craftedData(), { audience: 'internal' }), 'cat').rows.map((r) => r.header);
  };
  it('leaves out a key with no cases in any year only when asked', () => {
    expect(table(false)).toEqual(['Neglect', 'Never recorded', 'PHY', 'SAB', 'EMO', 'MUL', 'Total']);
    expect(table(true)).toEqual(['Neglect', 'PHY', 'SAB', 'EMO', 'MUL', 'Total']);
  });
});
