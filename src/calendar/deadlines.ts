/**
 * Statutory and local deadlines in children's social care (England), declared
 * once as data (timescales.md §1), and the one engine that computes them.
 *
 * - `DEADLINES` lists every rule: anchor event, measure, amount, counting
 *   convention, status (statutory / statutory guidance / local / DfE), source,
 *   and whether an authority may change it.
 * - `dueDate`, `computeDeadline`, `isOnTime` and `deadlineStatus` compute from it.
 * - Authorities change configurable rules with `overrideDeadline` or add their
 *   own with `addLocalDeadline`; both return a new immutable `DeadlineConfig`.
 *   An override can carry an `effectiveFrom` date, so history is computed with
 *   the rule in force at the anchor date.
 *
 * Counting (timescales.md §4): working-day rules use `day0` (convention A) unless
 * a caller asks for `day1` (convention B, the CIN validator). Month rules add
 * calendar months with month-end clamping. "Beginning with" rules (care
 * proceedings) count the event as day 1. Hour rules run on real elapsed time.
 */
import { z } from 'zod';
import {
  addDays,
  addHours,
  addMonths,
  ageOn,
  compareDates,
  formatLondonTimestamp,
  isIsoDate,
  londonDateOf,
  parseTimestamp,
} from './dates.js';
import type { IsoDate, LeapBirthdayRule, Timestamp } from './dates.js';
import {
  STATUTORY_CALENDAR,
  addWorkingDays,
  nonWorkingWeekdaysBetween,
  workingDayOnOrBefore,
  workingDaysBetween,
} from './working-days.js';
import type { Counting, NonWorkingDay, WorkingCalendar } from './working-days.js';

/** Unit of a deadline. Weeks are 7 calendar days; months are calendar months, clamped. */
export type DeadlineMeasure = 'working-days' | 'calendar-days' | 'weeks' | 'months' | 'hours';

/**
 * Where a rule comes from. `statutory`: Act or regulations. `statutory-guidance`:
 * guidance authorities must follow (Working Together). `local`: the authority's
 * own procedures; reports must label these. `dfe-return` / `dfe-threshold`: a DfE
 * collection requirement or performance threshold.
 */
export type DeadlineStatus = 'statutory' | 'statutory-guidance' | 'local' | 'dfe-return' | 'dfe-threshold';

/** Plain-English names of the anchor events (the date field a clock starts from). */
export const ANCHOR_EVENTS = Object.freeze({
  referral: 'Referral received',
  'significant-harm-concern': 'Reasonable cause to suspect significant harm',
  'strategy-discussion': 'Strategy discussion (the one at which the section 47 enquiry started)',
  icpc: 'Initial child protection conference',
  'cp-review': 'Previous child protection review conference',
  'cp-plan-start-or-visit': 'Child protection plan start, or the previous statutory visit',
  'core-group': 'Previous core group meeting',
  'cin-plan-start-or-visit': 'Child in need plan start, or the previous visit',
  'cin-plan-review': 'Child in need plan start, or the previous plan review',
  allegation: 'Allegation against a person who works with children',
  birth: 'Birth of a baby who was subject to a plan before birth',
  conference: 'Child protection conference date',
  'recordable-event': 'Event to be recorded',
  'first-placement': 'Start of the first placement',
  'placement-start': 'Start of the placement',
  'became-looked-after': 'Date the child became looked after',
  'cla-review': 'Previous looked-after review',
  'cla-visit': 'Previous statutory visit',
  'care-order-at-home': 'Care order made while the child lives with a parent',
  'health-assessment': 'Previous health assessment',
  sdq: 'Previous strengths and difficulties questionnaire',
  'emergency-placement': 'Start of an emergency placement',
  'return-from-missing': 'Child returned from a missing episode (date and time)',
  'reg24-approval': 'Temporary approval of a connected person (reg 24)',
  'reg24-expiry': 'Expiry of the reg 24 temporary approval',
  'short-break-start': 'Start of a short break',
  'application-issued': 'Care or supervision application issued',
  'proceedings-period-end': 'End of the current 26-week period or extension',
  'epo-made': 'Emergency protection order made',
  'epo-expiry': 'Expiry of the emergency protection order',
  'police-protection': 'Child taken into police protection (date and time)',
  'secure-accommodation': 'Placement in secure accommodation without a court order (date and time)',
  'adopter-stage-one-start': 'Start of adopter approval stage one',
  'adopter-stage-two-start': 'Start of adopter approval stage two',
  'entered-care': 'Child entered care',
  'placement-authority': 'Court authority to place for adoption',
  'care-leaver-eligible': '16th birthday, or becoming an eligible child later',
  'pathway-plan': 'Pathway plan, or its previous review',
  'accommodation-provided': 'Accommodation first provided to a relevant or former relevant child',
  'personal-adviser-visit': 'Previous personal adviser visit',
  'private-fostering-notification': 'Notification of a private fostering arrangement',
  'private-fostering-visit': 'Previous private fostering visit',
} as const);

/** Anchor event id. */
export type AnchorEvent = keyof typeof ANCHOR_EVENTS;

/** One deadline rule. */
export interface DeadlineDefinition {
  readonly id: string;
  readonly title: string;
  /** The rule in plain English. */
  readonly rule: string;
  /** The event the clock starts from. */
  readonly anchor: AnchorEvent;
  /** What must happen by the deadline (the stop event). */
  readonly dueEvent: string;
  readonly measure: DeadlineMeasure;
  /** Number of units; `null` when there is no fixed timescale (only "as soon as possible"). */
  readonly amount: number | null;
  /** `before`: due the given time before the anchor (reports before a conference). */
  readonly direction: 'after' | 'before';
  /** `day0`: the anchor is day 0 (convention A, "within … of/after"). `day1`: the anchor is day 1 ("beginning with"). */
  readonly counting: Counting;
  readonly status: DeadlineStatus;
  /** Legislation, guidance or procedure. */
  readonly source: string;
  /** Row number in timescales.md §1. */
  readonly referenceRow: number;
  /** Whether an authority may change it. */
  readonly configurable: boolean;
  /** The wording or counting was not confirmed against the current text. */
  readonly unverified: boolean;
  /** The rule that follows once this one is met (for chains such as reviews and visits). */
  readonly next?: string;
  /** When the rule applies (placement type, age, period). */
  readonly appliesWhen?: string;
  readonly notes?: string;
  /** Present when an authority changed the national rule. */
  readonly override?: DeadlineOverrideRecord;
}

/** What an override changed, kept for audit and labelling. */
export interface DeadlineOverrideRecord {
  readonly authority: string;
  readonly effectiveFrom: IsoDate | null;
  readonly note: string | null;
  readonly base: {
    readonly measure: DeadlineMeasure;
    readonly amount: number | null;
    readonly counting: Counting;
    readonly status: DeadlineStatus;
  };
}

type DeadlineSpec = Omit<DeadlineDefinition, 'direction' | 'counting' | 'unverified' | 'override'> & {
  readonly direction?: 'after' | 'before';
  readonly counting?: Counting;
  readonly unverified?: boolean;
};

const WT = 'Working Together to Safeguard Children (2018, 2023)';
const CPR = 'Care Planning, Placement and Case Review (England) Regulations 2010';

