import { describe, expect, it } from 'vitest';
import { ruleBasedBankHolidays } from './bank-holidays.js';
import { addWorkingDays, createCalendar, withLocalClosures, STATUTORY_CALENDAR } from './working-days.js';
import { birthdayAtAge, isoWeekday } from './dates.js';
import {
  ANCHOR_EVENTS,
  DEADLINES,
  NATIONAL_DEADLINE_CONFIG,
  DeadlineNotConfigurableError,
  UnknownDeadlineError,
  UntimedDeadlineError,
  addLocalDeadline,
  computeDeadline,
  deadlineConfigFromJson,
  deadlineStatus,
  dueDate,
  earliestDueDate,
  getDeadline,
  healthReviewDeadlineId,
  healthReviewDueDate,
  isOnTime,
  listDeadlines,
  nextDueInChain,
  overrideDeadline,
} from './deadlines.js';
import type { NationalDeadlineId } from './deadlines.js';

const RULES_ONLY = createCalendar({
  id: 'rules-only',
  bankHolidays: [2011, 2012, 2020].flatMap((y) => ruleBasedBankHolidays(y)),
});

/** timescales.md §5, rows 1–13: working-day examples under conventions A (day0) and B (day1). */
const WORKING_DAY_EXAMPLES: ReadonlyArray<{
  row: number;
  id: NationalDeadlineId;
  event: string;
  a: string;
  b: string;
  rulesOnlyA?: string;
}> = [
  { row: 1, id: 'referral-decision', event: '2025-12-24', a: '2025-12-29', b: '2025-12-24' },
  { row: 2, id: 'referral-decision', event: '2020-05-07', a: '2020-05-11', b: '2020-05-07', rulesOnlyA: '2020-05-08' },
  { row: 3, id: 'referral-decision', event: '2011-04-28', a: '2011-05-03', b: '2011-04-28', rulesOnlyA: '2011-04-29' },
  { row: 4, id: 'assessment', event: '2025-11-03', a: '2026-01-08', b: '2026-01-07' },
  { row: 5, id: 'assessment', event: '2026-03-02', a: '2026-05-07', b: '2026-05-06' },
  { row: 6, id: 'assessment', event: '2012-05-01', a: '2012-07-06', b: '2012-07-05' },
  { row: 7, id: 'icpc', event: '2025-04-10', a: '2025-05-06', b: '2025-05-02' },
  { row: 8, id: 'icpc', event: '2012-05-25', a: '2012-06-19', b: '2012-06-18', rulesOnlyA: '2012-06-18' },
  { row: 9, id: 'first-core-group', event: '2023-05-02', a: '2023-05-17', b: '2023-05-16' },
  { row: 10, id: 'cla-review-first', event: '2022-05-25', a: '2022-06-24', b: '2022-06-23' },
  { row: 11, id: 'cla-review-first', event: '2025-12-10', a: '2026-01-12', b: '2026-01-09' },
  { row: 12, id: 'care-plan', event: '2022-09-12', a: '2022-09-27', b: '2022-09-26' },
  { row: 13, id: 'placement-plan', event: '2026-08-27', a: '2026-09-04', b: '2026-09-03' },
];

