import { describe, expect, it } from 'vitest';
import { syntheticUpn, syntheticWorkerId, upnCheckLetter } from './identifiers.js';

describe('synthetic identifiers', () => {
  it('computes the UPN check letter the DfE way', () => {
    // The CIN census guide's example UPN for LA 938: 9·2+3·3+8·4+1·5+2·6+3·7+4·8+5·9+6·10+7·11+8·12+9·13 = 524; 524 mod 23 = 18 → V.
    expect(upnCheckLetter('938123456789')).toBe('V');
    // All zeros after LA 000 sums to 0 → A.
    expect(upnCheckLetter('000000000000')).toBe('A');
    expect(() => upnCheckLetter('93812345678')).toThrow(/12 characters/);
  });

  it('gives distinct, well-formed UPNs and worker ids', () => {
    const upns = new Set<string>();
    for (let n = 1; n <= 20000; n++) {
      const upn = syntheticUpn('931', n, 12345);
      expect(upn).toMatch(/^[A-HJ-NP-RT-Z]931\d{9}$/);
      expect(upnCheckLetter(upn.slice(1))).toBe(upn[0]);
      upns.add(upn);
    }
    expect(upns.size).toBe(20000);
    const ids = new Set(Array.from({ length: 5000 }, (_, i) => syntheticWorkerId(i + 1, 'social_worker', 77)));
    expect(ids.size).toBe(5000);
    for (const id of ids) expect(id).toMatch(/^SW\d{6}$/);
    expect(syntheticWorkerId(3, 'personal_adviser', 77)).toBe('PA1003');
  });
});
