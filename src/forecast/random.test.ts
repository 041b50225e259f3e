import { describe, expect, it } from 'vitest';
import { createChildRandom, createRandom, gamma, mixSeed, poisson } from './random.js';

const moments = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, variance: xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1) };
};

describe('random', () => {
  it('is reproducible by seed, and reseeding restarts a stream', () => {
    const a = createRandom(42);
    const first = [a.uniform(), a.uniform(), a.uniform()];
    a.reseed(42);
    expect([a.uniform(), a.uniform(), a.uniform()]).toEqual(first);
    expect(createRandom(43).uniform()).not.toBe(first[0]);
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
  });

  it('draws Gamma and Poisson with the right mean and variance', () => {
    const random = createRandom(7);
    const n = 40_000;
    for (const [shape, rate] of [[0.5, 2], [3, 0.01], [150, 40_000]] as const) {
      const m = moments(Array.from({ length: n }, () => gamma(random, shape, rate)));
      const mean = shape / rate;
      const variance = shape / rate ** 2;
      expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
      expect(m.variance / variance).toBeGreaterThan(0.93);
      expect(m.variance / variance).toBeLessThan(1.07);
    }
    for (const mean of [0.3, 12, 250]) {
      const m = moments(Array.from({ length: n }, () => poisson(random, mean)));
      expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
      expect(m.variance / mean).toBeGreaterThan(0.93);
      expect(m.variance / mean).toBeLessThan(1.07);
    }
  });

  it('gives each child a uniform stream of its own, restarted by reseeding', () => {
    const child = createChildRandom();
    child.reseed(mixSeed(7, 3));
    const first = [child.uniform(), child.uniform(), child.uniform()];
    child.reseed(mixSeed(7, 3));
    expect([child.uniform(), child.uniform(), child.uniform()]).toEqual(first);
    // First and second draws of 50,000 neighbouring children (run 7, child i): uniform and unrelated.
    const n = 50_000;
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      child.reseed(mixSeed(7, i));
      a[i] = child.uniform();
      b[i] = child.uniform();
    }
    const m = moments(Array.from(a));
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(0.002);
    let next = 0;
    let pair = 0;
    for (let i = 0; i < n; i++) {
      if (i + 1 < n) next += (a[i]! - 0.5) * (a[i + 1]! - 0.5);
      pair += (a[i]! - 0.5) * (b[i]! - 0.5);
    }
    // Correlations (s.e. ≈ 1/√n ≈ 0.0045): child to next child, and first to second draw.
    expect(Math.abs((next / (n - 1)) * 12)).toBeLessThan(0.02);
    expect(Math.abs((pair / n) * 12)).toBeLessThan(0.02);
  });
});
