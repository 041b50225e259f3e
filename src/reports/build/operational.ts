/**
 * Blocks drawn from src/workload (caseloads by team, posts needed and cost), src/forecast
 * (projected children looked after) and placement costs. Team-level figures only: worker-level
 * caseloads are never printed in committee outputs (privacy.md §5.2 rule 7).
 */
import { displayed, type Figure } from '../narrative/format.js';
import type { Cell, DocBlock, DocChart, DocTable, ForecastBlock, PlacementCostBlock, TableRow, WorkloadBlock } from '../model.js';
import { secondarySuppress } from '../privacy/suppress.js';
import type { Lookup } from './lookup.js';
import { localSource } from './source.js';

const dec = (value: number | null, dp = 1): Cell => ({ figure: { value, unit: 'ratio', dp, symbol: value === null ? 'z' : null } });
const money = (value: number | null): Cell => ({ figure: { value, unit: 'gbp', symbol: value === null ? 'x' : null } });

function caseloadTable(block: WorkloadBlock, look: Lookup): DocTable | null {
  const w = look.data.workload;
  if (!w) return null;
  const all = [...w.teams, w.total];
  // cases and cases over capacity, suppressed with the "All teams" row as the total
  let counts: Figure[][] = all.map((t) => [look.count(t.cases), look.count(t.overCapacity)]);
  if (look.policy) {
    const parts = (col: number) => w.teams.map((_, i) => [i, col] as const);
    counts = secondarySuppress(counts, [0, 1].map((col) => ({ parts: parts(col), total: [w.teams.length, col] as const }))).cells;
  }
  const rows: TableRow[] = all.map((t, i) => {
    const cases = counts[i]![0]!;
    const hidden = cases.symbol === 'c';
    return {
      header: i === w.teams.length ? 'All teams' : t.team,
      total: i === w.teams.length,
      cells: [
        { text: t.locality ?? '' },
        { figure: { value: t.fte, unit: 'ratio', dp: 1 } },
        { figure: cases, ref: { kind: 'count', source: `caseload:${t.team}`, value: displayed(cases) } },
        dec(hidden ? null : t.averagePerWorker),
        hidden ? dec(null) : { text: t.minPerFte === null || t.maxPerFte === null ? 'z' : `${t.minPerFte.toFixed(1)}–${t.maxPerFte.toFixed(1)}` },
        { figure: { value: t.capacity, unit: 'ratio', dp: 1 } },
        { figure: counts[i]![1]! },
        { figure: { value: t.agencyFte, unit: 'ratio', dp: 1 } },
      ],
    };
  });
  return {
    id: block.id,
    title: block.title,
    rowHeader: 'Team',
    columns: ['Locality', 'Case-holder FTE', 'Cases', 'Average per worker', 'Range per FTE', 'Capacity at standard', 'Cases over capacity', 'Agency FTE'],
    rows,
    source: `${localSource(look.data)}; caseload standard: ${w.standards}`,
    dated: `at ${w.date}`,
    notes: ['Cases over capacity are counted worker by worker and summed, so spare capacity in one worker does not hide another worker’s excess.'],
  };
}

function capacityTable(block: WorkloadBlock, look: Lookup): DocTable | null {
  const w = look.data.workload;
  if (!w) return null;
  const rows: TableRow[] = w.plan.map((p) => ({
    header: p.team,
    cells: [{ text: p.role }, { figure: { value: p.postsNeeded, unit: 'ratio', dp: 1 } }, money(p.annualCost)],
  }));
  rows.push({ header: 'Total', total: true, cells: [{ text: '' }, { figure: { value: w.plan.reduce((s, p) => s + p.postsNeeded, 0), unit: 'ratio', dp: 1 } }, money(w.planCost)] });
  return {
    id: block.id,
    title: block.title,
    rowHeader: 'Team',
    columns: ['Post', 'Additional FTE needed', 'Annual cost'],
    rows,
    source: `${localSource(look.data)}; unit costs and standards in force on ${w.date}`,
    dated: `at ${w.date}`,
    notes: [],
  };
}

