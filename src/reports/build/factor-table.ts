/**
 * A share indicator by a breakdown, largest count first: for ASM-08, each factor recorded at
 * assessment, how many assessments recorded it, how many of those led to a child protection plan,
 * and how often it did. A factor's lines overlap (an assessment records several), so there is no
 * total row and nothing to recover by subtraction: primary suppression is enough (a small count
 * or base is c, and a share on a small count or a base under the minimum is c).
 */
import { displayed, formatFigure, type Figure } from '../narrative/format.js';
import { roundHalfUp } from '../narrative/round.js';
import { sentence, type Sentence } from '../narrative/tokens.js';
import { suppressFigure } from '../privacy/suppress.js';
import type { Cell, DocBlock, DocTable, FactorTableBlock, TableRow } from '../model.js';
import type { Lookup } from './lookup.js';
import { localSource } from './source.js';
import { periodWords, yearLabel, yearsEnding } from './years.js';

const SHARE_DP = 1;

export function buildFactorTable(block: FactorTableBlock, look: Lookup): DocBlock[] {
  const years = yearsEnding(look.data.year, block.years ?? 1);
  const year = years[years.length - 1]!;
  const rows = look
    .breakdown(block.indicator, block.breakdown, year)
    .filter((r) => (r.denominator ?? 0) > 0 && !block.exclude?.includes(r.key))
    .sort((a, b) => (b.numerator ?? 0) - (a.numerator ?? 0) || (b.denominator ?? 0) - (a.denominator ?? 0) || a.key.localeCompare(b.key))
    .slice(0, block.top ?? 10);
  if (rows.length === 0) return [{ kind: 'notice', text: `${block.title}: no assessments with a recorded factor in ${yearLabel(year)}.` }];
  const label = (key: string) => block.labels?.[key] ?? key;
  const source = (key: string, part: string) => `${block.indicator}:${block.breakdown}:${key}:${part}`;
  const shares = new Map<string, Figure>();
  const body: TableRow[] = rows.map((r) => {
    const base = look.count(r.denominator);
    const count = look.count(r.numerator);
    const raw: Figure = { value: r.value === null ? null : roundHalfUp(r.value, SHARE_DP), unit: 'percent', dp: SHARE_DP, symbol: r.value === null ? 'x' : null };
    const share = look.policy ? suppressFigure({ figure: raw, numerator: r.numerator, denominator: r.denominator }, look.policy) : raw;
    shares.set(r.key, share);
    const cells: Cell[] = [
      { figure: base, ref: { kind: 'count', source: source(r.key, 'base'), year, value: displayed(base) } },
      { figure: count, ref: { kind: 'count', source: source(r.key, 'count'), year, value: displayed(count) } },
      { figure: share, ref: { kind: 'value', source: source(r.key, 'share'), year, value: displayed(share) } },
    ];
    return { header: label(r.key), cells };
  });
  const table: DocTable = {
    id: block.id,
    title: block.title,
    rowHeader: block.keyLabel,
    columns: [block.headings.base, block.headings.count, block.headings.share],
    rows: body,
    source: localSource(look.data),
    dated: periodWords(year),
    notes: [
      'An assessment can record several factors, so the lines overlap and are not added up.',
      ...(look.policy ? [`Numbers from 1 to ${look.policy.threshold} are shown as c, as are shares resting on them or on fewer than ${look.policy.minDenominator} assessments.`] : []),
    ],
  };
  const top = rows[0]!;
  const topShare = shares.get(top.key)!;
  const topBase = body[0]!.cells[0]!.figure!;
  const blocks: DocBlock[] = [{ kind: 'table', table }];
  if (topShare.value !== null && topBase.value !== null) {
    const said: Sentence = sentence(
      `In ${yearLabel(year)}, the factor most often recorded at assessments that led to a child protection plan was ${label(top.key).replace(/^\w+: /, '').toLowerCase()}: it was recorded at `,
      { text: formatFigure(topBase), ref: { kind: 'count', source: source(top.key, 'base'), year, value: topBase.value } },
      ' assessments, and ',
      { text: formatFigure(topShare), ref: { kind: 'value', source: source(top.key, 'share'), year, value: topShare.value } },
      ' of them led to a plan.',
    );
    blocks.push({ kind: 'paragraph', sentence: said });
  }
  return blocks;
}
