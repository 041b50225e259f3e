import { describe, expect, it } from 'vitest';
import type { DocTable, ReportDocument, ReportTemplate } from '../model.js';
import { plainText } from '../narrative/tokens.js';
import { craftedData } from '../test-support/crafted-data.js';
import * as M from '../templates/measures.js';
import { buildReport, INTERNAL_BANNER } from './build-report.js';

const TEMPLATE: ReportTemplate = {
  id: 'annual',
  title: 'Test annual report',
  modelledOn: 'test',
  purpose: 'test',
  sections: [
    {
      id: 'front-door',
      heading: 'Contacts and referrals',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 't1', title: 'Contacts and referrals', rows: [M.CONTACTS, M.REFERRALS, M.REFERRAL_RATE] },
        {
          kind: 'sentences',
          items: [
            { kind: 'change', subject: 'the number of contacts', measure: M.CONTACTS },
            { kind: 'change', subject: 'the referral rate', measure: M.REFERRAL_RATE, then: 'compare' },
          ],
        },
      ],
    },
    {
      id: 'cp',
      heading: 'Child protection',
      needs: ['metrics'],
      blocks: [
        { kind: 'sentences', items: [{ kind: 'change', subject: 'the rate of children on a plan', measure: M.CPP_RATE, then: 'rank' }] },
        { kind: 'breakdown-table', id: 'cat', title: 'Category', indicator: 'CPP-07-AT31', breakdown: 'category', labels: M.CP_CATEGORY_LABELS, show: ['count', 'share'], keyLabel: 'Category' },
        { kind: 'trend-table', id: 'pp', title: 'Police protection', rows: [M.POLICE_PROTECTION], comparators: false },
        { kind: 'sentences', items: [{ kind: 'change', subject: 'the number of children taken into police protection', measure: M.POLICE_PROTECTION, style: 'both' }] },
      ],
    },
    { id: 'caseloads', heading: 'Caseloads', needs: ['workload'], blocks: [{ kind: 'caseloads', id: 'cl', title: 'Caseloads by team' }] },
    { id: 'forecast', heading: 'Forecast', needs: ['forecast'], blocks: [{ kind: 'forecast', id: 'fc', title: 'Forecast' }] },
  ],
};

const paragraphs = (doc: ReportDocument) => doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [plainText(b.sentence)] : [])));
const tables = (doc: ReportDocument): DocTable[] => doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
const table = (doc: ReportDocument, id: string) => tables(doc).find((t) => t.id === id)!;

describe('buildReport (public)', () => {
  const doc = buildReport(TEMPLATE, craftedData());

  it('words the seed report’s numbers as Barking and Dagenham did', () => {
    const text = paragraphs(doc);
    expect(text[0]).toBe('Between 2014/15 and 2015/16, the number of contacts rose by 34%.');
    expect(text[1]).toBe(
      'Between 2014/15 and 2015/16, the referral rate fell from 691.0 to 551.0 per 10,000. In 2015/16 it was above the England average of 548.0 per 10,000 and the Outer London average of 478.0 per 10,000 but below the statistical neighbour average of 715.0 per 10,000.',
    );
    // 43.0 among [10 … 60]: 7 lower values → 8th lowest of 11; 3 higher (45, 50, 60) → 4th highest
    expect(text[2]).toBe('Between 2014/15 and 2015/16, the rate of children on a plan fell from 60.0 to 43.0 per 10,000. This was the 4th highest rate of 11 authorities in England.');
  });

  it('dates and sources every table and gives 1- and 5-year change', () => {
    const t = table(doc, 't1');
    expect(t.columns.slice(0, 6)).toEqual(['2010/11', '2011/12', '2012/13', '2013/14', '2014/15', '2015/16']);
    expect(t.rows[0]!.cells[6]!.text).toBe('+34%');
    expect(t.rows[0]!.cells[7]!.text).toBe('+17%');
    expect(t.rows[1]!.cells[6]!.text).toBe('-20%');
    expect(t.rows[2]!.cells[7]!.text).toBe('+1%');
    for (const x of tables(doc)) {
      expect(x.source.length).toBeGreaterThan(10);
      expect(x.dated).toMatch(/\d{4}/);
    }
  });

  it('suppresses a count of 4 everywhere and never quotes it', () => {
    const pp = table(doc, 'pp');
    expect(pp.rows[0]!.cells[5]!.figure).toMatchObject({ value: null, symbol: 'c' });
    expect(pp.rows[0]!.cells[6]!.figure?.symbol).toBe('c'); // 1-year change would reveal it
    const sentence = paragraphs(doc)[3]!;
    expect(sentence).toMatch(/withheld to protect confidentiality/);
    expect(sentence).not.toMatch(/\b4\b/);
  });

  it('applies secondary suppression so hidden categories cannot be recovered from the total', () => {
    const t = table(doc, 'cat');
    const column2016 = t.rows.map((r) => r.cells[2]!.figure!);
    const hidden = column2016.filter((f) => f.symbol === 'c').length;
    expect(hidden).toBeGreaterThanOrEqual(2);
    // sexual abuse 3 and multiple 4 are primary; the total 253 stays, so two hidden cells hide 7 between them
    expect(column2016.map((f) => f.value)).toEqual([100, 20, null, 126, null, 253]);
    // shares of hidden counts are hidden too
    expect(t.rows[2]!.cells[3]!.figure!.symbol).toBe('c');
    // 2015: one small count (none ≤ 5 except none) → sexual abuse 6 is not suppressed
    expect(t.rows[2]!.cells[0]!.figure!.value).toBe(6);
  });

  it('suppresses small team caseloads and keeps formula-like team names as text', () => {
    const t = table(doc, 'cl');
    expect(t.rows[1]!.cells[2]!.figure!.symbol).toBe('c');
    expect(t.rows[1]!.cells[3]!.figure!.value).toBeNull();
    expect(t.rows[0]!.header).toBe('=HYPERLINK("http://evil")');
  });

  it('says plainly when a module is not available, with no figures', () => {
    const forecast = doc.sections.find((s) => s.id === 'forecast')!;
    expect(forecast.blocks).toHaveLength(1);
    expect(forecast.blocks[0]).toMatchObject({ kind: 'notice' });
    expect((forecast.blocks[0] as { text: string }).text).toMatch(/forecasts \(src\/forecast\) is not available \(no episodes\)/);
  });

  it('explains the symbols used and has no banner', () => {
    expect(doc.banner).toBeNull();
    expect(doc.symbolsUsed).toContain('c');
    expect(doc.notes.join(' ')).toMatch(/c = suppressed to protect confidentiality/);
  });
});

describe('buildReport (internal)', () => {
  const doc = buildReport(TEMPLATE, craftedData(), { audience: 'internal' });
  it('shows small counts with a warning banner', () => {
    expect(doc.banner).toBe(INTERNAL_BANNER);
    expect(doc.suppressed).toBe(false);
    expect(table(doc, 'pp').rows[0]!.cells[5]!.figure!.value).toBe(4);
    expect(paragraphs(doc)[3]).toBe('Between 2014/15 and 2015/16, the number of children taken into police protection fell by 67%, from 12 to 4.');
  });
});
