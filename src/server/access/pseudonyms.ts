import { createHmac, randomBytes } from 'node:crypto';

/**
 * Keyed pseudonyms (HMAC-SHA-256) for child ids shown to analysts and regional pool users, as
 * privacy.md §4.4 asks: a plain hash of a small id space could be reversed by trying every id.
 * The key comes from CSC_PSEUDONYM_KEY (or the server options); without one a random key is
 * made per process, so pseudonyms then change on restart.
 */
export class Pseudonymiser {
  private readonly key: Buffer;

  constructor(key?: string) {
    this.key = key ? Buffer.from(key, 'utf8') : randomBytes(32);
  }

  childRef(laCode: string, childId: string): string {
    return `P${createHmac('sha256', this.key).update(`${laCode}\u0000${childId}`).digest('hex').slice(0, 20)}`;
  }
}

/** Dates of birth to the first of the month (LIIA's degrade function). */
export function monthOnly(date: string | null): string | null {
  return date ? `${date.slice(0, 7)}-01` : null;
}
