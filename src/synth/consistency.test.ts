import { beforeAll, describe, expect, it } from 'vitest';
import { validateRows } from '../model/records/index.js';
import { addWorkingDays, toDayNumber } from '../calendar/index.js';
import type { TableName } from '../db/index.js';
import { simulateAuthority, type SyntheticAuthority } from './index.js';
import { birthdayDay } from './days.js';

type Row = Record<string, unknown>;
const str = (v: unknown) => v as string;

/** One small authority (Barking and Dagenham, two years) checked for internal consistency. */
let authority: SyntheticAuthority;
let rows: Partial<Record<TableName, Row[]>>;
let dob: Map<string, number>;

beforeAll(() => {
  authority = simulateAuthority({ laCode: '301', from: 2023, to: 2024, seed: 11, calibrationPasses: 1 });
  rows = authority.rows;
  dob = new Map((rows.child ?? []).map((c) => [str(c.child_id), toDayNumber(str(c.date_of_birth))]));
}, 120_000);

const byChild = (table: TableName) => {
  const map = new Map<string, Row[]>();
  for (const r of rows[table] ?? []) {
    const list = map.get(str(r.child_id)) ?? [];
    list.push(r);
    map.set(str(r.child_id), list);
  }
  return map;
};

describe('synthetic authority: internal consistency', () => {
  it('produces every core table, and every row passes the canonical record rules', () => {
    for (const table of ['child', 'referral', 'assessment', 's47_enquiry', 'cp_conference', 'cp_plan', 'care_period', 'cla_episode', 'allocation', 'worker', 'team', 'missing_episode', 'care_leaver'] as TableName[]) {
      expect(rows[table]?.length ?? 0, table).toBeGreaterThan(0);
    }
    for (const [table, list] of Object.entries(rows)) {
      const issues = validateRows(table as TableName, list!);
      expect(issues.slice(0, 3), table).toEqual([]);
    }
  });

  it('has no event before birth or after the 18th birthday (care-leaver follow-up excepted)', () => {
    const dated: [TableName, string][] = [
      ['referral', 'referral_date'], ['referral', 'closure_date'], ['assessment', 'start_date'], ['s47_enquiry', 'start_date'], ['cp_plan', 'start_date'], ['cp_plan', 'end_date'],
      ['cin_plan', 'start_date'], ['care_period', 'start_date'], ['care_period', 'end_date'], ['cla_episode', 'decom'], ['cla_episode', 'dec'], ['missing_episode', 'start_date'], ['cla_review', 'review_date'], ['contact', 'contact_date'],
    ];
    const problems: string[] = [];
    for (const [table, column] of dated) {
      for (const r of rows[table] ?? []) {
        if (r[column] === null || r[column] === undefined) continue;
        const day = toDayNumber(str(r[column]));
        const born = dob.get(str(r.child_id))!;
        if (day < born || day > birthdayDay(born, 18)) problems.push(`${table}.${column} ${str(r[column])} child ${str(r.child_id)}`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('never has two open referrals, care periods or overlapping episodes for one child; episodes chain through each period', () => {
    const problems: string[] = [];
    const noOverlap = (table: TableName, from: string, to: string) => {
      for (const [child, list] of byChild(table)) {
        const sorted = [...list].sort((a, b) => str(a[from]).localeCompare(str(b[from])));
        for (let i = 1; i < sorted.length; i++) {
          const prevEnd = sorted[i - 1]![to] as string | null;
          if (prevEnd === null || prevEnd > str(sorted[i]![from])) problems.push(`${table} overlap for ${child}`);
        }
      }
    };
    noOverlap('referral', 'referral_date', 'closure_date');
    noOverlap('care_period', 'start_date', 'end_date');
    noOverlap('cla_episode', 'decom', 'dec');
    const episodes = new Map<string, Row[]>();
    for (const e of rows.cla_episode ?? []) episodes.set(str(e.period_id), [...(episodes.get(str(e.period_id)) ?? []), e]);
    for (const p of rows.care_period ?? []) {
      const list = (episodes.get(str(p.period_id)) ?? []).sort((a, b) => str(a.decom).localeCompare(str(b.decom)));
      if (list.length === 0 || list[0]!.decom !== p.start_date) problems.push(`period ${str(p.period_id)} does not start with an episode`);
      for (let i = 1; i < list.length; i++) if (list[i - 1]!.dec !== list[i]!.decom || list[i - 1]!.rec !== 'X1') problems.push(`gap in ${str(p.period_id)}`);
      const last = list.at(-1);
      if (last && last.dec !== p.end_date) problems.push(`period ${str(p.period_id)} ends ${String(p.end_date)} but its last episode ${String(last.dec)}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('starts every CP plan at an ICPC that followed a section 47 enquiry, mostly within 15 working days', () => {
    const s47 = new Map((rows.s47_enquiry ?? []).map((s) => [str(s.s47_id), s]));
    const initial = (rows.cp_conference ?? []).filter((c) => c.conference_type === 'initial');
    const icpcByChildDay = new Set(initial.filter((c) => c.plan_decided).map((c) => `${str(c.child_id)}|${str(c.conference_date)}`));
    const problems: string[] = [];
    for (const p of rows.cp_plan ?? []) {
      // Plans open when the run starts began before it: their conference is history we did not write.
      if (str(p.start_date) < '2020-04-01') continue;
      if (!icpcByChildDay.has(`${str(p.child_id)}|${str(p.start_date)}`)) problems.push(`plan ${str(p.cp_plan_id)} has no ICPC on its start date`);
    }
    let within = 0;
    for (const c of initial) {
      const s = s47.get(str(c.s47_id));
      if (!s || s.child_id !== c.child_id || str(s.start_date) > str(c.conference_date)) problems.push(`ICPC ${str(c.conference_id)} without an earlier S47`);
      else if (str(c.conference_date) <= addWorkingDays(str(s.start_date), 15)) within++;
    }
    expect(problems.slice(0, 5)).toEqual([]);
    const share = within / initial.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(1);
  });

  it('allocates cases only to workers employed on those dates', () => {
    const workers = new Map((rows.worker ?? []).map((w) => [str(w.worker_id), w]));
    const problems: string[] = [];
    for (const a of rows.allocation ?? []) {
      const w = workers.get(str(a.worker_id))!;
      if (str(a.start_date) < str(w.start_date)) problems.push(`${str(a.allocation_id)} starts before ${str(w.worker_id)} joined`);
      if (w.end_date !== null && (a.end_date === null || str(a.end_date) > str(w.end_date))) problems.push(`${str(a.allocation_id)} runs after ${str(w.worker_id)} left`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('looks like real care: UASC start care aged 14 to 17, older children more often in children\'s homes and semi-independent living', () => {
    const uasc = new Set((rows.child ?? []).filter((c) => c.uasc).map((c) => str(c.child_id)));
    const ages: number[] = [];
    let young = 0;
    let youngResidential = 0;
    let old = 0;
    let oldResidential = 0;
    for (const e of rows.cla_episode ?? []) {
      const age = (toDayNumber(str(e.decom)) - dob.get(str(e.child_id))!) / 365.25;
      if (e.rne === 'S' && uasc.has(str(e.child_id))) ages.push(age);
      const residential = ['K1', 'K2', 'H5', 'P2', 'K3'].includes(str(e.place));
      if (age < 10) {
        young++;
        if (residential) youngResidential++;
      } else if (age >= 13) {
        old++;
        if (residential) oldResidential++;
      }
    }
    expect(ages.length).toBeGreaterThan(0);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(14);
    expect(Math.max(...ages)).toBeLessThan(18);
    expect(oldResidential / old).toBeGreaterThan(3 * (youngResidential / young));
  });

  it('holds siblings in shared households and gives repeat plans and re-referrals', () => {
    const households = new Map<string, number>();
    for (const c of rows.child ?? []) households.set(str(c.household_id), (households.get(str(c.household_id)) ?? 0) + 1);
    expect([...households.values()].filter((n) => n > 1).length).toBeGreaterThan(0);
    const plansPerChild = byChild('cp_plan');
    expect([...plansPerChild.values()].filter((l) => l.length > 1).length).toBeGreaterThan(0);
    const referralsPerChild = byChild('referral');
    expect([...referralsPerChild.values()].filter((l) => l.length > 1).length).toBeGreaterThan(0);
  });

  it('generates early help, permanence plans, previous permanence, adopter households and care leavers at 17', () => {
    for (const table of ['early_help_assessment', 'permanence_plan', 'previous_permanence', 'adopter_household'] as TableName[]) expect(rows[table]?.length ?? 0, table).toBeGreaterThan(0);
    const leaversAt17 = (rows.care_leaver ?? []).filter((l) => l.eligibility === 'relevant');
    expect(leaversAt17.length).toBeGreaterThan(0);
    for (const l of leaversAt17) {
      // Row in the collection year of the 17th birthday.
      const birthday = birthdayDay(dob.get(str(l.child_id))!, 17);
      expect(toDayNumber(`${Number(l.collection_year) - 1}-04-01`)).toBeLessThanOrEqual(birthday);
      expect(toDayNumber(`${Number(l.collection_year)}-03-31`)).toBeGreaterThanOrEqual(birthday);
    }
    // Every adoption names an approved adopter household, approved before the match.
    const households = new Map((rows.adopter_household ?? []).map((h) => [str(h.household_id), h]));
    for (const a of rows.adoption ?? []) {
      const h = households.get(str(a.adopter_household_id));
      expect(h, str(a.child_id)).toBeDefined();
      expect(str(h!.approval_date) < str(a.matched_date)).toBe(true);
    }
    // One previous-permanence row per child starting care in an output year.
    const startsInOutput = new Set((rows.care_period ?? []).filter((p) => str(p.start_date) >= '2022-04-01').map((p) => str(p.child_id)));
    const prev = new Set((rows.previous_permanence ?? []).map((p) => str(p.child_id)));
    expect(prev).toEqual(startsInOutput);
  });

  it('uses referral source 5D only from 2022/23, when the CIN census introduced it', () => {
    const referrals = rows.referral ?? [];
    const early = referrals.filter((r) => str(r.referral_date) < '2022-04-01');
    expect(early.length).toBeGreaterThan(0);
    expect(early.filter((r) => r.source === '5D')).toEqual([]);
    expect(referrals.some((r) => r.source === '5D')).toBe(true);
    expect((rows.contact ?? []).filter((c) => c.source === '5D' && str(c.contact_date) < '2022-04-01')).toEqual([]);
  });

  it('gives every school-age child a valid, unique UPN, and workers Social Work England style ids', () => {
    const end = authority.world.end;
    const seen = new Set<string>();
    const uasc = new Set((rows.child ?? []).filter((c) => c.uasc).map((c) => str(c.child_id)));
    for (const c of rows.child_identity ?? []) {
      const age = (end - dob.get(str(c.child_id))!) / 365.25;
      if (age >= 5) expect(c.upn !== null || (uasc.has(str(c.child_id)) && c.upn_unknown === 'UN2'), str(c.child_id)).toBe(true);
      if (c.upn === null) {
        expect(['UN1', 'UN2']).toContain(c.upn_unknown);
        continue;
      }
      const upn = str(c.upn);
      expect(upn).toMatch(/^[A-HJ-NP-RT-Z]301\d{9}$/);
      let sum = 0;
      for (let i = 1; i < 13; i++) sum += Number(upn[i]) * (i + 1);
      expect(upn[0]).toBe('ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23]);
      expect(seen.has(upn)).toBe(false);
      seen.add(upn);
    }
    for (const w of rows.worker ?? []) expect(str(w.worker_id)).toMatch(w.role === 'personal_adviser' ? /^PA\d+$/ : /^SW\d{6}$/);
  });

  it('leaves children on protection plans and looked after allocated; the few unallocated cases are children in need', () => {
    const snapshot = '2024-03-31';
    const open = (start: unknown, end: unknown) => str(start) <= snapshot && (end === null || str(end) > snapshot);
    const allocated = new Set((rows.allocation ?? []).filter((a) => a.allocation_role === 'allocated_worker' && open(a.start_date, a.end_date)).map((a) => str(a.child_id)));
    const onPlan = new Set((rows.cp_plan ?? []).filter((p) => open(p.start_date, p.end_date)).map((p) => str(p.child_id)));
    const inCare = new Set((rows.care_period ?? []).filter((p) => open(p.start_date, p.end_date)).map((p) => str(p.child_id)));
    const cin = new Set((rows.referral ?? []).filter((r) => !r.nfa && open(r.referral_date, r.closure_date)).map((r) => str(r.child_id)));
    const unallocated = (set: Set<string>) => [...set].filter((c) => !allocated.has(c)).length;
    expect(onPlan.size + inCare.size).toBeGreaterThan(100);
    expect(unallocated(onPlan) + unallocated(inCare)).toBeLessThanOrEqual(0.01 * (onPlan.size + inCare.size));
    const otherCin = new Set([...cin].filter((c) => !onPlan.has(c) && !inCare.has(c)));
    expect(unallocated(otherCin)).toBeGreaterThanOrEqual(unallocated(onPlan) + unallocated(inCare));
  });
});
