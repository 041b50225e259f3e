/**
 * Comparison with benchmarks in words: "above the England average of 41.4",
 * "above the England average of 41.4 but below the statistical neighbour average of 44.2".
 * Values are compared as printed, so equal printed values are "in line with".
 */
import { displayed, formatWithUnit, isWithheld, type Figure } from './format.js';
import { listOf, num, sentence, text, type Sentence, type Token } from './tokens.js';

export interface Comparator {
  /** "the England average", "the North East average", "the statistical neighbour average". */
  readonly name: string;
  readonly figure: Figure;
  /** Area code of the comparator ("E92000001", region code, "SN"). */
  readonly area: string;
  readonly source?: string;
  readonly year?: number;
}

function phrase(c: Comparator): Token[] {
  return [text(`${c.name} of `), num(formatWithUnit(c.figure), { kind: 'comparator', source: c.source, year: c.year, area: c.area, value: displayed(c.figure) })];
}

/** The comparison predicate; empty when the value or every comparator is withheld. */
export function describeComparison(value: Figure, comparators: readonly Comparator[]): Sentence {
  if (isWithheld(value)) return [];
  const v = displayed(value) as number;
  const usable = comparators.filter((c) => !isWithheld(c.figure));
  const above = usable.filter((c) => v > (displayed(c.figure) as number));
  const below = usable.filter((c) => v < (displayed(c.figure) as number));
  const level = usable.filter((c) => v === displayed(c.figure));
  const groups: Token[][] = [];
  if (above.length) groups.push([text('above '), ...listOf(above.map(phrase))]);
  if (below.length) groups.push([text('below '), ...listOf(below.map(phrase))]);
  if (level.length) groups.push([text('in line with '), ...listOf(level.map(phrase))]);
  if (groups.length === 0) return [];
  const out: Token[] = [...groups[0]!];
  for (let i = 1; i < groups.length; i++) out.push(text(i === groups.length - 1 ? ' but ' : ', '), ...groups[i]!);
  return sentence(out);
}
