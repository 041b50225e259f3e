import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { getJson, paths } from '../api/endpoints.js';
import type { CapacityPlan, CaseloadSummary, UnallocatedCase } from '../api/workload-types.js';
import { Code } from '../components/Code.js';
import { DataTable } from '../components/DataTable.js';
import { Figure } from '../components/Figure.js';
import { formatValue } from '../components/format.js';
import { QueryState } from '../components/Status.js';
import { useSession } from '../auth/session-context.js';
import { canSeeWorkers } from '../auth/roles.js';
import { useFilters } from '../layout/filters.js';
import { TeamsToday } from './TeamsToday.js';

function unallocatedList(summary: CaseloadSummary): UnallocatedCase[] {
  const u = summary.unallocated;
  return Array.isArray(u) ? u : (u.items ?? []);
}

/** Teams coloured by load as a share of capacity: the heat-map managers ask for. */
function TeamHeatmap({ summary }: { summary: CaseloadSummary }) {
  const rows = useMemo(
    () =>
      summary.teams
        .filter((t) => t.capacity > 0)
        .map((t) => ({ team: t.name, cases: t.cases, capacity: t.capacity, loadPercent: Math.round((1000 * t.cases) / t.capacity) / 10, averagePerFte: t.averagePerFte, maxPerFte: t.maxPerFte, workersOver: t.workersOver })),
    [summary],
  );
  const measures = ['Load % of capacity', 'Average per FTE', 'Highest per FTE', 'Workers over standard'];
  const data = rows.flatMap((r, y) => [
    [0, y, r.loadPercent],
    [1, y, r.averagePerFte],
    [2, y, r.maxPerFte],
    [3, y, r.workersOver],
  ]);
  const option = {
    grid: { left: 8, right: 16, top: 40, bottom: 60, containLabel: true },
    tooltip: { position: 'top' },
    xAxis: { type: 'category', data: measures, position: 'top', axisLabel: { interval: 0 } },
    yAxis: { type: 'category', data: rows.map((r) => r.team), inverse: true },
    // Colour by load against capacity only (the first column); other columns share the scale as a guide.
    visualMap: { min: 0, max: 150, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, dimension: 2, inRange: { color: ['#f3f2f1', '#f47738', '#d4351c'] }, text: ['150% of capacity', '0%'] },
    series: [{ type: 'heatmap', data, label: { show: true, color: '#0b0c0c' } }],
  };
  const over = rows.filter((r) => r.loadPercent > 100).map((r) => r.team);
  return (
    <Figure
      title="Teams against caseload standards"
      description={`Standards: ${summary.standards}. Capacity = case-holder FTE × the standard's maximum.`}
      option={option}
      summary={`Heat-map of ${rows.length} teams; ${over.length === 0 ? 'no team is' : `${over.join(', ')} ${over.length === 1 ? 'is' : 'are'}`} over capacity.`}
      height={Math.max(200, rows.length * 34 + 110)}
      columns={[
        { key: 'team', label: 'Team' },
        { key: 'cases', label: 'Cases', unit: 'count' },
        { key: 'capacity', label: 'Capacity', unit: 'count' },
        { key: 'loadPercent', label: 'Load % of capacity', unit: 'percent' },
        { key: 'averagePerFte', label: 'Average per FTE', unit: 'ratio' },
        { key: 'maxPerFte', label: 'Highest per FTE', unit: 'ratio' },
        { key: 'workersOver', label: 'Workers over standard', unit: 'count' },
      ]}
      rows={rows}
    />
  );
}

export function CaseloadsPage() {
  const { la } = useFilters();
  const { session } = useSession();
  const caseloads = useQuery({ queryKey: ['caseloads', la], queryFn: () => getJson<CaseloadSummary>(paths.caseloads(la)) });
  const plan = useQuery({ queryKey: ['capacity-plan', la], queryFn: async () => (await getJson<{ plan: CapacityPlan }>(paths.capacityPlan(la))).plan });
  return (
    <>
      <TeamsToday />
      <section aria-labelledby="caseloads-title">
        <h2 id="caseloads-title">Caseloads against standards</h2>
        <QueryState query={caseloads} what="Caseloads">
          {(summary) => (
            <>
              <p data-testid="caseload-total">
                On {summary.date}: <strong>{formatValue(summary.total.cases, 'count')}</strong> allocated cases across{' '}
                <strong>{formatValue(summary.total.caseHolderFte, 'ratio')}</strong> case-holder FTE (average{' '}
                {formatValue(summary.total.averagePerFte, 'ratio')} per FTE); <strong>{formatValue(unallocatedList(summary).length, 'count')}</strong> open cases unallocated; agency FTE{' '}
                {formatValue(summary.total.agencyFte, 'ratio')}.
              </p>
              <TeamHeatmap summary={summary} />
              {canSeeWorkers(session.user.role) && summary.workers && (
                <DataTable
                  caption="Workers' caseloads"
                  columns={[
                    { key: 'workerId', label: 'Worker' },
                    { key: 'teamName', label: 'Team' },
                    { key: 'role', label: 'Role', render: (row) => <Code kind="worker_role" code={String(row.role)} /> },
                    { key: 'fte', label: 'FTE', unit: 'ratio' },
                    { key: 'cases', label: 'Cases', unit: 'count' },
                    { key: 'casesPerFte', label: 'Cases per FTE', unit: 'ratio' },
                    { key: 'standardMax', label: 'Standard (max)', unit: 'count' },
                    { key: 'status', label: 'Against standard' },
                  ]}
                  rows={summary.workers as unknown as Record<string, unknown>[]}
                />
              )}
              <DataTable
                caption="Unallocated cases"
                columns={[
                  { key: 'caseType', label: 'Case type', render: (row) => <Code kind="case_type" code={String(row.caseType)} /> },
                  { key: 'needs', label: 'Needs', render: (row) => <Code kind="allocation_role" code={String(row.needs)} /> },
                  { key: 'waitingSince', label: 'Waiting since' },
                  { key: 'waitingDays', label: 'Days waiting', unit: 'count' },
                ]}
                rows={unallocatedList(summary) as unknown as Record<string, unknown>[]}
              />
            </>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">Capacity plan</h2>
        <QueryState query={plan} what="The capacity plan">
          {(p) => (
            <>
              <p>
                Posts needed to meet the standards: <strong>{formatValue(p.totalPosts, 'count')}</strong>, annual cost <strong>{formatValue(p.totalAnnualCost, 'currency')}</strong>. Replacing{' '}
                {formatValue(p.agency.agencyFte, 'ratio')} agency FTE with permanent staff would save {formatValue(p.agency.annualSaving, 'currency')} a year.
              </p>
              <DataTable
                caption="Capacity plan by team and role"
                columns={[
                  { key: 'scope', label: 'Scope' },
                  { key: 'role', label: 'Role', render: (row) => <Code kind="worker_role" code={String(row.role)} /> },
                  { key: 'reason', label: 'Reason' },
                  { key: 'currentFte', label: 'Current FTE', unit: 'ratio' },
                  { key: 'neededFte', label: 'Needed FTE', unit: 'ratio' },
                  { key: 'posts', label: 'Posts', unit: 'count' },
                  { key: 'annualCost', label: 'Annual cost', unit: 'currency' },
                ]}
                rows={p.lines as unknown as Record<string, unknown>[]}
              />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
