/**
 * A small seeded PRNG (xoshiro128**, seeded through splitmix32) so every synthetic authority is
 * reproducible from (seed, LA code). Never Math.random: the same seed must give the same rows.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    this.a = this.b = this.c = this.d = 0;
    this.reseed(typeof seed === 'number' ? seed : hashString(seed));
  }

  /**
   * Restarts this generator as `new Random(seed)` would, without allocating: the simulation
   * switches stream per household referral and per day, hundreds of thousands of times a run.
   */
  reseed(seed: number): this {
    // splitmix32, written out (no closure).
    let s = seed >>> 0;
    s = (s + 0x9e3779b9) >>> 0;
    this.a = splitmix(s);
    s = (s + 0x9e3779b9) >>> 0;
    this.b = splitmix(s);
    s = (s + 0x9e3779b9) >>> 0;
    this.c = splitmix(s);
    s = (s + 0x9e3779b9) >>> 0;
    this.d = splitmix(s);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
    return this;
  }

  /** Uniform on [0, 1). */
  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Index drawn with the given (non-negative, not necessarily normalised) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i]!;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-scale spread. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Poisson count (inversion for small means, normal approximation for large ones). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** A child generator whose stream does not depend on how much this one is used later. */
  fork(label: string): Random {
    return new Random((hashString(label) ^ Math.imul(this.a, 2654435761)) >>> 0);
  }
}

function splitmix(s: number): number {
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** FNV-1a: a stable 32-bit hash of a string seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A seed derived from a base seed and integer keys: independent streams for independent things. */
export function mixSeed(base: number, ...keys: number[]): number {
  let h = base >>> 0;
  for (const k of keys) h = mixKey(h, k);
  return h;
}

/** One step of mixSeed: mixSeed(b, k1, k2) === mixKey(mixKey(b, k1), k2), without a rest array. */
export function mixKey(h: number, k: number): number {
  h ^= Math.imul((k | 0) ^ 0x5bd1e995, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca77) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae3d) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
