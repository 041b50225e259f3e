import { sql, type RawBuilder } from 'kysely';
import type { UnitSqlContext } from '../types.js';
import { CHILD_TEAM, define, flag } from './define.js';
import { referralsIn } from './referrals.js';

const area = 'Assessments';

/** DfE c2 bins of working days from assessment start to authorisation. */
function assessmentBand(wd: string): string {
  return `CASE WHEN ${wd} = 0 THEN 'same_day' WHEN ${wd} <= 10 THEN '1_10' WHEN ${wd} <= 20 THEN '11_20' WHEN ${wd} <= 30 THEN '21_30'
    WHEN ${wd} <= 40 THEN '31_40' WHEN ${wd} <= 45 THEN '41_45' WHEN ${wd} <= 50 THEN '46_50' WHEN ${wd} <= 60 THEN '51_60' ELSE '61_plus' END`;
}

/**
 * Assessments authorised (completed) in the period, every completion measure as a column (one
 * query serves the family): v = working days from start to authorisation, within_45, seen, and
 * from the referral (CIN episode) v_referral and within_45_referral (drift DRF-04).
 */
export function completed({ la, wd, inPeriod }: UnitSqlContext): RawBuilder<unknown> {
  return sql`SELECT y, child_id, ref_date, team_id, w AS v, 1 AS n, 1 AS d, ${sql.raw(flag('w <= 45'))} AS within_45, ${sql.raw(flag('child_seen IS TRUE'))} AS seen,
      ${sql.raw(assessmentBand('w'))} AS band, wr AS v_referral, ${sql.raw(flag('wr <= 45'))} AS within_45_referral
    FROM (SELECT p.y, a.child_id, a.authorised_date AS ref_date, a.team_id, a.child_seen,
      ${sql.raw(wd('a.start_date', 'a.authorised_date'))} AS w, ${sql.raw(wd('r.referral_date', 'a.authorised_date'))} AS wr
      FROM periods p JOIN assessment a ON a.la_code = ${la} AND ${inPeriod('a.authorised_date')}
      JOIN referral r ON r.la_code = a.la_code AND r.referral_id = a.referral_id) t`;
}

/**
 * Assessments authorised in the period (one row each: d) and their factors (one row per factor:
 * n, with_factor, and to_plan when the CIN episode went on to a CP plan); one query serves ASM-07
 * and ASM-08.
 */
function factorItems(ctx: UnitSqlContext): RawBuilder<unknown> {
  const { la, inPeriod } = ctx;
  return sql`SELECT p.y, a.child_id, a.authorised_date AS ref_date, 0 AS n, 1 AS d, NULL::text AS factor, 0 AS with_factor, 0 AS to_plan
      FROM periods p JOIN assessment a ON a.la_code = ${la} AND ${inPeriod('a.authorised_date')}
    UNION ALL
    SELECT p.y, a.child_id, a.authorised_date, 1, 0, f.factor, 1, ${sql.raw(flag('cpr.referral_id IS NOT NULL'))}
      FROM periods p JOIN assessment a ON a.la_code = ${la} AND ${inPeriod('a.authorised_date')}
      JOIN assessment_factor f ON f.la_code = a.la_code AND f.assessment_id = a.assessment_id
      LEFT JOIN (SELECT DISTINCT referral_id FROM cp_plan WHERE la_code = ${la} AND referral_id IS NOT NULL) cpr ON cpr.referral_id = a.referral_id`;
}

