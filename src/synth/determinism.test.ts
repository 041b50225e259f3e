import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simulateAuthority } from './index.js';

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('synthetic authority: determinism', () => {
  it('gives identical rows for the same seed and different rows for another seed', () => {
    const options = { laCode: '857', from: 2024, to: 2024, calibrationPasses: 1, visits: false } as const;
    const a = simulateAuthority({ ...options, seed: 3 });
    const b = simulateAuthority({ ...options, seed: 3 });
    const c = simulateAuthority({ ...options, seed: 4 });
    expect(digest(a.rows)).toBe(digest(b.rows));
    expect(digest(a.rows)).not.toBe(digest(c.rows));
    expect(a.rows.referral!.length).toBeGreaterThan(100);
  }, 120_000);

  it('refuses an unknown authority and impossible years with a clear message', () => {
    expect(() => simulateAuthority({ laCode: '999', from: 2024, to: 2024 })).toThrow(/Unknown local authority code "999"/);
    expect(() => simulateAuthority({ laCode: '931', from: 2025, to: 2024 })).toThrow(/from <= to/);
    expect(() => simulateAuthority({ laCode: '931', from: 2010, to: 2012 })).toThrow(/between 2014 and 2026/);
  });
});
