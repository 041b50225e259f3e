import { DAYS_PER_YEAR } from './ages.js';
import { emptyOutputs, type RunOutputs, type SimulationPlan } from './plan.js';
import { createChildRandom, createRandom, gamma, mixSeed, poisson, standardNormal } from './random.js';

/**
 * The Monte Carlo engine: each run draws the rates from their posteriors (parameter
 * uncertainty), then follows every child through continuous time (process uncertainty):
 * exponential waiting times for competing hazards, exact birthdays for ageing, ageing out at
 * the maximum age, Poisson entries. No time steps, so no step-size bias and no per-day loop
 * over children; stock is recorded through per-day difference arrays.
 *
 * Cheap by construction: each event costs one Exp(1) draw, spent against the cumulative
 * hazard across band and scenario-epoch boundaries (inverse cumulative hazard: the exit time is
 * sampled directly, with no new draw at each birthday), one uniform for the destination, and
 * table look-ups; per-child streams restart with two assignments; no allocation per child.
 */

/** Run `count` runs numbered from `firstRun`; run r uses seed `seed + r` whatever the split. */
export function simulateRuns(
  plan: SimulationPlan,
  firstRun: number,
  count: number,
  seed: number,
  onRunDone?: (done: number) => void,
): RunOutputs {
  const out = emptyOutputs(plan, count);
  const engine = createEngine(plan);
  for (let i = 0; i < count; i++) {
    engine.run(seed + firstRun + i, out, i);
    onRunDone?.(i + 1);
  }
  return out;
}

