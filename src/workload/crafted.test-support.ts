/** Builds rows for crafted authorities in tests: one child with one case of a given shape. */
import type { Kysely } from 'kysely';
import { copyRows, type Database } from '../db/index.js';
import type { CapacityPlan } from './plan.js';
import type { CaseloadSnapshot } from './snapshot.js';
import type { WorkloadStandards } from './standards/types.js';
import { summariseCaseloads } from './summarise.js';
import { standardFor } from './standards/resolve.js';

export interface CraftedRows {
  team: Record<string, unknown>[];
  worker: Record<string, unknown>[];
  child: Record<string, unknown>[];
  referral: Record<string, unknown>[];
  cin_plan: Record<string, unknown>[];
  cp_plan: Record<string, unknown>[];
  care_period: Record<string, unknown>[];
  care_leaver: Record<string, unknown>[];
  allocation: Record<string, unknown>[];
}

export function emptyRows(): CraftedRows {
  return { team: [], worker: [], child: [], referral: [], cin_plan: [], cp_plan: [], care_period: [], care_leaver: [], allocation: [] };
}

export interface CaseSpec {
  kind: 'cp' | 'cin_plan' | 'referral' | 'cla' | 'care_leaver';
  opened: string;
  closed?: string | null;
  /** Collection year of the care leaver row. */
  collectionYear?: number;
  inTouch?: string;
  /** Team recorded on the referral. */
  teamId?: string;
}

export class Crafter {
  readonly rows = emptyRows();
  private children = 0;
  private allocations = 0;

  constructor(readonly laCode: string) {}

  team(teamId: string, teamType: string, service: string, locality: string | null = null): this {
    this.rows.team.push({ la_code: this.laCode, team_id: teamId, name: `Team ${teamId}`, team_type: teamType, service, locality });
    return this;
  }

  worker(workerId: string, role: string, teamId: string, fte = 1, contract = 'permanent', startDate = '2020-01-01', endDate: string | null = null): this {
    this.rows.worker.push({ la_code: this.laCode, worker_id: workerId, role, team_id: teamId, fte, contract, start_date: startDate, end_date: endDate });
    return this;
  }

  /** A new child with one open case; returns its id. */
  child(spec: CaseSpec): string {
    const id = `${this.laCode}C${++this.children}`;
    const la = this.laCode;
    const closed = spec.closed ?? null;
    this.rows.child.push({ la_code: la, child_id: id, date_of_birth: '2012-06-01', sex: 'F', ethnicity: 'WBRI' });
    if (spec.kind === 'care_leaver') {
      this.rows.care_leaver.push({ la_code: la, child_id: id, collection_year: spec.collectionYear ?? 2025, in_touch: spec.inTouch ?? 'YES' });
      return id;
    }
    const referral = `${id}R`;
    this.rows.referral.push({ la_code: la, referral_id: referral, child_id: id, referral_date: spec.opened, source: '1A', closure_date: closed, closure_reason: closed ? 'RC1' : null, team_id: spec.teamId ?? null });
    if (spec.kind === 'cp') this.rows.cp_plan.push({ la_code: la, cp_plan_id: `${id}P`, child_id: id, referral_id: referral, start_date: spec.opened, end_date: closed, initial_category: 'NEG', latest_category: 'NEG' });
    if (spec.kind === 'cin_plan') this.rows.cin_plan.push({ la_code: la, cin_plan_id: `${id}N`, referral_id: referral, child_id: id, start_date: spec.opened, end_date: closed });
    if (spec.kind === 'cla') this.rows.care_period.push({ la_code: la, period_id: `${id}L`, child_id: id, referral_id: referral, start_date: spec.opened, end_date: closed });
    return id;
  }

  allocate(childId: string, workerId: string, from: string, to: string | null = null, role = 'allocated_worker'): this {
    this.rows.allocation.push({ la_code: this.laCode, allocation_id: `A${++this.allocations}`, child_id: childId, worker_id: workerId, allocation_role: role, start_date: from, end_date: to });
    return this;
  }

  /** `count` children with the same case shape, each allocated to `workerId` (if given). */
  many(count: number, spec: CaseSpec, workerId?: string, from = spec.opened, to: string | null = null): string[] {
    return Array.from({ length: count }, () => {
      const id = this.child(spec);
      if (workerId) this.allocate(id, workerId, from, to, spec.kind === 'care_leaver' ? 'personal_adviser' : 'allocated_worker');
      return id;
    });
  }

  async write(db: Kysely<Database>, name = 'Crafted'): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('local_authority').values({ la_code: this.laCode, name, region_code: null, region_name: null }).execute();
      for (const table of ['team', 'worker', 'child', 'referral', 'cin_plan', 'cp_plan', 'care_period', 'care_leaver', 'allocation'] as const) {
        await copyRows(trx, table, this.rows[table]);
      }
    });
  }
}

