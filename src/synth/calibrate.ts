import { measureYear, type GeneratedMeasures } from './measure.js';
import { cloneMultipliers, initialMultipliers, type YearMultipliers } from './multipliers.js';
import { runSimulation, targetsFor, type SimulationOptions } from './simulate.js';
import { PLACEMENT_GROUPS, type YearTargets } from './targets.js';

export interface CalibrationResult {
  multipliers: Map<number, YearMultipliers>;
  targets: Map<number, YearTargets>;
  passes: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(x) ? x : 1));
/** Damped ratio: moves a multiplier toward target/generated without overshooting on noise. */
const step = (target: number, generated: number, power = 0.85) => (generated > 0 ? (target / generated) ** power : target > 0 ? 1.5 : 1);

/**
 * Deterministic calibration: simulate with the current yearly multipliers, count the generated
 * authority as DfE would, and correct each year's multipliers by the ratio of target to
 * generated. A few passes bring flows and stocks within tolerance.
 */
export function calibrate(options: SimulationOptions, passes = 4, onPass?: (pass: number) => void): CalibrationResult {
  const warmup = options.warmupYears ?? 3;
  const firstYear = options.from - warmup;
  const targets = targetsFor(options.laCode, firstYear, options.to);
  const multipliers = new Map<number, YearMultipliers>();
  for (const [y, t] of targets) multipliers.set(y, options.multipliers?.get(y) ?? initialMultipliers(t));
  for (let pass = 1; pass <= passes; pass++) {
    const world = runSimulation({ ...options, multipliers, withoutWorkforce: true }, targets);
    const measured = new Map([...targets].map(([y, t]) => [y, measureYear(world, y, t.population)]));
    for (const [y, t] of targets) {
      const next = targets.get(y + 1);
      multipliers.set(y, adjust(multipliers.get(y)!, t, measured.get(y)!, next, measured.get(y + 1)));
    }
    if (process.env.CSC_SYNTH_DEBUG) {
      const worst = [...targets].map(([y, t]) => {
        const g = measureYear(world, y, t.population);
        return `${y}: ref ${(g.referrals! / t.referrals).toFixed(2)} rr ${(g['referrals.rereferral_pct']! / t.rereferralPct).toFixed(2)} cin ${(g['cin.at31']! / t.cinAt31).toFixed(2)} cps ${(g['cpp.started']! / t.cpStarted).toFixed(2)} rep ${(g['cpp.started.subsequent_pct']! / t.cpSubsequentPct).toFixed(2)} cp ${(g['cpp.at31']! / t.cpAt31).toFixed(2)} cla ${(g['cla.at31']! / t.claAt31).toFixed(2)} st ${(g['cla.started']! / t.claStarted).toFixed(2)}`;
      });
      console.error(`pass ${pass}\n  ${worst.join('\n  ')}`);
    }
    onPass?.(pass);
  }
  return { multipliers, targets, passes };
}

/**
 * Stocks at 31 March depend on what started in the year and the year before, so a duration
 * multiplier moves toward this year's stock ratio and partly toward next year's.
 */
function stockStep(t: YearTargets, g: GeneratedMeasures, next: YearTargets | undefined, gNext: GeneratedMeasures | undefined, pick: (t: YearTargets) => number, id: string, power: number): number {
  const own = step(pick(t), g[id]!, power);
  if (!next || !gNext) return own;
  return own ** 0.55 * step(pick(next), gNext[id]!, power) ** 0.45;
}

function adjust(current: YearMultipliers, t: YearTargets, g: GeneratedMeasures, next: YearTargets | undefined, gNext: GeneratedMeasures | undefined): YearMultipliers {
  const m = cloneMultipliers(current);
  m.referrals = clamp(m.referrals * step(t.referrals, g.referrals!, 0.95), 0.05, 5);
  m.rereferral = clamp(m.rereferral * step(t.rereferralPct, g['referrals.rereferral_pct']!, 1), 0.1, 2.2);
  const firstTarget = t.cpStarted * (1 - t.cpSubsequentPct / 100);
  const repeatTarget = (t.cpStarted * t.cpSubsequentPct) / 100;
  m.cpFirst = clamp(m.cpFirst * step(firstTarget, g['cpp.started']! - g['cpp.started.subsequent']!, 0.95), 0.05, 6);
  m.cpRepeat = clamp(m.cpRepeat * step(repeatTarget, g['cpp.started.subsequent']!, 0.95), 0.05, 8);
  m.priorPlan = clamp(m.priorPlan * step(repeatTarget, g['cpp.started.subsequent']!, 1), 0.1, 6);
  m.cpDuration = clamp(m.cpDuration * stockStep(t, g, next, gNext, (x) => x.cpAt31, 'cpp.at31', 0.9), 0.2, 4);
  const otherTarget = t.cinAt31 - g['cpp.at31']! - g['cla.at31']!;
  const otherGenerated = g['cin.at31']! - g['cpp.at31']! - g['cla.at31']!;
  if (otherTarget > 0 && otherGenerated > 0) m.cinDuration = clamp(m.cinDuration * step(otherTarget, otherGenerated, 0.9), 0.1, 6);
  const uascGenerated = g['cla.started.uasc'] ?? 0;
  m.uasc = clamp(m.uasc * step(t.claStartedUasc, uascGenerated, 0.9), 0.05, 6);
  m.careEntry = clamp(m.careEntry * step(t.claStarted - t.claStartedUasc, g['cla.started']! - uascGenerated, 0.95), 0.05, 12);
  m.careDuration = clamp(m.careDuration * stockStep(t, g, next, gNext, (x) => x.claAt31, 'cla.at31', 1.5), 0.1, 8);
  const total = g['cla.at31']! || 1;
  for (const group of PLACEMENT_GROUPS) {
    const share = (g[`cla.at31.placement.${group}`] ?? 0) / total;
    const target = t.placementShares[group];
    if (group === 'placed_for_adoption') m.adoption = clamp(m.adoption * step(target + 0.002, share + 0.002, 0.8), 0.05, 8);
    else m.place[group] = clamp(m.place[group] * step(target + 0.002, share + 0.002, 0.9), 0.02, 20);
  }
  return m;
}
