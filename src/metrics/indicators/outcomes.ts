import { sql, type RawBuilder } from 'kysely';
import { CHILD, define, flag } from './define.js';

const area = 'Health and outcomes of children looked after (OC2)';

/** The OC2 cohort of the year (children looked after 12 months at 31 March), with their age at 31 March as `age`. */
function oc2(la: RawBuilder<unknown>, select: string, where = 'TRUE') {
  return sql`SELECT y, child_id, ref_date, ${sql.raw(select)} FROM (
      SELECT p.y, o.*, p.pe AS ref_date, extract(year FROM age(p.pe, ch.date_of_birth)) AS age
      FROM periods p JOIN cla_outcome o ON o.la_code = ${la} AND o.collection_year = p.y
      JOIN child ch ON ch.la_code = o.la_code AND ch.child_id = o.child_id) s WHERE ${sql.raw(where)}`;
}

const common = { area, polarity: 'up' as const, period: 'snapshot' as const, breakdowns: CHILD, source: 'DfE' as const,
  sourceDetail: 'CLA la_conviction_health_outcome_cla (SSDA903 OC2)', basis: 'S' as const, aggregate: 'share' as const, dp: 0, unit: 'percent' as const };

export const outcomes = [
  define({ ...common, id: 'CLA-09', title: 'Annual health assessment', definition: 'OC2 cohort (looked after continuously for 12 months at 31 March) who had their annual health assessment in the year, as a share of the cohort.',
    numerator: 'cohort with a health assessment', denominator: 'OC2 cohort', units: ({ la }) => oc2(la, `${flag('health_check IS TRUE')} AS n, 1 AS d`) }),
  define({ ...common, id: 'CLA-09-U5', title: 'Development checks up to date (under 5)', definition: 'OC2 cohort aged 0 to 4 at 31 March with development checks up to date, as a share of that cohort.',
    numerator: 'under-5s with development checks', denominator: 'OC2 cohort aged 0-4', units: ({ la }) => oc2(la, `${flag('health_assessment IS TRUE')} AS n, 1 AS d`, 'age < 5') }),
  define({ ...common, id: 'CLA-10', title: 'Dental check', definition: 'OC2 cohort whose teeth were checked by a dentist in the year, as a share of the cohort.',
    numerator: 'cohort with a dental check', denominator: 'OC2 cohort', units: ({ la }) => oc2(la, `${flag('teeth_check IS TRUE')} AS n, 1 AS d`) }),
  define({ ...common, id: 'CLA-11', title: 'Immunisations up to date', definition: 'OC2 cohort with immunisations up to date at 31 March, as a share of the cohort.',
    numerator: 'cohort with immunisations up to date', denominator: 'OC2 cohort', units: ({ la }) => oc2(la, `${flag('immunisations IS TRUE')} AS n, 1 AS d`) }),
  define({ ...common, id: 'CLA-12', title: 'SDQ completed', definition: 'OC2 cohort aged 5 to 16 at 31 March with an SDQ score, as a share of that cohort.',
    numerator: 'children aged 5-16 with an SDQ score', denominator: 'OC2 cohort aged 5-16', units: ({ la }) => oc2(la, `${flag('sdq_score IS NOT NULL')} AS n, 1 AS d`, 'age BETWEEN 5 AND 16') }),
  define({ ...common, id: 'CLA-12-SCORE', title: 'Average SDQ score', definition: 'Mean SDQ score of the OC2 cohort aged 5 to 16 with a score (1 dp; 0-13 normal, 14-16 borderline, 17-40 cause for concern).',
    numerator: 'sum of SDQ scores', denominator: 'children with a score', unit: 'score', polarity: 'down', aggregate: 'mean', dp: 1,
    units: ({ la }) => oc2(la, '1 AS n, 1 AS d, sdq_score AS v', 'age BETWEEN 5 AND 16 AND sdq_score IS NOT NULL') }),
  define({ ...common, id: 'CLA-13', title: 'Convictions or youth cautions', definition: 'OC2 cohort aged 10 to 17 convicted or given a youth caution in the year, as a share of that cohort.',
    numerator: 'children convicted or cautioned', denominator: 'OC2 cohort aged 10-17', polarity: 'down',
    units: ({ la }) => oc2(la, `${flag('convicted IS TRUE')} AS n, 1 AS d`, 'age BETWEEN 10 AND 17') }),
];
