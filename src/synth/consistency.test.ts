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
});
