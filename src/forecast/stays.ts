import { groupOf, ssda903 } from '../model/code-lists/index.js';
import { fromDayNumber } from '../calendar/index.js';
import { dayOf, parseDay } from './ages.js';
import { careExitReasonOf } from './config.js';
import type { ChildRow, EpisodeRow, PlanRow, QualityNote, Stay } from './types.js';

/**
 * Turns episode rows into stays: continuous time in one category. Repairs what the established
 * models repair (overlaps, open episodes followed by another) but reports every repair, drop
 * and doubt as a QualityNote instead of doing it silently. Keys are (la_code, child_id).
 */

export interface ChildFacts {
  readonly dobDay: number;
  readonly uasc: boolean;
}

export interface StayBuild {
  readonly stays: Stay[];
  readonly quality: QualityNote[];
  /** Last date seen in the data: open stays are known to run at least to here. */
  readonly dataEndDay: number;
}

export const childKey = (laCode: string, childId: string): string => `${laCode}|${childId}`;

/**
 * Children by authority then child ID (two Map look-ups on strings the rows already hold: no
 * key string is built per row). A child without any date of birth cannot be aged and is dropped.
 */
export class ChildIndex {
  private readonly byLa = new Map<string, Map<string, ChildFacts>>();

  constructor(children: readonly ChildRow[], quality: QualityNote[]) {
    for (const child of children) {
      const dob = child.dateOfBirth ?? child.expectedDob ?? null;
      const dobDay = dob === null ? Number.NaN : parseDay(dob);
      if (Number.isNaN(dobDay)) {
        quality.push({
          laCode: child.laCode,
          childId: child.childId,
          rule: 'date of birth needed to age the child',
          action: 'dropped',
          detail: `date_of_birth ${JSON.stringify(child.dateOfBirth)} is not a date`,
        });
        continue;
      }
      this.group(this.byLa, child.laCode).set(child.childId, { dobDay, uasc: child.uasc });
    }
  }

  get(laCode: string, childId: string): ChildFacts | undefined {
    return this.byLa.get(laCode)?.get(childId);
  }

  /** Rows grouped by (laCode, childId), in first-seen order. */
  static groupRows<T extends { readonly laCode: string; readonly childId: string }>(rows: readonly T[]): T[][] {
    const byLa = new Map<string, Map<string, T[]>>();
    const groups: T[][] = [];
    for (const row of rows) {
      let byChild = byLa.get(row.laCode);
      if (!byChild) byLa.set(row.laCode, (byChild = new Map()));
      let list = byChild.get(row.childId);
      if (!list) {
        byChild.set(row.childId, (list = []));
        groups.push(list);
      }
      list.push(row);
    }
    return groups;
  }

  private group(byLa: Map<string, Map<string, ChildFacts>>, laCode: string): Map<string, ChildFacts> {
    let byChild = byLa.get(laCode);
    if (!byChild) byLa.set(laCode, (byChild = new Map()));
    return byChild;
  }
}

export interface CareStayOptions {
  readonly categories: readonly string[];
  readonly categoryOf: (place: string) => string | undefined;
  readonly exitReasons: readonly string[];
  /** Day the data were extracted (ISO); default the last date found in them. */
  readonly dataEnd?: string;
}

