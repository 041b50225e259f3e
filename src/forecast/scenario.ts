import { z } from 'zod';
import { isIsoDate } from '../calendar/index.js';

/**
 * Scenarios in people's units, declared as data (JSON files or the named ones in
 * scenarios.ts). The engine turns each change into rates and says which rates it used.
 */

const dateOrMonth = z
  .string()
  .refine((v) => isIsoDate(v) || MONTHS.includes(String(v).toLowerCase()), {
    message: 'expected an ISO date (2026-04-01) or a month name (April: the first one on or after the forecast start)',
  });

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const entries = z.object({
  kind: z.literal('entries'),
  /** Proportional change: -0.1 = entries fall 10%; 1 = double. */
  change: z.number().gt(-1),
  from: dateOrMonth.optional(),
  to: dateOrMonth.optional(),
  /** Only UASC (true) or only other children (false); both when absent. */
  uasc: z.boolean().optional(),
  ageBands: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
});

const entryGrowth = z.object({
  kind: z.literal('entry_growth'),
  /** Compound growth a year: 0.08 = 8% more entries each year (Leicestershire 2017). */
  annualRate: z.number().gt(-1),
  from: dateOrMonth.optional(),
});

const newProvision = z.object({
  kind: z.literal('new_provision'),
  label: z.string().default('new in-house provision'),
  category: z.string(),
  /** Places (beds) in total, e.g. two homes of 8 beds = 16. */
  places: z.number().int().positive(),
  /** Share of new placements in the category that go there while a place is free. */
  share: z.number().gt(0).lte(1),
  from: dateOrMonth,
  /** Running cost a week per place, charged whether filled or not; default: in-house weekly cost. */
  weeklyCostPerPlace: z.number().nonnegative().optional(),
});

const move = z.object({
  kind: z.literal('move'),
  /** Children moved in total over the period, e.g. 15 stepped down from residential. */
  count: z.number().positive(),
  fromCategory: z.string(),
  toCategory: z.string(),
  from: dateOrMonth.optional(),
  to: dateOrMonth.optional(),
});

const leavingRate = z.object({
  kind: z.literal('leaving_rate'),
  /** Proportional change in every way out of the category (moves and leaving care): 0.25 = stays ~20% shorter. */
  change: z.number().gt(-1),
  category: z.string(),
  from: dateOrMonth.optional(),
});

export const scenarioChangeSchema = z.discriminatedUnion('kind', [entries, entryGrowth, newProvision, move, leavingRate]);
export const scenarioSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  changes: z.array(scenarioChangeSchema).min(1),
});

export type ScenarioChange = z.infer<typeof scenarioChangeSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

export class ScenarioError extends Error {}

/** Validate scenario data; every problem reported at once with its path and value. */
export function parseScenario(data: unknown, source = 'scenario'): Scenario {
  const result = scenarioSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.join('.') || '(top level)';
    return `${source}: ${path}: ${issue.message} (value ${JSON.stringify(valueAt(data, issue.path))})`;
  });
  throw new ScenarioError(lines.join('\n'));
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
