import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simulateAuthorities, simulateAuthority } from './index.js';

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('simulating many authorities on worker threads', () => {
  it('gives each authority the same rows as simulating it alone, and hands results over one at a time', async () => {
    // City of London (201) and Rutland (857), two of the smallest authorities: one year, no calibration.
    const codes = ['857', '201'];
    const shared = { from: 2024, to: 2024, seed: 3, calibrationPasses: 0, warmupYears: 1, visits: false } as const;
    const seen = new Map<string, string>();
    let busy = false;
    await simulateAuthorities(codes, shared, {
      workers: 2,
      onAuthority: async ({ summary, rows }) => {
        expect(busy).toBe(false);
        busy = true;
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen.set(summary.laCode, digest(rows));
        expect(summary.rows).toBe(Object.values(rows).reduce((n, r) => n + r!.length, 0));
        busy = false;
      },
    });
    expect([...seen.keys()].sort()).toEqual(['201', '857']);
    for (const code of codes) expect(seen.get(code), code).toBe(digest(simulateAuthority({ ...shared, laCode: code }).rows));
  }, 120_000);

  it('stops with the first error from the consumer', async () => {
    await expect(
      simulateAuthorities(['857'], { from: 2024, to: 2024, seed: 3, calibrationPasses: 0, warmupYears: 1, visits: false }, {
        workers: 1,
        onAuthority: async () => {
          throw new Error('database is full');
        },
      }),
    ).rejects.toThrow('database is full');
  }, 120_000);
});
