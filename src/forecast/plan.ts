import type { ForecastModel } from './types.js';

/**
 * Everything one Monte Carlo run needs, compiled from a model, a starting stock, the projection
 * options and a scenario. Plain data (arrays of numbers) so it crosses to worker threads cheaply.
 * Times are days after the forecast origin.
 */
export interface SimulationPlan {
  readonly model: ForecastModel;
  readonly originDay: number;
  readonly horizonDays: number;
  /** Days (after the origin) at which stock is reported: 0, each month, ..., horizonDays. */
  readonly reportDays: number[];
  /** Days at which each forecast year starts (0, 365/366, ...) and the horizon. */
  readonly yearStarts: number[];
  /** Draw rates from their posteriors in every run (true) or use posterior means (false). */
  readonly parameterUncertainty: boolean;

  /** Starting stock: category, UASC flag and exact band-end days (nBands per child). */
  readonly stockCategory: number[];
  readonly stockUasc: number[];
  readonly stockBandEnds: number[];

  /** Hazard epochs: starts (first 0). Scenario moves and hazard changes are constant within one. */
  readonly hazardEpochStarts: number[];
  /** Multiplier on each (state, destination) hazard per hazard epoch: [epoch][state × nDest + dest]. */
  readonly hazardMultiplier: number[][];
  /** Scenario moves between categories, each with an extra daily hazard per hazard epoch. */
  readonly extraMoves: ExtraMove[];

  /** Entry epochs: starts (first 0); entry rates are constant within one. */
  readonly entryEpochStarts: number[];
  /** Multiplier on each entry group's rate per entry epoch: [epoch][group]. */
  readonly entryMultiplier: number[][];

  /** Capacity overlays: new placements in a category that a share of is routed to new provision. */
  readonly capacity: CapacityOverlay[];
}

export interface ExtraMove {
  readonly label: string;
  readonly fromCategory: number;
  readonly toCategory: number;
  /** Extra daily hazard per child in `fromCategory`, per hazard epoch. */
  readonly hazard: number[];
}

export interface CapacityOverlay {
  readonly label: string;
  readonly category: number;
  /** First day (after origin) on which placements can go there. */
  readonly fromDay: number;
  readonly places: number;
  /** Share of new placements in `category` routed there while a place is free. */
  readonly share: number;
}

/** Outputs of a block of runs, flat typed arrays indexed run-major. */
export interface RunOutputs {
  readonly runs: number;
  /** [run][report][state]: children in each state on each report day. */
  readonly stock: Float32Array;
  /** [run][interval][category]: child-days between consecutive report days. */
  readonly childDays: Float32Array;
  /** [run][interval][overlay]: child-days in capacity overlays. */
  readonly overlayDays: Float32Array;
  /** [run][year]: entries. */
  readonly entries: Float32Array;
  /** [run][year][reason]: leavers by reason; the last reason slot is ageing out. */
  readonly exits: Float32Array;
  /** [run][year][move]: scenario moves made. */
  readonly extraMoves: Float32Array;
}

export function emptyOutputs(plan: SimulationPlan, runs: number): RunOutputs {
  const m = plan.model;
  const nStates = m.ageBands.length * m.categories.length;
  const nReport = plan.reportDays.length;
  const nYears = plan.yearStarts.length - 1;
  return {
    runs,
    stock: new Float32Array(runs * nReport * nStates),
    childDays: new Float32Array(runs * (nReport - 1) * m.categories.length),
    overlayDays: new Float32Array(runs * (nReport - 1) * plan.capacity.length),
    entries: new Float32Array(runs * nYears),
    exits: new Float32Array(runs * nYears * (m.exitReasons.length + 1)),
    extraMoves: new Float32Array(runs * nYears * plan.extraMoves.length),
  };
}