export const assessments = [
  define({
    id: 'ASM-01', area, title: 'Assessments completed', definition: 'Assessments with an authorisation date in the year (also as a rate per 10,000).',
    numerator: 'assessments authorised in the year', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year',
    breakdowns: CHILD_TEAM, source: 'DfE', sourceDetail: 'CIN census c2 Assessments_completed', basis: 'S', aggregate: 'count', dp: 0, rateDp: 1,
    reference: 'assessments', rateReference: 'assessments.rate',
    units: (ctx) => completed(ctx),
  }),
  define({
    id: 'ASM-02', area, title: 'Assessments completed within 45 working days',
    definition: 'Assessments authorised in the year whose working days from start to authorisation (start day = day 0, England and Wales bank holidays excluded) are 45 or fewer, as a share of assessments authorised.',
    numerator: 'assessments within 45 working days', denominator: 'assessments authorised in the year', unit: 'percent', polarity: 'up',
    period: 'financial-year', breakdowns: [...CHILD_TEAM, 'band'], source: 'DfE', sourceDetail: 'CIN census c2 (bins)', basis: 'S/D',
    aggregate: 'share', dp: 1, reference: 'assessments.within_45_days_pct',
    units: (ctx) => completed(ctx), columns: { n: 'within_45' },
  }),
  define({
    id: 'ASM-03', area, title: 'Assessment duration (median working days)', definition: 'Median working days from assessment start to authorisation, assessments authorised in the year (25th and 75th percentiles in detail).',
    numerator: 'working days per assessment', denominator: 'assessments authorised in the year', unit: 'working-days', polarity: 'down',
    period: 'financial-year', breakdowns: CHILD_TEAM, source: 'DfE', sourceDetail: 'CIN census c2 median', basis: 'S', aggregate: 'median', dp: 0,
    reference: 'assessments.days.median',
    units: (ctx) => completed(ctx),
  }),
  define({
    id: 'ASM-04', area, title: 'Open assessments over 45 working days', definition: 'At the snapshot date: assessments not yet authorised that started more than 45 working days earlier.',
    numerator: 'open assessments past 45 working days', denominator: null, unit: 'count', polarity: 'down', period: 'snapshot',
    breakdowns: CHILD_TEAM, source: 'Local', sourceDetail: 'mirrors CIN validation query 8670Q', basis: 'S', aggregate: 'count', dp: 0,
    units: ({ la, wd }) => sql`SELECT p.y, a.child_id, p.pe AS ref_date, a.team_id, 1 AS d, ${sql.raw(flag(`${wd('a.start_date', 'p.pe')} > 45`))} AS n
      FROM periods p JOIN assessment a ON a.la_code = ${la} AND a.start_date <= p.pe AND (a.authorised_date IS NULL OR a.authorised_date > p.pe)`,
  }),
  define({
    id: 'ASM-05', area, title: 'Child seen during assessment', definition: 'Assessments authorised in the period where the child was seen, as a share of assessments authorised.',
    numerator: 'assessments with the child seen', denominator: 'assessments authorised', unit: 'percent', polarity: 'up', period: 'financial-year',
    breakdowns: CHILD_TEAM, source: 'Ofsted', sourceDetail: 'Annex A list 4', basis: 'D', aggregate: 'share', dp: 1,
    units: (ctx) => completed(ctx), columns: { n: 'seen' },
  }),
  define({
    id: 'ASM-06', area, title: 'Referrals assessed as not in need',
    definition: 'Referrals in the year closed after assessment as not in need (closure reason RC8, and RC9 from 2022/23), as a share of referrals in the year.',
    numerator: 'referrals closed RC8 (RC9 from 2023)', denominator: 'referrals in the year', unit: 'percent', polarity: 'context', period: 'financial-year',
    breakdowns: CHILD_TEAM, source: 'DfE', sourceDetail: 'CIN census c1 Not_in_Need_percent', basis: 'S/D', aggregate: 'share', dp: 1,
    reference: 'referrals.not_in_need_pct',
    units: (ctx) => referralsIn(ctx), columns: { n: 'not_in_need' },
  }),
  define({
    id: 'ASM-07', area, title: 'Factors identified at assessment',
    definition: 'Assessments authorised in the year, and for each assessment factor the share of those assessments recording it (an assessment can record several).',
    numerator: 'assessments recording the factor', denominator: 'assessments authorised in the year', unit: 'percent', polarity: 'context',
    period: 'financial-year', breakdowns: ['factor'], defaultBreakdown: 'factor', source: 'DfE', sourceDetail: 'CIN census c3', basis: 'S',
    aggregate: 'distribution', dp: 1, reference: 'factors.episodes',
    units: (ctx) => factorItems(ctx),
  }),
  define({
    id: 'ASM-08', area, title: 'Factors at assessment that led to a CP plan',
    definition: 'For each factor recorded at assessments authorised in the year: the share of those assessments whose CIN episode went on to a child protection plan.',
    numerator: 'assessments with the factor whose episode has a CP plan', denominator: 'assessments with the factor', unit: 'percent',
    polarity: 'context', period: 'financial-year', breakdowns: ['factor'], defaultBreakdown: 'factor', source: 'Local', sourceDetail: 'seeds: risk factors and CP plans',
    basis: 'D', aggregate: 'share', dp: 1,
    units: (ctx) => factorItems(ctx), columns: { n: 'to_plan', d: 'with_factor' },
  }),
];
