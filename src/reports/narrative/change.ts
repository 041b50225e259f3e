/**
 * Change between two figures in words: "rose by 34%", "fell from 60.0 to 43.0 per 10,000",
 * "was unchanged at 253", "rose by 40%, a real-term rise of 34%". Percentage changes are whole
 * numbers rounded half up; values are compared as printed (so 60.04 → 60.0 is "unchanged").
 */
import { displayed, formatFigure, formatWithUnit, isWithheld, type Figure } from './format.js';
import { roundHalfUp } from './round.js';
import { num, sentence, text, type NumberRef, type Sentence, type Token } from './tokens.js';

export type ChangeStyle = 'percent' | 'values' | 'both';

export interface ChangeInput {
  readonly from: Figure;
  readonly to: Figure;
  /** percent: "rose by 34%"; values: "fell from 60.0 to 43.0 per 10,000"; both: "rose by 34%, from 8,515 to 11,393". */
  readonly style?: ChangeStyle;
  /** A price index at the two dates: adds the real-term change ("a real-term rise of 34%"). */
  readonly inflation?: { readonly from: number; readonly to: number };
  /** What the figures are, for tagging: indicator id and the two years. */
  readonly source?: string;
  readonly fromYear?: number;
  readonly toYear?: number;
  /** For percentages: also give the change in percentage points. */
  readonly points?: boolean;
}

/** (to − from) ÷ from × 100, rounded half up to whole numbers; null when from is 0 or a value is missing. */
export function percentChange(from: number | null, to: number | null, dp = 0): number | null {
  if (from === null || to === null || from === 0) return null;
  return roundHalfUp(((to - from) / from) * 100, dp);
}

/** Real change after deflating by a price index, as a whole percentage. */
export function realPercentChange(from: number, to: number, index: { from: number; to: number }): number | null {
  if (from === 0 || index.from === 0 || index.to === 0) return null;
  return roundHalfUp(((to / from) * (index.from / index.to) - 1) * 100, 0);
}

/** Signed percentage as tables print it: "+34%", "-20%", "0%". */
export function signedPercent(p: number | null): string {
  if (p === null) return 'z';
  return p > 0 ? `+${p}%` : `${p}%`;
}

function ref(input: ChangeInput, kind: NumberRef['kind'], value: number | null, year?: number): NumberRef {
  return { kind, source: input.source, year, value };
}

function figureToken(input: ChangeInput, f: Figure, year: number | undefined, withUnit: boolean): Token {
  return num(withUnit ? formatWithUnit(f) : formatFigure(f), ref(input, f.unit === 'rate' ? 'rate' : 'value', displayed(f), year));
}

/** The predicate of a change sentence (no subject, no full stop). */
export function describeChange(input: ChangeInput): Sentence {
  const { from, to } = input;
  if (isWithheld(from) || isWithheld(to)) {
    const confidential = from.symbol === 'c' || to.symbol === 'c';
    return sentence(
      confidential
        ? 'cannot be compared between the two years without revealing a figure withheld to protect confidentiality'
        : 'cannot be compared between the two years because a figure is not available',
    );
  }
  const a = displayed(from) as number;
  const b = displayed(to) as number;
  if (a === b) return sentence('was unchanged at ', figureToken(input, to, input.toYear, true));
  const rose = b > a;
  const verb = rose ? 'rose' : 'fell';
  const style = input.style ?? (to.unit === 'count' || to.unit === 'gbp' ? 'percent' : 'values');
  const pct = percentChange(from.value, to.value);
  const parts: (string | Token)[] = [];
  const fromTo = (): (string | Token)[] => [
    'from ',
    figureToken(input, from, input.fromYear, to.unit !== 'rate'),
    ' to ',
    figureToken(input, to, input.toYear, true),
  ];
  if (style === 'values' || pct === null) {
    parts.push(`${verb} `, ...fromTo());
    if (input.points && to.unit === 'percent') {
      const pts = roundHalfUp(Math.abs(b - a), to.dp ?? 0);
      parts.push(' (', num(`${pts}`, ref(input, 'change', pts)), ` percentage ${pts === 1 ? 'point' : 'points'})`);
    }
  } else {
    const size = Math.abs(pct);
    parts.push(`${verb} by `, size === 0 ? text('less than 1%') : num(`${size}%`, ref(input, 'change', size)));
    if (style === 'both') parts.push(', ', ...fromTo());
  }
  if (input.inflation) {
    const real = realPercentChange(from.value as number, to.value as number, input.inflation);
    if (real !== null) {
      if (real === 0) parts.push(', no change in real terms');
      else parts.push(`, a real-term ${real > 0 ? 'rise' : 'fall'} of `, num(`${Math.abs(real)}%`, ref(input, 'change', Math.abs(real))));
    }
  }
  return sentence(...parts);
}
