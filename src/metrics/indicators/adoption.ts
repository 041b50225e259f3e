import { sql, type RawBuilder } from 'kysely';
import { CHILD, define, flag } from './define.js';
import { claCeased } from './looked-after-sql.js';

const area = 'Adoption and permanence';

/**
 * Children adopted in the three years ending with the period (adoption order date), with the
 * start of the period of care they were adopted from (`care_start`), the placement order date
 * (`order_date`) and, for foster carer adoptions, the start of that foster placement (`foster_start`).
 */
function adopted(la: RawBuilder<unknown>, select: string, where = 'TRUE') {
  return sql`SELECT y, child_id, ref_date, ${sql.raw(select)} FROM (
      SELECT p.y, ad.child_id, ad.adoption_order_date AS ref_date, ad.placed_date, ad.matched_date, ad.by_foster_carer, ad.adoption_order_date,
        (SELECT max(cp.start_date) FROM care_period cp WHERE cp.la_code = ad.la_code AND cp.child_id = ad.child_id
          AND cp.start_date <= coalesce(ad.placed_date, ad.adoption_order_date)) AS care_start,
        (SELECT dc.placement_order_date FROM adoption_decision dc WHERE dc.la_code = ad.la_code AND dc.child_id = ad.child_id AND dc.decision_date = ad.decision_date) AS order_date,
        (SELECT max(e.decom) FROM cla_episode e WHERE e.la_code = ad.la_code AND e.child_id = ad.child_id AND e.decom <= ad.placed_date
          AND e.rne IN ('S', 'P', 'B', 'T')) AS foster_start
      FROM periods p JOIN adoption ad ON ad.la_code = ${la} AND ad.adoption_order_date BETWEEN p.ps3 AND p.pe) s WHERE ${sql.raw(where)}`;
}

const scorecard = { area, period: 'three-year' as const, breakdowns: CHILD, source: 'Scorecard' as const, basis: 'S' as const, dp: 0 };

export const adoption = [
  define({ ...scorecard, id: 'ADO-A1', title: 'Entering care to moving in with the adoptive family (A1)', unit: 'days', polarity: 'down', aggregate: 'mean',
    sourceDetail: 'Adoption scorecard A1 (threshold 426 days)',
    definition: 'Children adopted in the 3 years ending 31 March: mean days from the start of the period of care to the date placed for adoption, to the nearest day.',
    numerator: 'days from entering care to placement, summed', denominator: 'children adopted in the 3 years with a placement date',
    units: ({ la }) => adopted(la, '1 AS n, 1 AS d, placed_date - care_start AS v', 'placed_date IS NOT NULL AND care_start IS NOT NULL') }),
  define({ ...scorecard, id: 'ADO-A2', title: 'Court authority to match (A2)', unit: 'days', polarity: 'down', aggregate: 'mean',
    sourceDetail: 'Adoption scorecard A2 (threshold 121 days)',
    definition: 'Children adopted in the 3 years: mean days from the placement order to the decision to match (0 if matched before the order); children without an order or not placed before the adoption order are excluded.',
    numerator: 'days from placement order to match, floored at 0, summed', denominator: 'children adopted with a placement order, placed before the adoption order',
    units: ({ la }) => adopted(la, '1 AS n, 1 AS d, greatest(matched_date - order_date, 0) AS v', 'order_date IS NOT NULL AND placed_date IS NOT NULL AND placed_date <= adoption_order_date') }),
  define({ ...scorecard, id: 'ADO-A3', title: 'Adopted within 14 months of entering care (A3)', unit: 'percent', polarity: 'up', aggregate: 'share', basis: 'S/D',
    sourceDetail: 'Adoption scorecard A3',
    definition: 'Children adopted in the 3 years who moved in with their adoptive family less than 14 calendar months after entering care, as a share of those children.',
    numerator: 'placed within 14 months of entering care', denominator: 'children adopted in the 3 years with a placement date',
    units: ({ la }) => adopted(la, `${flag(`placed_date < (care_start + interval '14 months')::date`)} AS n, 1 AS d`, 'placed_date IS NOT NULL AND care_start IS NOT NULL') }),
  define({ ...scorecard, id: 'ADO-A10', title: 'A1 adjusted for foster carer adoptions (A10)', unit: 'days', polarity: 'down', aggregate: 'mean',
    sourceDetail: 'Adoption scorecard A10',
    definition: 'As A1, but for children adopted by their foster carers the end date is the start of that foster placement.',
    numerator: 'adjusted days, summed', denominator: 'children adopted in the 3 years with a placement date',
    units: ({ la }) => adopted(la, `1 AS n, 1 AS d, (CASE WHEN by_foster_carer AND foster_start IS NOT NULL THEN foster_start ELSE placed_date END) - care_start AS v`,
      'placed_date IS NOT NULL AND care_start IS NOT NULL') }),
  define({ id: 'ADO-05', area, title: 'Children ceasing care by adoption', unit: 'percent', polarity: 'context', period: 'financial-year', breakdowns: CHILD,
    source: 'DfE', sourceDetail: 'CLA la_children_who_ceased_during_the_year (scorecard A4)', basis: 'S/D', aggregate: 'share', dp: 0,
    definition: 'Children ceasing to be looked after in the year who were adopted (REC E11, E12), as a share of children ceasing.',
    numerator: 'ceased by adoption', denominator: 'children ceasing to be looked after',
    units: (ctx) => sql`SELECT t.y, t.child_id, t.end_date AS ref_date, ${sql.raw(flag(`t.reason IN ('E11', 'E12')`))} AS n, 1 AS d FROM ${claCeased(ctx)}` }),
  define({ id: 'ADO-05-SGO', area, title: 'Children ceasing care to a special guardianship order', unit: 'percent', polarity: 'context', period: 'financial-year', breakdowns: CHILD,
    source: 'DfE', sourceDetail: 'CLA la_children_who_ceased_during_the_year_sgo_adoption', basis: 'S/D', aggregate: 'share', dp: 0,
    definition: 'Children ceasing to be looked after in the year under a special guardianship order (REC E43 to E48), as a share of children ceasing.',
    numerator: 'ceased to an SGO', denominator: 'children ceasing to be looked after',
    units: (ctx) => sql`SELECT t.y, t.child_id, t.end_date AS ref_date, ${sql.raw(flag(`t.reason IN ('E43', 'E44', 'E45', 'E46', 'E47', 'E48')`))} AS n, 1 AS d FROM ${claCeased(ctx)}` }),
  define({ id: 'ADO-06', area, title: 'Placed for adoption within 12 months of the decision', unit: 'percent', polarity: 'up', period: 'financial-year', breakdowns: CHILD,
    source: 'DfE', sourceDetail: 'national adoption timeliness', basis: 'S', aggregate: 'share', dp: 0,
    definition: 'Children placed for adoption in the year less than 365 days after the decision that they should be placed, as a share of children placed; decisions later reversed are excluded.',
    numerator: 'placed within 365 days of the decision', denominator: 'children placed for adoption in the year',
    units: ({ la, inPeriod }) => sql`SELECT p.y, dc.child_id, dc.placed_date AS ref_date, ${sql.raw(flag('dc.placed_date - dc.decision_date < 365'))} AS n, 1 AS d
      FROM periods p JOIN adoption_decision dc ON dc.la_code = ${la} AND ${inPeriod('dc.placed_date')} AND dc.reversed_date IS NULL` }),
];
