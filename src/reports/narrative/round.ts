/** Round half up (away from zero for negatives), as the DfE rounds, avoiding binary artefacts like 1.005. */
export function roundHalfUp(x: number, dp: number): number {
  const p = 10 ** dp;
  const shifted = Number((Math.abs(x) * p).toPrecision(15));
  const r = (Math.sign(x) * Math.floor(shifted + 0.5)) / p;
  return Object.is(r, -0) ? 0 : r;
}