const DEADLINE_SPECS = [
  // ---- 1.1 Front door, assessment and child protection ----
  {
    id: 'referral-decision',
    title: 'Referral decision',
    rule: 'Decide the type of response, and acknowledge the referral to the referrer, within 1 working day of receiving it.',
    anchor: 'referral',
    dueEvent: 'Decision on the type of response',
    measure: 'working-days',
    amount: 1,
    status: 'statutory-guidance',
    source: WT,
    referenceRow: 1,
    configurable: false,
  },
  {
    id: 'assessment',
    title: 'Child and family assessment',
    rule: 'Conclude the assessment no later than 45 working days from the referral. The clock starts at the referral, not at the start of the assessment. Record the reasons if it takes longer.',
    anchor: 'referral',
    dueEvent: 'Assessment completed (authorised)',
    measure: 'working-days',
    amount: 45,
    status: 'statutory-guidance',
    source: 'Working Together (2013 onwards); CIN census query check 8670Q',
    referenceRow: 2,
    configurable: false,
  },
  {
    id: 'strategy-discussion',
    title: 'Strategy discussion',
    rule: 'Hold a strategy discussion as soon as possible, immediately if the child is at risk. There is no fixed national time; a partnership may set a local maximum.',
    anchor: 'significant-harm-concern',
    dueEvent: 'Strategy discussion held',
    measure: 'working-days',
    amount: null,
    status: 'statutory-guidance',
    source: 'Working Together 2023; local procedures',
    referenceRow: 3,
    configurable: true,
    notes: 'Set a local maximum with overrideDeadline (for example 1 working day) to get a due date.',
  },
  {
    id: 'icpc',
    title: 'Initial child protection conference',
    rule: 'Hold the initial child protection conference within 15 working days of the strategy discussion. If several were held, count from the one at which the section 47 enquiry was started.',
    anchor: 'strategy-discussion',
    dueEvent: 'Initial child protection conference held',
    measure: 'working-days',
    amount: 15,
    status: 'statutory-guidance',
    source: 'Working Together; CIN census query check 8675Q',
    referenceRow: 5,
    configurable: false,
    notes: 'The section 47 enquiry itself has no separate end date; it is bounded by this rule (row 4).',
  },
  {
    id: 'first-core-group',
    title: 'First core group meeting',
    rule: 'Hold the first core group meeting within 10 working days of the initial child protection conference.',
    anchor: 'icpc',
    dueEvent: 'First core group meeting held',
    measure: 'working-days',
    amount: 10,
    status: 'statutory-guidance',
    source: WT,
    referenceRow: 6,
    configurable: false,
    next: 'core-group',
  },
  {
    id: 'cp-review-first',
    title: 'First child protection review conference',
    rule: 'Hold the first review conference within 3 months of the initial child protection conference.',
    anchor: 'icpc',
    dueEvent: 'First review conference held',
    measure: 'months',
    amount: 3,
    status: 'statutory-guidance',
    source: WT,
    referenceRow: 7,
    configurable: false,
    next: 'cp-review',
  },
  {
    id: 'cp-review',
    title: 'Child protection review conference',
    rule: 'Hold further review conferences at intervals of not more than 6 months while the plan lasts, counted from the actual date of the previous review.',
    anchor: 'cp-review',
    dueEvent: 'Review conference held',
    measure: 'months',
    amount: 6,
    status: 'statutory-guidance',
    source: WT,
    referenceRow: 8,
    configurable: false,
    next: 'cp-review',
  },
  {
    id: 'lado-referral',
    title: 'Referral to the LADO',
    rule: 'Refer an allegation against a person who works with children to the LADO within 1 working day (often written "within 24 hours").',
    anchor: 'allegation',
    dueEvent: 'Referral made to the local authority designated officer',
    measure: 'working-days',
    amount: 1,
    status: 'statutory-guidance',
    source: 'Working Together; local LADO procedures',
    referenceRow: 9,
    configurable: true,
  },
  {
    id: 'cp-visit',
    title: 'Child protection statutory visit',
    rule: 'Visit a child on a child protection plan at least every 10 working days (local minimum; the plan may set a different frequency).',
    anchor: 'cp-plan-start-or-visit',
    dueEvent: 'Child seen by the social worker',
    measure: 'working-days',
    amount: 10,
    status: 'local',
    source: 'Local procedures (for example Central Bedfordshire, Liverpool, Camden, Walsall, Southwark)',
    referenceRow: 10,
    configurable: true,
    next: 'cp-visit',
    notes: 'Typical local minimums: every 10 working days, 10 days, 2 weeks or 4 weeks.',
  },
  {
    id: 'core-group',
    title: 'Core group meeting',
    rule: 'Hold core group meetings at least every 4 weeks while the child protection plan lasts (local).',
    anchor: 'core-group',
    dueEvent: 'Core group meeting held',
    measure: 'weeks',
    amount: 4,
    status: 'local',
    source: 'Local procedures',
    referenceRow: 11,
    configurable: true,
    next: 'core-group',
    notes: 'Some procedures say "at least monthly": override to 1 month.',
  },
  {
    id: 'cin-visit',
    title: 'Child in need visit',
    rule: 'Visit a child on a child in need plan at least every 20 working days (local).',
    anchor: 'cin-plan-start-or-visit',
    dueEvent: 'Child seen',
    measure: 'working-days',
    amount: 20,
    status: 'local',
    source: 'Local procedures',
    referenceRow: 12,
    configurable: true,
    next: 'cin-visit',
  },
  {
    id: 'cin-plan-review',
    title: 'Child in need plan review',
    rule: 'Review the child in need plan at least every 3 months (local; procedures range from 3 to 6 months).',
    anchor: 'cin-plan-review',
    dueEvent: 'Plan reviewed',
    measure: 'months',
    amount: 3,
    status: 'local',
    source: 'Local procedures',
    referenceRow: 12,
    configurable: true,
    next: 'cin-plan-review',
  },
  {
    id: 'unborn-first-review',
    title: 'First review after the birth of a baby on a plan',
    rule: 'Review within 10 working days of the birth, or within 3 months of the initial conference, whichever is sooner (local example).',
    anchor: 'birth',
    dueEvent: 'Review conference held',
    measure: 'working-days',
    amount: 10,
    status: 'local',
    source: 'Tees safeguarding procedures (example)',
    referenceRow: 13,
    configurable: true,
    notes: 'The due date is the earlier of this rule and cp-review-first from the ICPC: use earliestDueDate.',
  },
  {
    id: 'icpc-report',
    title: 'Social worker report to an initial conference',
    rule: 'Provide the social worker report at least 2 working days before the initial child protection conference (local example).',
    anchor: 'conference',
    dueEvent: 'Report shared',
    measure: 'working-days',
    amount: 2,
    direction: 'before',
    status: 'local',
    source: 'Local procedures',
    referenceRow: 14,
    configurable: true,
  },
  {
    id: 'rcpc-report',
    title: 'Social worker report to a review conference',
    rule: 'Provide the social worker report at least 5 working days before a review child protection conference (local example).',
    anchor: 'conference',
    dueEvent: 'Report shared',
    measure: 'working-days',
    amount: 5,
    direction: 'before',
    status: 'local',
    source: 'Local procedures',
    referenceRow: 14,
    configurable: true,
  },
  {
    id: 'recording-critical-event',
    title: 'Recording a critical event',
    rule: 'Record critical events within 24 hours (local example).',
    anchor: 'recordable-event',
    dueEvent: 'Case record written',
    measure: 'hours',
    amount: 24,
    status: 'local',
    source: 'Local procedures (Liverpool example)',
    referenceRow: 15,
    configurable: true,
  },
  {
    id: 'recording-statutory-visit',
    title: 'Recording a statutory visit',
    rule: 'Record statutory visits within 2 working days (local example).',
    anchor: 'recordable-event',
    dueEvent: 'Case record written',
    measure: 'working-days',
    amount: 2,
    status: 'local',
    source: 'Local procedures (Liverpool example)',
    referenceRow: 15,
    configurable: true,
  },
  {
    id: 'recording-other',
    title: 'Recording other case events',
    rule: 'Record other case entries within 5 working days (local example).',
    anchor: 'recordable-event',
    dueEvent: 'Case record written',
    measure: 'working-days',
    amount: 5,
    status: 'local',
    source: 'Local procedures (Liverpool example)',
    referenceRow: 15,
    configurable: true,
  },

  // ---- 1.2 Looked-after children ----
  {
    id: 'care-plan',
    title: 'Care plan',
    rule: 'Prepare the care plan before the child is first placed or, if that is not practicable, within 10 working days of the start of the first placement.',
    anchor: 'first-placement',
    dueEvent: 'Care plan completed',
    measure: 'working-days',
    amount: 10,
    status: 'statutory',
    source: `${CPR} reg 4`,
    referenceRow: 16,
    configurable: false,
  },
  {
    id: 'placement-plan',
    title: 'Placement plan',
    rule: 'Prepare the placement plan before the placement or, if not practicable, within 5 working days of its start.',
    anchor: 'placement-start',
    dueEvent: 'Placement plan completed',
    measure: 'working-days',
    amount: 5,
    status: 'statutory',
    source: `${CPR} reg 9`,
    referenceRow: 17,
    configurable: false,
  },
  {
    id: 'placement-notifications',
    title: 'Placement notifications',
    rule: "Notify the child's parents, health, school, the IRO and the area authority before the placement, or within 5 working days if it was an emergency.",
    anchor: 'placement-start',
    dueEvent: 'Notifications sent',
    measure: 'working-days',
    amount: 5,
    status: 'statutory',
    source: `${CPR} reg 13`,
    referenceRow: 18,
    configurable: false,
  },
  {
    id: 'cla-review-first',
    title: 'First looked-after review',
    rule: 'Hold the first review within 20 working days of the date the child becomes looked after.',
    anchor: 'became-looked-after',
    dueEvent: 'First review held',
    measure: 'working-days',
    amount: 20,
    status: 'statutory',
    source: `${CPR} reg 33(1)`,
    referenceRow: 19,
    configurable: false,
    next: 'cla-review-second',
  },
  {
    id: 'cla-review-second',
    title: 'Second looked-after review',
    rule: 'Hold the second review not more than 3 months after the first.',
    anchor: 'cla-review',
    dueEvent: 'Second review held',
    measure: 'months',
    amount: 3,
    status: 'statutory',
    source: `${CPR} reg 33(2)`,
    referenceRow: 20,
    configurable: false,
    next: 'cla-review',
  },
  {
    id: 'cla-review',
    title: 'Looked-after review',
    rule: 'Hold each later review not more than 6 months after the previous one, counted from its actual date. Earlier if the IRO directs or other triggers apply.',
    anchor: 'cla-review',
    dueEvent: 'Review held',
    measure: 'months',
    amount: 6,
    status: 'statutory',
    source: `${CPR} reg 33(3)`,
    referenceRow: 21,
    configurable: false,
    next: 'cla-review',
  },
  {
    id: 'iro-appointment',
    title: 'IRO appointed',
    rule: 'Appoint an independent reviewing officer before the first review (the IRO should meet the child before it); good practice is within 5 working days of the child becoming looked after.',
    anchor: 'became-looked-after',
    dueEvent: 'IRO appointed',
    measure: 'working-days',
    amount: 5,
    status: 'local',
    source: `${CPR}; IRO Handbook (2010); local procedures`,
    referenceRow: 22,
    configurable: true,
    notes: 'The statutory limit is the first review (cla-review-first); 5 working days is local good practice.',
  },
  {
    id: 'cla-visit-first',
    title: 'First visit in a placement',
    rule: 'Visit the child within 1 week of the start of any placement.',
    anchor: 'placement-start',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 1,
    status: 'statutory',
    source: `${CPR} reg 28(2)`,
    referenceRow: 23,
    configurable: false,
    next: 'cla-visit-first-year',
  },
  {
    id: 'cla-visit-first-year',
    title: 'Visit in the first year of a placement',
    rule: 'In the first year of a placement, visit at intervals of not more than 6 weeks (and whenever the child asks).',
    anchor: 'cla-visit',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 6,
    status: 'statutory',
    source: `${CPR} reg 28(2)`,
    referenceRow: 23,
    configurable: false,
    next: 'cla-visit-first-year',
    appliesWhen: 'First year of the placement',
  },
  {
    id: 'cla-visit-long-term',
    title: 'Visit after the first year, placement intended until 18',
    rule: 'After the first year, visit at intervals of not more than 3 months if the placement is intended to last until the child is 18.',
    anchor: 'cla-visit',
    dueEvent: 'Child visited',
    measure: 'months',
    amount: 3,
    status: 'statutory',
    source: `${CPR} reg 28(2)`,
    referenceRow: 23,
    configurable: false,
    next: 'cla-visit-long-term',
    appliesWhen: 'After the first year of a placement intended to last until 18',
  },
  {
    id: 'cla-visit-after-first-year',
    title: 'Visit after the first year, other placements',
    rule: 'After the first year, visit at intervals of not more than 6 weeks if the placement is not intended to last until 18.',
    anchor: 'cla-visit',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 6,
    status: 'statutory',
    source: `${CPR} reg 28(2)`,
    referenceRow: 23,
    configurable: false,
    next: 'cla-visit-after-first-year',
    appliesWhen: 'After the first year of a placement not intended to last until 18',
  },
  {
    id: 'cla-visit-with-parent-weekly',
    title: 'Weekly visit, placed with parent before assessment complete',
    rule: 'Visit at least weekly until the first review when the child is placed with a parent before the assessment is complete (reg 19).',
    anchor: 'cla-visit',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 1,
    status: 'statutory',
    source: `${CPR} reg 28(3)`,
    referenceRow: 24,
    configurable: false,
    next: 'cla-visit-with-parent-weekly',
    appliesWhen: 'Placed with a parent under reg 19 before the assessment is complete; until the first review',
  },
  {
    id: 'cla-visit-with-parent',
    title: 'Visit, placed with parent before assessment complete, after the first review',
    rule: 'After the first review, visit at intervals of not more than 6 weeks.',
    anchor: 'cla-visit',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 6,
    status: 'statutory',
    source: `${CPR} reg 28(3)`,
    referenceRow: 24,
    configurable: false,
    next: 'cla-visit-with-parent',
    appliesWhen: 'Placed with a parent under reg 19; after the first review',
  },
  {
    id: 'cla-visit-connected-weekly',
    title: 'Weekly visit, connected-person or interim care order placement with parent',
    rule: 'Visit at least weekly until the first review when the child is in a reg 24 connected-person placement or placed with a parent under an interim care order.',
    anchor: 'cla-visit',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 1,
    status: 'statutory',
    source: `${CPR} reg 28(4)`,
    referenceRow: 25,
    configurable: false,
    next: 'cla-visit-connected-weekly',
    appliesWhen: 'Reg 24 placement, or placed with a parent under an interim care order; until the first review',
  },
  {
    id: 'cla-visit-connected',
    title: 'Visit, connected-person or interim care order placement, after the first review',
    rule: 'After the first review, visit at intervals of not more than 4 weeks.',
    anchor: 'cla-visit',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 4,
    status: 'statutory',
    source: `${CPR} reg 28(4)`,
    referenceRow: 25,
    configurable: false,
    next: 'cla-visit-connected',
    appliesWhen: 'Reg 24 placement, or placed with a parent under an interim care order; after the first review',
  },
  {
    id: 'cla-visit-care-order-at-home-first',
    title: 'First visit after a care order made while the child lives with a parent',
    rule: 'Visit within 1 week of the care order when the child lives with a parent.',
    anchor: 'care-order-at-home',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 1,
    status: 'statutory',
    source: `${CPR} reg 28(5)`,
    referenceRow: 26,
    configurable: false,
    next: 'cla-visit-care-order-at-home',
  },
  {
    id: 'cla-visit-care-order-at-home',
    title: 'Visit, care order while living with a parent',
    rule: 'After the first visit, visit at intervals of not more than 6 weeks.',
    anchor: 'cla-visit',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 6,
    status: 'statutory',
    source: `${CPR} reg 28(5)`,
    referenceRow: 26,
    configurable: false,
    next: 'cla-visit-care-order-at-home',
  },
  {
    id: 'cla-visit-long-term-foster',
    title: 'Visit, long-term foster placement where the child agrees',
    rule: 'In a long-term foster placement (1 year or more) where the child agrees to less frequent visits, visit at least every 6 months.',
    anchor: 'cla-visit',
    dueEvent: 'Child visited',
    measure: 'months',
    amount: 6,
    status: 'statutory',
    source: `${CPR} reg 28, as amended in 2015`,
    referenceRow: 27,
    configurable: false,
    unverified: true,
    next: 'cla-visit-long-term-foster',
    appliesWhen: 'Long-term foster placement of 1 year or more, the child agreeing',
  },
  {
    id: 'health-assessment-initial',
    title: 'Initial health assessment',
    rule: 'Complete the initial health assessment before the first placement or, if not practicable, before the first review (20 working days from becoming looked after).',
    anchor: 'became-looked-after',
    dueEvent: 'Initial health assessment completed',
    measure: 'working-days',
    amount: 20,
    status: 'statutory',
    source: `${CPR} reg 7; Promoting the health and well-being of looked-after children (2015)`,
    referenceRow: 28,
    configurable: false,
  },
  {
    id: 'health-assessment-review-under-5',
    title: 'Review health assessment, under 5',
    rule: 'Review the health assessment at least every 6 months before the 5th birthday.',
    anchor: 'health-assessment',
    dueEvent: 'Review health assessment completed',
    measure: 'months',
    amount: 6,
    status: 'statutory',
    source: `${CPR}; Promoting the health and well-being of looked-after children (2015)`,
    referenceRow: 29,
    configurable: false,
    appliesWhen: 'Child under 5 at the previous assessment',
  },
  {
    id: 'health-assessment-review-5-plus',
    title: 'Review health assessment, 5 and over',
    rule: 'Review the health assessment at least every 12 months from age 5.',
    anchor: 'health-assessment',
    dueEvent: 'Review health assessment completed',
    measure: 'months',
    amount: 12,
    status: 'statutory',
    source: `${CPR}; Promoting the health and well-being of looked-after children (2015)`,
    referenceRow: 29,
    configurable: false,
    appliesWhen: 'Child aged 5 or over at the previous assessment',
  },
  {
    id: 'sdq',
    title: 'Strengths and difficulties questionnaire',
    rule: 'Complete an SDQ once a year for children looked after for 12 months or more and aged 4 to 16; the score is returned in the SSDA903.',
    anchor: 'sdq',
    dueEvent: 'SDQ completed',
    measure: 'months',
    amount: 12,
    status: 'dfe-return',
    source: 'SSDA903 guide',
    referenceRow: 30,
    configurable: false,
    appliesWhen: 'Looked after for 12 months or more, aged 4 to 16',
  },
  {
    id: 'pep-initial',
    title: 'Personal education plan',
    rule: 'Start the PEP as part of the care plan, or within 10 working days of an emergency placement; it must be available for the first review and reviewed each term.',
    anchor: 'emergency-placement',
    dueEvent: 'PEP started',
    measure: 'working-days',
    amount: 10,
    status: 'statutory-guidance',
    source: 'Promoting the education of looked-after children (2018)',
    referenceRow: 31,
    configurable: true,
    notes: 'Some older local guidance says "20 school days": treat that as a local variant. Termly review wording unverified.',
  },
  {
    id: 'return-home-interview',
    title: 'Return home interview',
    rule: 'Offer a return home interview on every return from a missing episode, carried out within 72 hours of the return.',
    anchor: 'return-from-missing',
    dueEvent: 'Return home interview carried out',
    measure: 'hours',
    amount: 72,
    status: 'statutory-guidance',
    source: 'Children who run away or go missing from home or care (DfE, January 2014)',
    referenceRow: 32,
    configurable: false,
    notes: 'Hours are real elapsed time: weekends and bank holidays count.',
  },
  {
    id: 'reg24-temporary-approval',
    title: 'Reg 24 temporary approval expires',
    rule: 'Temporary approval of a connected person as a foster carer lasts at most 16 weeks. The placement must end if approval lapses.',
    anchor: 'reg24-approval',
    dueEvent: 'Full approval as a foster carer (or placement ends)',
    measure: 'weeks',
    amount: 16,
    status: 'statutory',
    source: `${CPR} regs 24-25`,
    referenceRow: 33,
    configurable: false,
    next: 'reg24-extension',
    notes: 'Counted as 16 × 7 days after the approval date (day 0 = approval). Wales allows 24 weeks.',
  },
  {
    id: 'reg24-extension',
    title: 'Reg 24 temporary approval, extended',
    rule: 'One extension of up to 8 weeks is allowed if the full assessment is unfinished (or pending an Independent Review Mechanism review).',
    anchor: 'reg24-expiry',
    dueEvent: 'Full approval as a foster carer (or placement ends)',
    measure: 'weeks',
    amount: 8,
    status: 'statutory',
    source: `${CPR} regs 24-25`,
    referenceRow: 33,
    configurable: false,
  },
  {
    id: 'short-break-length',
    title: 'Short break length',
    rule: 'In a series of short breaks, each break lasts at most 17 days (and at most 75 days in total in any 12 months).',
    anchor: 'short-break-start',
    dueEvent: 'Short break ended',
    measure: 'calendar-days',
    amount: 17,
    status: 'statutory',
    source: `${CPR} reg 48`,
    referenceRow: 34,
    configurable: false,
    notes: 'Day 0 = start, as the SSDA903 validator (rule 365: DEC > DECOM + 17). The 75-day annual total is an aggregate, not a due date.',
  },

  // ---- 1.3 Courts, emergency powers and permanence ----
  {
    id: 'care-proceedings',
    title: 'Care proceedings disposed of',
    rule: 'Dispose of care or supervision proceedings within 26 weeks beginning with the day the application was issued.',
    anchor: 'application-issued',
    dueEvent: 'Proceedings disposed of',
    measure: 'weeks',
    amount: 26,
    counting: 'day1',
    status: 'statutory',
    source: 'Children Act 1989 s32(1)(a)(ii) and (5), inserted by the Children and Families Act 2014 s14',
    referenceRow: 35,
    configurable: false,
    next: 'care-proceedings-extension',
    notes: '"Beginning with" counts the issue day as day 1: the last day is issue date + 181 days.',
  },
  {
    id: 'care-proceedings-extension',
    title: 'Care proceedings extension',
    rule: 'The court may extend the time limit by up to 8 weeks at a time; extensions are not to be granted routinely.',
    anchor: 'proceedings-period-end',
    dueEvent: 'Proceedings disposed of',
    measure: 'weeks',
    amount: 8,
    status: 'statutory',
    source: 'Children Act 1989 s32(5)-(7)',
    referenceRow: 35,
    configurable: false,
    next: 'care-proceedings-extension',
  },
  {
    id: 'epo',
    title: 'Emergency protection order expires',
    rule: 'An emergency protection order lasts at most 8 days.',
    anchor: 'epo-made',
    dueEvent: 'Order ends',
    measure: 'calendar-days',
    amount: 8,
    status: 'statutory',
    source: 'Children Act 1989 s45',
    referenceRow: 36,
    configurable: false,
    unverified: true,
    next: 'epo-extension',
    notes: 'Counting convention (day 0 = the day the order is made) not confirmed against the Act.',
  },
  {
    id: 'epo-extension',
    title: 'Emergency protection order, extended',
    rule: 'An emergency protection order may be extended once, by up to 7 days.',
    anchor: 'epo-expiry',
    dueEvent: 'Order ends',
    measure: 'calendar-days',
    amount: 7,
    status: 'statutory',
    source: 'Children Act 1989 s45',
    referenceRow: 36,
    configurable: false,
  },
  {
    id: 'police-protection',
    title: 'Police protection ends',
    rule: 'A child may be kept in police protection for at most 72 hours.',
    anchor: 'police-protection',
    dueEvent: 'Police protection ends',
    measure: 'hours',
    amount: 72,
    status: 'statutory',
    source: 'Children Act 1989 s46',
    referenceRow: 37,
    configurable: false,
  },
  {
    id: 'secure-accommodation-without-order',
    title: 'Secure accommodation without a court order',
    rule: 'A child may be kept in secure accommodation without a court order for at most 72 hours in total in any 28 consecutive days.',
    anchor: 'secure-accommodation',
    dueEvent: 'Court order obtained or child leaves secure accommodation',
    measure: 'hours',
    amount: 72,
    status: 'statutory',
    source: 'Children (Secure Accommodation) Regulations 1991 reg 10',
    referenceRow: 38,
    configurable: false,
    unverified: true,
    notes: 'The due time assumes one continuous stay; earlier stays in the 28 days reduce it. 28-day wording unverified.',
  },
  {
    id: 'adopter-stage-one',
    title: 'Adopter approval, stage one',
    rule: 'Stage one of adopter approval is normally completed within 2 months.',
    anchor: 'adopter-stage-one-start',
    dueEvent: 'Stage one completed',
    measure: 'months',
    amount: 2,
    status: 'statutory-guidance',
    source: 'Statutory guidance on adoption (2013)',
    referenceRow: 39,
    configurable: false,
    unverified: true,
  },
  {
    id: 'adopter-stage-two',
    title: 'Adopter approval, stage two',
    rule: 'Stage two of adopter approval is normally completed within 4 months.',
    anchor: 'adopter-stage-two-start',
    dueEvent: 'Stage two completed (approval decision)',
    measure: 'months',
    amount: 4,
    status: 'statutory-guidance',
    source: 'Statutory guidance on adoption (2013)',
    referenceRow: 39,
    configurable: false,
    unverified: true,
  },
  {
    id: 'adoption-a1',
    title: 'Adoption scorecard A1 threshold',
    rule: 'Entry to care to moving in with the adoptive family: DfE three-year average threshold of 426 days (14 months).',
    anchor: 'entered-care',
    dueEvent: 'Child moves in with the adoptive family',
    measure: 'calendar-days',
    amount: 426,
    status: 'dfe-threshold',
    source: "DfE adoption scorecard (derived from Barking and Dagenham's 2015/16 annual report)",
    referenceRow: 40,
    configurable: false,
    notes: 'A threshold for a three-year average, not an individual deadline.',
  },
  {
    id: 'adoption-a2',
    title: 'Adoption scorecard A2 threshold',
    rule: 'Court authority to place to match decided: DfE three-year average threshold of 121 days (4 months).',
    anchor: 'placement-authority',
    dueEvent: 'Match decided',
    measure: 'calendar-days',
    amount: 121,
    status: 'dfe-threshold',
    source: 'DfE adoption scorecard',
    referenceRow: 41,
    configurable: false,
    unverified: true,
    notes: 'A threshold for a three-year average, not an individual deadline.',
  },

  // ---- 1.4 Care leavers and private fostering ----
  {
    id: 'care-leaver-needs-assessment',
    title: 'Care leaver needs assessment',
    rule: 'Assess the needs of an eligible child within 3 months of the 16th birthday, or of becoming eligible later (the "16 years 3 months" rule).',
    anchor: 'care-leaver-eligible',
    dueEvent: 'Needs assessment completed',
    measure: 'months',
    amount: 3,
    status: 'statutory',
    source: `${CPR} reg 42`,
    referenceRow: 43,
    configurable: false,
    notes: 'Eligible child: looked after for at least 13 weeks in total since age 14 and still looked after at 16 or over (row 42).',
  },
  {
    id: 'pathway-plan-review',
    title: 'Pathway plan review',
    rule: 'Review the pathway plan at least every 6 months, and on request.',
    anchor: 'pathway-plan',
    dueEvent: 'Pathway plan reviewed',
    measure: 'months',
    amount: 6,
    status: 'statutory',
    source: `${CPR} Part 7; Care Leavers (England) Regulations 2010`,
    referenceRow: 44,
    configurable: false,
    next: 'pathway-plan-review',
    notes: 'The plan itself is prepared after the needs assessment, with no fixed national time.',
  },
  {
    id: 'personal-adviser-visit-first',
    title: 'First personal adviser visit in new accommodation',
    rule: 'Visit a relevant or former relevant child within 7 days of the accommodation first being provided.',
    anchor: 'accommodation-provided',
    dueEvent: 'Young person visited',
    measure: 'calendar-days',
    amount: 7,
    status: 'statutory',
    source: 'Care Leavers (England) Regulations 2010 reg 8',
    referenceRow: 45,
    configurable: false,
    next: 'personal-adviser-visit',
  },
  {
    id: 'personal-adviser-visit',
    title: 'Personal adviser visit (care leaver contact)',
    rule: 'Then visit at intervals of not more than 2 months. Personal adviser support continues on request up to age 25.',
    anchor: 'personal-adviser-visit',
    dueEvent: 'Young person visited',
    measure: 'months',
    amount: 2,
    status: 'statutory',
    source: 'Care Leavers (England) Regulations 2010 reg 8; Children and Social Work Act 2017',
    referenceRow: 45,
    configurable: false,
    next: 'personal-adviser-visit',
  },
  {
    id: 'private-fostering-visit-first',
    title: 'First private fostering visit',
    rule: 'Make the first visit within 7 working days of notification of a private fostering arrangement.',
    anchor: 'private-fostering-notification',
    dueEvent: 'Child visited',
    measure: 'working-days',
    amount: 7,
    status: 'statutory',
    source: 'Children (Private Arrangements for Fostering) Regulations 2005 reg 8',
    referenceRow: 47,
    configurable: false,
    unverified: true,
    next: 'private-fostering-visit-first-year',
  },
  {
    id: 'private-fostering-visit-first-year',
    title: 'Private fostering visit, first year',
    rule: 'In the first year of the arrangement, visit at intervals of not more than 6 weeks.',
    anchor: 'private-fostering-visit',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 6,
    status: 'statutory',
    source: 'Children (Private Arrangements for Fostering) Regulations 2005 reg 8',
    referenceRow: 47,
    configurable: false,
    next: 'private-fostering-visit-first-year',
    appliesWhen: 'First year of the arrangement',
  },
  {
    id: 'private-fostering-visit-later',
    title: 'Private fostering visit, later years',
    rule: 'After the first year, visit at intervals of not more than 12 weeks.',
    anchor: 'private-fostering-visit',
    dueEvent: 'Child visited',
    measure: 'weeks',
    amount: 12,
    status: 'statutory',
    source: 'Children (Private Arrangements for Fostering) Regulations 2005 reg 8',
    referenceRow: 47,
    configurable: false,
    next: 'private-fostering-visit-later',
    appliesWhen: 'After the first year of the arrangement',
  },
] as const satisfies readonly DeadlineSpec[];

