import { collectionYearOfDay, isoOf } from './days.js';
import type { SimCarePeriod, SimWorld } from './model.js';
import { placeGroupOf } from './parameters.js';
import type { Random } from './random.js';
import type { Row } from './rows.js';

/** Days from entry to the second review, by which a permanence plan is expected. */
const SECOND_REVIEW = 28 + 91;

/**
 * Annex A list 8 permanence plan for a period of care, from how it ended (or, while open, from the
 * adoption pathway and the current placement).
 */
export function permanencePlanOf(period: SimCarePeriod): string {
  const rec = period.rec;
  if (period.adoption && period.adoption.reversed === null) return 'adoption';
  if (rec === 'E11' || rec === 'E12') return 'adoption';
  if (rec === 'E41' || (rec !== null && /^E4[5-8]$/.test(rec))) return 'sgo_cao';
  if (rec === 'E4A' || rec === 'E4B' || rec === 'E13') return 'return_to_family';
  const last = period.episodes.at(-1);
  switch (last ? placeGroupOf(last.place) : 'other') {
    case 'foster':
      return last!.place === 'U1' || last!.place === 'U3' ? 'sgo_cao' : 'long_term_fostering';
    case 'independent_living':
      return 'supported_living';
    case 'secure_childrens_homes':
    case 'other_residential':
    case 'residential_schools':
      return 'long_term_residential';
    case 'with_parents':
      return 'return_to_family';
    default:
      return 'other';
  }
}

/** permanence_plan rows: one plan a period of care, from the second review to the end of care. */
export function permanencePlanRows(world: SimWorld, la: string): Row[] {
  const out: Row[] = [];
  for (const p of world.carePeriods) {
    const start = p.start + SECOND_REVIEW;
    if (start > world.end || (p.end !== null && p.end <= start)) continue;
    out.push({ la_code: la, plan_id: `PP${p.id}`, child_id: `C${p.child}`, plan: permanencePlanOf(p), start_date: isoOf(start), end_date: p.end === null ? null : isoOf(p.end) });
  }
  return out;
}

const EARLIER_ORDER: Record<string, string> = { E11: 'P1', E12: 'P1', E41: 'P3', E45: 'P2', E46: 'P2', E47: 'P2', E48: 'P2' };

/**
 * SSDA903 PrevPerm rows: one for each child starting care in an output year. A child who left an
 * earlier period of care here by adoption, SGO or CAO has that order; for the rest a small share
 * had one before the simulation (or elsewhere), mostly with month and year known only.
 */
export function previousPermanenceRows(world: SimWorld, la: string, rng: Random, fromYear: number, toYear: number): Row[] {
  const out: Row[] = [];
  const seen = new Set<string>();
  const lastExit = new Map<number, SimCarePeriod>();
  const periods = [...world.carePeriods].sort((a, b) => a.start - b.start || a.id - b.id);
  for (const p of periods) {
    const year = collectionYearOfDay(p.start);
    const earlier = lastExit.get(p.child);
    if (p.end !== null) lastExit.set(p.child, p);
    if (year < fromYear || year > toYear || p.start > world.end) continue;
    const key = `${p.child}:${year}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const known = earlier?.rec ? EARLIER_ORDER[earlier.rec] : undefined;
    let option: string;
    let arrangedBy: string | null = null;
    let date: string | null = null;
    if (known && earlier?.end !== null && earlier?.end !== undefined) {
      option = known;
      arrangedBy = la;
      date = dmy(earlier.end);
    } else {
      option = ['Z1', 'P1', 'P2', 'P3', 'P4'][rng.weighted([0.9, 0.01, 0.04, 0.03, 0.02])]!;
      if (option !== 'Z1' && option !== 'P4') {
        arrangedBy = la;
        const d = dmy(p.start - rng.int(365, 8 * 365));
        date = rng.chance(0.6) ? `zz${d.slice(2)}` : d;
      }
    }
    out.push({ la_code: la, child_id: `C${p.child}`, collection_year: year, option, arranged_by_la: arrangedBy, order_date_text: date });
  }
  return out;
}

const WITHDRAWN_REASONS = ['Adopter(s) withdrew: change in circumstances', 'Adopter(s) withdrew: other', 'Agency ended: not suitable', 'Agency ended: other'];

/**
 * Annex A list 11 adopter households: one approved household for each adoption (approved before
 * the match) and about one in three more that withdrew during stage 1 or 2. Returns the rows and
 * the household id of each adopted child's period.
 */
export function adopterHouseholdRows(world: SimWorld, la: string, rng: Random): { rows: Row[]; householdOf: Map<number, { id: string; adopters: 1 | 2 }> } {
  const rows: Row[] = [];
  const householdOf = new Map<number, { id: string; adopters: 1 | 2 }>();
  const opt = (d: number | null) => (d === null || d > world.end ? null : isoOf(d));
  for (const p of world.carePeriods) {
    const a = p.adoption;
    if (!a || a.order === null || a.matched === null || p.end === null) continue;
    const adopters = rng.chance(0.85) ? 2 : 1;
    const approval = a.matched - rng.int(60, 300);
    const stage2End = approval - rng.int(10, 60);
    const stage2Start = stage2End - rng.int(90, 150);
    const stage1End = stage2Start - rng.int(5, 40);
    const stage1Start = stage1End - rng.int(45, 75);
    const id = `AH${p.id}`;
    householdOf.set(p.id, { id, adopters });
    rows.push({
      la_code: la, household_id: id, enquiry_date: isoOf(stage1Start - rng.int(14, 120)), stage1_start_date: isoOf(stage1Start), stage1_end_date: isoOf(stage1End),
      stage2_start_date: isoOf(stage2Start), stage2_end_date: isoOf(stage2End), application_date: isoOf(stage1Start), approval_date: isoOf(approval),
      number_of_adopters: adopters, withdrawn_date: null, withdrawn_reason: null,
    });
    if (!rng.chance(0.35)) continue;
    const enquiry = stage1Start - rng.int(0, 200);
    const s1Start = enquiry + rng.int(14, 90);
    const inStage2 = rng.chance(0.4);
    const s1End = s1Start + rng.int(45, 75);
    const s2Start = s1End + rng.int(5, 40);
    const withdrawn = inStage2 ? s2Start + rng.int(10, 100) : s1Start + rng.int(5, 40);
    if (withdrawn > world.end) continue;
    rows.push({
      la_code: la, household_id: `AHW${p.id}`, enquiry_date: isoOf(enquiry), stage1_start_date: isoOf(s1Start), stage1_end_date: inStage2 ? opt(s1End) : null,
      stage2_start_date: inStage2 ? opt(s2Start) : null, stage2_end_date: null, application_date: isoOf(s1Start), approval_date: null,
      number_of_adopters: rng.chance(0.8) ? 2 : 1, withdrawn_date: isoOf(withdrawn), withdrawn_reason: rng.pick(WITHDRAWN_REASONS),
    });
  }
  return { rows, householdOf };
}

/** dd/mm/yyyy, the SSDA903 form of DATE_PERM. */
function dmy(day: number): string {
  const iso = isoOf(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
