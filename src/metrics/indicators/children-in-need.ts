import { sql, type RawBuilder } from 'kysely';
import type { UnitSqlContext } from '../types.js';
import { CHILD_TEAM, define, flag, periodsOpenAt } from './define.js';

const area = 'Children in need';

/**
 * CIN episodes open on the snapshot date, excluding referrals that were no further action, with
 * every snapshot measure as a column (one query serves the family): awaiting (no assessment
 * authorised by then: each referral's first authorisation, found once and hash-joined), two_years
 * and its duration band. The open set is fenced (OFFSET 0) so the first authorisations are joined
 * once to all ten snapshots, not rebuilt and probed inside the per-snapshot loop.
 */
export function openAt31(la: RawBuilder<unknown>) {
  return sql`SELECT r.y, r.child_id, r.pe AS ref_date, r.team_id, 1 AS n, 1 AS d,
      ${sql.raw(flag('fa.first_authorised IS NULL OR fa.first_authorised > r.pe'))} AS awaiting,
      ${sql.raw(flag(`r.referral_date <= (r.pe - interval '2 years')::date`))} AS two_years,
      CASE WHEN r.referral_date >= (r.pe - interval '3 months')::date THEN '3m_or_less' WHEN r.referral_date >= (r.pe - interval '6 months')::date THEN '3m_to_6m'
        WHEN r.referral_date >= (r.pe - interval '1 year')::date THEN '6m_to_1y' WHEN r.referral_date > (r.pe - interval '2 years')::date THEN '1y_to_2y' ELSE '2y_plus' END AS band
    FROM (SELECT p.y, p.pe, r.child_id, r.team_id, r.referral_id, r.referral_date
      FROM ${periodsOpenAt('referral', 'r', la, 'referral_date', 'closure_date', ' AND NOT r.nfa')} OFFSET 0) r
    LEFT JOIN (SELECT referral_id, min(authorised_date) AS first_authorised FROM assessment WHERE la_code = ${la} GROUP BY referral_id) fa
      ON fa.referral_id = r.referral_id`;
}

/** CIN plans open on the snapshot date, with visited: seen on a CIN visit within the last 20 working days (or the plan started 20 or fewer working days before). */
function cinPlansAt31({ la, wd }: UnitSqlContext) {
  return sql`SELECT p.y, c.child_id, p.pe AS ref_date, c.team_id, 1 AS n, 1 AS d,
      ${sql.raw(flag(`${wd('c.start_date', 'p.pe')} <= 20 OR EXISTS (SELECT 1 FROM visit v WHERE v.la_code = c.la_code
      AND v.child_id = c.child_id AND v.context = 'cin' AND v.seen AND v.visit_date <= p.pe AND v.visit_date >= c.start_date AND ${wd('v.visit_date', 'p.pe')} <= 20)`))} AS visited
    FROM ${periodsOpenAt('cin_plan', 'c', la, 'start_date', 'end_date')}`;
}

