/**
 * Numbers as committee papers print them: thousands separators, DfE decimal places (CIN rates and
 * percentages 1 dp, CLA whole numbers), money with £, and DfE symbols in place of suppressed or
 * missing values.
 */
import { roundHalfUp } from './round.js';

/** DfE / GSS symbols: c confidential, k rounds to zero, u low reliability, x not available, z not applicable. */
export type DfeSymbol = 'c' | 'k' | 'u' | 'x' | 'z';

export const SYMBOL_MEANING: Readonly<Record<DfeSymbol, string>> = {
  c: 'suppressed to protect confidentiality',
  k: 'rounds to zero but is not zero',
  u: 'low reliability',
  x: 'not available',
  z: 'not applicable',
};

/** What a figure measures; decides its wording and default decimals. */
export type FigureUnit = 'count' | 'percent' | 'rate' | 'days' | 'working-days' | 'gbp' | 'ratio' | 'score';

/** A value ready to print: a number, or a DfE symbol when there is none to show. */
export interface Figure {
  readonly value: number | null;
  readonly unit: FigureUnit;
  /** Decimal places to print (default by unit: counts 0, rates 1, percentages 0). */
  readonly dp?: number;
  /** Shown instead of the number (suppressed c, not available x, ...). */
  readonly symbol?: DfeSymbol | null;
}

export function defaultDp(unit: FigureUnit): number {
  return unit === 'rate' || unit === 'ratio' || unit === 'score' ? 1 : 0;
}

/** 11393 → "11,393"; 60 with 1 dp → "60.0"; rounding half up. */
export function formatNumber(value: number, dp = 0): string {
  const r = roundHalfUp(value, dp);
  return r.toLocaleString('en-GB', { minimumFractionDigits: dp, maximumFractionDigits: dp });
}

/** True when the figure has no number to show (suppressed, missing). */
export function isWithheld(f: Figure): boolean {
  return f.value === null || (f.symbol !== undefined && f.symbol !== null);
}

/** The printed form without unit words: "11,393", "43.0", "34%", "£835", or the symbol. */
export function formatFigure(f: Figure): string {
  if (isWithheld(f)) return f.symbol ?? 'x';
  const value = f.value as number;
  const dp = f.dp ?? defaultDp(f.unit);
  switch (f.unit) {
    case 'percent':
      if (value > 0 && roundHalfUp(value, dp) === 0) return 'k';
      return `${formatNumber(value, dp)}%`;
    case 'gbp':
      return value < 0 ? `-£${formatNumber(-value, dp)}` : `£${formatNumber(value, dp)}`;
    default:
      return formatNumber(value, dp);
  }
}

/** The printed form with its unit words where prose needs them: "43.0 per 10,000", "45 working days". */
export function formatWithUnit(f: Figure): string {
  const base = formatFigure(f);
  if (isWithheld(f)) return base;
  switch (f.unit) {
    case 'rate':
      return `${base} per 10,000`;
    case 'days':
      return `${base} ${f.value === 1 ? 'day' : 'days'}`;
    case 'working-days':
      return `${base} working ${f.value === 1 ? 'day' : 'days'}`;
    default:
      return base;
  }
}

/** The value as printed, back as a number (what the reader sees): 60.04 with 1 dp → 60. */
export function displayed(f: Figure): number | null {
  if (isWithheld(f)) return null;
  return roundHalfUp(f.value as number, f.dp ?? defaultDp(f.unit));
}