describe('timescales.md §5 worked examples', () => {
  for (const ex of WORKING_DAY_EXAMPLES) {
    it(`row ${ex.row}: ${ex.id} from ${ex.event}`, () => {
      expect(dueDate(ex.id, ex.event)).toBe(ex.a);
      expect(dueDate(ex.id, ex.event, { convention: 'day1' })).toBe(ex.b);
      if (ex.rulesOnlyA) expect(dueDate(ex.id, ex.event, { calendar: RULES_ONLY })).toBe(ex.rulesOnlyA);
      // The two conventions differ by exactly one working day when the event is a working day.
      expect(addWorkingDays(ex.b, 1)).toBe(ex.a);
    });
  }

  it('row 14: first RCPC 3 months after an ICPC on 30 Nov 2026 is Sun 28 Feb 2027 (clamped)', () => {
    const r = computeDeadline('cp-review-first', '2026-11-30');
    expect(r.due).toBe('2027-02-28');
    expect(isoWeekday(r.due)).toBe(7);
    expect(r.lastWorkingDay).toBe('2027-02-26');
    expect(dueDate('cp-review-first', '2026-11-30', { convention: 'day1' })).toBe('2027-02-28');
  });

  it('row 15: CLA review 6 months after Thu 31 Aug 2028 is Wed 28 Feb 2029 (not 3 Mar)', () => {
    expect(dueDate('cla-review', '2028-08-31')).toBe('2029-02-28');
    expect(dueDate('cla-review', '2028-08-31', { convention: 'day1' })).toBe('2029-02-28');
  });

  it('row 16: CIN census 8670Q at 31 Mar 2023 for an assessment from Fri 27 Jan 2023', () => {
    // Convention A: due on 31 March itself, so not overdue at 31 March.
    expect(dueDate('assessment', '2023-01-27')).toBe('2023-03-31');
    expect(deadlineStatus('assessment', '2023-01-27', { asOf: '2023-03-31' })).toBe('due-today');
    // Convention B (the validator): due 30 March, so flagged.
    expect(dueDate('assessment', '2023-01-27', { convention: 'day1' })).toBe('2023-03-30');
    expect(deadlineStatus('assessment', '2023-01-27', { asOf: '2023-03-31', convention: 'day1' })).toBe('overdue');
    // The validator flags starts before Mon 30 Jan 2023; that start is exactly in time.
    expect(dueDate('assessment', '2023-01-30', { convention: 'day1' })).toBe('2023-03-31');
  });

  it('row 17: care proceedings, 26 weeks beginning with Mon 3 Mar 2025, last day Sun 31 Aug 2025', () => {
    const r = computeDeadline('care-proceedings', '2025-03-03');
    expect(r.due).toBe('2025-08-31');
    expect(r.counting).toBe('day1');
    expect(r.lastWorkingDay).toBe('2025-08-29');
    // A day-0 count would give Mon 1 Sep 2025: not this rule.
    const dayZero = overrideDeadlineForTest();
    expect(dayZero).toBe('2025-09-01');
  });

  it('row 18: return home interview, 72 hours from Fri 20:30 is Mon 20:30', () => {
    expect(dueDate('return-home-interview', '2025-11-07T20:30')).toBe('2025-11-10T20:30:00+00:00');
    expect(isOnTime('return-home-interview', '2025-11-07T20:30', '2025-11-10T20:30')).toBe(true);
    expect(isOnTime('return-home-interview', '2025-11-07T20:30', '2025-11-10T20:31')).toBe(false);
    expect(isOnTime('return-home-interview', '2025-11-07T20:30', '2025-11-10T19:30:00Z')).toBe(true);
  });
});

/** Care proceedings counted from day 0, to show the difference (the rule itself is not configurable). */
function overrideDeadlineForTest(): string {
  const cfg = addLocalDeadline(NATIONAL_DEADLINE_CONFIG, {
    id: 'proceedings-day0-contrast',
    title: 'Contrast',
    rule: 'Contrast only',
    anchor: 'application-issued',
    dueEvent: 'Contrast',
    measure: 'weeks',
    amount: 26,
  });
  return dueDate('proceedings-day0-contrast', '2025-03-03', { config: cfg });
}

