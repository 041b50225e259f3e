import { sql, type RawBuilder } from 'kysely';
import type { UnitSqlContext } from '../types.js';

/** Legal statuses of an agreed series of short-term placements (short breaks): excluded from CLA figures. */
export const NOT_SHORT_BREAK = `NOT IN ('V3', 'V4')`;
/** Reasons for a new episode that start a new placement (indicators.md §3.2); S is a new period of care. */
export const NEW_PLACEMENT_RNE = `IN ('S', 'P', 'B', 'T', 'U')`;

/**
 * Children looked after on the snapshot date (one row per child: their open episode), excluding
 * short breaks, as a derived table `t` with y, ps, pe, la_code, child_id, period_id, decom,
 * placement_type, legal_status, pl_distance_miles, pl_la.
 */
export function claAt31(la: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(SELECT DISTINCT ON (p.y, e.child_id) p.y, p.ps, p.pe, e.la_code, e.child_id, e.period_id, e.decom, e.place AS placement_type,
      e.legal_status, e.pl_distance_miles, e.pl_la
    FROM periods p JOIN cla_episode e ON e.la_code = ${la} AND e.decom <= p.pe AND (e.dec IS NULL OR e.dec > p.pe) AND e.legal_status ${sql.raw(NOT_SHORT_BREAK)}
    ORDER BY p.y, e.child_id, e.decom DESC) t`;
}

/** Children starting to be looked after in the period: first start per child (not short breaks), as `t`. */
export function claStarters(ctx: UnitSqlContext): RawBuilder<unknown> {
  const { la, inPeriod } = ctx;
  return sql`(SELECT DISTINCT ON (p.y, cp.child_id) p.y, p.ps, p.pe, cp.la_code, cp.child_id, cp.period_id, cp.start_date, e.legal_status
    FROM periods p JOIN care_period cp ON cp.la_code = ${la} AND ${inPeriod('cp.start_date')}
    JOIN cla_episode e ON e.la_code = cp.la_code AND e.period_id = cp.period_id AND e.decom = cp.start_date
    WHERE e.legal_status ${sql.raw(NOT_SHORT_BREAK)}
    ORDER BY p.y, cp.child_id, cp.start_date) t`;
}

/** Children ceasing to be looked after in the period: last end per child, with the reason (REC), as `t`. */
export function claCeased(ctx: UnitSqlContext): RawBuilder<unknown> {
  const { la, inPeriod } = ctx;
  return sql`(SELECT DISTINCT ON (p.y, cp.child_id) p.y, p.ps, p.pe, cp.la_code, cp.child_id, cp.period_id, cp.end_date, e.rec AS reason, e.legal_status
    FROM periods p JOIN care_period cp ON cp.la_code = ${la} AND ${inPeriod('cp.end_date')}
    JOIN cla_episode e ON e.la_code = cp.la_code AND e.period_id = cp.period_id AND e.dec = cp.end_date
    WHERE e.legal_status ${sql.raw(NOT_SHORT_BREAK)}
    ORDER BY p.y, cp.child_id, cp.end_date DESC) t`;
}

/** Children looked after on at least one day of the period (not short breaks), as `t`. */
export function claDuringYear(la: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(SELECT DISTINCT p.y, p.ps, p.pe, e.la_code, e.child_id
    FROM periods p JOIN cla_episode e ON e.la_code = ${la} AND e.decom <= p.pe AND (e.dec IS NULL OR e.dec > p.ps) AND e.legal_status ${sql.raw(NOT_SHORT_BREAK)}) t`;
}

/** Start of the current placement of a `t` row: the latest episode of its period that began a placement. */
export const PLACEMENT_START = `(SELECT max(q.decom) FROM cla_episode q WHERE q.la_code = t.la_code AND q.period_id = t.period_id
  AND q.decom <= t.pe AND q.rne ${NEW_PLACEMENT_RNE})`;

/** Whole years of age of the child of a `t` row at the snapshot date. */
export const AGE_AT_PE = `(SELECT extract(year FROM age(t.pe, ch.date_of_birth)) FROM child ch WHERE ch.la_code = t.la_code AND ch.child_id = t.child_id)`;