/** Ids of the nationally declared deadlines. */
export type NationalDeadlineId = (typeof DEADLINE_SPECS)[number]['id'];
/** Any deadline id: a national one, or a local one added with {@link addLocalDeadline}. */
export type DeadlineId = NationalDeadlineId | (string & {});

function normalise(spec: DeadlineSpec): DeadlineDefinition {
  return Object.freeze({
    ...spec,
    direction: spec.direction ?? 'after',
    counting: spec.counting ?? 'day0',
    unverified: spec.unverified ?? false,
  });
}

/** The national deadline rules, in timescales.md order. */
export const DEADLINES: readonly DeadlineDefinition[] = Object.freeze(DEADLINE_SPECS.map((s) => normalise(s)));

// ---------------------------------------------------------------------------
// Configuration (authority overrides)
// ---------------------------------------------------------------------------

/** One version of a rule, in force from `effectiveFrom` (null = always). */
interface DeadlineVersion {
  readonly effectiveFrom: IsoDate | null;
  readonly definition: DeadlineDefinition;
}

/** An immutable set of deadline rules: the national ones plus an authority's changes. */
export interface DeadlineConfig {
  /** `national`, or the authority that changed it. */
  readonly name: string;
  /** Changes whenever a rule changes; store it with computed results. */
  readonly version: string;
  /** Versions of each rule, oldest first. */
  readonly rules: ReadonlyMap<string, readonly DeadlineVersion[]>;
}