describe('deadline data', () => {
  it('has unique ids, known anchors and valid chains', () => {
    const ids = DEADLINES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of DEADLINES) {
      expect(Object.keys(ANCHOR_EVENTS)).toContain(d.anchor);
      if (d.next !== undefined) expect(ids).toContain(d.next);
      expect(d.referenceRow).toBeGreaterThanOrEqual(1);
      expect(d.referenceRow).toBeLessThanOrEqual(47);
      expect(d.rule.length).toBeGreaterThan(20);
      expect(d.source.length).toBeGreaterThan(3);
      if (d.amount !== null) expect(d.amount).toBeGreaterThan(0);
      if (d.status === 'local') expect(d.configurable).toBe(true);
      expect(Object.isFrozen(d)).toBe(true);
    }
  });

  it('covers the timescales the brief and reference name', () => {
    const required: NationalDeadlineId[] = [
      'referral-decision',
      'assessment',
      'strategy-discussion',
      'icpc',
      'first-core-group',
      'cp-review-first',
      'cp-review',
      'cp-visit',
      'cla-review-first',
      'cla-review-second',
      'cla-review',
      'health-assessment-initial',
      'health-assessment-review-under-5',
      'health-assessment-review-5-plus',
      'return-home-interview',
      'reg24-temporary-approval',
      'reg24-extension',
      'care-proceedings',
      'pathway-plan-review',
      'personal-adviser-visit',
      'cla-visit-first',
      'cla-visit-first-year',
    ];
    for (const id of required) expect(getDeadline(id).id).toBe(id);
    expect(listDeadlines()).toHaveLength(DEADLINES.length);
  });

  it('declares the expected measures and amounts', () => {
    expect(getDeadline('assessment')).toMatchObject({ measure: 'working-days', amount: 45, counting: 'day0', anchor: 'referral' });
    expect(getDeadline('icpc')).toMatchObject({ measure: 'working-days', amount: 15, anchor: 'strategy-discussion' });
    expect(getDeadline('return-home-interview')).toMatchObject({ measure: 'hours', amount: 72 });
    expect(getDeadline('care-proceedings')).toMatchObject({ measure: 'weeks', amount: 26, counting: 'day1' });
    expect(getDeadline('cp-visit')).toMatchObject({ status: 'local', configurable: true, amount: 10 });
    expect(getDeadline('strategy-discussion').amount).toBeNull();
  });
});

describe('dueDate across measures', () => {
  it('weeks, days and months', () => {
    expect(dueDate('cla-visit-first', '2025-12-22')).toBe('2025-12-29'); // Christmas counts: calendar days
    expect(dueDate('cla-visit-first-year', '2025-11-03')).toBe('2025-12-15');
    expect(dueDate('reg24-temporary-approval', '2025-01-06')).toBe('2025-04-28');
    expect(dueDate('reg24-extension', '2025-04-28')).toBe('2025-06-23');
    expect(dueDate('personal-adviser-visit-first', '2025-12-29')).toBe('2026-01-05');
    expect(dueDate('personal-adviser-visit', '2025-12-31')).toBe('2026-02-28');
    expect(dueDate('short-break-length', '2025-07-01')).toBe('2025-07-18');
    expect(dueDate('epo', '2025-07-01')).toBe('2025-07-09');
  });

  it('rules due before the anchor', () => {
    expect(dueDate('icpc-report', '2025-11-05')).toBe('2025-11-03');
    expect(dueDate('rcpc-report', '2026-04-08')).toBe('2026-03-30'); // skips Easter Monday and Good Friday
    expect(isOnTime('icpc-report', '2025-11-05', '2025-11-03')).toBe(true);
    expect(isOnTime('icpc-report', '2025-11-05', '2025-11-04')).toBe(false);
  });

  it('working-day deadlines crossing Christmas, New Year and Easter', () => {
    expect(dueDate('cp-visit', '2025-12-19')).toBe('2026-01-07'); // 25, 26 Dec and 1 Jan skipped
    expect(dueDate('cla-review-first', '2020-12-14')).toBe('2021-01-14'); // 25, 28 Dec 2020 and 1 Jan 2021
    expect(dueDate('icpc', '2026-03-30')).toBe('2026-04-22'); // Good Friday 3 Apr, Easter Monday 6 Apr
    expect(dueDate('assessment', '2031-11-03')).toBe(addWorkingDays('2031-11-03', 45)); // beyond the table
    expect(dueDate('referral-decision', '2031-12-24')).toBe('2031-12-29');
  });

  it('hour rules need a time; date rules accept a timestamp', () => {
    expect(() => dueDate('return-home-interview', '2025-11-07')).toThrow(RangeError);
    expect(() => isOnTime('return-home-interview', '2025-11-07T20:30', '2025-11-10')).toThrow(RangeError);
    expect(dueDate('police-protection', '2025-03-28T20:30')).toBe('2025-03-31T21:30:00+01:00'); // real hours over the clock change
    expect(dueDate('referral-decision', '2025-12-24T16:00:00Z')).toBe('2025-12-29');
    expect(isOnTime('referral-decision', '2025-12-24', '2025-12-29T17:00')).toBe(true);
  });

  it('throws for unknown and untimed deadlines', () => {
    expect(() => dueDate('no-such-deadline', '2025-01-01')).toThrow(UnknownDeadlineError);
    expect(() => dueDate('strategy-discussion', '2025-01-01')).toThrow(UntimedDeadlineError);
  });

  it('records the calendar and rule versions used', () => {
    const r = computeDeadline('assessment', '2025-11-03');
    expect(r.calendarId).toBe('england-wales-statutory');
    expect(r.calendarVersion).toBe(STATUTORY_CALENDAR.version);
    expect(r.configVersion).toBe(NATIONAL_DEADLINE_CONFIG.version);
    expect(r.overridden).toBe(false);
    expect(r.nonWorkingDaysCrossed.map((d) => d.date)).toEqual(['2025-12-25', '2025-12-26', '2026-01-01']);
  });

  it('uses an operational calendar only when asked', () => {
    const op = withLocalClosures(STATUTORY_CALENDAR, ['2025-12-24', '2025-12-29', '2025-12-30', '2025-12-31']);
    expect(dueDate('referral-decision', '2025-12-23')).toBe('2025-12-24');
    expect(dueDate('referral-decision', '2025-12-23', { calendar: op })).toBe('2026-01-02');
    expect(computeDeadline('referral-decision', '2025-12-23', { calendar: op }).calendarVersion).toContain('+local-');
  });
});

