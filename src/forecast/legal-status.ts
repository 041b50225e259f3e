import type { EpisodeRow } from './types.js';

/**
 * Legal status groups for the legal-status forecast: the SSDA903 LS codes grouped as councils
 * report them. The same engine runs with these as the 'categories' (a parallel model: moves
 * are changes of legal status, e.g. interim care order → care order → placement order).
 */
export const LEGAL_STATUS_GROUPS = ['interim care order', 'care order', 'placement order', 'section 20', 'other'] as const;

const GROUP_OF_CODE: Readonly<Record<string, (typeof LEGAL_STATUS_GROUPS)[number]>> = {
  C1: 'interim care order',
  C2: 'care order',
  D1: 'placement order',
  E1: 'placement order',
  V2: 'section 20',
  V3: 'section 20',
  V4: 'section 20',
  L1: 'other', L2: 'other', L3: 'other', J1: 'other', J2: 'other', J3: 'other',
};

/** LS code → group ('other' for unknown codes and protection/remand statuses). */
export function legalStatusGroupOf(code: string): string {
  return GROUP_OF_CODE[code.trim().toUpperCase()] ?? 'other';
}

/**
 * Episodes with the legal status group in place of the placement, so the care model can be
 * fitted on legal status. Episodes without a legal status count as 'other'.
 */
export function legalStatusEpisodes(episodes: readonly EpisodeRow[]): EpisodeRow[] {
  return episodes.map((e) => ({ ...e, place: legalStatusGroupOf(e.legalStatus ?? ''), placeProvider: null }));
}
