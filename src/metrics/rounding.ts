import { divideHalfUp } from '../reference/index.js';

/** a ÷ b × scale rounded half up (DfE), exact for integers; falls back to decimal rounding. */
export function ratioHalfUp(a: number, b: number, scale: number, dp: number): number | null {
  if (b === 0) return null;
  if (Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b > 0 && Number.isSafeInteger(2 * a * scale * 10 ** dp + b)) {
    return divideHalfUp(a, b, scale, dp);
  }
  return roundHalfUp((a / b) * scale, dp);
}

/** Round half up (away from zero for negatives), avoiding binary artefacts like 1.005. */
export function roundHalfUp(x: number, dp: number): number {
  const p = 10 ** dp;
  const shifted = Number((Math.abs(x) * p).toPrecision(15));
  return (Math.sign(x) * Math.floor(shifted + 0.5)) / p;
}
