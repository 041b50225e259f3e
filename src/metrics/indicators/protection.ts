import { sql } from 'kysely';
import type { UnitSqlContext } from '../types.js';
import { CHILD, CHILD_TEAM, define, flag } from './define.js';

const area = 'Section 47 enquiries and child protection';

/** S47 enquiries starting in the period; concluded (ended) and led_to_icpc (concluded with an initial conference) as columns. */
function s47Started(ctx: UnitSqlContext) {
  const { la, inPeriod } = ctx;
  return sql`SELECT p.y, s.child_id, s.start_date AS ref_date, s.team_id, 1 AS n, 1 AS d, ${sql.raw(flag('s.end_date IS NOT NULL'))} AS concluded,
      ${sql.raw(flag(`s.end_date IS NOT NULL AND EXISTS (SELECT 1 FROM cp_conference cf WHERE cf.la_code = s.la_code AND cf.s47_id = s.s47_id AND cf.conference_type = 'initial')`))} AS led_to_icpc
    FROM periods p JOIN s47_enquiry s ON s.la_code = ${la} AND ${inPeriod('s.start_date')}`;
}

const ICPC_ANCHOR = 'coalesce(sd.discussion_date, s.start_date)';

/** Initial conferences in the period: known_start, within_15 working days of the strategy discussion (and its band), plan_decided. */
function icpcs({ la, wd, inPeriod }: UnitSqlContext) {
  const w = wd(ICPC_ANCHOR, 'cf.conference_date');
  return sql`SELECT p.y, cf.child_id, cf.conference_date AS ref_date, 1 AS n, 1 AS d, ${sql.raw(flag(`${ICPC_ANCHOR} IS NOT NULL`))} AS known_start,
      ${sql.raw(flag(`${w} <= 15`))} AS within_15, ${sql.raw(flag('cf.plan_decided IS TRUE'))} AS plan_decided,
      CASE WHEN ${sql.raw(ICPC_ANCHOR)} IS NULL THEN NULL WHEN ${sql.raw(w)} <= 10 THEN '0_10' WHEN ${sql.raw(w)} <= 15 THEN '11_15' WHEN ${sql.raw(w)} <= 20 THEN '16_20' ELSE '21_plus' END AS band
    FROM periods p JOIN cp_conference cf ON cf.la_code = ${la} AND cf.conference_type = 'initial' AND ${inPeriod('cf.conference_date')}
    LEFT JOIN s47_enquiry s ON s.la_code = cf.la_code AND s.s47_id = cf.s47_id
    LEFT JOIN strategy_discussion sd ON sd.la_code = cf.la_code AND sd.strategy_id = s.strategy_id`;
}

/**
 * Plans open on the snapshot date (started on or before it, not ended by it), with two_years (open
 * 2 years or more) and its duration band, and visited: seen on a CP visit within the last 10
 * working days (or the plan started 10 or fewer working days before).
 */
function plansAt31({ la, wd }: UnitSqlContext) {
  return sql`SELECT p.y, c.child_id, p.pe AS ref_date, c.latest_category AS category, 1 AS n, 1 AS d,
      ${sql.raw(flag(`c.start_date <= (p.pe - interval '2 years')::date`))} AS two_years,
      CASE WHEN c.start_date >= (p.pe - interval '3 months')::date THEN '3m_or_less' WHEN c.start_date >= (p.pe - interval '6 months')::date THEN '3m_to_6m'
        WHEN c.start_date >= (p.pe - interval '1 year')::date THEN '6m_to_1y' WHEN c.start_date > (p.pe - interval '2 years')::date THEN '1y_to_2y' ELSE '2y_plus' END AS band,
      ${sql.raw(flag(`${wd('c.start_date', 'p.pe')} <= 10 OR EXISTS (SELECT 1 FROM visit v WHERE v.la_code = c.la_code
        AND v.child_id = c.child_id AND v.context = 'cp' AND v.seen AND v.visit_date <= p.pe AND v.visit_date >= c.start_date AND ${wd('v.visit_date', 'p.pe')} <= 10)`))} AS visited
    FROM periods p JOIN cp_plan c ON c.la_code = ${la} AND c.start_date <= p.pe AND (c.end_date IS NULL OR c.end_date > p.pe)`;
}

