/** The scenario form, in people's units, turned into the request the scenarios route takes. */
import type { ScenarioChangeInput } from './forecast-types.js';

/** The baseline's placement price inflation a year (as src/forecast's default). */
export const BASELINE_INFLATION = 0.03;

export interface ScenarioForm {
  name: string;
  entryChangePercent: number;
  stepDown: number;
  inflationPercent: number;
}

/** The form in people's units → the scenario the forecast module reads. */
export function scenarioRequest(form: ScenarioForm, years: number, runs: number): { body: Record<string, unknown> } | { error: string } {
  const changes: ScenarioChangeInput[] = [];
  if (form.entryChangePercent !== 0) changes.push({ kind: 'entries', change: form.entryChangePercent / 100 });
  if (form.stepDown > 0) changes.push({ kind: 'move', count: form.stepDown, fromCategory: 'residential', toCategory: 'fostering' });
  const scenarioInflation = form.inflationPercent / 100;
  if (changes.length === 0 && Math.abs(scenarioInflation - BASELINE_INFLATION) < 1e-9) {
    return { error: 'Change at least one thing: the entry rate, children stepped down, or placement price inflation.' };
  }
  const body: Record<string, unknown> = { years, runs, inflation: BASELINE_INFLATION, scenarioInflation };
  if (changes.length > 0) body.scenario = { name: form.name.trim() || 'My scenario', description: '', changes };
  return { body };
}
