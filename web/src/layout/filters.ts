import { useSearchParams } from '../router/router.js';
import { useSession } from '../auth/session-context.js';
import { latestCompleteYear } from './year.js';

export { latestCompleteYear };

export interface Filters {
  la: string;
  year: number;
  team: string | null;
  set(changes: { la?: string; year?: number; team?: string | null }): void;
}

/** Authority, collection year and team, held in the URL so a view can be shared as a link. */
export function useFilters(): Filters {
  const [params, update] = useSearchParams();
  const { session } = useSession();
  const la = params.get('la') || session.user.laCode;
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 2000 ? yearParam : latestCompleteYear();
  const team = params.get('team');
  return {
    la,
    year,
    team,
    set(changes) {
      const next: Record<string, string | null> = {};
      if (changes.la !== undefined) next.la = changes.la;
      if (changes.year !== undefined) next.year = String(changes.year);
      if (changes.team !== undefined) next.team = changes.team;
      update(next);
    },
  };
}

/** Keeps the current filters when moving between pages. */
export function withFilters(path: string, search: string): string {
  const params = new URLSearchParams(search);
  const keep = new URLSearchParams();
  for (const key of ['la', 'year', 'team']) {
    const value = params.get(key);
    if (value) keep.set(key, value);
  }
  const query = keep.toString();
  return query ? `${path}?${query}` : path;
}
