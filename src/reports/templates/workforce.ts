/** Workforce and capacity, like Leicestershire's July 2017 resources report. */
import type { ReportTemplate } from '../model.js';
import * as M from './measures.js';

export const WORKFORCE: ReportTemplate = {
  id: 'workforce',
  title: 'Workforce and capacity',
  modelledOn: 'Leicestershire County Council, July 2017: resources for the Ofsted improvement plan',
  purpose: 'Team-by-team caseloads against the caseload standard, cases over capacity, the posts needed to meet the standard and their cost.',
  sections: [
    {
      id: 'demand',
      heading: 'Demand on the service',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'demand', title: 'Open cases, children on a plan and children looked after', rows: [M.CIN_AT31, M.CPP_AT31, M.CLA_AT31, M.CLA_STARTED], years: 3, comparators: false },
        {
          kind: 'sentences',
          items: [
            { kind: 'change', subject: 'the number of children looked after', measure: M.CLA_AT31, style: 'both' },
            { kind: 'change', subject: 'the number of children on a child protection plan', measure: M.CPP_AT31, style: 'both' },
          ],
        },
      ],
    },
    {
      id: 'caseloads',
      heading: 'Caseloads by team',
      needs: ['workload'],
      blocks: [{ kind: 'caseloads', id: 'team-caseloads', title: 'Caseloads by team against the standard' }],
    },
    {
      id: 'capacity',
      heading: 'Posts needed and cost',
      needs: ['workload'],
      blocks: [{ kind: 'capacity', id: 'posts', title: 'Additional posts needed to meet the caseload standard' }],
    },
  ],
};