describe('isOnTime and deadlineStatus', () => {
  it('is on time up to and including the due date', () => {
    expect(isOnTime('assessment', '2025-11-03', '2026-01-08')).toBe(true);
    expect(isOnTime('assessment', '2025-11-03', '2026-01-09')).toBe(false);
    expect(isOnTime('assessment', '2025-11-03', '2026-01-08', { convention: 'day1' })).toBe(false);
    expect(isOnTime('care-plan', '2025-11-03', '2025-10-31')).toBe(true); // before the placement
  });

  it('gives dashboard states', () => {
    const anchor = '2025-11-03'; // assessment due 2026-01-08
    expect(deadlineStatus('assessment', anchor, { asOf: '2025-11-20' })).toBe('not-yet-due');
    expect(deadlineStatus('assessment', anchor, { asOf: '2026-01-02' })).toBe('due-soon');
    expect(deadlineStatus('assessment', anchor, { asOf: '2026-01-08' })).toBe('due-today');
    expect(deadlineStatus('assessment', anchor, { asOf: '2026-01-09' })).toBe('overdue');
    expect(deadlineStatus('assessment', anchor, { asOf: '2026-02-01', actual: '2026-01-08' })).toBe('met-on-time');
    expect(deadlineStatus('assessment', anchor, { asOf: '2026-02-01', actual: '2026-01-09' })).toBe('met-late');
    expect(deadlineStatus('assessment', anchor, { asOf: '2025-12-10', dueSoonWorkingDays: 30 })).toBe('due-soon');
  });

  it('gives states for hour rules', () => {
    const back = '2025-11-07T20:30';
    expect(deadlineStatus('return-home-interview', back, { asOf: '2025-11-08T09:00' })).toBe('not-yet-due');
    expect(deadlineStatus('return-home-interview', back, { asOf: '2025-11-09T21:00' })).toBe('due-soon');
    expect(deadlineStatus('return-home-interview', back, { asOf: '2025-11-10T08:00' })).toBe('due-today');
    expect(deadlineStatus('return-home-interview', back, { asOf: '2025-11-10T20:31' })).toBe('overdue');
    expect(deadlineStatus('return-home-interview', back, { asOf: '2025-11-12T09:00', actual: '2025-11-10T20:00' })).toBe('met-on-time');
  });
});