/** Version label of the national rules. */
export const DEADLINE_RULES_VERSION = 'national-2025-11';

/** The national rules with no local changes. */
export const NATIONAL_DEADLINE_CONFIG: DeadlineConfig = Object.freeze({
  name: 'national',
  version: DEADLINE_RULES_VERSION,
  rules: new Map(DEADLINES.map((d) => [d.id, Object.freeze([Object.freeze({ effectiveFrom: null, definition: d })])])),
});

/** A change an authority makes to a configurable rule. */
export interface DeadlineOverride {
  amount?: number;
  measure?: DeadlineMeasure;
  counting?: Counting;
  /** Plain-English wording of the local rule (default: generated from the change). */
  rule?: string;
  /** Local procedure reference. */
  source?: string;
  /** First anchor date the change applies to (default: all dates). */
  effectiveFrom?: IsoDate;
  /** Authority name recorded in the override and the config version. */
  authority?: string;
  note?: string;
}

/** Thrown for an unknown deadline id. */
export class UnknownDeadlineError extends Error {
  constructor(readonly deadlineId: string) {
    super(`Unknown deadline: ${deadlineId}`);
    this.name = 'UnknownDeadlineError';
  }
}

/** Thrown when asking for the due date of a rule with no fixed timescale (amount null). */
export class UntimedDeadlineError extends Error {
  constructor(readonly deadlineId: string) {
    super(`Deadline ${deadlineId} has no fixed timescale; set a local one with overrideDeadline`);
    this.name = 'UntimedDeadlineError';
  }
}

