/** Which indicator computations a report asks src/metrics for (pure). */
import { describe, expect, it } from 'vitest';
import type { ReportTemplate } from '../model.js';
import * as M from '../templates/measures.js';
import { TEMPLATES, indicatorsOf } from '../templates/index.js';
import { planIndicatorRequests } from './plan.js';

const TEMPLATE: ReportTemplate = {
  id: 'annual',
  title: 'Test',
  modelledOn: 'test',
  purpose: 'test',
  sections: [
    {
      id: 'a',
      heading: 'A',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 't', title: 'T', rows: [M.CONTACTS, M.REFERRALS, M.REFERRAL_RATE], years: 3 },
        { kind: 'sentences', items: [{ kind: 'level', subject: 's', measure: M.CIN_RATE }, { kind: 'change', subject: 'c', measure: M.CPP_AT31, span: 5 }] },
        { kind: 'breakdown-table', id: 'b', title: 'B', indicator: 'CPP-01', breakdown: 'age_band', show: ['count'], keyLabel: 'Age', years: 2 },
        { kind: 'breakdown-table', id: 'b2', title: 'B2', indicator: 'CPP-01', breakdown: 'sex', show: ['count'], keyLabel: 'Sex', years: 2 },
      ],
    },
  ],
};

describe('planIndicatorRequests', () => {
  it('asks each indicator only for the years shown, breakdowns only where a table shows them, and groups equal requests', () => {
    const plan = planIndicatorRequests(TEMPLATE, 2024);
    const sorted = plan.map((r) => ({ ...r, indicators: [...r.indicators].sort() })).sort((a, b) => a.years.join().localeCompare(b.years.join()) || a.breakdowns.join().localeCompare(b.breakdowns.join()));
    expect(sorted).toEqual([
      // the CP change sentence: 2019 to 2024; 2024 comes with the breakdowns below
      { indicators: ['CPP-01'], years: [2019], breakdowns: [] },
      // the trend table: CON-01 and REF-01 (value and rate are one indicator) together
      { indicators: ['CON-01', 'REF-01'], years: [2022, 2023, 2024], breakdowns: [] },
      { indicators: ['CPP-01'], years: [2023, 2024], breakdowns: ['age_band', 'sex'] },
      { indicators: ['CIN-01'], years: [2024], breakdowns: [] },
    ]);
  });

  it('covers every indicator each real template reads', () => {
    for (const t of Object.values(TEMPLATES)) {
      const asked = new Set(planIndicatorRequests(t, 2024).flatMap((r) => r.indicators));
      expect([...asked].sort(), t.id).toEqual([...indicatorsOf(t).ids].sort());
    }
  });
});
