/** Counts in prose with the right noun form: "1 child", "2 children", "no children", "a small number of children". */
import { formatFigure, isWithheld, type Figure } from './format.js';
import { num, text, type NumberRef, type Token } from './tokens.js';

export interface Noun {
  readonly singular: string;
  readonly plural: string;
}

/** A noun from its singular, with the plural given or formed regularly ("referral" → "referrals"). */
export function noun(singular: string, plural?: string): Noun {
  if (plural) return { singular, plural };
  if (/(s|x|z|ch|sh)$/.test(singular)) return { singular, plural: `${singular}es` };
  if (/[^aeiou]y$/.test(singular)) return { singular, plural: `${singular.slice(0, -1)}ies` };
  return { singular, plural: `${singular}s` };
}

export const CHILD = noun('child', 'children');

export function pluralise(n: number, word: Noun): string {
  return n === 1 ? word.singular : word.plural;
}

/**
 * "253 children" with the number tagged. A withheld count becomes "a small number of children"
 * for c (never a figure that would reveal it) and "an unknown number of children" otherwise.
 */
export function countPhrase(f: Figure, word: Noun, ref?: Omit<NumberRef, 'value' | 'kind'>): Token[] {
  if (isWithheld(f)) {
    return [text(f.symbol === 'c' ? `a small number of ${word.plural}` : `an unknown number of ${word.plural}`)];
  }
  const n = f.value as number;
  if (n === 0) return [text(`no ${word.plural}`)];
  return [num(formatFigure({ ...f, unit: 'count' }), { kind: 'count', ...ref, value: n }), text(` ${pluralise(n, word)}`)];
}
