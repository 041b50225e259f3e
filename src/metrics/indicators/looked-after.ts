import { sql, type RawBuilder } from 'kysely';
import { CHILD, define, flag } from './define.js';
import { AGE_AT_PE, claAt31, claCeased, claDuringYear, claStarters, NEW_PLACEMENT_RNE, NOT_SHORT_BREAK, PLACEMENT_START } from './looked-after-sql.js';

const area = 'Children looked after';
const at31Breakdowns = [...CHILD, 'placement_type', 'legal_status'] as const;
const at31Cols = 't.y, t.child_id, t.pe AS ref_date, t.placement_type, t.legal_status';

/**
 * Children looked after at 31 March with every snapshot measure as a column (one query serves the
 * family): three_plus placements in the year, far (over 20 miles) of known_distance, outside the
 * authority, uasc, and visited (seen within 6 weeks since the placement began, or placed 7 days or fewer).
 */
function at31Items(la: RawBuilder<unknown>) {
  return sql`SELECT y, child_id, ref_date, placement_type, legal_status, 1 AS n, 1 AS d, three_plus, far, known_distance, outside, uasc,
      ${sql.raw(flag('CASE WHEN last_visit IS NULL THEN pe - placement_start <= 7 ELSE pe - last_visit <= 42 END'))} AS visited
    FROM (SELECT ${sql.raw(at31Cols)}, t.pe,
      ${sql.raw(flag(`(SELECT count(*) FROM cla_episode q WHERE q.la_code = t.la_code AND q.child_id = t.child_id
        AND ((q.decom <= t.ps AND (q.dec IS NULL OR q.dec > t.ps)) OR (q.decom > t.ps AND q.decom <= t.pe AND q.rne ${NEW_PLACEMENT_RNE}))) >= 3`))} AS three_plus,
      ${sql.raw(flag('t.pl_distance_miles > 20'))} AS far, ${sql.raw(flag('t.pl_distance_miles IS NOT NULL'))} AS known_distance,
      ${sql.raw(flag('t.pl_la IS NOT NULL AND t.pl_la <> t.la_code'))} AS outside,
      ${sql.raw(flag(`EXISTS (SELECT 1 FROM child ch WHERE ch.la_code = t.la_code AND ch.child_id = t.child_id AND ch.uasc AND (ch.uasc_ceased IS NULL OR ch.uasc_ceased > t.pe))`))} AS uasc,
      ${sql.raw(PLACEMENT_START)} AS placement_start,
      (SELECT max(v.visit_date) FROM visit v WHERE v.la_code = t.la_code AND v.child_id = t.child_id AND v.context = 'cla' AND v.seen
        AND v.visit_date <= t.pe AND v.visit_date >= ${sql.raw(PLACEMENT_START)}) AS last_visit FROM ${claAt31(la)}) s`;
}

/** Children looked after during the year, with missing / away: at least one incident of that type starting in the year. */
function duringYearItems(la: RawBuilder<unknown>) {
  const incident = (type: string) => flag(`EXISTS (SELECT 1 FROM missing_episode m WHERE m.la_code = t.la_code
      AND m.child_id = t.child_id AND m.missing_type = '${type}' AND m.start_date BETWEEN t.ps AND t.pe)`);
  return sql`SELECT t.y, t.child_id, t.pe AS ref_date, 1 AS n, 1 AS d, ${sql.raw(incident('M'))} AS missing, ${sql.raw(incident('A'))} AS away FROM ${claDuringYear(la)}`;
}