/** Thrown when an authority tries to change a rule that is not configurable. */
export class DeadlineNotConfigurableError extends Error {
  constructor(readonly deadlineId: string) {
    super(`Deadline ${deadlineId} is not configurable by an authority; add a separate local deadline instead`);
    this.name = 'DeadlineNotConfigurableError';
  }
}

const UNIT_WORDS: Readonly<Record<DeadlineMeasure, [string, string]>> = {
  'working-days': ['working day', 'working days'],
  'calendar-days': ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  hours: ['hour', 'hours'],
};

function describeAmount(measure: DeadlineMeasure, amount: number): string {
  const [one, many] = UNIT_WORDS[measure];
  return `${amount} ${amount === 1 ? one : many}`;
}

function checkAmount(amount: number | null, measure: DeadlineMeasure): void {
  if (amount === null) return;
  const ok = measure === 'hours' ? Number.isFinite(amount) && amount > 0 : Number.isInteger(amount) && amount > 0;
  if (!ok) throw new RangeError(`Invalid amount ${amount} for measure ${measure}`);
}

function withVersion(config: DeadlineConfig, name: string, id: string, versions: readonly DeadlineVersion[]): DeadlineConfig {
  const rules = new Map(config.rules);
  rules.set(id, Object.freeze(versions));
  const tag = versions
    .map((v) => `${v.definition.amount ?? '-'}${v.definition.measure}/${v.definition.counting}@${v.effectiveFrom ?? '*'}`)
    .join(',');
  return Object.freeze({ name, version: `${config.version}+${name}:${id}=${tag}`, rules });
}