describe('authority overrides', () => {
  it('returns a new immutable config and leaves the national one unchanged', () => {
    const local = overrideDeadline(NATIONAL_DEADLINE_CONFIG, 'cp-visit', { amount: 15, authority: 'Exampleshire' });
    expect(local).not.toBe(NATIONAL_DEADLINE_CONFIG);
    expect(Object.isFrozen(local)).toBe(true);
    expect(getDeadline('cp-visit').amount).toBe(10);
    const d = getDeadline('cp-visit', local);
    expect(d.amount).toBe(15);
    expect(d.status).toBe('local');
    expect(d.override).toMatchObject({ authority: 'Exampleshire', base: { amount: 10, measure: 'working-days' } });
    expect(d.rule).toMatch(/15 working days/);
    expect(local.version).not.toBe(NATIONAL_DEADLINE_CONFIG.version);
    expect(dueDate('cp-visit', '2025-11-03')).toBe('2025-11-17');
    expect(dueDate('cp-visit', '2025-11-03', { config: local })).toBe('2025-11-24');
    expect(computeDeadline('cp-visit', '2025-11-03', { config: local }).overridden).toBe(true);
  });

  it('can change the measure (CP visits every 4 weeks) and set a local strategy discussion maximum', () => {
    const cfg = overrideDeadline(
      overrideDeadline(NATIONAL_DEADLINE_CONFIG, 'cp-visit', { measure: 'weeks', amount: 4 }),
      'strategy-discussion',
      { amount: 1 },
    );
    expect(dueDate('cp-visit', '2025-11-03', { config: cfg })).toBe('2025-12-01');
    expect(dueDate('strategy-discussion', '2025-11-07', { config: cfg })).toBe('2025-11-10');
    // Overriding again keeps the original national values as the base.
    const again = overrideDeadline(cfg, 'cp-visit', { amount: 3 });
    expect(getDeadline('cp-visit', again).override?.base).toMatchObject({ measure: 'working-days', amount: 10 });
  });

  it('refuses to change statutory rules', () => {
    expect(() => overrideDeadline(NATIONAL_DEADLINE_CONFIG, 'assessment', { amount: 60 })).toThrow(DeadlineNotConfigurableError);
    expect(() => overrideDeadline(NATIONAL_DEADLINE_CONFIG, 'nope', { amount: 1 })).toThrow(UnknownDeadlineError);
    expect(() => overrideDeadline(NATIONAL_DEADLINE_CONFIG, 'cp-visit', { amount: 0 })).toThrow(RangeError);
    expect(() => overrideDeadline(NATIONAL_DEADLINE_CONFIG, 'cp-visit', { amount: 2.5 })).toThrow(RangeError);
  });

  it('applies a change from its effective date only', () => {
    const cfg = overrideDeadline(NATIONAL_DEADLINE_CONFIG, 'cp-visit', { amount: 15, effectiveFrom: '2025-04-01' });
    expect(dueDate('cp-visit', '2025-03-31', { config: cfg })).toBe(addWorkingDays('2025-03-31', 10));
    expect(dueDate('cp-visit', '2025-04-01', { config: cfg })).toBe(addWorkingDays('2025-04-01', 15));
    const later = overrideDeadline(cfg, 'cp-visit', { amount: 12, effectiveFrom: '2026-04-01' });
    expect(getDeadline('cp-visit', later, '2025-12-01').amount).toBe(15);
    expect(getDeadline('cp-visit', later, '2026-04-01').amount).toBe(12);
    expect(getDeadline('cp-visit', later).amount).toBe(10);
  });

  it('reads an authority configuration file', () => {
    const cfg = deadlineConfigFromJson({
      authority: 'Exampleshire',
      overrides: [
        { id: 'cp-visit', amount: 15 },
        { id: 'core-group', measure: 'months', amount: 1, note: 'At least monthly' },
      ],
    });
    expect(cfg.name).toBe('Exampleshire');
    expect(getDeadline('cp-visit', cfg).amount).toBe(15);
    expect(dueDate('core-group', '2026-01-31', { config: cfg })).toBe('2026-02-28');
    expect(() => deadlineConfigFromJson({ authority: 'X', overrides: [{ id: 'cp-visit', measure: 'fortnights' }] })).toThrow();
    expect(() => deadlineConfigFromJson({ authority: 'X', overrides: [{ id: 'icpc', amount: 20 }] })).toThrow(
      DeadlineNotConfigurableError,
    );
  });

  it('adds local deadlines', () => {
    const cfg = addLocalDeadline(
      NATIONAL_DEADLINE_CONFIG,
      {
        id: 'connected-person-assessment-local',
        title: 'Connected-person assessment (local target)',
        rule: 'Complete the connected-person assessment within 12 weeks of the reg 24 approval (statutory limit 16).',
        anchor: 'reg24-approval',
        dueEvent: 'Assessment completed',
        measure: 'weeks',
        amount: 12,
        source: 'Oxfordshire Ofsted action plan (2015)',
      },
      'Oxfordshire',
    );
    expect(getDeadline('connected-person-assessment-local', cfg)).toMatchObject({ status: 'local', configurable: true });
    expect(dueDate('connected-person-assessment-local', '2025-01-06', { config: cfg })).toBe('2025-03-31');
    expect(() => addLocalDeadline(cfg, { ...getDeadline('cp-visit'), id: 'cp-visit' })).toThrow(/exists/);
    expect(() => getDeadline('connected-person-assessment-local')).toThrow(UnknownDeadlineError);
  });
});