export function buildCareStays(
  episodes: readonly EpisodeRow[],
  children: readonly ChildRow[],
  options: CareStayOptions,
): StayBuild {
  const quality: QualityNote[] = [];
  const facts = new ChildIndex(children, quality);
  const otherCategory = options.categories.indexOf('other');
  const otherExit = options.exitReasons.indexOf('other');
  let dataEndDay = -Infinity;
  for (const e of episodes) dataEndDay = Math.max(dataEndDay, dayOf(e.decom), e.dec ? dayOf(e.dec) : -Infinity);
  if (options.dataEnd !== undefined) dataEndDay = Math.max(dataEndDay, dayOf(options.dataEnd));
  const stays: Stay[] = [];
  for (const list of ChildIndex.groupRows(episodes)) {
    const first = list[0]!;
    const child = facts.get(first.laCode, first.childId);
    const key = childKey(first.laCode, first.childId);
    if (!child) {
      addNote(quality, first, 'episodes need a child record with a date of birth', 'dropped', `${list.length} episode(s) dropped`);
      continue;
    }
    list.sort((a, b) => (a.decom < b.decom ? -1 : a.decom > b.decom ? 1 : 0));
    let current: { category: number; start: number; isEntry: boolean; inHouse: number; external: number } | null = null;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      const next = list[i + 1];
      const start = dayOf(e.decom);
      let end = e.dec === null ? null : dayOf(e.dec);
      const nextStart = next ? dayOf(next.decom) : null;
      if (nextStart !== null && (end === null || end > nextStart)) {
        addNote(quality, first, 'episodes must not overlap', 'fixed', `episode from ${e.decom} ended at the next DECOM ${next!.decom} (DEC was ${e.dec ?? 'open'})`);
        end = nextStart;
      }
      let name = options.categoryOf(e.place);
      if (name === undefined || !options.categories.includes(name)) {
        addNote(quality, first, 'PLACE must map to a placement category', 'warning', `PLACE '${e.place}' on ${e.decom} counted as other`);
        name = 'other';
      }
      const category = options.categories.indexOf(name);
      const days = (end ?? dataEndDay) - start;
      const provider = e.placeProvider ? groupOf(ssda903.PLACE_PROVIDER, e.placeProvider) : undefined;
      if (!current) current = { category, start, isEntry: true, inHouse: 0, external: 0 };
      else if (current.category !== category) {
        stays.push(closeStay(key, child, current, start, 'move', category));
        current = { category, start, isEntry: false, inHouse: 0, external: 0 };
      }
      if (provider === 'in_house') current.inHouse += days;
      else if (provider === 'external') current.external += days;
      const contiguous = end !== null && nextStart !== null && end === nextStart;
      if (contiguous) continue;
      if (end === null) {
        stays.push(closeStay(key, child, current, null, 'open', -1));
        current = null;
        continue;
      }
      let reason = e.rec ? careExitReasonOf(e.rec) : undefined;
      if (reason === undefined || !options.exitReasons.includes(reason)) {
        addNote(quality, first, 'a period of care ends with a reason for leaving', 'warning', `REC '${e.rec}' on ${fromDayNumber(end)} ends a period: counted as other`);
        reason = options.exitReasons[otherExit] ?? options.exitReasons[0]!;
      }
      stays.push(closeStay(key, child, current, end, 'exit', options.exitReasons.indexOf(reason)));
      current = null;
    }
  }
  if (otherCategory < 0) throw new Error("categories must include 'other' (unknown PLACE codes go there)");
  return { stays, quality, dataEndDay: Number.isFinite(dataEndDay) ? dataEndDay : 0 };
}

/** A quality note about one child (module level: a closure per child cost more than the fit). */
function addNote(quality: QualityNote[], row: EpisodeRow, rule: string, action: QualityNote['action'], detail: string): void {
  quality.push({ laCode: row.laCode, childId: row.childId, rule, action, detail });
}

function closeStay(
  key: string,
  child: ChildFacts,
  current: { category: number; start: number; isEntry: boolean; inHouse: number; external: number },
  end: number | null,
  endKind: Stay['endKind'],
  endTo: number,
): Stay {
  return {
    key,
    dobDay: child.dobDay,
    uasc: child.uasc,
    category: current.category,
    start: current.start,
    end,
    endKind,
    endTo,
    isEntry: current.isEntry,
    inHouseDays: current.inHouse,
    externalDays: current.external,
  };
}

/**
 * CP plans or CIN plans as stays in a single category: overlapping or touching plans of one
 * child are one spell of demand (a child counts once).
 */
export function buildPlanStays(plans: readonly PlanRow[], children: readonly ChildRow[], dataEnd?: string): StayBuild {
  const quality: QualityNote[] = [];
  const facts = new ChildIndex(children, quality);
  let dataEndDay = -Infinity;
  for (const p of plans) dataEndDay = Math.max(dataEndDay, dayOf(p.start), p.end ? dayOf(p.end) : -Infinity);
  if (dataEnd !== undefined) dataEndDay = Math.max(dataEndDay, dayOf(dataEnd));
  const stays: Stay[] = [];
  for (const list of ChildIndex.groupRows(plans)) {
    const child = facts.get(list[0]!.laCode, list[0]!.childId);
    const key = childKey(list[0]!.laCode, list[0]!.childId);
    if (!child) {
      quality.push({ laCode: list[0]!.laCode, childId: list[0]!.childId, rule: 'plans need a child record with a date of birth', action: 'dropped', detail: `${list.length} plan(s) dropped` });
      continue;
    }
    list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    let start = dayOf(list[0]!.start);
    let end: number | null = list[0]!.end ? dayOf(list[0]!.end) : null;
    for (let i = 1; i <= list.length; i++) {
      const p = list[i];
      const pStart = p ? dayOf(p.start) : Infinity;
      if (p && (end === null || pStart <= end)) {
        const pEnd = p.end ? dayOf(p.end) : null;
        end = end === null || pEnd === null ? null : Math.max(end, pEnd);
        continue;
      }
      stays.push({
        key, dobDay: child.dobDay, uasc: child.uasc, category: 0, start, end,
        endKind: end === null ? 'open' : 'exit', endTo: end === null ? -1 : 0,
        isEntry: true, inHouseDays: 0, externalDays: 0,
      });
      if (p) {
        start = pStart;
        end = p.end ? dayOf(p.end) : null;
      }
    }
  }
  return { stays, quality, dataEndDay: Number.isFinite(dataEndDay) ? dataEndDay : 0 };
}
