import { useQuery } from '@tanstack/react-query';
import { getAuthorities } from '../api/endpoints.js';
import { useFilters, latestCompleteYear } from './filters.js';

const FIRST_YEAR = 2015;

/** Authority and collection-year pickers; changes go into the URL. */
export function FilterBar({ withYear }: { withYear: boolean }) {
  const filters = useFilters();
  const authorities = useQuery({ queryKey: ['authorities'], queryFn: getAuthorities, staleTime: 10 * 60_000 });
  const latest = latestCompleteYear();
  const years: number[] = [];
  for (let year = Math.max(latest, filters.year); year >= FIRST_YEAR; year--) years.push(year);
  const options = authorities.data && authorities.data.length > 0 ? authorities.data : [{ laCode: filters.la, name: filters.la }];

  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="filter-la">Local authority</label>
        <select id="filter-la" value={filters.la} onChange={(e) => filters.set({ la: e.target.value })}>
          {options.map((a) => (
            <option key={a.laCode} value={a.laCode}>
              {a.name === a.laCode ? a.laCode : `${a.name} (${a.laCode})`}
            </option>
          ))}
        </select>
      </div>
      {withYear && (
        <div className="field">
          <label htmlFor="filter-year">Year ending 31 March</label>
          <select id="filter-year" value={filters.year} onChange={(e) => filters.set({ year: Number(e.target.value) })}>
            {years.map((year) => (
              <option key={year} value={year}>
                {year - 1}/{String(year).slice(2)}
              </option>
            ))}
          </select>
        </div>
      )}
    </form>
  );
}
