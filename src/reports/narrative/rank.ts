/**
 * Position among authorities in words: "the 6th lowest rate in England", "the joint 6th lowest",
 * "the highest". Competition ranking: equal values share a position and the next is skipped.
 */
import { ordinal } from './ordinal.js';
import { num, sentence, type Sentence } from './tokens.js';

export interface Rank {
  /** 1 = lowest value. */
  readonly fromLowest: number;
  /** 1 = highest value. */
  readonly fromHighest: number;
  /** How many others have exactly the same value. */
  readonly tied: number;
  /** Number of areas ranked, including this one. */
  readonly of: number;
}

/** Ranks `value` among `others` (the other areas' values; nulls are ignored). */
export function rankAmong(value: number, others: readonly (number | null)[]): Rank {
  const known = others.filter((v): v is number => v !== null && Number.isFinite(v));
  const lower = known.filter((v) => v < value).length;
  const higher = known.filter((v) => v > value).length;
  const tied = known.length - lower - higher;
  return { fromLowest: lower + 1, fromHighest: higher + 1, tied, of: known.length + 1 };
}

export interface RankWording {
  /** What is ranked: "rate". */
  readonly what: string;
  /** Where: "in England". */
  readonly where: string;
  readonly source?: string;
  readonly year?: number;
  /** Force a direction instead of the nearer end. */
  readonly direction?: 'lowest' | 'highest';
}

/** "the 6th lowest rate in England": counts from whichever end is nearer unless told. */
export function describeRank(rank: Rank, w: RankWording): Sentence {
  const direction = w.direction ?? (rank.fromLowest <= rank.fromHighest ? 'lowest' : 'highest');
  const position = direction === 'lowest' ? rank.fromLowest : rank.fromHighest;
  const joint = rank.tied > 0 ? 'joint ' : '';
  const tag = { kind: 'rank' as const, source: w.source, year: w.year, value: position };
  if (position === 1) {
    return sentence(`the ${joint}${direction} ${w.what} ${w.where}`.replace(/\s+/g, ' ').trim());
  }
  return sentence(`the ${joint}`, num(ordinal(position), tag), ` ${direction} ${w.what} ${w.where}`.replace(/\s+$/, ''));
}
