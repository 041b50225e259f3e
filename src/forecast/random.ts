/**
 * Seeded random numbers for the Monte Carlo: a small, fast generator (sfc32) and the few
 * distributions the model needs. Runs are seeded by run number, so results do not depend on
 * how runs are split between worker threads.
 */
export interface Random {
  /** Uniform on (0, 1): never exactly 0, so log() is safe. */
  uniform(): number;
  /** Restart the stream from a new seed, in place (no allocation: used once per child). */
  reseed(seed: number): void;
}

/** Mix two integers into a seed (so child i of run r has a stream of its own). */
export function mixSeed(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The k-th output of splitmix32 started at `seed`. */
function splitmix32(seed: number, k: number): number {
  let z = (seed + Math.imul(0x9e3779b9, k)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export function createRandom(seed: number): Random {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const uniform = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return ((t >>> 0) + 0.5) / 4294967296;
  };
  // sfc32 seeded through splitmix32 so neighbouring seeds give unrelated streams. No closures
  // are made here: reseed runs once per child per run.
  const reseed = (value: number) => {
    const s = value >>> 0;
    a = splitmix32(s, 1);
    b = splitmix32(s, 2);
    c = splitmix32(s, 3);
    d = splitmix32(s, 4);
    for (let i = 0; i < 3; i++) uniform(); // splitmix32 already mixes the seed; a few rounds spread it
  };
  reseed(seed);
  return { uniform, reseed };
}

/**
 * A counter-based stream for one child: output k is splitmix32(key, k), so restarting it for
 * the next child is two assignments (no warm-up). Used for the per-child streams that keep
 * scenario and baseline runs paired child by child; each child needs only a handful of draws.
 */
export function createChildRandom(): Random {
  let key = 0;
  let k = 0;
  const uniform = () => {
    k = (k + 1) | 0;
    let z = (key + Math.imul(0x9e3779b9, k)) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (((z ^ (z >>> 16)) >>> 0) + 0.5) / 4294967296;
  };
  const reseed = (value: number) => {
    key = value | 0;
    k = 0;
  };
  return { uniform, reseed };
}

export function exponential(random: Random, rate: number): number {
  return -Math.log(random.uniform()) / rate;
}

export function standardNormal(random: Random): number {
  // Box-Muller; one of the pair is discarded for simplicity (not on a hot path).
  const u = random.uniform();
  const v = random.uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, rate) by Marsaglia and Tsang; shape < 1 via the U^(1/shape) boost. */
export function gamma(random: Random, shape: number, rate: number): number {
  if (!(shape > 0) || !(rate > 0)) throw new RangeError(`gamma needs shape > 0 and rate > 0 (got ${shape}, ${rate})`);
  if (shape < 1) return gamma(random, shape + 1, rate) * Math.pow(random.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return (d * v) / rate;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/** Poisson(mean): multiplication method for small means, PTRS (Hörmann 1993) for large. */
export function poisson(random: Random, mean: number): number {
  if (!(mean >= 0)) throw new RangeError(`poisson needs mean >= 0 (got ${mean})`);
  if (mean === 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = random.uniform();
    while (p > limit) {
      k++;
      p *= random.uniform();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const logLam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random.uniform() - 0.5;
    const v = random.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logLam - logFactorial(k)) return k;
  }
}

function logFactorial(k: number): number {
  if (k < 2) return 0;
  // Stirling series: accurate to ~1e-10 for k >= 2, which PTRS only needs for large means.
  return (k + 0.5) * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k) - 1 / (360 * k * k * k);
}
