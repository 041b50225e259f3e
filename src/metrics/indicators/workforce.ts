import { sql, type RawBuilder } from 'kysely';
import { CHILD, define, flag, periodsOpenAt } from './define.js';
import { openAt31 } from './children-in-need.js';

const area = 'Workforce and caseloads';

/** Allocations (case-holding worker) open on the snapshot date, with the worker's team. */
function openAllocations(la: RawBuilder<unknown>) {
  return sql`(SELECT p.y, p.pe, al.la_code, al.child_id, al.worker_id, w.team_id FROM ${periodsOpenAt('allocation', 'al', la, 'start_date', 'end_date', " AND al.allocation_role = 'allocated_worker'")}
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
    // Set-based: every open involvement at each snapshot listed once with its rank, the highest kept per child (one hash
    // aggregate and one join), not one lookup per allocated child and involvement.
    units: ({ la }) => sql`WITH a AS (SELECT DISTINCT ON (a.y, a.child_id) a.y, a.child_id, a.pe, a.team_id FROM ${openAllocations(la)} ORDER BY a.y, a.child_id, a.team_id),
      involvement AS (
        SELECT p.y, e.child_id, 1 AS rank FROM periods p JOIN cla_episode e ON e.la_code = ${la} AND e.decom <= p.pe AND (e.dec IS NULL OR e.dec > p.pe)
        UNION ALL SELECT p.y, c.child_id, 2 FROM periods p JOIN cp_plan c ON c.la_code = ${la} AND c.start_date <= p.pe AND (c.end_date IS NULL OR c.end_date > p.pe)
        UNION ALL SELECT p.y, c.child_id, 3 FROM ${periodsOpenAt('cin_plan', 'c', la, 'start_date', 'end_date')}
        UNION ALL SELECT p.y, c.child_id, 4 FROM periods p JOIN care_leaver c ON c.la_code = ${la} AND c.collection_year = p.y
        UNION ALL SELECT p.y, r.child_id, 5 FROM ${periodsOpenAt('referral', 'r', la, 'referral_date', 'closure_date')}),
      highest AS (SELECT y, child_id, min(rank) AS rank FROM involvement GROUP BY y, child_id)
      SELECT a.y, a.child_id, a.pe AS ref_date, a.team_id, 1 AS n, 1 AS d,
        CASE h.rank WHEN 1 THEN 'looked_after' WHEN 2 THEN 'cp_plan' WHEN 3 THEN 'cin_plan' WHEN 4 THEN 'care_leaver' WHEN 5 THEN 'cin_other' ELSE 'other' END AS band
      FROM a LEFT JOIN highest h ON h.y = a.y AND h.child_id = a.child_id` }),
  define({ id: 'WF-03', area, title: 'Open cases', unit: 'count', polarity: 'context', period: 'snapshot', breakdowns: [...CHILD, 'team', 'locality'],
    source: 'Local', sourceDetail: 'local measure', basis: 'D', aggregate: 'children', dp: 0,
    definition: 'Children with a CIN episode open on the snapshot date (no-further-action referrals excluded).',
    numerator: 'children with an open episode', denominator: null,
    units: ({ la }) => openAt31(la) }),
  define({ id: 'WF-04', area, title: 'Unallocated cases', unit: 'percent', polarity: 'down', period: 'snapshot', breakdowns: [...CHILD, 'team', 'locality'],
    source: 'Local', sourceDetail: 'local measure', basis: 'D', aggregate: 'share', dp: 1,
    definition: 'Children with an open CIN episode on the snapshot date and no case-holding worker allocated on that date, as a share of children with an open episode.',
    numerator: 'open cases without an allocated worker', denominator: 'children with an open episode',
    // Children with an allocated worker at each snapshot once (hash anti-join), not one lookup per open case.
    units: ({ la }) => sql`SELECT o.y, o.child_id, o.ref_date, o.team_id, 1 AS d, ${sql.raw(flag('al.child_id IS NULL'))} AS n
      FROM (SELECT DISTINCT ON (p.y, r.child_id) p.y, r.child_id, p.pe AS ref_date, r.team_id
        FROM ${periodsOpenAt('referral', 'r', la, 'referral_date', 'closure_date', ' AND NOT r.nfa')}
        ORDER BY p.y, r.child_id, r.referral_date DESC) o
      LEFT JOIN (SELECT DISTINCT p.y, al.child_id FROM ${periodsOpenAt('allocation', 'al', la, 'start_date', 'end_date', " AND al.allocation_role = 'allocated_worker'")}) al
        ON al.y = o.y AND al.child_id = o.child_id` }),
];
