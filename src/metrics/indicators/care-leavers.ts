import { sql, type RawBuilder } from 'kysely';
import { CHILD, define, flag } from './define.js';

const area = 'Care leavers';

/** The year's care leaver cohort (OC3), excluding those who died or returned home for 6 months or more; `band` = 17-18 or 19-21. */
function cohort(la: RawBuilder<unknown>, select: string, where = 'TRUE') {
  return sql`SELECT y, child_id, ref_date, CASE WHEN age <= 18 THEN '17-18' ELSE '19-21' END AS band, ${sql.raw(select)} FROM (
      SELECT p.y, p.pe, cl.*, p.pe AS ref_date, extract(year FROM age(p.pe, ch.date_of_birth)) AS age, ch.date_of_birth
      FROM periods p JOIN care_leaver cl ON cl.la_code = ${la} AND cl.collection_year = p.y AND cl.in_touch NOT IN ('DIED', 'RHOM')
      JOIN child ch ON ch.la_code = cl.la_code AND ch.child_id = cl.child_id) s WHERE ${sql.raw(where)}`;
}

const common = { area, polarity: 'up' as const, period: 'financial-year' as const, breakdowns: [...CHILD, 'band'] as const, source: 'DfE' as const,
  basis: 'S' as const, aggregate: 'share' as const, dp: 0, unit: 'percent' as const };
const EET = `('F1','P1','F2','P2','F4','P4','F5','P5')`;

export const careLeavers = [
  define({ ...common, id: 'CL-01', title: 'Care leavers in touch', sourceDetail: 'CLA la_care_leavers_intouch',
    definition: 'Care leavers (17 to 21 in the year, excluding those who died or returned home) with whom the authority is in touch, as a share of the cohort.',
    numerator: 'in touch (IN_TOUCH = YES)', denominator: 'care leaver cohort', units: ({ la }) => cohort(la, `${flag(`in_touch = 'YES'`)} AS n, 1 AS d`) }),
  define({ ...common, id: 'CL-02', title: 'Care leavers in suitable accommodation', sourceDetail: 'CLA la_care_leavers_accommodation_suitability',
    definition: 'Care leavers in accommodation coded suitable, as a share of the cohort excluding those gone abroad, deported or whose residence is not known.',
    numerator: 'in suitable accommodation', denominator: 'cohort less gone abroad, deported, residence not known',
    units: ({ la }) => cohort(la, `${flag(`accommodation LIKE '_1'`)} AS n, ${flag(`coalesce(left(accommodation, 1), '') NOT IN ('G', 'H', 'R')`)} AS d`) }),
  define({ ...common, id: 'CL-03', title: 'Care leavers in education, employment or training', sourceDetail: 'CLA la_care_leavers_activity',
    definition: 'Care leavers whose main activity is education, employment or training (F1, P1, F2, P2, F4, P4, F5, P5), as a share of the cohort.',
    numerator: 'in education, employment or training', denominator: 'care leaver cohort', units: ({ la }) => cohort(la, `${flag(`activity IN ${EET}`)} AS n, 1 AS d`) }),
  define({ ...common, id: 'CL-04', title: 'Staying put', sourceDetail: 'CLA la_care_leavers_stayput', basis: 'S/D',
    definition: 'Care leavers aged 18 to 20 who ceased care in a foster placement on their 18th birthday and live with their former foster carers (accommodation Z), as a share of those young people.',
    numerator: 'living with former foster carers', denominator: 'aged 18-20 who left foster care on their 18th birthday',
    units: ({ la }) => cohort(la, `${flag(`accommodation LIKE 'Z%'`)} AS n, 1 AS d`, `age BETWEEN 18 AND 20 AND EXISTS (SELECT 1 FROM cla_episode e WHERE e.la_code = s.la_code
      AND e.child_id = s.child_id AND e.dec = (s.date_of_birth + interval '18 years')::date AND e.place LIKE 'U%')`) }),
  define({ ...common, id: 'CL-05', title: 'Pathway plan up to date', source: 'Ofsted', sourceDetail: 'Annex A list 9', basis: 'D', period: 'snapshot',
    definition: 'Care leavers in the cohort whose pathway plan was reviewed in the 6 months up to the snapshot date, as a share of the cohort.',
    numerator: 'pathway plan reviewed in the last 6 months', denominator: 'care leaver cohort',
    units: ({ la }) => cohort(la, `${flag(`pathway_plan_review_date BETWEEN (pe - interval '6 months')::date AND pe`)} AS n, 1 AS d`) }),
];