describe('chains and helpers', () => {
  it('chains CLA reviews from actual dates', () => {
    expect(nextDueInChain('cla-review-first', '2025-01-06', [])).toEqual({
      deadlineId: 'cla-review-first',
      from: '2025-01-06',
      due: '2025-02-03',
    });
    expect(nextDueInChain('cla-review-first', '2025-01-06', ['2025-01-30'])).toEqual({
      deadlineId: 'cla-review-second',
      from: '2025-01-30',
      due: '2025-04-30',
    });
    expect(nextDueInChain('cla-review-first', '2025-01-06', ['2025-01-30', '2025-04-29'])?.due).toBe('2025-10-29');
  });

  it('chains CP reviews with clamping pulling the cycle earlier (31 Aug → 28 Feb → 28 Aug)', () => {
    expect(nextDueInChain('cp-review-first', '2028-05-31', [])?.due).toBe('2028-08-31');
    expect(nextDueInChain('cp-review-first', '2028-05-31', ['2028-08-31'])?.due).toBe('2029-02-28');
    expect(nextDueInChain('cp-review-first', '2028-05-31', ['2028-08-31', '2029-02-28'])?.due).toBe('2029-08-28');
  });

  it('ends a chain at a rule with no successor', () => {
    expect(nextDueInChain('care-plan', '2025-01-06', ['2025-01-10'])).toBeNull();
    expect(nextDueInChain('first-core-group', '2025-01-06', ['2025-01-15'])?.deadlineId).toBe('core-group');
  });

  it('takes the earlier of two rules (unborn baby: 10 WD from birth or 3 months from ICPC)', () => {
    const due = earliestDueDate([
      { id: 'unborn-first-review', anchor: '2025-12-19' },
      { id: 'cp-review-first', anchor: '2025-10-15' },
    ]);
    expect(due).toBe('2026-01-07');
    expect(
      earliestDueDate([
        { id: 'unborn-first-review', anchor: '2025-12-19' },
        { id: 'cp-review-first', anchor: '2025-09-15' },
      ]),
    ).toBe('2025-12-15');
  });

  it('chooses the health review interval by age at the last assessment', () => {
    expect(healthReviewDeadlineId('2021-03-15', '2026-03-14')).toBe('health-assessment-review-under-5');
    expect(healthReviewDueDate('2021-03-15', '2026-03-14')).toBe('2026-09-14');
    expect(healthReviewDeadlineId('2021-03-15', '2026-03-15')).toBe('health-assessment-review-5-plus');
    expect(healthReviewDueDate('2021-03-15', '2026-03-15')).toBe('2027-03-15');
    expect(healthReviewDueDate('2020-02-29', '2025-02-28')).toBe('2026-02-28'); // 5th birthday observed 28 Feb
    expect(healthReviewDueDate('2020-02-29', '2025-02-28', { leapBirthday: 'mar1' })).toBe('2025-08-28');
  });

  it('care leaver needs assessment: 16th birthday + 3 months, clamped', () => {
    expect(dueDate('care-leaver-needs-assessment', birthdayAtAge('2009-11-30', 16))).toBe('2026-02-28');
    expect(dueDate('care-leaver-needs-assessment', birthdayAtAge('2008-02-29', 16))).toBe('2024-05-29');
  });
});