function createEngine(plan: SimulationPlan) {
  const m = plan.model;
  const nC = m.categories.length;
  const nBands = m.ageBands.length;
  const nStates = nBands * nC;
  const nExit = m.exitReasons.length;
  const nDest = nC + nExit;
  const moves = plan.extraMoves;
  const nX = moves.length;
  const nDT = nDest + nX;
  const H = plan.horizonDays;
  // Children are followed one day past the horizon so the stock on the last day is complete.
  const end = H + 1;
  const nReport = plan.reportDays.length;
  const nYears = plan.yearStarts.length - 1;
  const nHE = plan.hazardEpochStarts.length;
  const hazardEpochEnd = Float64Array.from({ length: nHE }, (_, e) => Math.min(end, plan.hazardEpochStarts[e + 1] ?? end));
  const nEntryGroups = m.entries.length;

  const rates = new Float64Array(nStates * nDest);
  const total = new Float64Array(nHE * nStates);
  const cumulative = new Float64Array(nHE * nStates * nDT);
  const entryRate = new Float64Array(nEntryGroups);
  const entryYearEffect = new Float64Array(nYears);
  // Whole children: 32-bit counts keep this table (states × days) half the size in cache.
  const occupancy = new Int32Array(nStates * (end + 1));
  const stride = end + 1;
  const ends = new Float64Array(nBands);
  const bandYears = m.ageBands.map((b) => b.toYears);
  const overlays = plan.capacity;
  const nOverlays = overlays.length;
  const overlayStays = overlays.map(() => [] as number[]);
  const overlayOcc = new Float64Array(end + 1);

  // Two streams: one for the run (rate draws, entry counts, capacity), one restarted for each
  // child from (run seed, child number). A scenario that changes one child's path then leaves
  // every other child's path as it was, so scenario − baseline differences are sharp.
  const runRandom = createRandom(0);
  const childRandom = createChildRandom();
  // Children draw only from their own streams: one monomorphic function, inlined in follow().
  const childUniform = childRandom.uniform;
  let runSeed = 0;
  let out: RunOutputs;
  let runIndex = 0;

  // Forecast year of each day (year starts are whole days, so floor(t) decides).
  const yearOfDay = new Int32Array(end + 1);
  for (let day = 0, y = 0; day <= end; day++) {
    while (y < nYears - 1 && day >= plan.yearStarts[y + 1]!) y++;
    yearOfDay[day] = y;
  }
  const yearOf = (t: number): number => yearOfDay[t < end ? Math.floor(t) : end]!;
  const stockCategory = Int32Array.from(plan.stockCategory);
  const stockBandEnds = Float64Array.from(plan.stockBandEnds);

  function drawRates(): void {
    // Year effects (drift.ts): one on all hazards, a random walk by forecast year on entries.
    // The s.d.s are themselves uncertain (drift.ts): drawn per run from their posterior, which
    // makes the year effects Student t; each run's effects still average 1.
    const drift = m.drift;
    const on = plan.parameterUncertainty ? 1 : 0;
    const df = drift.df ?? 0;
    const hazardSd = on * drift.hazardSd * (df > 0 ? Math.sqrt(df / (2 * gamma(runRandom, df / 2, 1))) : 1);
    const entriesSd = on * drift.entriesSd * (df > 0 ? Math.sqrt(df / (2 * gamma(runRandom, df / 2, 1))) : 1);
    const hazardEffect = Math.exp(hazardSd * standardNormal(runRandom) - hazardSd ** 2 / 2);
    let walk = 0;
    for (let y = 0; y < nYears; y++) {
      walk += entriesSd * standardNormal(runRandom);
      entryYearEffect[y] = Math.exp(walk - ((y + 1) * entriesSd ** 2) / 2);
    }
    for (let i = 0; i < nStates * nDest; i++) {
      const state = (i / nDest) | 0;
      const shape = m.events[i]! + m.priorShape[i]!;
      const rate = m.exposure[state]! + m.priorRate[i]!;
      rates[i] = (shape <= 0 ? 0 : plan.parameterUncertainty ? gamma(runRandom, shape, rate) : shape / rate) * hazardEffect;
    }
    for (let e = 0; e < nHE; e++) {
      const mult = plan.hazardMultiplier[e]!;
      for (let s = 0; s < nStates; s++) {
        const base = (e * nStates + s) * nDT;
        let sum = 0;
        for (let d = 0; d < nDest; d++) {
          sum += rates[s * nDest + d]! * mult[s * nDest + d]!;
          cumulative[base + d] = sum;
        }
        for (let x = 0; x < nX; x++) {
          if (moves[x]!.fromCategory === s % nC) sum += moves[x]!.hazard[e]!;
          cumulative[base + nDest + x] = sum;
        }
        total[e * nStates + s] = sum;
      }
    }
    // Total entry rate from its Gamma posterior, split between groups by a Dirichlet draw.
    let entered = 0;
    for (let g = 0; g < nEntryGroups; g++) entered += m.entries[g]!;
    const lambda = plan.parameterUncertainty
      ? gamma(runRandom, entered + m.entryShape, m.windowDays)
      : (entered + m.entryShape) / m.windowDays;
    // A small Dirichlet prior (0.01 a group) lets unseen groups occur rarely in draws; point
    // estimates use the observed split exactly.
    let weightSum = 0;
    for (let g = 0; g < nEntryGroups; g++) {
      const w = plan.parameterUncertainty ? gamma(runRandom, m.entries[g]! + 0.01, 1) : m.entries[g]!;
      entryRate[g] = w;
      weightSum += w;
    }
    for (let g = 0; g < nEntryGroups; g++) entryRate[g] = weightSum > 0 ? (lambda * entryRate[g]!) / weightSum : 0;
  }

  function record(state: number, from: number, to: number): void {
    const row = state * stride;
    // Present on day d when from <= d < to: report days count children in care at that moment.
    occupancy[row + Math.ceil(from)]! += 1;
    occupancy[row + Math.ceil(to)]! -= 1;
  }

  function leave(slot: number, t: number): void {
    out.exits[(runIndex * nYears + yearOf(t)) * (nExit + 1) + slot]! += 1;
  }

  function closePlacement(category: number, start: number, end: number): void {
    for (let o = 0; o < overlays.length; o++) {
      const overlay = overlays[o]!;
      if (overlay.category === category && start >= overlay.fromDay) overlayStays[o]!.push(start, end);
    }
  }

  /**
   * Follow one child from time t; `ends` holds its band-end days. placementStart −1 = existing
   * placement. `budget` is an Exp(1) draw spent against the cumulative hazard: the event happens
   * where the integrated hazard reaches it, however many band or epoch boundaries lie between.
   */
  function follow(t: number, category: number, placementStart: number): void {
    let band = 0;
    while (band < nBands && ends[band]! <= t) band++;
    if (band === nBands) return;
    let epoch = 0;
    while (epoch < nHE - 1 && hazardEpochEnd[epoch]! <= t) epoch++;
    let budget = -Math.log(childUniform());
    for (;;) {
      const state = band * nC + category;
      const q = total[epoch * nStates + state]!;
      const bandEnd = ends[band]!;
      const epochEnd = hazardEpochEnd[epoch]!;
      const limit = bandEnd < epochEnd ? bandEnd : epochEnd;
      const need = q * (limit - t);
      if (budget < need) {
        const next = t + budget / q;
        record(state, t, next);
        const base = (epoch * nStates + state) * nDT;
        const u = childUniform() * q;
        let d = 0;
        while (d < nDT - 1 && cumulative[base + d]! <= u) d++;
        if (nOverlays > 0) closePlacement(category, placementStart, next);
        t = next;
        if (d < nC) {
          category = d;
        } else if (d < nDest) {
          leave(d - nC, t);
          return;
        } else {
          const x = d - nDest;
          out.extraMoves[(runIndex * nYears + yearOf(t)) * nX + x]! += 1;
          category = moves[x]!.toCategory;
        }
        placementStart = t;
        budget = -Math.log(childUniform());
        continue;
      }
      budget -= need;
      record(state, t, limit);
      t = limit;
      if (t >= end) {
        if (nOverlays > 0) closePlacement(category, placementStart, end);
        return;
      }
      if (t >= bandEnd) {
        band++;
        if (band === nBands) {
          if (nOverlays > 0) closePlacement(category, placementStart, t);
          leave(nExit, t);
          return;
        }
      }
      if (t >= epochEnd && epoch < nHE - 1) epoch++;
    }
  }

  // Its own function (not inline in run()): a long loop in run() was compiled on the stack and
  // thrown away at every following call, once per run.
  function followStock(): void {
    const nStock = stockCategory.length;
    for (let i = 0; i < nStock; i++) {
      for (let b = 0; b < nBands; b++) ends[b] = stockBandEnds[i * nBands + b]!;
      childRandom.reseed(mixSeed(runSeed, i));
      follow(0, stockCategory[i]!, -1);
    }
  }

  function addEntrants(): void {
    const starts = plan.entryEpochStarts;
    for (let e = 0; e < starts.length; e++) {
      const from = starts[e]!;
      const to = Math.min(end, starts[e + 1] ?? end);
      if (to <= from) continue;
      const mult = plan.entryMultiplier[e]!;
      const yearEffect = entryYearEffect[yearOf(from)]!;
      for (let g = 0; g < nEntryGroups; g++) {
        const mean = entryRate[g]! * mult[g]! * yearEffect * (to - from);
        if (!(mean > 0)) continue;
        const n = poisson(runRandom, mean);
        const groupSeed = mixSeed(runSeed, 1_000_003 + e * 4096 + g);
        const state = g % nStates;
        const band = (state / nC) | 0;
        const category = state % nC;
        const ages = m.entryAges[g]!;
        for (let k = 0; k < n; k++) {
          // Entrant k of group g in entry epoch e has its own stream, whatever the counts elsewhere.
          childRandom.reseed(mixSeed(groupSeed, k));
          const t = from + childUniform() * (to - from);
          const age = ages.length > 0
            ? ages[Math.floor(childUniform() * ages.length)]! + childUniform()
            : (m.ageBands[band]!.fromYears + childUniform() * (bandYears[band]! - m.ageBands[band]!.fromYears)) * DAYS_PER_YEAR;
          const dob = t - age;
          for (let b = 0; b < nBands; b++) ends[b] = dob + bandYears[b]! * DAYS_PER_YEAR;
          out.entries[runIndex * nYears + yearOf(t)]! += 1;
          follow(t, category, t);
        }
      }
    }
  }

  function assignOverlays(): void {
    const nIntervals = nReport - 1;
    for (let o = 0; o < overlays.length; o++) {
      const overlay = overlays[o]!;
      const stays = overlayStays[o]!;
      const order = Array.from({ length: stays.length / 2 }, (_, i) => i).sort((a, b) => stays[2 * a]! - stays[2 * b]!);
      const occupants: number[] = [];
      const occ = overlayOcc;
      occ.fill(0);
      for (const i of order) {
        const start = stays[2 * i]!;
        const end = stays[2 * i + 1]!;
        for (let j = occupants.length - 1; j >= 0; j--) if (occupants[j]! <= start) occupants.splice(j, 1);
        if (occupants.length < overlay.places && runRandom.uniform() < overlay.share) {
          occupants.push(end);
          occ[Math.ceil(start)]! += 1;
          occ[Math.ceil(end)]! -= 1;
        }
      }
      let level = 0;
      let k = 0;
      let sum = 0;
      for (let day = 0; day < H; day++) {
        level += occ[day]!;
        while (k < nIntervals && day >= plan.reportDays[k + 1]!) {
          out.overlayDays[(runIndex * nIntervals + k) * overlays.length + o] = sum;
          sum = 0;
          k++;
        }
        sum += level;
      }
      if (k < nIntervals) out.overlayDays[(runIndex * nIntervals + k) * overlays.length + o] = sum;
      stays.length = 0;
    }
  }

  const reportDays = Int32Array.from(plan.reportDays);
  const intervalDays = new Float64Array((nReport - 1) * nC);

  /** Per-day differences → stock on each report day and child-days in each interval (tight loops, no look-ups). */
  function summarise(): void {
    const nIntervals = nReport - 1;
    const stock = out.stock;
    const stockBase = runIndex * nReport * nStates;
    intervalDays.fill(0);
    for (let s = 0; s < nStates; s++) {
      const row = s * stride;
      const c = s % nC;
      let level = 0;
      for (let k = 0; k < nIntervals; k++) {
        const from = reportDays[k]!;
        const to = reportDays[k + 1]!;
        level += occupancy[row + from]!;
        stock[stockBase + k * nStates + s] = level;
        let sum = level;
        for (let day = from + 1; day < to; day++) {
          level += occupancy[row + day]!;
          sum += level;
        }
        intervalDays[k * nC + c]! += sum;
      }
      stock[stockBase + nIntervals * nStates + s] = level + occupancy[row + H]!;
    }
    out.childDays.set(intervalDays, runIndex * nIntervals * nC);
  }

  return {
    run(seed: number, outputs: RunOutputs, index: number): void {
      runSeed = seed;
      runRandom.reseed(seed);
      out = outputs;
      runIndex = index;
      occupancy.fill(0);
      drawRates();
      followStock();
      addEntrants();
      summarise();
      assignOverlays();
    },
  };
}