/**
 * Change a configurable rule for an authority (for example CP visits every 15
 * working days). Returns a new config; `config` is not modified. With
 * `effectiveFrom`, anchors before that date keep the previous rule.
 */
export function overrideDeadline(config: DeadlineConfig, id: DeadlineId, change: DeadlineOverride): DeadlineConfig {
  const versions = config.rules.get(id);
  if (!versions || versions.length === 0) throw new UnknownDeadlineError(id);
  const effectiveFrom = change.effectiveFrom ?? null;
  if (effectiveFrom !== null && !isIsoDate(effectiveFrom)) throw new RangeError(`effectiveFrom must be YYYY-MM-DD: ${effectiveFrom}`);
  const current = pickVersion(versions, effectiveFrom).definition;
  if (!current.configurable) throw new DeadlineNotConfigurableError(id);
  const base = current.override?.base ?? {
    measure: current.measure,
    amount: current.amount,
    counting: current.counting,
    status: current.status,
  };
  const measure = change.measure ?? current.measure;
  const amount = change.amount ?? current.amount;
  checkAmount(amount, measure);
  const authority = change.authority ?? (config.name === 'national' ? 'local' : config.name);
  const counting = change.counting ?? current.counting;
  const relation = current.direction === 'before' ? 'before' : counting === 'day1' ? 'beginning with' : 'of';
  const generated =
    amount === null
      ? current.rule
      : `${current.dueEvent} within ${describeAmount(measure, amount)} ${relation} the ${ANCHOR_EVENTS[current.anchor].toLowerCase()} (local rule).`;
  const definition: DeadlineDefinition = Object.freeze({
    ...current,
    measure,
    amount,
    counting,
    rule: change.rule ?? generated,
    source: change.source ?? `${authority} local procedures`,
    status: 'local',
    override: Object.freeze({
      authority,
      effectiveFrom,
      note: change.note ?? null,
      base: Object.freeze({ ...base }),
    }),
  });
  const kept = versions.filter((v) => v.effectiveFrom !== effectiveFrom);
  const next = [...kept, Object.freeze({ effectiveFrom, definition })].sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom ? 0 : a.effectiveFrom === null ? -1 : b.effectiveFrom === null ? 1 : compareDates(a.effectiveFrom, b.effectiveFrom),
  );
  return withVersion(config, authority, id, next);
}

