/** Missing children, like Oxfordshire's Performance Scrutiny report of 5 November 2015. */
import type { ReportTemplate } from '../model.js';
import * as M from './measures.js';

export const MISSING: ReportTemplate = {
  id: 'missing',
  title: 'Missing children',
  modelledOn: 'Oxfordshire County Council, Performance Scrutiny Committee, 5 November 2015: Missing Children in Oxfordshire',
  purpose: 'Looked-after children going missing, episodes per child banded, and return interviews.',
  sections: [
    {
      id: 'numbers',
      heading: 'Children going missing',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'missing-trend', title: 'Looked-after children going missing or away', rows: [M.CLA_MISSING, M.CLA_AWAY, M.MISSING_INCIDENTS], years: 3, comparators: false },
        { kind: 'breakdown-table', id: 'missing-bands', title: 'Looked-after children who went missing, by number of episodes in the year', indicator: 'CLA-07-EPISODES', breakdown: 'band', labels: M.MISSING_BAND_LABELS, show: ['count'], keyLabel: 'Number of episodes', years: 2 },
        { kind: 'sentences', items: [{ kind: 'change', subject: 'the share of looked-after children who went missing', measure: M.CLA_MISSING, style: 'values' }] },
      ],
    },
    {
      id: 'return-interviews',
      heading: 'Return interviews',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'return-interviews', title: 'Return interviews after a missing episode', rows: [M.RETURN_INTERVIEWS, M.RETURN_72H], years: 3, comparators: false },
        {
          kind: 'sentences',
          items: [
            { kind: 'level', subject: 'the share of missing episodes followed by an offer of a return interview', measure: M.RETURN_INTERVIEWS },
            { kind: 'level', subject: 'the share of return interviews held within 72 hours', measure: M.RETURN_72H },
          ],
        },
      ],
    },
  ],
};
