/**
 * Per-authority overrides of the shipped standards and unit costs (migration 0004), versioned by
 * valid_from, and the effective standards on a date: preset, then rules, then parameters.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { isIsoDate } from '../calendar/index.js';
import { workforce } from '../model/code-lists/index.js';
import './tables.js';
import { parameterNamed } from './standards/parameters.js';
import { CSC_DEFAULT } from './standards/presets.js';
import type { CaseloadRule, UnitCost, UnitCosts, WorkloadStandards } from './standards/types.js';
import { DEFAULT_UNIT_COSTS } from './standards/unit-costs.js';

export interface CaseloadStandardInput {
  laCode: string;
  role: string;
  teamType?: string;
  validFrom: string;
  min: number;
  max: number;
  source: string;
}

export interface ParameterInput {
  laCode: string;
  name: string;
  value: string;
  validFrom: string;
  source: string;
}

export interface UnitCostInput {
  laCode: string;
  role: string;
  validFrom: string;
  annualSalary: number;
  onCostRate: number;
  agencyPremiumRate: number;
  priceYear: string;
  source: string;
}

const roles: readonly string[] = workforce.WorkerRole.codes.map((c) => c.code);
const teamTypes: readonly string[] = workforce.TeamType.codes.map((c) => c.code);

function checkDate(field: string, value: string): void {
  if (!isIsoDate(value)) throw new Error(`${field} ${JSON.stringify(value)} is not a date: use YYYY-MM-DD.`);
}

function checkRole(role: string): void {
  if (!roles.includes(role)) throw new Error(`Role ${JSON.stringify(role)} is not in the workforce role list (${roles.join(', ')}).`);
}

function checkSource(source: string): void {
  if (source.trim().length === 0 || source.length > 500) throw new Error('Source must say where the value comes from (1-500 characters).');
}

async function checkAuthority(db: Kysely<Database>, laCode: string): Promise<void> {
  const found = await db.selectFrom('local_authority').select('la_code').where('la_code', '=', laCode).executeTakeFirst();
  if (!found) throw new Error(`Authority ${JSON.stringify(laCode)} is not in this database: add it with \`csc la add\`.`);
}

export async function setCaseloadStandard(db: Kysely<Database>, input: CaseloadStandardInput): Promise<void> {
  const teamType = input.teamType ?? '*';
  checkRole(input.role);
  if (teamType !== '*' && !teamTypes.includes(teamType)) throw new Error(`Team type ${JSON.stringify(teamType)} is not in the team type list (${teamTypes.join(', ')}) or '*'.`);
  checkDate('Valid-from date', input.validFrom);
  for (const [field, value] of [['min', input.min], ['max', input.max]] as const) {
    if (!Number.isFinite(value) || value < 0 || value > 1000) throw new Error(`Caseload ${field} ${JSON.stringify(value)} must be a number of children from 0 to 1000.`);
  }
  if (input.max <= 0 || input.min > input.max) throw new Error(`Caseload range ${input.min}-${input.max} is not valid: need 0 ≤ min ≤ max and max > 0.`);
  checkSource(input.source);
  await checkAuthority(db, input.laCode);
  const row = { la_code: input.laCode, role: input.role, team_type: teamType, valid_from: input.validFrom, min_cases: input.min, max_cases: input.max, source: input.source };
  await db.insertInto('workload_caseload_standard').values(row)
    .onConflict((oc) => oc.columns(['la_code', 'role', 'team_type', 'valid_from']).doUpdateSet({ min_cases: input.min, max_cases: input.max, source: input.source }))
    .execute();
}

export async function setParameter(db: Kysely<Database>, input: ParameterInput): Promise<void> {
  parameterNamed(input.name).apply(CSC_DEFAULT, input.value);
  checkDate('Valid-from date', input.validFrom);
  checkSource(input.source);
  await checkAuthority(db, input.laCode);
  await db.insertInto('workload_parameter')
    .values({ la_code: input.laCode, name: input.name, valid_from: input.validFrom, value: input.value, source: input.source })
    .onConflict((oc) => oc.columns(['la_code', 'name', 'valid_from']).doUpdateSet({ value: input.value, source: input.source }))
    .execute();
}

export async function setUnitCost(db: Kysely<Database>, input: UnitCostInput): Promise<void> {
  checkRole(input.role);
  checkDate('Valid-from date', input.validFrom);
  if (!Number.isFinite(input.annualSalary) || input.annualSalary < 0 || input.annualSalary > 1e7) throw new Error(`Annual salary ${input.annualSalary} must be pounds from 0 to 10,000,000.`);
  if (!Number.isFinite(input.onCostRate) || input.onCostRate < 0 || input.onCostRate > 2) throw new Error(`On-cost rate ${input.onCostRate} must be a fraction from 0 to 2 (0.3 = 30%).`);
  if (!Number.isFinite(input.agencyPremiumRate) || input.agencyPremiumRate < 0 || input.agencyPremiumRate > 5) throw new Error(`Agency premium ${input.agencyPremiumRate} must be a fraction from 0 to 5 (0.4 = 40%).`);
  checkSource(input.source);
  await checkAuthority(db, input.laCode);
  const values = { annual_salary: input.annualSalary, on_cost_rate: input.onCostRate, agency_premium_rate: input.agencyPremiumRate, price_year: input.priceYear, source: input.source };
  await db.insertInto('workforce_unit_cost').values({ la_code: input.laCode, role: input.role, valid_from: input.validFrom, ...values })
    .onConflict((oc) => oc.columns(['la_code', 'role', 'valid_from']).doUpdateSet(values))
    .execute();
}

/** Latest version of each key on or before `date`. */
function latest<T extends { valid_from: string }>(rows: readonly T[], key: (row: T) => string): T[] {
  const best = new Map<string, T>();
  for (const row of rows) {
    const seen = best.get(key(row));
    if (!seen || row.valid_from > seen.valid_from) best.set(key(row), row);
  }
  return [...best.values()];
}