/** Input for a local deadline: like a definition, but status is always `local`. */
export type LocalDeadlineInput = Omit<DeadlineSpec, 'status' | 'configurable' | 'referenceRow' | 'source'> & {
  /** Local procedure reference (default: "<authority> local procedures"). */
  readonly source?: string;
  readonly referenceRow?: number;
};

/**
 * Add an authority's own deadline (for example Oxfordshire's 12-week target for
 * connected-person assessments). Returns a new config.
 */
export function addLocalDeadline(config: DeadlineConfig, input: LocalDeadlineInput, authority?: string): DeadlineConfig {
  if (config.rules.has(input.id)) throw new Error(`Deadline already exists: ${input.id}`);
  if (!(input.anchor in ANCHOR_EVENTS)) throw new RangeError(`Unknown anchor event: ${input.anchor}`);
  checkAmount(input.amount, input.measure);
  const name = authority ?? (config.name === 'national' ? 'local' : config.name);
  const definition = normalise({
    ...input,
    source: input.source ?? `${name} local procedures`,
    status: 'local',
    configurable: true,
    referenceRow: input.referenceRow ?? 0,
  });
  return withVersion(config, name, input.id, [Object.freeze({ effectiveFrom: null, definition })]);
}

const overrideSchema = z.object({
  id: z.string().min(1),
  amount: z.number().positive().optional(),
  measure: z.enum(['working-days', 'calendar-days', 'weeks', 'months', 'hours']).optional(),
  counting: z.enum(['day0', 'day1']).optional(),
  rule: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  effectiveFrom: z.string().refine(isIsoDate, 'effectiveFrom must be YYYY-MM-DD').optional(),
  note: z.string().optional(),
});

/** Schema of an authority's deadline configuration file (JSON). */
export const deadlineConfigSchema = z.object({
  authority: z.string().min(1),
  overrides: z.array(overrideSchema).default([]),
});

/**
 * Build an authority's config from a JSON-like object, for example
 * `{ "authority": "Exampleshire", "overrides": [{ "id": "cp-visit", "amount": 15 }] }`.
 */
export function deadlineConfigFromJson(json: unknown, base: DeadlineConfig = NATIONAL_DEADLINE_CONFIG): DeadlineConfig {
  const parsed = deadlineConfigSchema.parse(json);
  let config = base;
  for (const o of parsed.overrides) {
    const change: DeadlineOverride = { authority: parsed.authority };
    if (o.amount !== undefined) change.amount = o.amount;
    if (o.measure !== undefined) change.measure = o.measure;
    if (o.counting !== undefined) change.counting = o.counting;
    if (o.rule !== undefined) change.rule = o.rule;
    if (o.source !== undefined) change.source = o.source;
    if (o.effectiveFrom !== undefined) change.effectiveFrom = o.effectiveFrom;
    if (o.note !== undefined) change.note = o.note;
    config = overrideDeadline(config, o.id, change);
  }
  return config;
}

function pickVersion(versions: readonly DeadlineVersion[], on: IsoDate | null): DeadlineVersion {
  // Versions are sorted: the undated (always) version first, then by effectiveFrom.
  let chosen = versions[0] as DeadlineVersion;
  if (on === null) return chosen;
  for (const v of versions) {
    if (v.effectiveFrom !== null && compareDates(v.effectiveFrom, on) <= 0) chosen = v;
  }
  return chosen;
}

/**
 * The rule `id` as in force for an anchor on `on` (default: the base rule).
 * Throws {@link UnknownDeadlineError} for an unknown id.
 */
export function getDeadline(id: DeadlineId, config: DeadlineConfig = NATIONAL_DEADLINE_CONFIG, on?: IsoDate): DeadlineDefinition {
  const versions = config.rules.get(id);
  if (!versions || versions.length === 0) throw new UnknownDeadlineError(id);
  return pickVersion(versions, on ?? null).definition;
}

/** All rules of a config (the version in force on `on`, default the base one), in declaration order. */
export function listDeadlines(config: DeadlineConfig = NATIONAL_DEADLINE_CONFIG, on?: IsoDate): readonly DeadlineDefinition[] {
  return [...config.rules.keys()].map((id) => getDeadline(id, config, on));
}

// ---------------------------------------------------------------------------
// Computing due dates
// ---------------------------------------------------------------------------

/** Options for due-date computations. */
export interface DueDateOptions {
  /** Rules (default: national). */
  config?: DeadlineConfig;
  /** Working-day calendar (default: statutory England and Wales). Use the statutory one for compliance. */
  calendar?: WorkingCalendar;
  /**
   * Counting convention for working-day rules, overriding the rule's own: `day1`
   * reproduces the DfE CIN validator (convention B). Other measures ignore it.
   */
  convention?: Counting;
}

/** A computed deadline, with everything needed to explain and audit it. */
export interface DeadlineResult {
  readonly deadlineId: string;
  readonly title: string;
  readonly status: DeadlineStatus;
  readonly measure: DeadlineMeasure;
  readonly amount: number;
  readonly counting: Counting;
  readonly direction: 'after' | 'before';
  /** The anchor as given (date, or London timestamp for hour rules). */
  readonly anchor: string;
  /** The deadline: an ISO date, or for hour rules a Europe/London timestamp with offset. */
  readonly due: string;
  /** For date rules: the last working day on or before `due` (equal to it when it is a working day). */
  readonly lastWorkingDay: IsoDate | null;
  /** Weekday bank holidays and closures between anchor and due (inclusive). */
  readonly nonWorkingDaysCrossed: readonly NonWorkingDay[];
  readonly calendarId: string;
  readonly calendarVersion: string;
  readonly configVersion: string;
  readonly overridden: boolean;
}

function toDateOnly(value: Timestamp): IsoDate {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  return londonDateOf(value);
}

/** Date of the anchor used to choose the rule version (London date for timestamps). */
function anchorDay(anchor: Timestamp): IsoDate {
  return toDateOnly(anchor);
}

/**
 * Full computation of deadline `id` from `anchor`: due date plus the
 * explanation (last working day, non-working days crossed, versions used).
 */
