/**
 * Sentences of a template, worded from the numbers: changes, levels against comparators and
 * national rank. A suppressed figure is never printed; the sentence says it is withheld instead.
 */
import { describeChange } from '../narrative/change.js';
import { describeComparison } from '../narrative/compare.js';
import { displayed, formatWithUnit, isWithheld } from '../narrative/format.js';
import { describeRank } from '../narrative/rank.js';
import { num, sentence, text, type Sentence, type Token } from '../narrative/tokens.js';
import type { Measure, SentenceSpec } from '../model.js';
import type { Lookup } from './lookup.js';
import { yearLabel } from './years.js';

function valueToken(m: Measure, look: Lookup, year: number): Token {
  const f = look.figure(m, year);
  return num(formatWithUnit(f), { kind: m.field === 'rate' ? 'rate' : 'value', source: m.indicator, year, value: displayed(f) });
}

function withheldReason(symbol: string | null | undefined): string {
  return symbol === 'c' ? 'is not published because the number is small enough to identify children' : 'is not available';
}

function rankSentence(m: Measure, look: Lookup, year: number): Token[] {
  const rank = look.rank(m, year);
  if (!rank) return [];
  const what = m.unit === 'rate' ? 'rate' : m.unit === 'percent' ? 'percentage' : 'figure';
  return [text(' This was '), ...describeRank(rank, { what, where: `of ${rank.of} authorities in England`, source: m.benchmark, year }), text('.')];
}

export function buildSentence(spec: SentenceSpec, look: Lookup): Sentence {
  const year = look.data.year;
  if (spec.kind === 'text') return sentence(spec.text);
  const m = spec.measure;
  const now = look.figure(m, year);
  if (spec.kind === 'level') {
    if (isWithheld(now)) return sentence(`In ${yearLabel(year)}, ${spec.subject} ${withheldReason(now.symbol)}.`);
    const parts: (string | Token | readonly Token[])[] = [`In ${yearLabel(year)}, ${spec.subject} was `, valueToken(m, look, year)];
    if (spec.compare) {
      const cmp = describeComparison(now, look.comparators(m, year));
      if (cmp.length) parts.push(', ', cmp);
    }
    parts.push('.');
    if (spec.rank) parts.push(rankSentence(m, look, year));
    return sentence(...parts);
  }
  const span = spec.span ?? 1;
  const fromYear = year - span;
  const before = look.figure(m, fromYear);
  const change = describeChange({ from: before, to: now, style: spec.style, source: m.indicator, fromYear, toYear: year });
  const parts: (string | Token | readonly Token[])[] = [`Between ${yearLabel(fromYear)} and ${yearLabel(year)}, ${spec.subject} `, change, '.'];
  if (spec.then === 'compare' && !isWithheld(now)) {
    const cmp = describeComparison(now, look.comparators(m, year));
    if (cmp.length) parts.push(` In ${yearLabel(year)} it was `, cmp, '.');
  }
  if (spec.then === 'rank' && !isWithheld(now)) parts.push(rankSentence(m, look, year));
  return sentence(...parts);
}
