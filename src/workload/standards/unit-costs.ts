/**
 * Shipped unit costs per FTE per year. Only the IRO cost is sourced (Oxfordshire Cabinet,
 * February 2016, £50,000 a post, treated as the whole cost); the rest are assumptions at
 * 2024/25 prices to be replaced by each authority's own figures (`csc workforce costs set`).
 */
import type { UnitCost, UnitCosts } from './types.js';

const ASSUMED = 'CSC Workbench assumption (2024/25 pay scales, order of magnitude only)';
// workforce.md §7: agency staff cost 25-50% more; 40% is the suggested default (an assumption).
const AGENCY_PREMIUM = 0.4;
const ON_COSTS = 0.3;

const assumed = (role: string, annualSalary: number): UnitCost => ({
  role, annualSalary, onCostRate: ON_COSTS, agencyPremiumRate: AGENCY_PREMIUM, priceYear: '2024/25', source: ASSUMED, basis: 'assumption',
});

export const DEFAULT_UNIT_COSTS: UnitCosts = {
  name: 'csc-default',
  costs: [
    assumed('social_worker', 40_000),
    assumed('asye', 34_000),
    assumed('senior_practitioner', 46_000),
    assumed('advanced_practitioner', 49_000),
    assumed('team_manager', 55_000),
    assumed('service_manager', 68_000),
    assumed('personal_adviser', 32_000),
    assumed('support_worker', 26_000),
    {
      role: 'iro', annualSalary: 50_000, onCostRate: 0, agencyPremiumRate: AGENCY_PREMIUM, priceYear: '2015/16',
      source: 'Oxfordshire Cabinet, 23 February 2016: IRO unit cost £50,000', basis: 'sourced',
    },
  ],
};

/** Permanent cost of one FTE a year (salary + on-costs). */
export function permanentCost(cost: UnitCost): number {
  return cost.annualSalary * (1 + cost.onCostRate);
}

/** Agency cost of one FTE a year. */
export function agencyCost(cost: UnitCost): number {
  return permanentCost(cost) * (1 + cost.agencyPremiumRate);
}

export function unitCostFor(costs: UnitCosts, role: string): UnitCost {
  const found = costs.costs.find((c) => c.role === role);
  if (!found) throw new Error(`No unit cost for role ${JSON.stringify(role)}: add one with \`csc workforce costs set --role ${role} ...\`.`);
  return found;
}
