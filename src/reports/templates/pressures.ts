/** Pressures and demands, like Oxfordshire's Performance Scrutiny reports of 2014 and the 2015 CP report card. */
import type { ReportTemplate } from '../model.js';
import * as M from './measures.js';

export const PRESSURES: ReportTemplate = {
  id: 'pressures',
  title: "Pressures and demands in children's social care",
  modelledOn: 'Oxfordshire County Council, Performance Scrutiny Committee, 25 September 2014, and the child protection report card of 5 November 2015',
  purpose: 'Current levels of demand and caseloads, how they compare nationally, what drives them and the impact on teams.',
  sections: [
    {
      id: 'levels',
      heading: 'Current levels of demand and national rank',
      needs: ['metrics'],
      blocks: [
        {
          kind: 'sentences',
          items: [
            { kind: 'level', subject: 'the rate of children in need', measure: M.CIN_RATE, compare: true, rank: true },
            { kind: 'level', subject: 'the rate of children on a child protection plan', measure: M.CPP_RATE, compare: true, rank: true },
            { kind: 'level', subject: 'the rate of children looked after', measure: M.CLA_RATE, compare: true, rank: true },
          ],
        },
        { kind: 'trend-table', id: 'demand-rates', title: 'Rates per 10,000 children with comparators', rows: [M.REFERRAL_RATE, M.CIN_RATE, M.S47_RATE, M.CPP_RATE, M.CLA_RATE] },
        { kind: 'chart', id: 'cp-rate', title: 'Children on a child protection plan per 10,000', measure: M.CPP_RATE, type: 'line' },
        { kind: 'chart', id: 's47-rate', title: 'Section 47 enquiries per 10,000', measure: M.S47_RATE, type: 'line' },
      ],
    },
    {
      id: 'growth',
      heading: 'Growth by age and sex',
      needs: ['metrics'],
      blocks: [
        { kind: 'sentences', items: [{ kind: 'change', subject: 'the number of children on a child protection plan', measure: M.CPP_AT31, span: 5, style: 'both' }] },
        { kind: 'breakdown-table', id: 'cp-age', title: 'Children on a child protection plan at 31 March by age', indicator: 'CPP-01', breakdown: 'age_band', labels: M.AGE_BAND_LABELS, show: ['count', 'share'], keyLabel: 'Age', years: 2 },
        { kind: 'breakdown-table', id: 'cp-sex', title: 'Children on a child protection plan at 31 March by sex', indicator: 'CPP-01', breakdown: 'sex', labels: M.SEX_LABELS, show: ['count', 'share'], keyLabel: 'Sex', years: 2 },
        { kind: 'breakdown-table', id: 'cp-locality', title: 'Children on a child protection plan at 31 March by area', indicator: 'CPP-01', breakdown: 'locality', show: ['count'], keyLabel: 'Area', years: 2 },
      ],
    },
    {
      id: 'duration',
      heading: 'Duration and repeat plans',
      needs: ['metrics'],
      blocks: [
        { kind: 'trend-table', id: 'duration', title: 'Plan duration and repeat plans', rows: [M.CPP_STARTED, M.CPP_ENDED, M.CPP_2YEARS, M.CPP_REPEAT] },
        {
          kind: 'sentences',
          items: [
            { kind: 'change', subject: 'the share of plans ending after two years or more', measure: M.CPP_2YEARS, then: 'compare' },
            { kind: 'change', subject: 'the share of plans that were a second or subsequent plan', measure: M.CPP_REPEAT, then: 'compare' },
          ],
        },
      ],
    },
    {
      id: 'risk-factors',
      heading: 'Risk factors at assessment',
      needs: ['metrics'],
      blocks: [
        { kind: 'breakdown-table', id: 'factors', title: 'Factors identified at the end of assessment', indicator: 'ASM-07', breakdown: 'factor', labels: M.ASSESSMENT_FACTOR_LABELS, omitEmpty: true, show: ['count'], keyLabel: 'Factor', years: 2 },
        {
          kind: 'factor-table',
          id: 'factors-to-plans',
          title: 'The 10 factors most often recorded at assessments that led to a child protection plan',
          indicator: 'ASM-08',
          breakdown: 'factor',
          labels: M.ASSESSMENT_FACTOR_LABELS,
          keyLabel: 'Factor',
          headings: { base: 'Assessments recording it', count: 'Of which led to a plan', share: 'Led to a plan (%)' },
          top: 10,
          exclude: ['21'], // no factors identified
        },
      ],
    },
    {
      id: 'before-care',
      heading: 'Previous interventions of children entering care',
      needs: ['metrics'],
      blocks: [
        { kind: 'breakdown-table', id: 'previous-interventions', title: 'Children starting to be looked after by their previous involvement', indicator: 'CLA-21', breakdown: 'band', labels: M.PREVIOUS_INTERVENTION_LABELS, show: ['count', 'share'], keyLabel: 'Previous intervention', years: 3 },
      ],
    },
    {
      id: 'caseloads',
      heading: 'Caseloads by team against the aspiration',
      needs: ['workload'],
      blocks: [{ kind: 'caseloads', id: 'team-caseloads', title: 'Caseloads by team against the caseload standard' }],
    },
  ],
};