/** Plans starting in the period, with subsequent (the child had an earlier plan) and core_group (first core group within 10 working days). */
function plansStarted({ la, wd, inPeriod }: UnitSqlContext) {
  return sql`SELECT p.y, c.child_id, c.start_date AS ref_date, c.initial_category AS category, 1 AS n, 1 AS d,
      ${sql.raw(flag('EXISTS (SELECT 1 FROM cp_plan q WHERE q.la_code = c.la_code AND q.child_id = c.child_id AND q.start_date < c.start_date)'))} AS subsequent,
      ${sql.raw(flag(`EXISTS (SELECT 1 FROM core_group g WHERE g.la_code = c.la_code AND g.cp_plan_id = c.cp_plan_id
        AND g.meeting_date >= c.start_date AND ${wd('c.start_date', 'g.meeting_date')} <= 10)`))} AS core_group
    FROM periods p JOIN cp_plan c ON c.la_code = ${la} AND ${inPeriod('c.start_date')}`;
}

/** Plans ending in the period, with two_years (lasted 2 years or more). */
function plansEnded(ctx: UnitSqlContext) {
  const { la, inPeriod } = ctx;
  return sql`SELECT p.y, c.child_id, c.end_date AS ref_date, c.latest_category AS category, 1 AS n, 1 AS d,
      ${sql.raw(flag(`c.end_date >= (c.start_date + interval '2 years')::date`))} AS two_years
    FROM periods p JOIN cp_plan c ON c.la_code = ${la} AND ${inPeriod('c.end_date')}`;
}

