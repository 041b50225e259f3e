/** Database-facing entry points: fetch with load.ts, compute with the pure functions. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { isIsoDate } from '../calendar/index.js';
import { loadWorkloadData } from './load.js';
import { capacityPlan, type CapacityPlan } from './plan.js';
import { monthEnds, seriesPoint, type SeriesPoint } from './series.js';
import { snapshotOn, snapshotsOn, type CaseloadSnapshot } from './snapshot.js';
import { loadStandards, loadUnitCosts } from './store.js';
import { summariseCaseloads, type CaseloadSummary } from './summarise.js';
import type { UnitCosts, WorkloadStandards } from './standards/types.js';

function checkDate(value: string): void {
  if (!isIsoDate(value)) throw new Error(`Date ${JSON.stringify(value)} is not valid: use YYYY-MM-DD.`);
}

async function checkAuthority(db: Kysely<Database>, laCode: string): Promise<void> {
  const found = await db.selectFrom('local_authority').select('la_code').where('la_code', '=', laCode).executeTakeFirst();
  if (!found) throw new Error(`Authority ${JSON.stringify(laCode)} is not in this database.`);
}

/** Raw caseloads of one authority on one date (no standards applied). */
export async function caseloadsAt(db: Kysely<Database>, laCode: string, date: string): Promise<CaseloadSnapshot> {
  checkDate(date);
  await checkAuthority(db, laCode);
  return snapshotOn(await loadWorkloadData(db, laCode, date, date), date);
}

/** Caseloads on a date against the authority's standards in force that day (or the ones given). */
export async function caseloadSummaryAt(db: Kysely<Database>, laCode: string, date: string, standards?: WorkloadStandards): Promise<CaseloadSummary> {
  const snapshot = await caseloadsAt(db, laCode, date);
  return summariseCaseloads(snapshot, standards ?? (await loadStandards(db, laCode, date)));
}

/** Month-end caseload series from `from` to `to` (one load of the data, then in memory). */
export async function caseloadSeries(db: Kysely<Database>, laCode: string, from: string, to: string, standards?: WorkloadStandards): Promise<SeriesPoint[]> {
  checkDate(from);
  checkDate(to);
  await checkAuthority(db, laCode);
  const dates = monthEnds(from, to);
  const data = await loadWorkloadData(db, laCode, dates[0]!, dates[dates.length - 1]!);
  const fixed = standards ?? (await loadStandards(db, laCode, dates[dates.length - 1]!));
  return snapshotsOn(data, dates).map((s) => seriesPoint(s, fixed));
}

export interface PlanAt {
  summary: CaseloadSummary;
  plan: CapacityPlan;
  standards: WorkloadStandards;
  costs: UnitCosts;
}

/** The capacity plan on a date with the authority's standards and unit costs in force. */
export async function capacityPlanAt(db: Kysely<Database>, laCode: string, date: string): Promise<PlanAt> {
  const standards = await loadStandards(db, laCode, date);
  const costs = await loadUnitCosts(db, laCode, date);
  const summary = await caseloadSummaryAt(db, laCode, date, standards);
  return { summary, plan: capacityPlan(summary, standards, costs), standards, costs };
}