export function computeDeadline(id: DeadlineId, anchor: Timestamp, options: DueDateOptions = {}): DeadlineResult {
  const config = options.config ?? NATIONAL_DEADLINE_CONFIG;
  const calendar = options.calendar ?? STATUTORY_CALENDAR;
  const def = getDeadline(id, config, anchorDay(anchor));
  if (def.amount === null) throw new UntimedDeadlineError(def.id);
  const amount = def.amount;
  const sign = def.direction === 'before' ? -1 : 1;
  const counting = def.measure === 'working-days' ? (options.convention ?? def.counting) : def.counting;
  let due: string;
  let anchorOut: string;
  if (def.measure === 'hours') {
    if (typeof anchor === 'string' && isIsoDate(anchor)) {
      throw new RangeError(`Deadline ${def.id} is measured in hours: give the anchor as a date and time`);
    }
    anchorOut = formatLondonTimestamp(anchor);
    due = formatLondonTimestamp(addHours(anchor, sign * amount));
  } else {
    const a = toDateOnly(anchor);
    anchorOut = a;
    const shift = counting === 'day1' ? -sign : 0; // "beginning with": the anchor is day 1
    switch (def.measure) {
      case 'working-days':
        due = addWorkingDays(a, sign * amount, { calendar, convention: counting });
        break;
      case 'calendar-days':
        due = addDays(a, sign * amount + shift);
        break;
      case 'weeks':
        due = addDays(a, sign * amount * 7 + shift);
        break;
      case 'months':
        due = addDays(addMonths(a, sign * amount), shift);
        break;
    }
  }
  const dueDay = def.measure === 'hours' ? londonDateOf(due) : due;
  const startDay = toDateOnly(anchorOut);
  const [from, to] = compareDates(startDay, dueDay) <= 0 ? [startDay, dueDay] : [dueDay, startDay];
  return Object.freeze({
    deadlineId: def.id,
    title: def.title,
    status: def.status,
    measure: def.measure,
    amount,
    counting,
    direction: def.direction,
    anchor: anchorOut,
    due,
    lastWorkingDay: def.measure === 'hours' ? null : workingDayOnOrBefore(due, calendar),
    nonWorkingDaysCrossed: nonWorkingWeekdaysBetween(from, to, calendar),
    calendarId: calendar.id,
    calendarVersion: calendar.version,
    configVersion: config.version,
    overridden: def.override !== undefined,
  });
}

/**
 * The due date of deadline `id` for an event on `anchor`: an ISO date, or for
 * hour rules (return home interview) a Europe/London timestamp such as
 * `2025-11-10T20:30:00+00:00`. Throws for unknown ids and untimed rules.
 */
export function dueDate(id: DeadlineId, anchor: Timestamp, options: DueDateOptions = {}): string {
  return computeDeadline(id, anchor, options).due;
}

/** True when `actual` is on or before the due date (or due time, for hour rules). */
export function isOnTime(id: DeadlineId, anchor: Timestamp, actual: Timestamp, options: DueDateOptions = {}): boolean {
  const r = computeDeadline(id, anchor, options);
  if (r.measure === 'hours') {
    if (typeof actual === 'string' && isIsoDate(actual)) {
      throw new RangeError(`Deadline ${r.deadlineId} is measured in hours: give the actual time, not just a date`);
    }
    return parseTimestamp(actual).getTime() <= parseTimestamp(r.due).getTime();
  }
  return compareDates(toDateOnly(actual), r.due) <= 0;
}

/** Dashboard status of a deadline (timescales.md §6). */
export type DeadlineState = 'met-on-time' | 'met-late' | 'overdue' | 'due-today' | 'due-soon' | 'not-yet-due';

/** Options for {@link deadlineStatus}. */
export interface DeadlineStatusOptions extends DueDateOptions {
  /** When the stop event happened, if it has. */
  actual?: Timestamp | null;
  /** The date (or time, for hour rules) to judge at. */
  asOf: Timestamp;
  /** "Due soon" window for date rules, in working days (default 5). */
  dueSoonWorkingDays?: number;
  /** "Due soon" window for hour rules, in hours (default 24). */
  dueSoonHours?: number;
}

/** Status of deadline `id` from `anchor`: met on time or late, overdue, due today, due soon, or not yet due. */
export function deadlineStatus(id: DeadlineId, anchor: Timestamp, options: DeadlineStatusOptions): DeadlineState {
  const r = computeDeadline(id, anchor, options);
  if (options.actual != null) return isOnTime(id, anchor, options.actual, options) ? 'met-on-time' : 'met-late';
  if (r.measure === 'hours') {
    const now = parseTimestamp(options.asOf).getTime();
    const due = parseTimestamp(r.due).getTime();
    if (now > due) return 'overdue';
    if (londonDateOf(options.asOf) === londonDateOf(r.due)) return 'due-today';
    return due - now <= (options.dueSoonHours ?? 24) * 3_600_000 ? 'due-soon' : 'not-yet-due';
  }
  const today = toDateOnly(options.asOf);
  const cmp = compareDates(today, r.due);
  if (cmp > 0) return 'overdue';
  if (cmp === 0) return 'due-today';
  const wd = workingDaysBetween(today, r.due, { calendar: options.calendar ?? STATUTORY_CALENDAR });
  return wd <= (options.dueSoonWorkingDays ?? 5) ? 'due-soon' : 'not-yet-due';
}

/** The earliest due date among several (deadline, anchor) pairs, for "whichever is sooner" rules. */
export function earliestDueDate(
  items: ReadonlyArray<{ readonly id: DeadlineId; readonly anchor: IsoDate }>,
  options: DueDateOptions = {},
): IsoDate {
  if (items.length === 0) throw new RangeError('earliestDueDate needs at least one item');
  const dates = items.map((i) => computeDeadline(i.id, i.anchor, options));
  if (dates.some((d) => d.measure === 'hours')) throw new RangeError('earliestDueDate works on date rules only');
  return dates.map((d) => d.due).reduce((a, b) => (compareDates(b, a) < 0 ? b : a));
}

/** The next due item in a chain of reviews or visits. */
export interface NextDue {
  readonly deadlineId: string;
  /** The date the interval is counted from: the anchor, or the actual date of the last event. */
  readonly from: IsoDate;
  readonly due: IsoDate;
}

/**
 * Next due date in a chain (reviews, visits), counting each interval from the
 * *actual* date of the previous event, not from its due date (timescales.md §4.2).
 * `firstId` is the first rule of the chain (for example `cla-review-first`) and
 * `anchor` its anchor; `done` lists the actual dates already held, in order.
 * Returns `null` when the chain has ended (a rule without `next`).
 */
export function nextDueInChain(
  firstId: DeadlineId,
  anchor: IsoDate,
  done: readonly IsoDate[],
  options: DueDateOptions = {},
): NextDue | null {
  const config = options.config ?? NATIONAL_DEADLINE_CONFIG;
  let id: string = firstId;
  let from = anchor;
  for (const actual of done) {
    const def = getDeadline(id, config, from);
    if (def.next === undefined) return null;
    id = def.next;
    from = actual;
  }
  return Object.freeze({ deadlineId: id, from, due: dueDate(id, from, options) });
}

/**
 * Which review health assessment rule applies after an assessment on
 * `lastAssessment`: 6-monthly if the child was under 5 on that date, else 12-monthly.
 */
export function healthReviewDeadlineId(
  dateOfBirth: IsoDate,
  lastAssessment: IsoDate,
  leapBirthday: LeapBirthdayRule = 'feb28',
): 'health-assessment-review-under-5' | 'health-assessment-review-5-plus' {
  return ageOn(dateOfBirth, lastAssessment, leapBirthday) < 5
    ? 'health-assessment-review-under-5'
    : 'health-assessment-review-5-plus';
}

/** Due date of the next review health assessment (see {@link healthReviewDeadlineId}). */
export function healthReviewDueDate(
  dateOfBirth: IsoDate,
  lastAssessment: IsoDate,
  options: DueDateOptions & { leapBirthday?: LeapBirthdayRule } = {},
): IsoDate {
  return dueDate(healthReviewDeadlineId(dateOfBirth, lastAssessment, options.leapBirthday), lastAssessment, options);
}
