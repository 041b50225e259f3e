/** Annual report, like Barking and Dagenham's Children's Social Care Annual Report 2015/16. */
import type { ReportTemplate } from '../model.js';
import * as M from './measures.js';

export const ANNUAL: ReportTemplate = {
  id: 'annual',
  title: "Children's social care annual report",
  modelledOn: 'London Borough of Barking and Dagenham, Cabinet, 18 October 2016: Children’s Social Care Annual Report 2015/16',
  purpose: 'An overview of safeguarding and looked-after children activity and performance for the year, with trends and comparators.',
  sections: [
    {
      id: 'front-door',
      heading: 'Contacts and referrals',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'contacts-referrals', title: 'Contacts and referrals to statutory social care', rows: [M.CONTACTS, M.REFERRALS, M.REFERRAL_RATE, M.REREFERRALS] },
        {
          kind: 'sentences',
          items: [
            { kind: 'change', subject: 'the number of contacts', measure: M.CONTACTS, style: 'both' },
            { kind: 'change', subject: 'the number of referrals', measure: M.REFERRALS, style: 'both' },
            { kind: 'change', subject: 'the referral rate', measure: M.REFERRAL_RATE, then: 'compare' },
          ],
        },
      ],
    },
    {
      id: 'open-cases',
      heading: 'Children in need and section 47 enquiries',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'open-cases', title: 'Children in need (open cases) and section 47 enquiries', rows: [M.CIN_AT31, M.CIN_RATE, M.S47, M.S47_RATE, M.ICPC] },
        {
          kind: 'sentences',
          items: [
            { kind: 'change', subject: 'the number of children in need at 31 March', measure: M.CIN_AT31, style: 'both' },
            { kind: 'level', subject: 'the rate of children in need', measure: M.CIN_RATE, compare: true },
            { kind: 'level', subject: 'the rate of section 47 enquiries', measure: M.S47_RATE, compare: true },
          ],
        },
      ],
    },
    {
      id: 'child-protection',
      heading: 'Child protection plans',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'cp-plans', title: 'Child protection plans', rows: [M.CPP_AT31, M.CPP_RATE, M.CPP_STARTED, M.CPP_ENDED, M.CPP_REPEAT, M.CPP_2YEARS] },
        { kind: 'chart', id: 'cp-rate-chart', title: 'Rate of children with a child protection plan per 10,000, with comparators', measure: M.CPP_RATE, type: 'line' },
        {
          kind: 'sentences',
          items: [
            { kind: 'change', subject: 'the number of children subject to a child protection plan', measure: M.CPP_AT31, style: 'both' },
            { kind: 'change', subject: 'the rate of children on a plan', measure: M.CPP_RATE, then: 'rank' },
            { kind: 'level', subject: 'the share of plans starting that were a second or subsequent plan', measure: M.CPP_REPEAT, compare: true },
          ],
        },
        { kind: 'breakdown-table', id: 'cp-categories', title: 'Children on a child protection plan at 31 March by category of abuse', indicator: 'CPP-07-AT31', breakdown: 'category', labels: M.CP_CATEGORY_LABELS, show: ['count', 'share'], keyLabel: 'Category' },
      ],
    },
    {
      id: 'looked-after',
      heading: 'Children looked after',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'cla', title: 'Children looked after, starting and ceasing, and police protection', rows: [M.CLA_AT31, M.CLA_RATE, M.CLA_STARTED, M.CLA_CEASED, M.POLICE_PROTECTION] },
        { kind: 'chart', id: 'cla-rate-chart', title: 'Rate of children looked after per 10,000, with comparators', measure: M.CLA_RATE, type: 'line' },
        {
          kind: 'sentences',
          items: [
            { kind: 'change', subject: 'the number of children looked after at 31 March', measure: M.CLA_AT31, style: 'both' },
            { kind: 'change', subject: 'the rate of children looked after', measure: M.CLA_RATE, then: 'compare' },
            { kind: 'change', subject: 'the number of children who started to be looked after', measure: M.CLA_STARTED, style: 'both' },
            { kind: 'change', subject: 'the number of children taken into police protection', measure: M.POLICE_PROTECTION, style: 'both' },
          ],
        },
      ],
    },
    {
      id: 'timeliness',
      heading: 'Timeliness and practice',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'timeliness', title: 'Timeliness of assessments, conferences, visits and core groups', rows: [M.ASSESSMENTS_45, M.ICPC_15, M.CP_VISITS, M.CP_REVIEWS, M.CORE_GROUPS], years: 3 },
        {
          kind: 'sentences',
          items: [
            { kind: 'level', subject: 'the share of assessments completed within 45 working days', measure: M.ASSESSMENTS_45, compare: true },
            { kind: 'level', subject: 'the share of initial child protection conferences held within 15 working days', measure: M.ICPC_15, compare: true },
            { kind: 'change', subject: 'the share of children on a plan seen within 10 working days', measure: M.CP_VISITS },
          ],
        },
      ],
    },
    {
      id: 'workforce',
      heading: 'Workforce and caseloads',
      needs: ['workload'],
      blocks: [{ kind: 'caseloads', id: 'caseloads', title: 'Caseloads by team' }],
    },
    {
      id: 'adoption',
      heading: 'Adoption scorecard',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'adoption', title: 'Adoption scorecard (three-year averages)', rows: [M.ADOPTION_A1, M.ADOPTION_A2, M.ADOPTION_A3, M.ADOPTION_EXITS], years: 3, comparators: false },
        {
          kind: 'sentences',
          items: [
            { kind: 'change', subject: 'the A1 average (entering care to moving in with the adoptive family)', measure: M.ADOPTION_A1, style: 'values' },
            { kind: 'text', text: 'The DfE threshold for A1 is 426 days (14 months) and for A2 is 121 days (4 months).' },
          ],
        },
      ],
    },
    {
      id: 'savings',
      heading: 'Placement spend: scenario savings',
      needs: ['forecast'],
      blocks: [{ kind: 'scenarios', id: 'scenario-savings', title: 'Scenario savings: placement spend against the baseline forecast', scenarios: M.SAVINGS_SCENARIOS }],
    },
  ],
};
