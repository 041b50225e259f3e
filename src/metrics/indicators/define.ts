import { sql, type RawBuilder } from 'kysely';
import type { Breakdown, IndicatorDefinition } from '../types.js';

/** Breakdowns every child-level indicator allows. */
export const CHILD: readonly Breakdown[] = ['age_band', 'sex', 'ethnicity'];
/** Child breakdowns plus the team holding the work and its locality. */
export const CHILD_TEAM: readonly Breakdown[] = [...CHILD, 'team', 'locality'];

/** Declares an indicator (identity function that checks the shape and freezes it). */
export function define(def: IndicatorDefinition): IndicatorDefinition {
  return Object.freeze(def);
}

/** SQL text: 1 when the condition holds, else 0 (the n / d columns of unit queries). */
export function flag(condition: string): string {
  return `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
}

/** DfE's 11 referral source groups (c5), named as the reference measures `referrals.source.*`. */
export function sourceGroupSql(column: string): string {
  return `CASE WHEN ${column} IN ('1A','1B','1C','1D') THEN 'individual' WHEN ${column} = '2A' THEN 'schools'
    WHEN ${column} = '2B' THEN 'education_services' WHEN ${column} LIKE '3%' THEN 'health_services' WHEN ${column} = '4' THEN 'housing'
    WHEN ${column} LIKE '5%' THEN 'la_services' WHEN ${column} = '6' THEN 'police' WHEN ${column} = '7' THEN 'other_legal_agency'
    WHEN ${column} = '8' THEN 'other' WHEN ${column} = '9' THEN 'anonymous' ELSE 'unknown' END`;
}

/**
 * `periods p` joined to the rows of `table` (as `alias`) open on each period's snapshot date:
 * started on or before it and not ended by it. Written as a per-period lateral read so the
 * database takes each period's rows by a range of the start date instead of testing every row
 * against every period, and the end is written as the index's expression (la_code, start,
 * coalesce(end, infinity): migration 0011) so rows already ended are dropped inside the index;
 * OFFSET 0 keeps it from being flattened back.
 */
export function periodsOpenAt(table: string, alias: string, la: RawBuilder<unknown>, start: string, end: string, extra = ''): RawBuilder<unknown> {
  return sql`periods p CROSS JOIN LATERAL (SELECT * FROM ${sql.raw(table)} ${sql.raw(alias)} WHERE ${sql.raw(alias)}.la_code = ${la}
    AND ${sql.raw(`${alias}.${start} <= p.pe AND coalesce(${alias}.${end}, 'infinity'::date) > p.pe${extra}`)} OFFSET 0) ${sql.raw(alias)}`;
}
