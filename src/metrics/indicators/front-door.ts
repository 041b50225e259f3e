import { sql } from 'kysely';
import { CHILD, define, flag, sourceGroupSql } from './define.js';

const area = 'Front door and early help';

export const frontDoor = [
  define({
    id: 'CON-01', area, title: 'Contacts', definition: 'Contacts with a contact date in the period; one per child per contact.',
    numerator: 'contacts in the period', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year',
    breakdowns: [...CHILD, 'source_group'], source: 'Ofsted', sourceDetail: 'Annex A list 1', basis: 'D', aggregate: 'count', dp: 0,
    units: ({ la, inPeriod }) => sql`SELECT p.y, c.child_id, c.contact_date AS ref_date, 1 AS n, 1 AS d, ${sql.raw(sourceGroupSql('c.source'))} AS source_group
      FROM periods p JOIN contact c ON c.la_code = ${la} AND ${inPeriod('c.contact_date')}`,
  }),
  define({
    id: 'CON-02', area, title: 'Contacts leading to referral',
    definition: 'Contacts in the period whose outcome is a referral, or where a referral for the child starts within 7 days, as a share of contacts.',
    numerator: 'contacts linked to a referral or followed by one within 7 days', denominator: 'contacts in the period', unit: 'percent',
    polarity: 'context', period: 'financial-year', breakdowns: CHILD, source: 'Local', sourceDetail: 'local measure', basis: 'D', aggregate: 'share', dp: 1,
    units: ({ la, inPeriod }) => sql`SELECT p.y, c.child_id, c.contact_date AS ref_date, 1 AS d,
      ${sql.raw(flag('c.referral_id IS NOT NULL OR EXISTS (SELECT 1 FROM referral r WHERE r.la_code = c.la_code AND r.child_id = c.child_id AND r.referral_date BETWEEN c.contact_date AND c.contact_date + 7)'))} AS n
      FROM periods p JOIN contact c ON c.la_code = ${la} AND ${inPeriod('c.contact_date')}`,
  }),
  define({
    id: 'EH-01', area, title: 'Early help episodes started', definition: 'Early help assessments (episodes) started in the period.',
    numerator: 'early help episodes started', denominator: null, unit: 'count', polarity: 'context', period: 'financial-year', breakdowns: CHILD,
    source: 'Ofsted', sourceDetail: 'Annex A list 2', basis: 'D', aggregate: 'count', dp: 0,
    units: ({ la, inPeriod }) => sql`SELECT p.y, e.child_id, e.start_date AS ref_date, 1 AS n, 1 AS d
      FROM periods p JOIN early_help_assessment e ON e.la_code = ${la} AND ${inPeriod('e.start_date')}`,
  }),
  define({
    id: 'EH-02', area, title: 'Early help episodes open at the end of the period',
    definition: 'Early help episodes started on or before the snapshot date and not completed by it.', numerator: 'open early help episodes',
    denominator: null, unit: 'count', polarity: 'context', period: 'snapshot', breakdowns: CHILD, source: 'Ofsted', sourceDetail: 'Annex A list 2',
    basis: 'D', aggregate: 'count', dp: 0,
    units: ({ la }) => sql`SELECT p.y, e.child_id, p.pe AS ref_date, 1 AS n, 1 AS d
      FROM periods p JOIN early_help_assessment e ON e.la_code = ${la} AND e.start_date <= p.pe AND (e.completion_date IS NULL OR e.completion_date > p.pe)`,
  }),
];