export const lookedAfter = [
  define({
    id: 'CLA-01', area, title: 'Children looked after at 31 March', definition: 'Children with an open episode on the snapshot date, excluding short breaks (V3/V4); also as a rate per 10,000.',
    numerator: 'children looked after at the snapshot', denominator: null, unit: 'count', polarity: 'context', period: 'snapshot', breakdowns: at31Breakdowns,
    source: 'DfE', sourceDetail: 'CLA cla_number_and_rate_per_10k_children', basis: 'S', aggregate: 'count', dp: 0, rateDp: 0, reference: 'cla.at31', rateReference: 'cla.at31.rate',
    units: ({ la }) => at31Items(la),
  }),
  define({
    id: 'CLA-02', area, title: 'Children starting to be looked after', definition: 'Children whose period of care started in the year (first start per child, not short breaks); also as a rate per 10,000.',
    numerator: 'children starting', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: [...CHILD, 'legal_status'],
    source: 'DfE', sourceDetail: 'CLA cla_number_and_rate_per_10k_children', basis: 'S', aggregate: 'count', dp: 0, rateDp: 0, reference: 'cla.started', rateReference: 'cla.started.rate',
    units: (ctx) => sql`SELECT t.y, t.child_id, t.start_date AS ref_date, t.legal_status, 1 AS n, 1 AS d FROM ${claStarters(ctx)}`,
  }),
  define({
    id: 'CLA-03', area, title: 'Children ceasing to be looked after', definition: 'Children whose period of care ended in the year (last end per child), by reason (REC); also as a rate per 10,000.',
    numerator: 'children ceasing', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: [...CHILD, 'reason'],
    source: 'DfE', sourceDetail: 'CLA la_children_who_ceased_during_the_year', basis: 'S', aggregate: 'count', dp: 0, rateDp: 0, reference: 'cla.ceased', rateReference: 'cla.ceased.rate',
    units: (ctx) => sql`SELECT t.y, t.child_id, t.end_date AS ref_date, t.reason, 1 AS n, 1 AS d FROM ${claCeased(ctx)}`,
  }),
  define({
    id: 'CLA-04', area, title: 'Three or more placements in the year',
    definition: 'Children looked after at 31 March with 3 or more placements in the year, as a share of children looked after at 31 March. Placements: the one held at the start of the year (or at entry) plus each later episode whose reason for new episode is S, P, B, T or U.',
    numerator: 'children with 3+ placements', denominator: 'children looked after at the snapshot', unit: 'percent', polarity: 'down', period: 'snapshot',
    breakdowns: at31Breakdowns, source: 'DfE', sourceDetail: 'CLA la_cla_placement_stability', basis: 'S/D', aggregate: 'share', dp: 0,
    reference: 'cla.stability.3plus_placements_pct',
    units: ({ la }) => at31Items(la), columns: { n: 'three_plus' },
  }),
  define({
    id: 'CLA-05', area, title: 'Long-term placement stability',
    definition: 'Children under 16 at 31 March looked after continuously since 30 September two and a half years before, whose current placement started on or before 31 March two years before, as a share of those children.',
    numerator: 'children in the same placement 2+ years', denominator: 'children under 16 looked after 2.5+ years', unit: 'percent', polarity: 'up', period: 'snapshot',
    breakdowns: at31Breakdowns, source: 'DfE', sourceDetail: 'CLA la_cla_placement_stability', basis: 'S/D', aggregate: 'share', dp: 0,
    reference: 'cla.stability.long_term_pct', notes: 'The adoption rule (adoptive plus previous placement together 2 years) is not applied yet.',
    units: ({ la }) => sql`SELECT ${sql.raw(at31Cols)}, ${sql.raw(flag(`${PLACEMENT_START} <= (t.pe - interval '2 years')::date`))} AS n, 1 AS d
      FROM ${claAt31(la)} WHERE ${sql.raw(AGE_AT_PE)} < 16
      AND (SELECT cp.start_date FROM care_period cp WHERE cp.la_code = t.la_code AND cp.period_id = t.period_id) <= (t.pe - interval '2 years 6 months')::date`,
  }),
  define({
    id: 'CLA-06', area, title: 'Placed more than 20 miles from home', definition: 'Children looked after at 31 March placed more than 20 miles from home, as a share of those with a known distance.',
    numerator: 'children placed over 20 miles away', denominator: 'children looked after at the snapshot with a known distance', unit: 'percent', polarity: 'down',
    period: 'snapshot', breakdowns: at31Breakdowns, source: 'DfE', sourceDetail: 'CLA national distance table', basis: 'S/D', aggregate: 'share', dp: 0,
    units: ({ la }) => at31Items(la), columns: { n: 'far', d: 'known_distance' },
  }),
  define({
    id: 'CLA-06-OUT', area, title: 'Placed outside the authority', definition: 'Children looked after at 31 March whose placement is in another authority (PL_LA recorded and not this authority), as a share of children looked after.',
    numerator: 'children placed outside the authority', denominator: 'children looked after at the snapshot', unit: 'percent', polarity: 'context', period: 'snapshot',
    breakdowns: at31Breakdowns, source: 'DfE', sourceDetail: 'CLA la_cla_on_31_march_la_of_placement', basis: 'S/D', aggregate: 'share', dp: 0,
    units: ({ la }) => at31Items(la), columns: { n: 'outside' },
  }),
  define({
    id: 'CLA-07', area, title: 'Children going missing', definition: 'Children looked after during the year with at least one missing incident starting in the year, as a share of children looked after during the year.',
    numerator: 'children who went missing', denominator: 'children looked after during the year', unit: 'percent', polarity: 'down', period: 'financial-year',
    breakdowns: CHILD, source: 'DfE', sourceDetail: 'CLA la_children_who_were_missing_or_away', basis: 'S', aggregate: 'share', dp: 0,
    units: ({ la }) => duringYearItems(la), columns: { n: 'missing' },
  }),
  define({
    id: 'CLA-07-AWAY', area, title: 'Children away from placement without authorisation', definition: 'As CLA-07 for incidents of being away without authorisation (type A).',
    numerator: 'children away without authorisation', denominator: 'children looked after during the year', unit: 'percent', polarity: 'down', period: 'financial-year',
    breakdowns: CHILD, source: 'DfE', sourceDetail: 'CLA la_children_who_were_missing_or_away', basis: 'S', aggregate: 'share', dp: 0,
    units: ({ la }) => duringYearItems(la), columns: { n: 'away' },
  }),
  define({
    id: 'CLA-07-EPISODES', area, title: 'Missing children by number of incidents',
    definition: 'Children looked after during the year who went missing, by number of missing incidents starting in the year (1-4, 5-9, 10-14, 15-19, 20+).',
    numerator: 'children who went missing in the band', denominator: 'children who went missing', unit: 'percent', polarity: 'down', period: 'financial-year',
    breakdowns: [...CHILD, 'band'], defaultBreakdown: 'band', source: 'Local', sourceDetail: 'seeds: missing children by number of episodes', basis: 'D',
    aggregate: 'distribution', dp: 0,
    units: ({ la }) => sql`SELECT y, child_id, ref_date, 1 AS n, 1 AS d,
        CASE WHEN k < 5 THEN '1-4' WHEN k < 10 THEN '5-9' WHEN k < 15 THEN '10-14' WHEN k < 20 THEN '15-19' ELSE '20+' END AS band
      FROM (SELECT t.y, t.child_id, t.pe AS ref_date, (SELECT count(*) FROM missing_episode m WHERE m.la_code = t.la_code AND m.child_id = t.child_id
        AND m.missing_type = 'M' AND m.start_date BETWEEN t.ps AND t.pe) AS k FROM ${claDuringYear(la)}) s WHERE k > 0`,
  }),
  define({
    id: 'CLA-07-INCIDENTS', area, title: 'Missing incidents per child who went missing', definition: 'Mean number of missing incidents in the year per child looked after who went missing (1 dp).',
    numerator: 'missing incidents of those children', denominator: 'children who went missing', unit: 'ratio', polarity: 'down', period: 'financial-year',
    breakdowns: CHILD, source: 'DfE', sourceDetail: 'CLA la_children_who_were_missing_or_away', basis: 'S', aggregate: 'mean', dp: 1,
    units: ({ la }) => sql`SELECT y, child_id, ref_date, 1 AS n, 1 AS d, k AS v
      FROM (SELECT t.y, t.child_id, t.pe AS ref_date, (SELECT count(*) FROM missing_episode m WHERE m.la_code = t.la_code AND m.child_id = t.child_id
        AND m.missing_type = 'M' AND m.start_date BETWEEN t.ps AND t.pe) AS k FROM ${claDuringYear(la)}) s WHERE k > 0`,
  }),
  define({
    id: 'CLA-08', area, title: 'Return interviews offered', definition: 'Missing or away episodes ending in the period after which a return interview was offered, as a share of episodes ended.',
    numerator: 'episodes with a return interview offered', denominator: 'missing episodes ended', unit: 'percent', polarity: 'up', period: 'financial-year',
    breakdowns: CHILD, source: 'Ofsted', sourceDetail: 'Annex A list 8', basis: 'D', aggregate: 'share', dp: 0,
    units: ({ la, inPeriod }) => sql`SELECT p.y, m.child_id, m.end_date AS ref_date, ${sql.raw(flag('m.return_interview_offered IS TRUE'))} AS n, 1 AS d
      FROM periods p JOIN missing_episode m ON m.la_code = ${la} AND ${inPeriod('m.end_date')}`,
  }),
  define({
    id: 'CLA-08-72H', area, title: 'Return interviews within 72 hours',
    definition: 'Missing or away episodes ending in the period with a return interview held within 72 hours of the return (dates only: on or before the third day after the return date), as a share of episodes ended.',
    numerator: 'episodes with a return interview within 72 hours', denominator: 'missing episodes ended', unit: 'percent', polarity: 'up', period: 'financial-year',
    breakdowns: CHILD, source: 'Local', sourceDetail: 'statutory guidance on children who run away (calendar rule return-home-interview)', basis: 'D', aggregate: 'share', dp: 0,
    units: ({ la, inPeriod }) => sql`SELECT p.y, m.child_id, m.end_date AS ref_date, ${sql.raw(flag('m.return_interview_date IS NOT NULL AND m.return_interview_date <= m.end_date + 3'))} AS n, 1 AS d
      FROM periods p JOIN missing_episode m ON m.la_code = ${la} AND ${inPeriod('m.end_date')}`,
  }),
  define({
    id: 'CLA-14', area, title: 'CLA reviews on time',
    definition: 'Reviews held in the period within their interval (first within 20 working days of entering care, second within 3 months of the first, then within 6 months), plus reviews that fell due in the period and were not held by its end (late); on-time share.',
    numerator: 'reviews held on time', denominator: 'reviews held in the period plus reviews fallen due and not held', unit: 'percent', polarity: 'up', period: 'financial-year',
    breakdowns: CHILD, source: 'Local', sourceDetail: 'Care Planning Regulations reg 33 (calendar rules cla-review-*)', basis: 'D', aggregate: 'share', dp: 0,
    units: ({ la, wd }) => sql`WITH cp AS (
        SELECT p.y, p.ps, p.pe, c.la_code, c.child_id, c.period_id, c.start_date, coalesce(c.end_date, DATE '2040-12-31') AS stop
        FROM periods p JOIN care_period c ON c.la_code = ${la} AND c.start_date <= p.pe AND (c.end_date IS NULL OR c.end_date >= p.ps)
        AND EXISTS (SELECT 1 FROM cla_episode e WHERE e.la_code = c.la_code AND e.period_id = c.period_id AND e.legal_status ${sql.raw(NOT_SHORT_BREAK)})),
      rv AS (
        SELECT cp.*, r.review_date, row_number() OVER w AS k, lag(r.review_date) OVER w AS prev,
          row_number() OVER (PARTITION BY cp.y, cp.period_id ORDER BY r.review_date DESC) AS back
        FROM cp JOIN cla_review r ON r.la_code = cp.la_code AND r.child_id = cp.child_id AND r.review_date BETWEEN cp.start_date AND least(cp.stop, cp.pe)
        WINDOW w AS (PARTITION BY cp.y, cp.period_id ORDER BY r.review_date))
      SELECT y, child_id, review_date AS ref_date, 1 AS d,
        ${sql.raw(flag(`CASE WHEN k = 1 THEN ${wd('start_date', 'review_date')} <= 20 WHEN k = 2 THEN review_date <= (prev + interval '3 months')::date
          ELSE review_date <= (prev + interval '6 months')::date END`))} AS n
      FROM rv WHERE review_date BETWEEN ps AND pe
      UNION ALL
      SELECT y, child_id, pe, 1, 0 FROM cp WHERE NOT EXISTS (SELECT 1 FROM rv WHERE rv.y = cp.y AND rv.period_id = cp.period_id)
        AND ${sql.raw(wd('cp.start_date', 'least(cp.pe, cp.stop) - 1'))} >= 20 AND ${sql.raw(wd('cp.start_date', 'cp.ps - 1'))} < 20
      UNION ALL
      SELECT y, child_id, pe, 1, 0 FROM rv WHERE back = 1
        AND (review_date + CASE WHEN k = 1 THEN interval '3 months' ELSE interval '6 months' END)::date BETWEEN ps AND least(pe, stop) - 1`,
  }),
  define({
    id: 'CLA-15', area, title: 'CLA statutory visits on time',
    definition: 'Children looked after at the snapshot seen on a visit within 6 weeks (42 days) before it since their current placement began, or whose placement began 7 days or fewer before, as a share of children looked after.',
    numerator: 'children visited in time', denominator: 'children looked after at the snapshot', unit: 'percent', polarity: 'up', period: 'snapshot',
    breakdowns: at31Breakdowns, source: 'Local', sourceDetail: 'Care Planning Regulations reg 28 (calendar rules cla-visit-*)', basis: 'D', aggregate: 'share', dp: 0,
    notes: 'The 3-monthly interval for long-term placements is not applied: the model has no long-term flag.',
    units: ({ la }) => at31Items(la), columns: { n: 'visited' },
  }),
  define({
    id: 'CLA-16', area, title: 'Re-entry to care within 12 months', definition: 'Children starting to be looked after in the year who ceased a previous period of care in the 12 months before, as a share of starters.',
    numerator: 'starters with a period of care ended in the 12 months before', denominator: 'children starting to be looked after', unit: 'percent', polarity: 'down',
    period: 'financial-year', breakdowns: [...CHILD, 'legal_status'], source: 'Local', sourceDetail: 'Annex A list 8 flag', basis: 'D', aggregate: 'share', dp: 0,
    units: (ctx) => sql`SELECT t.y, t.child_id, t.start_date AS ref_date, t.legal_status, 1 AS d, ${sql.raw(flag(`EXISTS (SELECT 1 FROM care_period q WHERE q.la_code = t.la_code
      AND q.child_id = t.child_id AND q.period_id <> t.period_id AND q.end_date <= t.start_date AND q.end_date >= (t.start_date - interval '12 months')::date)`))} AS n
      FROM ${claStarters(ctx)}`,
  }),
  define({
    id: 'CLA-17', area, title: 'Social worker changes: 3 or more social workers in the year',
    definition: 'Children looked after at 31 March who had 3 or more allocated social workers during the year, as a share of children looked after at 31 March.',
    numerator: 'children with 3+ allocated workers in the year', denominator: 'children looked after at the snapshot', unit: 'percent', polarity: 'down', period: 'snapshot',
    breakdowns: [...at31Breakdowns, 'band'], source: 'DfE', sourceDetail: 'CLA social worker stability (Official Statistics)', basis: 'S/D', aggregate: 'share', dp: 0,
    units: ({ la }) => sql`SELECT y, child_id, ref_date, placement_type, legal_status, 1 AS d, ${sql.raw(flag('k >= 3'))} AS n,
        CASE WHEN k >= 3 THEN '3+' ELSE k::text END AS band
      FROM (SELECT ${sql.raw(at31Cols)}, (SELECT count(DISTINCT al.worker_id) FROM allocation al WHERE al.la_code = t.la_code AND al.child_id = t.child_id
        AND al.allocation_role = 'allocated_worker' AND al.start_date <= t.pe AND (al.end_date IS NULL OR al.end_date >= t.ps)) AS k FROM ${claAt31(la)}) s`,
  }),
  define({
    id: 'CLA-18', area, title: 'Unaccompanied asylum-seeking children looked after at 31 March', definition: 'Children looked after at the snapshot who are UASC on that date.',
    numerator: 'UASC looked after at the snapshot', denominator: null, unit: 'count', polarity: 'context', period: 'snapshot', breakdowns: at31Breakdowns,
    source: 'DfE', sourceDetail: 'CLA characteristics at 31 March', basis: 'S', aggregate: 'count', dp: 0, reference: 'cla.at31.uasc',
    units: ({ la }) => at31Items(la), columns: { n: 'uasc' },
  }),
  define({
    id: 'CLA-19', area, title: 'Legal status of children looked after at 31 March', definition: 'Share of children looked after at the snapshot by legal status.',
    numerator: 'children with the legal status', denominator: 'children looked after at the snapshot', unit: 'percent', polarity: 'context', period: 'snapshot',
    breakdowns: at31Breakdowns, defaultBreakdown: 'legal_status', source: 'DfE', sourceDetail: 'CLA characteristics at 31 March', basis: 'S', aggregate: 'distribution', dp: 0,
    units: ({ la }) => at31Items(la),
  }),
  define({
    id: 'CLA-20', area, title: 'Placement type of children looked after at 31 March', definition: 'Share of children looked after at the snapshot by placement type (SSDA903 PLACE).',
    numerator: 'children in the placement type', denominator: 'children looked after at the snapshot', unit: 'percent', polarity: 'context', period: 'snapshot',
    breakdowns: at31Breakdowns, defaultBreakdown: 'placement_type', source: 'DfE', sourceDetail: 'CLA characteristics at 31 March', basis: 'S', aggregate: 'distribution', dp: 0,
    units: ({ la }) => at31Items(la),
  }),
  define({
    id: 'CLA-21', area, title: 'Previous interventions of children entering care',
    definition: 'Children starting to be looked after in the year by their earliest-ranked earlier involvement: a previous period of care, else a CP plan started before, else a referral before, else none.',
    numerator: 'starters in the group', denominator: 'children starting to be looked after', unit: 'percent', polarity: 'context', period: 'financial-year',
    breakdowns: [...CHILD, 'band'], defaultBreakdown: 'band', source: 'Local', sourceDetail: 'seeds: previous interventions', basis: 'D', aggregate: 'distribution', dp: 0,
    units: (ctx) => sql`SELECT t.y, t.child_id, t.start_date AS ref_date, 1 AS n, 1 AS d, CASE
        WHEN EXISTS (SELECT 1 FROM care_period q WHERE q.la_code = t.la_code AND q.child_id = t.child_id AND q.start_date < t.start_date) THEN 'previous_care'
        WHEN EXISTS (SELECT 1 FROM cp_plan c WHERE c.la_code = t.la_code AND c.child_id = t.child_id AND c.start_date < t.start_date) THEN 'cp_plan'
        WHEN EXISTS (SELECT 1 FROM referral r WHERE r.la_code = t.la_code AND r.child_id = t.child_id AND r.referral_date < t.start_date) THEN 'cin_referral'
        ELSE 'none' END AS band
      FROM ${claStarters(ctx)}`,
  }),
  define({
    id: 'PP-01', area, title: 'Children taken into police protection', definition: 'Distinct children with a police protection starting in the year.',
    numerator: 'children taken into police protection', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: CHILD,
    source: 'Ofsted', sourceDetail: 'Annex A list 7', basis: 'D', aggregate: 'children', dp: 0,
    units: ({ la, inPeriod }) => sql`SELECT p.y, e.child_id, e.start_date AS ref_date, 1 AS n, 1 AS d
      FROM periods p JOIN emergency_protection e ON e.la_code = ${la} AND e.protection_type = 'police_protection' AND ${inPeriod('e.start_date')}`,
  }),
  define({
    id: 'PP-02', area, title: 'Emergency protection orders', definition: 'Emergency protection orders starting in the year.',
    numerator: 'EPOs started', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: CHILD,
    source: 'Ofsted', sourceDetail: 'Annex A list 7', basis: 'D', aggregate: 'count', dp: 0,
    units: ({ la, inPeriod }) => sql`SELECT p.y, e.child_id, e.start_date AS ref_date, 1 AS n, 1 AS d
      FROM periods p JOIN emergency_protection e ON e.la_code = ${la} AND e.protection_type = 'epo' AND ${inPeriod('e.start_date')}`,
  }),
];
