import { birthdayDay } from './days.js';

/** Care ends that do not make a young person a care leaver: adoption, SGO, child arrangements order, a planned return home. */
const NOT_CARE_LEAVING = new Set(['E11', 'E12', 'E41', 'E45', 'E46', 'E47', 'E48', 'E4A']);

/**
 * Whether a period of care makes the child a care leaver (Children (Leaving Care) Act): looked
 * after for at least 13 weeks, leaving at 16 or later, by a route that is not a permanence order
 * or a return home. Returns the age at which follow-up (OC3) starts: 17 for a young person who left
 * care before their 17th birthday ("relevant"), 18 otherwise; null if not a care leaver.
 */
export function careLeaverFrom(period: { start: number; end: number | null; rec: string | null }, dob: number): 17 | 18 | null {
  if (period.end === null || period.end - period.start < 91) return null;
  if (period.end < birthdayDay(dob, 16)) return null;
  if (period.rec !== null && NOT_CARE_LEAVING.has(period.rec)) return null;
  return period.end < birthdayDay(dob, 17) ? 17 : 18;
}
