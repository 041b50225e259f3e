import { useQuery } from '@tanstack/react-query';
import { getJson, paths } from '../api/endpoints.js';
import { formatValue } from '../components/format.js';
import { QueryState } from '../components/Status.js';
import { useFilters } from '../layout/filters.js';
import { monthBefore } from '../layout/year.js';

interface Summary {
  laCode: string;
  date: string;
  openCin: number;
  onCpPlan: number;
  lookedAfter: number;
}

const COUNTS = [
  { key: 'openCin', label: 'Children in need (open cases)' },
  { key: 'onCpPlan', label: 'Children on a child protection plan' },
  { key: 'lookedAfter', label: 'Children looked after' },
] as const;

function change(now: number, before: number | undefined): string {
  if (before === undefined) return '';
  const delta = now - before;
  return delta === 0 ? 'no change' : `${delta > 0 ? '+' : '−'}${formatValue(Math.abs(delta), 'count')}`;
}

/** Today's headline counts from the live records, and the change since a month ago (GET /api/authorities/:la/summary). */
export function TodayCounts() {
  const { la } = useFilters();
  const summary = useQuery({ queryKey: ['summary', la], queryFn: () => getJson<Summary>(paths.summary(la)) });
  const earlierDate = summary.data ? monthBefore(summary.data.date) : null;
  const earlier = useQuery({
    queryKey: ['summary', la, earlierDate],
    queryFn: () => getJson<Summary>(paths.summary(la), { date: earlierDate }),
    enabled: earlierDate !== null,
  });
  return (
    <section aria-labelledby="today-title">
      <h2 id="today-title">Today</h2>
      <QueryState query={summary} what="Today's counts">
        {(s) => (
          <>
            <ul className="funnel" aria-label={`Open cases on ${s.date}`}>
              {COUNTS.map((c) => (
                <li key={c.key} data-summary={c.key}>
                  <span>{c.label}</span>
                  <span className="stage-value" data-value={s[c.key]}>
                    {formatValue(s[c.key], 'count')}
                  </span>
                  {earlier.data && (
                    <span className="conversion" data-change={s[c.key] - earlier.data[c.key]}>
                      {change(s[c.key], earlier.data[c.key])} since {earlier.data.date}
                    </span>
                  )}
                </li>
              ))}
            </ul>
            <p className="hint">Open on {s.date}, from the records in the system now.</p>
          </>
        )}
      </QueryState>
    </section>
  );
}
