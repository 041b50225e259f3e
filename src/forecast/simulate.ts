import { DAYS_PER_YEAR } from './ages.js';
import { emptyOutputs, type RunOutputs, type SimulationPlan } from './plan.js';
import { createRandom, gamma, mixSeed, poisson, standardNormal, type Random } from './random.js';

/**
 * The Monte Carlo engine: each run draws the rates from their posteriors (parameter
 * uncertainty), then follows every child through continuous time (process uncertainty):
 * exponential waiting times for competing hazards, exact birthdays for ageing, ageing out at
 * the maximum age, Poisson entries. No time steps, so no step-size bias and no per-day loop
 * over children; stock is recorded through per-day difference arrays.
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
  const occupancy = new Float64Array(nStates * (end + 1));
  const ends = new Float64Array(nBands);
  const bandYears = m.ageBands.map((b) => b.toYears);
  const overlays = plan.capacity;
  const overlayStays = overlays.map(() => [] as number[]);
  const overlayOcc = new Float64Array(end + 1);

  // Two streams: one for the run (rate draws, entry counts, capacity), one restarted for each
  // child from (run seed, child number). A scenario that changes one child's path then leaves
  // every other child's path as it was, so scenario − baseline differences are sharp.
  const runRandom = createRandom(0);
  const childRandom = createRandom(0);
  let random: Random = runRandom;
  let runSeed = 0;
  let out: RunOutputs;
  let runIndex = 0;

  const yearOf = (t: number): number => {
    let y = 0;
    while (y < nYears - 1 && t >= plan.yearStarts[y + 1]!) y++;
    return y;
  };

  function drawRates(): void {
    // Year effects (drift.ts): one on all hazards, a random walk by forecast year on entries.
    const drift = plan.parameterUncertainty ? m.drift : { entriesSd: 0, hazardSd: 0 };
    const hazardEffect = Math.exp(drift.hazardSd * standardNormal(random) - drift.hazardSd ** 2 / 2);
    let walk = 0;
    for (let y = 0; y < nYears; y++) {
      walk += drift.entriesSd * standardNormal(random);
      entryYearEffect[y] = Math.exp(walk - ((y + 1) * drift.entriesSd ** 2) / 2);
    }
    for (let i = 0; i < nStates * nDest; i++) {
      const state = (i / nDest) | 0;
      const shape = m.events[i]! + m.priorShape[i]!;
      const rate = m.exposure[state]! + m.priorRate[i]!;
      rates[i] = (shape <= 0 ? 0 : plan.parameterUncertainty ? gamma(random, shape, rate) : shape / rate) * hazardEffect;
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
      ? gamma(random, entered + m.entryShape, m.windowDays)
      : (entered + m.entryShape) / m.windowDays;
    // A small Dirichlet prior (0.01 a group) lets unseen groups occur rarely in draws; point
    // estimates use the observed split exactly.
    let weightSum = 0;
    for (let g = 0; g < nEntryGroups; g++) {
      const w = plan.parameterUncertainty ? gamma(random, m.entries[g]! + 0.01, 1) : m.entries[g]!;
      entryRate[g] = w;
      weightSum += w;
    }
    for (let g = 0; g < nEntryGroups; g++) entryRate[g] = weightSum > 0 ? (lambda * entryRate[g]!) / weightSum : 0;
  }

  function record(state: number, from: number, to: number): void {
    const row = state * (end + 1);
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

  /** Follow one child from time t; `ends` holds its band-end days. placementStart −1 = existing placement. */
  function follow(t: number, category: number, placementStart: number): void {
    let band = 0;
    while (band < nBands && ends[band]! <= t) band++;
    if (band === nBands) return;
    let epoch = 0;
    while (epoch < nHE - 1 && hazardEpochEnd[epoch]! <= t) epoch++;
    for (;;) {
      const state = band * nC + category;
      const q = total[epoch * nStates + state]!;
      const bandEnd = ends[band]!;
      const epochEnd = hazardEpochEnd[epoch]!;
      const limit = bandEnd < epochEnd ? bandEnd : epochEnd;
      const next = q > 0 ? t - Math.log(random.uniform()) / q : Infinity;
      if (next < limit) {
        record(state, t, next);
        const base = (epoch * nStates + state) * nDT;
        const u = random.uniform() * q;
        let d = 0;
        while (d < nDT - 1 && cumulative[base + d]! <= u) d++;
        closePlacement(category, placementStart, next);
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
        continue;
      }
      record(state, t, limit);
      t = limit;
      if (t >= end) {
        closePlacement(category, placementStart, end);
        return;
      }
      if (t >= bandEnd) {
        band++;
        if (band === nBands) {
          closePlacement(category, placementStart, t);
          leave(nExit, t);
          return;
        }
      }
      if (t >= epochEnd && epoch < nHE - 1) epoch++;
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
        random = runRandom;
        const n = poisson(random, mean);
        const state = g % nStates;
        const band = (state / nC) | 0;
        const category = state % nC;
        const ages = m.entryAges[g]!;
        for (let k = 0; k < n; k++) {
          // Entrant k of group g in entry epoch e has its own stream, whatever the counts elsewhere.
          childRandom.reseed(mixSeed(runSeed, mixSeed(1_000_003 + e * 4096 + g, k)));
          random = childRandom;
          const t = from + random.uniform() * (to - from);
          const age = ages.length > 0
            ? ages[Math.floor(random.uniform() * ages.length)]! + random.uniform()
            : (m.ageBands[band]!.fromYears + random.uniform() * (bandYears[band]! - m.ageBands[band]!.fromYears)) * DAYS_PER_YEAR;
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
        if (occupants.length < overlay.places && random.uniform() < overlay.share) {
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

  // Report day → index (−1 elsewhere), so the daily sweep below does one lookup a day.
  const reportIndexOfDay = new Int32Array(end + 1).fill(-1);
  plan.reportDays.forEach((d, k) => (reportIndexOfDay[d] = k));
  const intervalOfDay = new Int32Array(end + 1);
  for (let day = 0, k = 0; day <= end; day++) {
    while (k < nReport - 2 && day >= plan.reportDays[k + 1]!) k++;
    intervalOfDay[day] = k;
  }
  const intervalDays = new Float64Array((nReport - 1) * nC);

  function summarise(): void {
    const nIntervals = nReport - 1;
    const stock = out.stock;
    const stockBase = runIndex * nReport * nStates;
    intervalDays.fill(0);
    for (let s = 0; s < nStates; s++) {
      const row = s * (end + 1);
      const c = s % nC;
      let level = 0;
      for (let day = 0; day <= H; day++) {
        level += occupancy[row + day]!;
        const k = reportIndexOfDay[day]!;
        if (k >= 0) stock[stockBase + k * nStates + s] = level;
        if (day < H) intervalDays[intervalOfDay[day]! * nC + c]! += level;
      }
    }
    out.childDays.set(intervalDays, runIndex * nIntervals * nC);
  }

  return {
    run(seed: number, outputs: RunOutputs, index: number): void {
      runSeed = seed;
      runRandom.reseed(seed);
      random = runRandom;
      out = outputs;
      runIndex = index;
      occupancy.fill(0);
      drawRates();
      const nStock = plan.stockCategory.length;
      for (let i = 0; i < nStock; i++) {
        for (let b = 0; b < nBands; b++) ends[b] = plan.stockBandEnds[i * nBands + b]!;
        childRandom.reseed(mixSeed(runSeed, i));
        random = childRandom;
        follow(0, plan.stockCategory[i]!, -1);
      }
      random = runRandom;
      addEntrants();
      random = runRandom;
      summarise();
      assignOverlays();
    },
  };
}