/** The standards in force for an authority on a date: preset, overridden rules, then parameters. */
export async function loadStandards(db: Kysely<Database>, laCode: string, date: string): Promise<WorkloadStandards> {
  checkDate('Date', date);
  const params = latest(await db.selectFrom('workload_parameter').selectAll().where('la_code', '=', laCode).where('valid_from', '<=', date).execute(), (r) => r.name);
  const rules = latest(await db.selectFrom('workload_caseload_standard').selectAll().where('la_code', '=', laCode).where('valid_from', '<=', date).execute(), (r) => `${r.role}/${r.team_type}`);
  const preset = params.find((p) => p.name === 'preset');
  let standards = preset ? parameterNamed('preset').apply(CSC_DEFAULT, preset.value) : CSC_DEFAULT;
  const overridden: CaseloadRule[] = rules.map((r) => ({
    role: r.role, teamType: r.team_type, min: Number(r.min_cases), max: Number(r.max_cases), source: `${r.source} (from ${r.valid_from})`, basis: 'sourced',
  }));
  const keys = new Set(overridden.map((r) => `${r.role}/${r.teamType}`));
  standards = { ...standards, rules: [...overridden, ...standards.rules.filter((r) => !keys.has(`${r.role}/${r.teamType}`))] };
  for (const p of params) if (p.name !== 'preset') standards = parameterNamed(p.name).apply(standards, p.value);
  if (rules.length > 0 || params.length > 0) standards = { ...standards, title: `${standards.title}, with ${laCode}'s overrides` };
  return standards;
}

export async function loadUnitCosts(db: Kysely<Database>, laCode: string, date: string): Promise<UnitCosts> {
  checkDate('Date', date);
  const rows = latest(await db.selectFrom('workforce_unit_cost').selectAll().where('la_code', '=', laCode).where('valid_from', '<=', date).execute(), (r) => r.role);
  const overridden: UnitCost[] = rows.map((r) => ({
    role: r.role, annualSalary: Number(r.annual_salary), onCostRate: Number(r.on_cost_rate), agencyPremiumRate: Number(r.agency_premium_rate),
    priceYear: r.price_year, source: `${r.source} (from ${r.valid_from})`, basis: 'sourced',
  }));
  const roles = new Set(overridden.map((c) => c.role));
  return { name: rows.length ? `${DEFAULT_UNIT_COSTS.name} + ${laCode}` : DEFAULT_UNIT_COSTS.name, costs: [...overridden, ...DEFAULT_UNIT_COSTS.costs.filter((c) => !roles.has(c.role))] };
}

export interface OverrideHistory {
  rules: { role: string; teamType: string; validFrom: string; min: number; max: number; source: string }[];
  parameters: { name: string; validFrom: string; value: string; source: string }[];
  unitCosts: { role: string; validFrom: string; annualSalary: number; onCostRate: number; agencyPremiumRate: number; priceYear: string; source: string }[];
}

/** Every override an authority has recorded, all versions. */
export async function overrideHistory(db: Kysely<Database>, laCode: string): Promise<OverrideHistory> {
  const rules = await db.selectFrom('workload_caseload_standard').selectAll().where('la_code', '=', laCode).orderBy('role').orderBy('team_type').orderBy('valid_from').execute();
  const params = await db.selectFrom('workload_parameter').selectAll().where('la_code', '=', laCode).orderBy('name').orderBy('valid_from').execute();
  const costs = await db.selectFrom('workforce_unit_cost').selectAll().where('la_code', '=', laCode).orderBy('role').orderBy('valid_from').execute();
  return {
    rules: rules.map((r) => ({ role: r.role, teamType: r.team_type, validFrom: r.valid_from, min: Number(r.min_cases), max: Number(r.max_cases), source: r.source })),
    parameters: params.map((p) => ({ name: p.name, validFrom: p.valid_from, value: p.value, source: p.source })),
    unitCosts: costs.map((c) => ({ role: c.role, validFrom: c.valid_from, annualSalary: Number(c.annual_salary), onCostRate: Number(c.on_cost_rate), agencyPremiumRate: Number(c.agency_premium_rate), priceYear: c.price_year, source: c.source })),
  };
}
