import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { getJson, paths } from '../api/endpoints.js';
import { Figure } from '../components/Figure.js';
import { QueryState } from '../components/Status.js';
import { useFilters } from '../layout/filters.js';

interface TeamToday {
  teamId: string;
  name: string;
  workers: number;
  allocatedChildren: number;
}

interface Summary {
  date: string;
  teams: TeamToday[];
}

function TeamsFigure({ summary }: { summary: Summary }) {
  const rows = useMemo(
    () =>
      summary.teams.map((t) => ({
        team: t.name,
        workers: t.workers,
        allocatedChildren: t.allocatedChildren,
        perWorker: t.workers > 0 ? Math.round((10 * t.allocatedChildren) / t.workers) / 10 : null,
      })),
    [summary],
  );
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 40, top: 8, bottom: 36, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: 'Children per worker', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'category', data: rows.map((r) => r.team), inverse: true },
      series: [{ type: 'bar', name: 'Children per worker', data: rows.map((r) => r.perWorker), label: { show: true, position: 'right' } }],
    }),
    [rows],
  );
  const busiest = [...rows].sort((a, b) => (b.perWorker ?? 0) - (a.perWorker ?? 0))[0];
  return (
    <Figure
      title={`Children allocated by team on ${summary.date}`}
      description="Children with a live allocation to a worker in the team, per worker in post (all roles). The table has both counts."
      option={option}
      summary={`Bar chart of ${rows.length} teams${busiest ? `; most children per worker in ${busiest.team} (${busiest.perWorker ?? '–'})` : ''}.`}
      height={Math.max(200, rows.length * 44 + 60)}
      columns={[
        { key: 'team', label: 'Team' },
        { key: 'workers', label: 'Workers', unit: 'count' },
        { key: 'allocatedChildren', label: 'Children allocated', unit: 'count' },
        { key: 'perWorker', label: 'Children per worker', unit: 'ratio' },
      ]}
      rows={rows}
    />
  );
}

/** Teams today from the live allocations (GET /api/authorities/:la/summary). */
export function TeamsToday() {
  const { la } = useFilters();
  const summary = useQuery({ queryKey: ['summary', la], queryFn: () => getJson<Summary>(paths.summary(la)) });
  return (
    <section aria-labelledby="teams-today-title">
      <h2 id="teams-today-title">Teams today</h2>
      <QueryState query={summary} what="Teams today">
        {(s) => <TeamsFigure summary={s} />}
      </QueryState>
    </section>
  );
}