function forecastBlocks(block: ForecastBlock, look: Lookup): DocBlock[] {
  const f = look.data.forecast;
  if (!f || f.points.length === 0) return [];
  const chart: DocChart = {
    id: block.id,
    title: block.title,
    type: 'line',
    categories: f.points.map((p) => p.date),
    series: [
      { name: 'Median projection', values: f.points.map((p) => p.median) },
      { name: `Lower (${f.interval})`, values: f.points.map((p) => p.low) },
      { name: `Upper (${f.interval})`, values: f.points.map((p) => p.high) },
    ],
    unit: 'count',
    source: `${localSource(look.data)}; CSC Workbench stock-flow forecast`,
    dated: `${f.points[0]!.date} to ${f.points[f.points.length - 1]!.date}`,
  };
  const table: DocTable = {
    id: `${block.id}-table`,
    title: `${block.title} (figures)`,
    rowHeader: 'Date',
    columns: ['Median', 'Lower', 'Upper'],
    // projections, not counts of real children: printed whole but not suppressed
    rows: f.points.map((p) => ({ header: p.date, cells: [p.median, p.low, p.high].map((v) => ({ figure: { value: v, unit: 'ratio', dp: 0 } as Figure })) })),
    source: chart.source,
    dated: chart.dated,
    notes: f.note ? [f.note] : [],
  };
  return [{ kind: 'chart', chart }, { kind: 'table', table }];
}

function placementTable(block: PlacementCostBlock, look: Lookup): DocTable | null {
  const rows = look.data.placementCosts;
  if (!rows || rows.length === 0) return null;
  const total = rows.reduce((s, r) => s + r.children, 0);
  let counts: Figure[][] = [...rows.map((r) => r.children), total].map((v) => [look.count(v)]);
  if (look.policy) counts = secondarySuppress(counts, [{ parts: rows.map((_, i) => [i, 0] as const), total: [rows.length, 0] }]).cells;
  const body: TableRow[] = rows.map((r, i) => {
    const children = counts[i]![0]!;
    return {
      header: r.placementType,
      cells: [
        { figure: children, ref: { kind: 'count', source: `placements:${r.placementType}`, year: look.data.year, value: displayed(children) } },
        // an average over a hidden handful of placements would point at individual children
        money(children.symbol === 'c' ? null : r.averageWeeklyCost),
      ],
    };
  });
  body.push({ header: 'Total', total: true, cells: [{ figure: counts[rows.length]![0]! }, { text: '' }] });
  return {
    id: block.id,
    title: block.title,
    rowHeader: 'Placement type',
    columns: ['Children at 31 March', 'Average weekly cost'],
    rows: body,
    source: `${localSource(look.data)} (placements and weekly placement costs)`,
    dated: `at 31 March ${look.data.year}`,
    notes: ['Average weekly cost is the mean of the weekly costs recorded for the placements of that type in force on 31 March.'],
  };
}

export function buildOperational(block: WorkloadBlock | ForecastBlock | PlacementCostBlock, look: Lookup): DocBlock[] {
  switch (block.kind) {
    case 'caseloads': {
      const t = caseloadTable(block, look);
      return t ? [{ kind: 'table', table: t }] : [{ kind: 'notice', text: 'No teams, workers or allocations are recorded for this authority, so caseloads cannot be shown.' }];
    }
    case 'capacity': {
      const t = capacityTable(block, look);
      return t ? [{ kind: 'table', table: t }] : [];
    }
    case 'forecast': {
      const b = forecastBlocks(block, look);
      return b.length ? b : [{ kind: 'notice', text: 'No forecast could be produced from the data held.' }];
    }
    case 'placement-costs': {
      const t = placementTable(block, look);
      return t ? [{ kind: 'table', table: t }] : [{ kind: 'notice', text: 'No placements with a recorded weekly cost were open at 31 March.' }];
    }
  }
}