/**
 * The scenario of caseloads.db.test.ts (expected values are worked out there): four teams, a
 * leaver, cases waiting since different dates, care leavers with and without a PA.
 */
export function craftScenario(laCode: string, date = '2024-09-30'): Crafter {
  const c = new Crafter(laCode)
    .team('FS1', 'family_support_cp', 'Safeguarding', 'North')
    .team('LAC1', 'looked_after', 'Children in care')
    .team('LC', 'leaving_care', 'Children in care')
    .team('IRO', 'iro_safeguarding', 'Safeguarding')
    .worker('W1', 'social_worker', 'FS1')
    .worker('W2', 'social_worker', 'FS1', 0.5, 'agency', '2024-01-01')
    .worker('W3', 'asye', 'FS1', 1, 'permanent', '2024-06-01')
    .worker('W4', 'team_manager', 'FS1')
    .worker('W5', 'social_worker', 'LAC1')
    .worker('W6', 'social_worker', 'FS1', 1, 'permanent', '2020-01-01', '2024-09-01')
    .worker('I1', 'iro', 'IRO')
    .worker('P1', 'personal_adviser', 'LC');
  const cp = c.many(22, { kind: 'cp', opened: '2024-01-15' }, 'W1');
  c.many(12, { kind: 'cin_plan', opened: '2024-02-01' }, 'W2');
  c.many(10, { kind: 'referral', opened: '2024-07-01' }, 'W3');
  const cla = c.many(15, { kind: 'cla', opened: '2023-05-01' }, 'W5');
  for (const child of [...cp, ...cla]) c.allocate(child, 'I1', '2024-02-01', null, 'iro');
  // Waiting: a leaver's 5 CIN cases since 1 Sep; 3 CP cases whose worker came off on 20 Sep; 2 new referrals.
  c.many(5, { kind: 'cin_plan', opened: '2024-03-01', teamId: 'FS1' }, 'W6', '2024-03-01', '2024-09-01');
  const dropped = c.many(3, { kind: 'cp', opened: '2024-01-10', teamId: 'FS1' }, 'W1', '2024-01-10', '2024-09-20');
  for (const child of dropped) c.allocate(child, 'I1', '2024-02-01', null, 'iro');
  c.many(2, { kind: 'referral', opened: '2024-09-25' });
  // Closed on the snapshot date (end is exclusive): neither case nor allocation counts on 30 Sep.
  c.many(1, { kind: 'cin_plan', opened: '2024-05-01', closed: date }, 'W1', '2024-05-01', date);
  // Care leavers 2024/25: 4 with a PA, 2 waiting for one, 1 no longer requiring services, 1 from last year.
  c.many(4, { kind: 'care_leaver', opened: '2024-04-01', collectionYear: 2025 }, 'P1');
  c.many(2, { kind: 'care_leaver', opened: '2024-04-01', collectionYear: 2025 });
  c.many(1, { kind: 'care_leaver', opened: '2024-04-01', collectionYear: 2025, inTouch: 'NREQ' });
  c.many(1, { kind: 'care_leaver', opened: '2023-04-01', collectionYear: 2024 });
  return c;
}

/** Gives each team its proposed posts and moves every worker's excess onto them. */
export function applyPlan(snapshot: CaseloadSnapshot, plan: CapacityPlan, standards: WorkloadStandards): CaseloadSnapshot {
  const summary = summariseCaseloads(snapshot, standards);
  const workers = snapshot.workers.map((w) => ({ ...w, byCaseType: { ...w.byCaseType } }));
  for (const line of plan.lines) {
    if (!line.teamId) continue;
    const added = Array.from({ length: Math.ceil(line.posts) }, (_, i) => ({
      workerId: `NEW-${line.teamId}-${line.role}-${i}`, role: line.role, teamId: line.teamId, fte: 1, contract: 'permanent', cases: 0,
      byCaseType: { cp: 0, cla: 0, cin_plan: 0, referral: 0, care_leaver: 0, other: 0 },
    }));
    if (line.role === 'social_worker') {
      const teamType = snapshot.teams.find((team) => team.teamId === line.teamId)?.teamType ?? null;
      const capacity = standardFor(standards, 'social_worker', teamType)?.max ?? 0;
      let excess = 0;
      for (const w of workers) {
        const over = summary.workers.find((s) => s.workerId === w.workerId && s.teamId === line.teamId && standards.caseHoldingRoles.includes(s.role))?.overCapacity ?? 0;
        w.cases -= over;
        excess += over;
      }
      for (const n of added) {
        n.cases = Math.min(capacity, excess);
        excess -= n.cases;
      }
      if (excess > 0) throw new Error(`${excess} cases left over in ${line.scope}: the plan is short of posts`);
    }
    workers.push(...added);
  }
  return { ...snapshot, workers };
}