const withCategory = [...CHILD, 'category'] as const;
export const protection = [
  define({
    id: 'S47-01', area, title: 'Section 47 enquiries', definition: 'Section 47 enquiries starting in the year (also as a rate per 10,000).',
    numerator: 'S47 enquiries started', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: CHILD_TEAM,
    source: 'DfE', sourceDetail: 'CIN census c4 Section47', basis: 'S', aggregate: 'count', dp: 0, rateDp: 1, reference: 's47', rateReference: 's47.rate',
    units: (ctx) => s47Started(ctx),
  }),
  define({
    id: 'S47-01-CH', area, title: 'Children subject to a section 47 enquiry', definition: 'Distinct children with a section 47 enquiry starting in the year.',
    numerator: 'children with an S47 started', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: CHILD_TEAM,
    source: 'DfE', sourceDetail: 'CIN census c4 Section47_child', basis: 'S', aggregate: 'children', dp: 0, reference: 's47.children',
    units: (ctx) => s47Started(ctx),
  }),
  define({
    id: 'S47-02', area, title: 'Initial child protection conferences', definition: 'Initial child protection conferences held in the year (also as a rate per 10,000).',
    numerator: 'ICPCs held', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: CHILD,
    source: 'DfE', sourceDetail: 'CIN census c4 ICPC', basis: 'S', aggregate: 'count', dp: 0, rateDp: 1, reference: 'icpc', rateReference: 'icpc.rate',
    units: (ctx) => icpcs(ctx),
  }),
  define({
    id: 'S47-03', area, title: 'ICPCs within 15 working days of the strategy discussion',
    definition: 'ICPCs in the year held 15 or fewer working days after the strategy discussion that started the S47 (its start date if no discussion is linked), as a share of ICPCs with a known start.',
    numerator: 'ICPCs within 15 working days', denominator: 'ICPCs in the year with a linked S47', unit: 'percent', polarity: 'up', period: 'financial-year',
    breakdowns: [...CHILD, 'band'], source: 'DfE', sourceDetail: 'CIN census c4 (bins 0-10, 11-15, 16-20, 21+)', basis: 'S', aggregate: 'share', dp: 1,
    reference: 'icpc.within_15_days_pct',
    units: (ctx) => icpcs(ctx), columns: { n: 'within_15', d: 'known_start' },
  }),
  define({
    id: 'S47-04', area, title: 'Section 47 enquiries leading to an ICPC',
    definition: 'Concluded S47 enquiries started in the period that led to an initial conference, as a share of concluded S47s started in the period.',
    numerator: 'concluded S47s with an ICPC', denominator: 'concluded S47s started in the period', unit: 'percent', polarity: 'context', period: 'financial-year',
    breakdowns: CHILD_TEAM, source: 'Local', sourceDetail: 'local measure', basis: 'D', aggregate: 'share', dp: 1,
    units: (ctx) => s47Started(ctx), columns: { n: 'led_to_icpc', d: 'concluded' },
  }),
  define({
    id: 'S47-05', area, title: 'ICPCs leading to a child protection plan', definition: 'ICPCs in the period that decided on a plan, as a share of ICPCs.',
    numerator: 'ICPCs deciding a plan', denominator: 'ICPCs in the period', unit: 'percent', polarity: 'context', period: 'financial-year', breakdowns: CHILD,
    source: 'Ofsted', sourceDetail: 'Annex A list 5', basis: 'D', aggregate: 'share', dp: 1,
    units: (ctx) => icpcs(ctx), columns: { n: 'plan_decided' },
  }),
  define({
    id: 'CPP-01', area, title: 'Children on a child protection plan at 31 March', definition: 'CP plans open on the snapshot date (started on or before it, not ended by it); also as a rate per 10,000.',
    numerator: 'plans open at the snapshot', denominator: null, unit: 'count', polarity: 'context', period: 'snapshot', breakdowns: withCategory,
    source: 'DfE', sourceDetail: 'CIN census d1 CPP_At31', basis: 'S', aggregate: 'count', dp: 0, rateDp: 1, reference: 'cpp.at31', rateReference: 'cpp.at31.rate',
    units: (ctx) => plansAt31(ctx),
  }),
  define({
    id: 'CPP-02', area, title: 'Child protection plans started', definition: 'CP plans starting in the year (also as a rate per 10,000).',
    numerator: 'plans started', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: withCategory,
    source: 'DfE', sourceDetail: 'CIN census d1 CPP_start', basis: 'S', aggregate: 'count', dp: 0, rateDp: 1, reference: 'cpp.started', rateReference: 'cpp.started.rate',
    units: (ctx) => plansStarted(ctx),
  }),
  define({
    id: 'CPP-02-CH', area, title: 'Children starting a child protection plan', definition: 'Distinct children with a CP plan starting in the year.',
    numerator: 'children with a plan started', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: withCategory,
    source: 'DfE', sourceDetail: 'CIN census d1 CPP_child_start', basis: 'S', aggregate: 'children', dp: 0, reference: 'cpp.started_children',
    units: (ctx) => plansStarted(ctx),
  }),
  define({
    id: 'CPP-02-END', area, title: 'Child protection plans ended', definition: 'CP plans ending in the year (a plan ending on 31 March ends in that year); also as a rate per 10,000.',
    numerator: 'plans ended', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: withCategory,
    source: 'DfE', sourceDetail: 'CIN census d1 CPP_end', basis: 'S', aggregate: 'count', dp: 0, rateDp: 1, reference: 'cpp.ended', rateReference: 'cpp.ended.rate',
    units: (ctx) => plansEnded(ctx),
  }),
  define({
    id: 'CPP-03', area, title: 'Second or subsequent child protection plans',
    definition: 'Plans starting in the year for a child who had any earlier CP plan (started on an earlier date, ever), as a share of plans starting.',
    numerator: 'plans started for a child with an earlier plan', denominator: 'plans started in the year', unit: 'percent', polarity: 'down', period: 'financial-year',
    breakdowns: withCategory, source: 'DfE', sourceDetail: 'CIN census d3 CPP_subsequent_percent', basis: 'S/D', aggregate: 'share', dp: 1,
    reference: 'cpp.started.subsequent_pct',
    units: (ctx) => plansStarted(ctx), columns: { n: 'subsequent' },
  }),
  define({
    id: 'CPP-04', area, title: 'Plans ending that lasted 2 years or more', definition: 'Plans ending in the year that lasted 2 years or more (end on or after the 2nd anniversary of the start), as a share of plans ending.',
    numerator: 'plans ended after 2 years or more', denominator: 'plans ended in the year', unit: 'percent', polarity: 'down', period: 'financial-year',
    breakdowns: withCategory, source: 'DfE', sourceDetail: 'CIN census d7 2_years_or_more_percent', basis: 'S', aggregate: 'share', dp: 1,
    reference: 'cpp.ended.duration.2y_plus_pct',
    units: (ctx) => plansEnded(ctx), columns: { n: 'two_years' },
  }),
  define({
    id: 'CPP-05', area, title: 'Plans open at 31 March for 2 years or more',
    definition: 'Plans open on the snapshot date that started 2 years or more earlier, as a share of plans open (bands: 3 months or less, 3-6 months, 6-12 months, 1-2 years, 2 years+).',
    numerator: 'open plans started on or before the snapshot less 2 years', denominator: 'plans open at the snapshot', unit: 'percent', polarity: 'down', period: 'snapshot',
    breakdowns: [...withCategory, 'band'], source: 'DfE', sourceDetail: 'CIN census d5', basis: 'S', aggregate: 'share', dp: 1, reference: 'cpp.at31.duration.2y_plus_pct',
    units: (ctx) => plansAt31(ctx), columns: { n: 'two_years' },
  }),
  define({
    id: 'CPP-06', area, title: 'Child protection plans reviewed on time',
    definition: 'Children on a plan at 31 March for at least 3 months whose reviews were all on time (first review within 3 months of the plan start, then at most 6 months apart, and none overdue at 31 March), as a share of those children.',
    numerator: 'plans with every review on time', denominator: 'plans open at the snapshot for 3 months or more', unit: 'percent', polarity: 'up', period: 'snapshot',
    breakdowns: withCategory, source: 'DfE', sourceDetail: 'CIN census d6 Reviewed_within_timescales_percent', basis: 'S/D', aggregate: 'share', dp: 1,
    // Set-based: each plan's reviews up to the snapshot in one window pass, summarised per plan (no per-plan subqueries).
    units: ({ la }) => sql`WITH pl AS (
        SELECT p.y, p.pe, c.cp_plan_id, c.child_id, c.start_date, c.latest_category FROM periods p JOIN cp_plan c ON c.la_code = ${la}
        AND c.start_date <= (p.pe - interval '3 months')::date AND (c.end_date IS NULL OR c.end_date > p.pe)),
      rv AS (
        SELECT pl.y, pl.cp_plan_id, cf.conference_date AS held,
          coalesce((lag(cf.conference_date) OVER (PARTITION BY pl.y, pl.cp_plan_id ORDER BY cf.conference_date) + interval '6 months')::date,
            (pl.start_date + interval '3 months')::date) AS due
        FROM pl JOIN cp_conference cf ON cf.la_code = ${la} AND cf.cp_plan_id = pl.cp_plan_id AND cf.conference_type = 'review' AND cf.conference_date <= pl.pe),
      per_plan AS (SELECT y, cp_plan_id, bool_or(held > due) AS late, max(held) AS last_held FROM rv GROUP BY y, cp_plan_id)
      SELECT pl.y, pl.child_id, pl.pe AS ref_date, pl.latest_category AS category, 1 AS d,
        ${sql.raw(flag(`NOT coalesce(pp.late, false)
          AND coalesce((pp.last_held + interval '6 months')::date, (pl.start_date + interval '3 months')::date) >= pl.pe`))} AS n
      FROM pl LEFT JOIN per_plan pp ON pp.y = pl.y AND pp.cp_plan_id = pl.cp_plan_id`,
  }),
  define({
    id: 'CPP-07', area, title: 'Plans started by initial category of abuse', definition: 'Share of plans starting in the year in each initial category (neglect, physical, sexual, emotional, multiple).',
    numerator: 'plans started in the category', denominator: 'plans started', unit: 'percent', polarity: 'context', period: 'financial-year',
    breakdowns: withCategory, defaultBreakdown: 'category', source: 'DfE', sourceDetail: 'CIN census d2', basis: 'S', aggregate: 'distribution', dp: 1,
    units: (ctx) => plansStarted(ctx),
  }),
  define({
    id: 'CPP-07-AT31', area, title: 'Plans at 31 March by latest category of abuse', definition: 'Share of plans open on the snapshot date in each latest category.',
    numerator: 'open plans in the category', denominator: 'plans open at the snapshot', unit: 'percent', polarity: 'context', period: 'snapshot',
    breakdowns: withCategory, defaultBreakdown: 'category', source: 'DfE', sourceDetail: 'CIN census d4', basis: 'S', aggregate: 'distribution', dp: 1,
    units: (ctx) => plansAt31(ctx),
  }),
  define({
    id: 'CPP-08', area, title: 'CP visits on time',
    definition: 'Children on a plan at the snapshot seen on a CP visit within the last 10 working days (or whose plan started 10 or fewer working days before), as a share of children on a plan.',
    numerator: 'plans with the child seen within 10 working days', denominator: 'plans open at the snapshot', unit: 'percent', polarity: 'up', period: 'snapshot',
    breakdowns: withCategory, source: 'Local', sourceDetail: 'Annex A list 7; local standard 10 working days (calendar rule cp-visit)', basis: 'D', aggregate: 'share', dp: 1,
    units: (ctx) => plansAt31(ctx), columns: { n: 'visited' },
  }),
  define({
    id: 'CPP-09', area, title: 'First core group within 10 working days',
    definition: 'Plans starting in the year whose first core group met within 10 working days of the plan start (the ICPC), as a share of plans started.',
    numerator: 'plans with a core group within 10 working days', denominator: 'plans started', unit: 'percent', polarity: 'up', period: 'financial-year',
    breakdowns: withCategory, source: 'Local', sourceDetail: 'Working Together (calendar rule first-core-group)', basis: 'D', aggregate: 'share', dp: 1,
    units: (ctx) => plansStarted(ctx), columns: { n: 'core_group' },
  }),
];
