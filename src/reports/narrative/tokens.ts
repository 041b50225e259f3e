/**
 * Narrative text as tokens: literal text, and numbers that remember which indicator, area and year
 * they show. Renderers print them; tests check every printed number against its source.
 */
export type RefKind = 'value' | 'rate' | 'change' | 'rank' | 'comparator' | 'count' | 'parameter';

export interface NumberRef {
  readonly kind: RefKind;
  /** Indicator id (or reference measure id for comparators). */
  readonly source?: string;
  readonly year?: number;
  /** Area code for comparators ("E92000001", a region code, "SN" for the neighbour average). */
  readonly area?: string;
  /** The value the text shows, as a number (after rounding), or null when withheld. */
  readonly value: number | null;
}

export interface Token {
  readonly text: string;
  readonly ref?: NumberRef;
}

export type Sentence = readonly Token[];

export function text(s: string): Token {
  return { text: s };
}

export function num(s: string, ref: NumberRef): Token {
  return { text: s, ref };
}

/** Joins parts into a sentence, turning plain strings into text tokens. */
export function sentence(...parts: (string | Token | readonly Token[])[]): Sentence {
  const out: Token[] = [];
  for (const p of parts) {
    if (typeof p === 'string') out.push(text(p));
    else if (Array.isArray(p)) out.push(...(p as readonly Token[]));
    else out.push(p as Token);
  }
  return out;
}

export function plainText(s: Sentence): string {
  return s.map((t) => t.text).join('');
}

/** A list in prose: "a", "a and b", "a, b and c". */
export function listOf(items: readonly (readonly Token[])[]): Token[] {
  const out: Token[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(text(i === items.length - 1 ? ' and ' : ', '));
    out.push(...item);
  });
  return out;
}
