import { sql, type RawBuilder } from 'kysely';
import { CHILD, define, flag } from './define.js';

const area = 'Workforce and caseloads';

/** Allocations (case-holding worker) open on the snapshot date, with the worker's team. */
function openAllocations(la: RawBuilder<unknown>) {
  return sql`(SELECT p.y, p.pe, al.la_code, al.child_id, al.worker_id, w.team_id FROM periods p
    JOIN allocation al ON al.la_code = ${la} AND al.allocation_role = 'allocated_worker' AND al.start_date <= p.pe AND (al.end_date IS NULL OR al.end_date > p.pe)
    JOIN worker w ON w.la_code = al.la_code AND w.worker_id = al.worker_id) a`;
}

export const workforce = [
  define({ id: 'WF-01', area, title: 'Caseload per case-holding worker', unit: 'ratio', polarity: 'down', period: 'snapshot', breakdowns: ['team', 'locality'],
    source: 'Local', sourceDetail: 'SSD; DfE workforce census publishes an average caseload', basis: 'S/D', aggregate: 'ratio', dp: 1,
    definition: 'At the snapshot date: open allocated-worker involvements per worker holding at least one case.',
    numerator: 'open allocations', denominator: 'workers holding cases',
    units: ({ la }) => sql`SELECT a.y, NULL::text AS child_id, a.pe AS ref_date, a.team_id, count(*) AS n, 1 AS d FROM ${openAllocations(la)} GROUP BY a.y, a.pe, a.worker_id, a.team_id` }),
  define({ id: 'WF-02', area, title: 'Team caseload composition', unit: 'percent', polarity: 'context', period: 'snapshot', breakdowns: ['team', 'locality', 'band'], defaultBreakdown: 'band',
    source: 'Local', sourceDetail: 'SSD ChAT-style aggregation', basis: 'S', aggregate: 'distribution', dp: 0,
    definition: 'Children allocated at the snapshot date by the highest level of their open involvement: looked after, CP plan, CIN plan, care leaver, other open CIN episode, or other.',
    numerator: 'allocated children in the group', denominator: 'allocated children',
    units: ({ la }) => sql`SELECT DISTINCT ON (a.y, a.child_id) a.y, a.child_id, a.pe AS ref_date, a.team_id, 1 AS n, 1 AS d, CASE
        WHEN EXISTS (SELECT 1 FROM cla_episode e WHERE e.la_code = a.la_code AND e.child_id = a.child_id AND e.decom <= a.pe AND (e.dec IS NULL OR e.dec > a.pe)) THEN 'looked_after'
        WHEN EXISTS (SELECT 1 FROM cp_plan c WHERE c.la_code = a.la_code AND c.child_id = a.child_id AND c.start_date <= a.pe AND (c.end_date IS NULL OR c.end_date > a.pe)) THEN 'cp_plan'
        WHEN EXISTS (SELECT 1 FROM cin_plan c WHERE c.la_code = a.la_code AND c.child_id = a.child_id AND c.start_date <= a.pe AND (c.end_date IS NULL OR c.end_date > a.pe)) THEN 'cin_plan'
        WHEN EXISTS (SELECT 1 FROM care_leaver c WHERE c.la_code = a.la_code AND c.child_id = a.child_id AND c.collection_year = a.y) THEN 'care_leaver'
        WHEN EXISTS (SELECT 1 FROM referral r WHERE r.la_code = a.la_code AND r.child_id = a.child_id AND r.referral_date <= a.pe AND (r.closure_date IS NULL OR r.closure_date > a.pe)) THEN 'cin_other'
        ELSE 'other' END AS band
      FROM ${openAllocations(la)} ORDER BY a.y, a.child_id, a.team_id` }),
  define({ id: 'WF-03', area, title: 'Open cases', unit: 'count', polarity: 'context', period: 'snapshot', breakdowns: [...CHILD, 'team', 'locality'],
    source: 'Local', sourceDetail: 'local measure', basis: 'D', aggregate: 'children', dp: 0,
    definition: 'Children with a CIN episode open on the snapshot date (no-further-action referrals excluded).',
    numerator: 'children with an open episode', denominator: null,
    units: ({ la }) => sql`SELECT p.y, r.child_id, p.pe AS ref_date, r.team_id, 1 AS n, 1 AS d FROM periods p
      JOIN referral r ON r.la_code = ${la} AND r.referral_date <= p.pe AND (r.closure_date IS NULL OR r.closure_date > p.pe) AND NOT r.nfa` }),
  define({ id: 'WF-04', area, title: 'Unallocated cases', unit: 'percent', polarity: 'down', period: 'snapshot', breakdowns: [...CHILD, 'team', 'locality'],
    source: 'Local', sourceDetail: 'local measure', basis: 'D', aggregate: 'share', dp: 1,
    definition: 'Children with an open CIN episode on the snapshot date and no case-holding worker allocated on that date, as a share of children with an open episode.',
    numerator: 'open cases without an allocated worker', denominator: 'children with an open episode',
    units: ({ la }) => sql`SELECT DISTINCT ON (p.y, r.child_id) p.y, r.child_id, p.pe AS ref_date, r.team_id, 1 AS d,
        ${sql.raw(flag(`NOT EXISTS (SELECT 1 FROM allocation al WHERE al.la_code = r.la_code AND al.child_id = r.child_id AND al.allocation_role = 'allocated_worker'
          AND al.start_date <= p.pe AND (al.end_date IS NULL OR al.end_date > p.pe))`))} AS n
      FROM periods p JOIN referral r ON r.la_code = ${la} AND r.referral_date <= p.pe AND (r.closure_date IS NULL OR r.closure_date > p.pe) AND NOT r.nfa
      ORDER BY p.y, r.child_id, r.referral_date DESC` }),
];
