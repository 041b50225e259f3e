import { sql } from 'kysely';
import type { UnitSqlContext } from '../types.js';
import { CHILD, define } from './define.js';
import { completed } from './assessments.js';

const area = 'Drift (time between stages)';

/** Event lists (id, child_id, dt) for the PATCh pairing rule. */
const REFERRALS = `SELECT referral_id AS id, child_id, referral_date AS dt FROM referral WHERE la_code = `;
const CP_PLANS = `SELECT cp_plan_id AS id, child_id, start_date AS dt FROM cp_plan WHERE la_code = `;
const CARE = `SELECT period_id AS id, child_id, start_date AS dt FROM care_period WHERE la_code = `;

/**
 * PATCh drift pairing (indicators.md §3.4): for each later event in the period, the closest
 * earlier event of the same child on or before it (negative differences dropped), keeping one
 * pairing per later and per earlier event. v = days between them.
 */
function drift(ctx: UnitSqlContext, earlier: string, later: string) {
  const { la, inPeriod } = ctx;
  return sql`WITH e AS (${sql.raw(earlier)}${la}), l AS (${sql.raw(later)}${la}),
    pairs AS (SELECT p.y, l.id AS lid, l.child_id, l.dt AS ldt, e.id AS eid, l.dt - e.dt AS diff
      FROM periods p JOIN l ON ${inPeriod('l.dt')} JOIN e ON e.child_id = l.child_id AND e.dt <= l.dt),
    closest AS (SELECT *, row_number() OVER (PARTITION BY y, lid ORDER BY diff, eid) AS rl FROM pairs),
    unique_pairs AS (SELECT *, row_number() OVER (PARTITION BY y, eid ORDER BY diff, lid) AS re FROM closest WHERE rl = 1)
    SELECT y, child_id, ldt AS ref_date, 1 AS n, 1 AS d, diff AS v FROM unique_pairs WHERE re = 1`;
}

const common = { area, unit: 'days' as const, polarity: 'context' as const, period: 'financial-year' as const, breakdowns: CHILD,
  source: 'Local' as const, sourceDetail: 'data-to-insight PATCh drift app', basis: 'S' as const, aggregate: 'mean' as const, dp: 0 };

export const driftIndicators = [
  define({ ...common, id: 'DRF-01', title: 'Referral to child protection plan', definition: 'For each CP plan starting in the year, days since the closest preceding referral of the child (PATCh pairing); mean.',
    numerator: 'days, summed over pairs', denominator: 'paired plan starts', units: (ctx) => drift(ctx, REFERRALS, CP_PLANS) }),
  define({ ...common, id: 'DRF-02', title: 'Referral to looked after', definition: 'For each period of care starting in the year, days since the closest preceding referral; mean.',
    numerator: 'days, summed over pairs', denominator: 'paired care starts', units: (ctx) => drift(ctx, REFERRALS, CARE) }),
  define({ ...common, id: 'DRF-03', title: 'Child protection plan to looked after', definition: 'For each period of care starting in the year, days since the closest preceding CP plan start; mean.',
    numerator: 'days, summed over pairs', denominator: 'paired care starts', units: (ctx) => drift(ctx, CP_PLANS, CARE) }),
  define({ ...common, id: 'DRF-04', title: 'Referral to assessment completed (working days)', unit: 'working-days', polarity: 'down', basis: 'D', dp: 1,
    sourceDetail: 'statutory guidance: 45 working days from referral',
    definition: 'Assessments authorised in the year: mean working days from the referral date of their CIN episode to authorisation.',
    numerator: 'working days, summed', denominator: 'assessments authorised',
    units: (ctx) => completed(ctx), columns: { v: 'v_referral' } }),
  define({ ...common, id: 'DRF-04-45', title: 'Assessments completed within 45 working days of referral', unit: 'percent', polarity: 'up', basis: 'D', aggregate: 'share', dp: 1,
    sourceDetail: 'statutory guidance: 45 working days from referral',
    definition: 'Assessments authorised in the year within 45 working days of the referral date, as a share of assessments authorised.',
    numerator: 'assessments within 45 working days of referral', denominator: 'assessments authorised',
    units: (ctx) => completed(ctx), columns: { n: 'within_45_referral' } }),
];
