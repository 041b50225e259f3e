/**
 * Identifiers that look like real ones: Unique Pupil Numbers with a correct check letter, and
 * Social Work England style worker ids (SW + digits), unique within an authority.
 */

const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * The DfE UPN check letter for the 12 characters after it (LA code, 8 digits, final digit):
 * each character times its position (2 to 13), summed, modulo 23, as a letter (no I, O or S).
 * A final letter (temporary UPN) counts as its index in the same alphabet.
 */
export function upnCheckLetter(rest: string): string {
  if (rest.length !== 12) throw new Error(`A UPN has 12 characters after the check letter (got ${JSON.stringify(rest)})`);
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = rest[i]!;
    const value = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : UPN_CHECK_LETTERS.indexOf(ch);
    if (value < 0) throw new Error(`UPN character ${JSON.stringify(ch)} is not a digit or check-alphabet letter`);
    sum += value * (i + 2);
  }
  return UPN_CHECK_LETTERS[sum % 23]!;
}

/** A permanent UPN for the n-th child of an authority: distinct children get distinct UPNs (n < 10^9). */
export function syntheticUpn(laCode: string, n: number, salt: number): string {
  // An affine map with a multiplier prime to 10^9 is a bijection on 9-digit numbers.
  const digits = String((n * 7919 + (salt % 1_000_000_000)) % 1_000_000_000).padStart(9, '0');
  const rest = `${laCode}${digits}`;
  return `${upnCheckLetter(rest)}${rest}`;
}

/**
 * A worker id: registered social workers (everyone but personal advisers) get a Social Work
 * England style number, SW + 6 digits, as the SSDA903 SWEpisodes and workforce returns expect;
 * personal advisers, who are not registered, get PA + digits.
 */
export function syntheticWorkerId(n: number, role: string, salt: number): string {
  if (role === 'personal_adviser') return `PA${String(1000 + n)}`;
  return `SW${100000 + ((n * 7919 + (salt % 900000)) % 900000)}`;
}
