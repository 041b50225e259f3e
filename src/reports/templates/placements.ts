/** Placements and sufficiency, like Oxfordshire's Cabinet report of 23 February 2016. */
import type { ReportTemplate } from '../model.js';
import * as M from './measures.js';

export const PLACEMENTS: ReportTemplate = {
  id: 'placements',
  title: 'Placements and sufficiency',
  modelledOn: 'Oxfordshire County Council, Cabinet, 23 February 2016: the Safeguarding and Corporate Parenting Service',
  purpose: 'Looked-after children by placement type with average weekly cost, placements out of county and far from home, stability, and the forecast.',
  sections: [
    {
      id: 'numbers',
      heading: 'Children looked after',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'cla-trend', title: 'Children looked after', rows: [M.CLA_AT31, M.CLA_RATE, M.CLA_STARTED, M.CLA_CEASED, M.CLA_UASC], years: 5 },
        { kind: 'sentences', items: [{ kind: 'change', subject: 'the number of children looked after', measure: M.CLA_AT31, span: 4, style: 'both' }] },
      ],
    },
    {
      id: 'placement-types',
      heading: 'Placements by type and weekly cost',
      needs: ['metrics'],
      blocks: [
        { kind: 'placement-costs', id: 'placement-costs', title: 'Children in each placement type at 31 March and average weekly cost' },
        { kind: 'breakdown-table', id: 'legal-status', title: 'Children looked after at 31 March by legal status', indicator: 'CLA-19', breakdown: 'legal_status', show: ['count', 'share'], keyLabel: 'Legal status', years: 2 },
      ],
    },
    {
      id: 'distance',
      heading: 'Placed out of the authority and far from home',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'distance', title: 'Placement location and stability', rows: [M.CLA_OUT_OF_AREA, M.CLA_20_MILES, M.CLA_3PLUS, M.CLA_LONG_TERM], years: 3 },
        {
          kind: 'sentences',
          items: [
            { kind: 'level', subject: 'the share of children looked after placed outside the authority', measure: M.CLA_OUT_OF_AREA },
            { kind: 'level', subject: 'the share placed more than 20 miles from home', measure: M.CLA_20_MILES },
            { kind: 'level', subject: 'the share with three or more placements in the year', measure: M.CLA_3PLUS, compare: true },
          ],
        },
      ],
    },
    {
      id: 'forecast',
      heading: 'Forecast and scenario savings',
      needs: ['forecast'],
      blocks: [
        { kind: 'forecast', id: 'cla-forecast', title: 'Projected number of children looked after' },
        { kind: 'scenarios', id: 'scenario-savings', title: 'Scenario savings: placement spend against the baseline forecast', scenarios: M.SAVINGS_SCENARIOS },
      ],
    },
  ],
};
