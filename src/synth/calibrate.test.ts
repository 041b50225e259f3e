import { describe, expect, it } from 'vitest';
import { defaultCalibrationPasses, LARGE_AUTHORITY_REFERRALS } from './calibrate.js';
import { getValue } from '../reference/index.js';

describe('default calibration passes', () => {
  it('runs 8 for one authority, 4 for one of over 10,000 referrals a year or for several', () => {
    expect(defaultCalibrationPasses(['931'], 2025)).toBe(8);
    for (const large of ['886', '330']) {
      expect(getValue(large, 'referrals', 2025)).toBeGreaterThan(LARGE_AUTHORITY_REFERRALS);
      expect(defaultCalibrationPasses([large], 2025)).toBe(4);
    }
    expect(defaultCalibrationPasses(['931', '855'], 2025)).toBe(4);
  });
});