export const childrenInNeed = [
  define({
    id: 'CIN-01', area, title: 'Children in need at 31 March', definition: 'CIN episodes open on the snapshot date (referral on or before it, not closed by it), excluding no-further-action referrals; also as a rate per 10,000.',
    numerator: 'open CIN episodes', denominator: null, unit: 'count', polarity: 'context', period: 'snapshot', breakdowns: CHILD_TEAM,
    source: 'DfE', sourceDetail: 'CIN census b1 At31_episodes', basis: 'S/D', aggregate: 'count', dp: 0, rateDp: 1, reference: 'cin.at31', rateReference: 'cin.at31.rate',
    units: ({ la }) => openAt31(la),
  }),
  define({
    id: 'CIN-02', area, title: 'Children in need at any point in the year', definition: 'CIN episodes open on at least one day of the year, excluding no-further-action referrals.',
    numerator: 'episodes open in the year', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: CHILD_TEAM,
    source: 'DfE', sourceDetail: 'CIN census b1 Anypoint_episodes', basis: 'S/D', aggregate: 'count', dp: 0, rateDp: 1, reference: 'cin.anypoint_episodes',
    units: ({ la }) => sql`SELECT p.y, r.child_id, p.pe AS ref_date, r.team_id, 1 AS n, 1 AS d
      FROM periods p CROSS JOIN LATERAL (SELECT * FROM referral r WHERE r.la_code = ${la} AND r.referral_date <= p.pe
        AND (r.closure_date IS NULL OR r.closure_date >= p.ps) AND NOT r.nfa OFFSET 0) r`,
  }),
  define({
    id: 'CIN-02-START', area, title: 'CIN episodes started', definition: 'CIN episodes starting in the year, excluding no-further-action referrals.',
    numerator: 'episodes started', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: CHILD_TEAM,
    source: 'DfE', sourceDetail: 'CIN census b1 Started_episodes', basis: 'S/D', aggregate: 'count', dp: 0, rateDp: 1, reference: 'cin.started_episodes',
    units: ({ la, inPeriod }) => sql`SELECT p.y, r.child_id, r.referral_date AS ref_date, r.team_id, 1 AS n, 1 AS d
      FROM periods p JOIN referral r ON r.la_code = ${la} AND ${inPeriod('r.referral_date')} AND NOT r.nfa`,
  }),
  define({
    id: 'CIN-02-END', area, title: 'CIN episodes ended', definition: 'CIN episodes closing in the year, excluding no-further-action referrals.',
    numerator: 'episodes ended', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: [...CHILD_TEAM, 'reason'],
    source: 'DfE', sourceDetail: 'CIN census b1 Ended_episodes', basis: 'S/D', aggregate: 'count', dp: 0, rateDp: 1, reference: 'cin.ended_episodes',
    units: ({ la, inPeriod }) => sql`SELECT p.y, r.child_id, r.closure_date AS ref_date, r.team_id, r.closure_reason AS reason, 1 AS n, 1 AS d
      FROM periods p JOIN referral r ON r.la_code = ${la} AND ${inPeriod('r.closure_date')} AND NOT r.nfa`,
  }),
  define({
    id: 'CIN-03', area, title: 'Awaiting assessment at 31 March', definition: 'CIN episodes open on the snapshot date with no assessment authorised by then; also as a rate per 10,000.',
    numerator: 'open episodes without a completed assessment', denominator: null, unit: 'count', polarity: 'down', period: 'snapshot', breakdowns: CHILD_TEAM,
    source: 'DfE', sourceDetail: 'CIN census b1 Awaiting_assessment', basis: 'S/D', aggregate: 'count', dp: 0, rateDp: 1, reference: 'cin.awaiting_assessment',
    units: ({ la }) => openAt31(la), columns: { n: 'awaiting' },
  }),
  define({
    id: 'CIN-04', area, title: 'CIN episodes open for 2 years or more', definition: 'Episodes open on the snapshot date that started 2 years or more before it, as a share of open episodes (b4 bands).',
    numerator: 'open episodes started 2+ years before', denominator: 'open CIN episodes', unit: 'percent', polarity: 'context', period: 'snapshot',
    breakdowns: [...CHILD_TEAM, 'band'], source: 'DfE', sourceDetail: 'CIN census b4', basis: 'S', aggregate: 'share', dp: 1,
    units: ({ la }) => openAt31(la), columns: { n: 'two_years' },
  }),
  define({
    id: 'CIN-05', area, title: 'CIN plans at 31 March', definition: 'CIN plans open on the snapshot date; also as a rate per 10,000.',
    numerator: 'open CIN plans', denominator: null, unit: 'count', polarity: 'context', period: 'snapshot', breakdowns: CHILD_TEAM,
    source: 'DfE', sourceDetail: 'CIN census b7 CINPlan_At31', basis: 'S', aggregate: 'count', dp: 0, rateDp: 1, reference: 'cin_plans.at31', rateReference: 'cin_plans.at31.rate',
    units: (ctx) => cinPlansAt31(ctx),
  }),
  define({
    id: 'CIN-05-START', area, title: 'CIN plans started', definition: 'CIN plans starting in the year.',
    numerator: 'CIN plans started', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: CHILD_TEAM,
    source: 'DfE', sourceDetail: 'CIN census b7 CINPlan_start', basis: 'S', aggregate: 'count', dp: 0, reference: 'cin_plans.started',
    units: ({ la, inPeriod }) => sql`SELECT p.y, c.child_id, c.start_date AS ref_date, c.team_id, 1 AS n, 1 AS d
      FROM periods p JOIN cin_plan c ON c.la_code = ${la} AND ${inPeriod('c.start_date')}`,
  }),
  define({
    id: 'CIN-06', area, title: 'CIN visits on time',
    definition: 'Children on a CIN plan at the snapshot seen on a CIN visit within the last 20 working days (or whose plan started 20 or fewer working days before), as a share of children on a CIN plan.',
    numerator: 'plans with the child seen within 20 working days', denominator: 'CIN plans open at the snapshot', unit: 'percent', polarity: 'up', period: 'snapshot',
    breakdowns: CHILD_TEAM, source: 'Local', sourceDetail: 'local standard 20 working days (calendar rule cin-visit)', basis: 'D', aggregate: 'share', dp: 1,
    units: (ctx) => cinPlansAt31(ctx), columns: { n: 'visited' },
  }),
];
