/** Kysely types for migration 0004's tables, added to the shared Database interface. */
import type { ColumnType, Generated } from 'kysely';

export interface WorkloadCaseloadStandardTable {
  la_code: string;
  role: string;
  team_type: ColumnType<string, string | undefined, string>;
  valid_from: string;
  min_cases: number;
  max_cases: number;
  source: string;
  created_at: Generated<Date>;
}

export interface WorkloadParameterTable {
  la_code: string;
  name: string;
  valid_from: string;
  value: string;
  source: string;
  created_at: Generated<Date>;
}

export interface WorkforceUnitCostTable {
  la_code: string;
  role: string;
  valid_from: string;
  annual_salary: number;
  on_cost_rate: number;
  agency_premium_rate: number;
  price_year: string;
  source: string;
  created_at: Generated<Date>;
}

declare module '../db/schema.js' {
  interface Database {
    workload_caseload_standard: WorkloadCaseloadStandardTable;
    workload_parameter: WorkloadParameterTable;
    workforce_unit_cost: WorkforceUnitCostTable;
  }
}
