import type { TableName } from '../../db/schema.js';
import { tableRules } from '../../model/records/index.js';

/**
 * The canonical tables the importers write, parents before children (the order inserts must
 * follow; deletes go the other way), each with its key columns after la_code.
 */
export const IMPORT_TABLES = [
  ['team', ['team_id']],
  ['worker', ['worker_id']],
  ['child', ['child_id']],
  ['child_identity', ['child_id']],
  ['child_disability', ['child_id', 'disability']],
  ['early_help_assessment', ['early_help_id']],
  ['referral', ['referral_id']],
  ['contact', ['contact_id']],
  ['assessment', ['assessment_id']],
  ['assessment_factor', ['assessment_id', 'factor']],
  ['cin_plan', ['cin_plan_id']],
  ['strategy_discussion', ['strategy_id']],
  ['s47_enquiry', ['s47_id']],
  ['cp_plan', ['cp_plan_id']],
  ['cp_conference', ['conference_id']],
  ['care_period', ['period_id']],
  ['cla_episode', ['episode_id']],
  ['cla_review', ['review_id']],
  ['cla_outcome', ['child_id', 'collection_year']],
  ['missing_episode', ['missing_id']],
  ['adoption_decision', ['decision_id']],
  ['adoption', ['child_id', 'adoption_order_date']],
  ['previous_permanence', ['child_id', 'collection_year']],
  ['care_leaver', ['child_id', 'collection_year']],
  ['adopter_household', ['household_id']],
  ['visit', ['visit_id']],
  ['health_check', ['check_id']],
  ['allocation', ['allocation_id']],
] as const satisfies readonly (readonly [TableName, readonly string[]])[];

export type ImportTable = (typeof IMPORT_TABLES)[number][0];

export const KEY_COLUMNS: Record<ImportTable, readonly string[]> = Object.fromEntries(IMPORT_TABLES) as Record<ImportTable, readonly string[]>;
export const TABLE_ORDER: readonly ImportTable[] = IMPORT_TABLES.map(([t]) => t);

/** Every column of a table except la_code and batch_id (which the loader sets). */
const columnCache = new Map<ImportTable, string[]>();

export function dataColumns(table: ImportTable): string[] {
  let columns = columnCache.get(table);
  if (!columns) {
    columns = Object.keys(tableRules[table].columns).filter((c) => c !== 'la_code' && c !== 'batch_id');
    columnCache.set(table, columns);
  }
  return columns;
}

/** Values the database would default, so rows compare equal before and after a load. */
const DEFAULTS: Partial<Record<ImportTable, Record<string, unknown>>> = {
  child: { uasc: false },
  referral: { nfa: false },
  strategy_discussion: { s47_initiated: true },
  s47_enquiry: { icpc_not_required: false },
  cp_plan: { other_la: false },
  worker: { contract: 'permanent' },
  visit: { seen: true },
};

export function withDefaults(table: ImportTable, row: Record<string, unknown>): Record<string, unknown> {
  const full: Record<string, unknown> = {};
  const defaults = DEFAULTS[table] ?? {};
  for (const column of dataColumns(table)) full[column] = row[column] ?? defaults[column] ?? null;
  return full;
}

/** Joins the parts of a composite key (a character no identifier contains). */
export const KEY_SEPARATOR = '\u0001';

export function keyOf(table: ImportTable, row: Record<string, unknown>): string {
  const columns = KEY_COLUMNS[table];
  return columns.length === 1 ? String(row[columns[0]!]) : columns.map((c) => String(row[c])).join(KEY_SEPARATOR);
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (typeof a === 'number' || typeof b === 'number') return a !== null && b !== null && Number(a) === Number(b);
  return false;
}
