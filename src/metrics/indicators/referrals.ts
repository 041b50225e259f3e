import { sql } from 'kysely';
import type { UnitSqlContext } from '../types.js';
import { CHILD_TEAM, define, flag, sourceGroupSql } from './define.js';

const area = 'Referrals';
const breakdowns = [...CHILD_TEAM, 'source_group'] as const;

/**
 * Referrals (CIN episodes) with a referral date in the period, with every referral measure as a
 * column (one query serves the family): reref (an earlier referral of the child on a strictly
 * earlier date within the 12 months before, found in one window pass), nfa, not_in_need.
 */
export function referralsIn(ctx: UnitSqlContext) {
  const { la, inPeriod } = ctx;
  return sql`SELECT p.y, r.child_id, r.referral_date AS ref_date, r.team_id, ${sql.raw(sourceGroupSql('r.source'))} AS source_group, 1 AS n, 1 AS d,
      ${sql.raw(flag(`r.previous >= (r.referral_date - interval '12 months')::date`))} AS reref, ${sql.raw(flag('r.nfa'))} AS nfa,
      ${sql.raw(flag(`r.closure_reason = 'RC8' OR (r.closure_reason = 'RC9' AND p.y >= 2023)`))} AS not_in_need
    FROM periods p JOIN (SELECT child_id, referral_date, team_id, source, nfa, closure_reason, max(referral_date) OVER (PARTITION BY child_id ORDER BY referral_date
        RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '1 day' PRECEDING) AS previous
      FROM referral WHERE la_code = ${la}) r ON ${inPeriod('r.referral_date')}`;
}

export const referrals = [
  define({
    id: 'REF-01', area, title: 'Referrals', definition: 'CIN episodes (referrals) with a referral date in the year; two referrals of one child count twice.',
    numerator: 'referrals in the year', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns,
    source: 'DfE', sourceDetail: 'CIN census c1 Referrals', basis: 'S', aggregate: 'count', dp: 0, rateDp: 1,
    reference: 'referrals', rateReference: 'referrals.rate',
    units: (ctx) => referralsIn(ctx),
  }),
  define({
    id: 'REF-01-CH', area, title: 'Children referred', definition: 'Distinct children with at least one referral in the year.',
    numerator: 'children referred in the year', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns,
    source: 'DfE', sourceDetail: 'CIN census c1 Referrals_child', basis: 'S', aggregate: 'children', dp: 0, reference: 'referrals.children',
    units: (ctx) => referralsIn(ctx),
  }),
  define({
    id: 'REF-02', area, title: 'Referral rate per 10,000 children', definition: 'Referrals in the year per 10,000 children aged 0 to 17 (ONS mid-year before the year end).',
    numerator: 'referrals in the year', denominator: 'children aged 0-17, mid-year Y-1', unit: 'rate', polarity: 'context', period: 'financial-year',
    breakdowns: [], source: 'DfE', sourceDetail: 'CIN census c1 Referrals_rate', basis: 'S', aggregate: 'rate', dp: 1, reference: 'referrals.rate',
    units: (ctx) => referralsIn(ctx),
  }),
  define({
    id: 'REF-03', area, title: 'Re-referrals within 12 months',
    definition: 'Referrals in the year where the same child had an earlier referral (strictly earlier date) within the 12 months before, as a share of referrals in the year. Two referrals on one day are not re-referrals of each other.',
    numerator: 'referrals with a previous referral of the child in the 12 months before', denominator: 'referrals in the year', unit: 'percent',
    polarity: 'down', period: 'financial-year', breakdowns, source: 'DfE', sourceDetail: 'CIN census c1 Re_referrals_percent', basis: 'S/D',
    aggregate: 'share', dp: 1, reference: 'referrals.rereferral_pct',
    units: (ctx) => referralsIn(ctx), columns: { n: 'reref' },
  }),
  define({
    id: 'REF-04', area, title: 'Referrals with no further action', definition: 'Referrals in the year marked no further action, as a share of referrals in the year.',
    numerator: 'referrals with ReferralNFA true', denominator: 'referrals in the year', unit: 'percent', polarity: 'context', period: 'financial-year',
    breakdowns, source: 'DfE', sourceDetail: 'CIN census c1 No_Further_Action_percent', basis: 'S/D', aggregate: 'share', dp: 1, reference: 'referrals.nfa_pct',
    units: (ctx) => referralsIn(ctx), columns: { n: 'nfa' },
  }),
  define({
    id: 'REF-05', area, title: 'Referrals by source', definition: 'Share of referrals in the year from each of the 11 DfE source groups.',
    numerator: 'referrals from the source group', denominator: 'referrals in the year', unit: 'percent', polarity: 'context', period: 'financial-year',
    breakdowns, defaultBreakdown: 'source_group', source: 'DfE', sourceDetail: 'CIN census c5', basis: 'S', aggregate: 'distribution', dp: 1,
    units: (ctx) => referralsIn(ctx),
  }),
];
