import { buildPlan, compileScenario, timeline, type CompiledScenario, type Timeline } from './compile.js';
import { runMonteCarlo } from './parallel.js';
import type { RunOutputs } from './plan.js';
import type { Scenario } from './scenario.js';
import type { ForecastModel, StockChild } from './types.js';

export interface ProjectOptions {
  /** Forecast start (ISO date): the stock is the children in care on this day. */
  readonly origin: string;
  readonly years: number;
  readonly runs?: number;
  readonly seed?: number;
  /** Draw rates from their posteriors in each run (default true). False: process noise only. */
  readonly parameterUncertainty?: boolean;
  readonly scenario?: Scenario;
  /** A baseline projection: needed for scenarios stated as numbers of children. */
  readonly baseline?: Projection;
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number, stage: string) => void;
}

export interface Projection {
  readonly model: ForecastModel;
  readonly time: Timeline;
  readonly scenarioName: string;
  readonly compiled: CompiledScenario;
  readonly stockSize: number;
  readonly outputs: RunOutputs;
}

/**
 * Project a stock forward with Monte Carlo runs. Scenarios that move a stated number of
 * children are converted to a hazard from the baseline, then calibrated by a short pilot run so
 * the mean number of moves matches the stated number despite the stock they drain.
 */
export async function project(model: ForecastModel, stock: readonly StockChild[], options: ProjectOptions): Promise<Projection> {
  const time = timeline(options.origin, options.years);
  const runs = options.runs ?? 1000;
  const seed = options.seed ?? 1;
  const parameterUncertainty = options.parameterUncertainty ?? true;
  const stage = `${model.subject}: ${options.scenario?.name ?? 'baseline'}`;
  const baselineDays = options.baseline ? meanChildDays(options.baseline) : undefined;
  let compiled = compileScenario(options.scenario, model, time, baselineDays);
  if (compiled.extraMoves.length > 0) {
    const pilotRuns = Math.min(runs, 200);
    const pilot = await runMonteCarlo(buildPlan(model, stock, time, compiled, parameterUncertainty), {
      runs: pilotRuns, seed: seed + 7919, workers: options.workers,
      onProgress: (done, total) => options.onProgress?.(done, total, `${stage} (calibrating moves)`),
    });
    const achieved = meanMoves(pilot, time.yearStarts.length - 1, compiled.extraMoves.length);
    compiled = {
      ...compiled,
      extraMoves: compiled.extraMoves.map((move, x) => {
        const factor = achieved[x]! > 0 ? compiled.moveTargets[x]! / achieved[x]! : 1;
        return { ...move, hazard: move.hazard.map((h) => h * factor) };
      }),
    };
  }
  const plan = buildPlan(model, stock, time, compiled, parameterUncertainty);
  const outputs = await runMonteCarlo(plan, {
    runs, seed, workers: options.workers,
    onProgress: (done, total) => options.onProgress?.(done, total, stage),
  });
  return { model, time, scenarioName: options.scenario?.name ?? 'baseline', compiled, stockSize: stock.length, outputs };
}

/** Mean child-days per report interval × category. */
export function meanChildDays(projection: Projection): number[][] {
  const nC = projection.model.categories.length;
  const nIntervals = projection.time.reportDays.length - 1;
  const { childDays, runs } = projection.outputs;
  return Array.from({ length: nIntervals }, (_, k) =>
    Array.from({ length: nC }, (_, c) => {
      let sum = 0;
      for (let r = 0; r < runs; r++) sum += childDays[(r * nIntervals + k) * nC + c]!;
      return sum / runs;
    }),
  );
}

/** Mean scenario moves per run, over the whole horizon, for each extra move. */
export function meanMoves(outputs: RunOutputs, nYears: number, nMoves: number): number[] {
  return Array.from({ length: nMoves }, (_, x) => {
    let sum = 0;
    for (let r = 0; r < outputs.runs; r++) for (let y = 0; y < nYears; y++) sum += outputs.extraMoves[(r * nYears + y) * nMoves + x]!;
    return sum / outputs.runs;
  });
}
