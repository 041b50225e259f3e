/**
 * The measures the templates print, declared once: which indicator (src/metrics), which field,
 * unit and DfE decimals, and which published reference measure gives the comparators.
 * CIN census rates and percentages: 1 dp; CLA rates and percentages: whole numbers.
 */
import { noun } from '../narrative/count.js';
import { getCodeList } from '../../model/code-lists/index.js';
import type { Measure } from '../model.js';

const m = (x: Measure): Measure => Object.freeze(x);

export const CONTACTS = m({ indicator: 'CON-01', label: 'Contacts received', field: 'value', unit: 'count', noun: noun('contact') });
export const REFERRALS = m({ indicator: 'REF-01', label: 'Referrals', field: 'value', unit: 'count', noun: noun('referral') });
export const REFERRAL_RATE = m({ indicator: 'REF-01', label: 'Referral rate per 10,000', field: 'rate', unit: 'rate', dp: 1, benchmark: 'referrals.rate' });
export const REREFERRALS = m({ indicator: 'REF-03', label: 'Re-referrals within 12 months (%)', field: 'value', unit: 'percent', dp: 1, benchmark: 'referrals.rereferral_pct' });
export const CIN_AT31 = m({ indicator: 'CIN-01', label: 'Children in need at 31 March (open cases)', field: 'value', unit: 'count', noun: noun('child', 'children') });
export const CIN_RATE = m({ indicator: 'CIN-01', label: 'Children in need per 10,000', field: 'rate', unit: 'rate', dp: 1, benchmark: 'cin.at31.rate' });
export const S47 = m({ indicator: 'S47-01', label: 'Section 47 enquiries', field: 'value', unit: 'count', noun: noun('enquiry') });
export const S47_RATE = m({ indicator: 'S47-01', label: 'Section 47 enquiries per 10,000', field: 'rate', unit: 'rate', dp: 1, benchmark: 's47.rate' });
export const ICPC = m({ indicator: 'S47-02', label: 'Initial child protection conferences', field: 'value', unit: 'count' });
export const CPP_AT31 = m({ indicator: 'CPP-01', label: 'Children on a child protection plan at 31 March', field: 'value', unit: 'count', noun: noun('child', 'children') });
export const CPP_RATE = m({ indicator: 'CPP-01', label: 'Child protection plans per 10,000', field: 'rate', unit: 'rate', dp: 1, benchmark: 'cpp.at31.rate' });
export const CPP_STARTED = m({ indicator: 'CPP-02', label: 'Child protection plans started', field: 'value', unit: 'count', noun: noun('plan') });
export const CPP_STARTED_RATE = m({ indicator: 'CPP-02', label: 'Plans started per 10,000', field: 'rate', unit: 'rate', dp: 1, benchmark: 'cpp.started.rate' });
export const CPP_ENDED = m({ indicator: 'CPP-02-END', label: 'Child protection plans ended', field: 'value', unit: 'count', noun: noun('plan') });
export const CPP_REPEAT = m({ indicator: 'CPP-03', label: 'Second or subsequent plans (%)', field: 'value', unit: 'percent', dp: 1, benchmark: 'cpp.started.subsequent_pct' });
export const CPP_2YEARS = m({ indicator: 'CPP-04', label: 'Plans ending after 2 years or more (%)', field: 'value', unit: 'percent', dp: 1, benchmark: 'cpp.ended.duration.2y_plus_pct' });
export const CLA_AT31 = m({ indicator: 'CLA-01', label: 'Children looked after at 31 March', field: 'value', unit: 'count', noun: noun('child', 'children') });
export const CLA_RATE = m({ indicator: 'CLA-01', label: 'Children looked after per 10,000', field: 'rate', unit: 'rate', dp: 0, benchmark: 'cla.at31.rate' });
export const CLA_STARTED = m({ indicator: 'CLA-02', label: 'Children starting to be looked after', field: 'value', unit: 'count', noun: noun('child', 'children') });
export const CLA_STARTED_RATE = m({ indicator: 'CLA-02', label: 'Starting to be looked after per 10,000', field: 'rate', unit: 'rate', dp: 0, benchmark: 'cla.started.rate' });
export const CLA_CEASED = m({ indicator: 'CLA-03', label: 'Children ceasing to be looked after', field: 'value', unit: 'count', noun: noun('child', 'children') });
export const CLA_UASC = m({ indicator: 'CLA-18', label: 'Unaccompanied asylum-seeking children looked after', field: 'value', unit: 'count' });
export const POLICE_PROTECTION = m({ indicator: 'PP-01', label: 'Children taken into police protection', field: 'value', unit: 'count', noun: noun('child', 'children') });
export const ASSESSMENTS_45 = m({ indicator: 'ASM-02', label: 'Assessments completed within 45 working days (%)', field: 'value', unit: 'percent', dp: 1, benchmark: 'assessments.within_45_days_pct' });
export const ICPC_15 = m({ indicator: 'S47-03', label: 'Initial conferences within 15 working days (%)', field: 'value', unit: 'percent', dp: 1, benchmark: 'icpc.within_15_days_pct' });
export const CP_VISITS = m({ indicator: 'CPP-08', label: 'Children on a plan seen within 10 working days (%)', field: 'value', unit: 'percent', dp: 1 });
export const CP_REVIEWS = m({ indicator: 'CPP-06', label: 'Plans reviewed on time (%)', field: 'value', unit: 'percent', dp: 1 });
export const CORE_GROUPS = m({ indicator: 'CPP-09', label: 'First core group on time (%)', field: 'value', unit: 'percent', dp: 1 });
export const CLA_3PLUS = m({ indicator: 'CLA-04', label: 'Three or more placements in the year (%)', field: 'value', unit: 'percent', dp: 0, benchmark: 'cla.stability.3plus_placements_pct' });
export const CLA_LONG_TERM = m({ indicator: 'CLA-05', label: 'Long-term placement stability (%)', field: 'value', unit: 'percent', dp: 0, benchmark: 'cla.stability.long_term_pct' });
export const CLA_20_MILES = m({ indicator: 'CLA-06', label: 'Placed more than 20 miles from home (%)', field: 'value', unit: 'percent', dp: 0 });
export const CLA_OUT_OF_AREA = m({ indicator: 'CLA-06-OUT', label: 'Placed outside the authority (%)', field: 'value', unit: 'percent', dp: 0 });
export const ADOPTION_A1 = m({ indicator: 'ADO-A1', label: 'A1: entering care to moving in with adoptive family (days, 3-year average)', field: 'value', unit: 'days' });
export const ADOPTION_A2 = m({ indicator: 'ADO-A2', label: 'A2: court authority to match (days, 3-year average)', field: 'value', unit: 'days' });
export const ADOPTION_A3 = m({ indicator: 'ADO-A3', label: 'A3: adopted within 14 months of entering care (%)', field: 'value', unit: 'percent', dp: 0 });
export const ADOPTION_EXITS = m({ indicator: 'ADO-05', label: 'Children ceasing care who were adopted (%)', field: 'value', unit: 'percent', dp: 0 });
export const CLA_MISSING = m({ indicator: 'CLA-07', label: 'Looked-after children who went missing (%)', field: 'value', unit: 'percent', dp: 0 });
export const CLA_AWAY = m({ indicator: 'CLA-07-AWAY', label: 'Looked-after children away without authorisation (%)', field: 'value', unit: 'percent', dp: 0 });
export const MISSING_INCIDENTS = m({ indicator: 'CLA-07-INCIDENTS', label: 'Missing incidents per child who went missing', field: 'value', unit: 'ratio', dp: 1 });
export const RETURN_INTERVIEWS = m({ indicator: 'CLA-08', label: 'Return interviews offered (%)', field: 'value', unit: 'percent', dp: 0 });
export const RETURN_72H = m({ indicator: 'CLA-08-72H', label: 'Return interviews within 72 hours (%)', field: 'value', unit: 'percent', dp: 0 });
export const CASELOAD = m({ indicator: 'WF-01', label: 'Cases per case-holding worker', field: 'value', unit: 'ratio', dp: 1 });
export const OPEN_CASES = m({ indicator: 'WF-03', label: 'Open cases', field: 'value', unit: 'count', noun: noun('child', 'children') });
export const UNALLOCATED = m({ indicator: 'WF-04', label: 'Unallocated cases (%)', field: 'value', unit: 'percent', dp: 1 });

export const CP_CATEGORY_LABELS = { NEG: 'Neglect', PHY: 'Physical abuse', SAB: 'Sexual abuse', EMO: 'Emotional abuse', MUL: 'Multiple' } as const;
export const MISSING_BAND_LABELS = { '1-4': 'Fewer than 5 episodes', '5-9': '5 to 9 episodes', '10-14': '10 to 14 episodes', '15-19': '15 to 19 episodes', '20+': '20 or more episodes' } as const;
export const PREVIOUS_INTERVENTION_LABELS = { previous_care: 'Previously looked after', cp_plan: 'Child protection plan', cin_referral: 'Referral to children’s social care', none: 'None recorded' } as const;
export const AGE_BAND_LABELS = { 'under 1': 'Under 1', '1-4': '1 to 4', '5-9': '5 to 9', '10-15': '10 to 15', '16+': '16 and over', unborn: 'Unborn' } as const;
export const SEX_LABELS = { F: 'Female', M: 'Male', U: 'Unknown' } as const;

/** CIN census assessment factors ('2A' → '2A: Drug misuse: child'), from the shipped code list. */
export const ASSESSMENT_FACTOR_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  (getCodeList('cin.AssessmentFactors')?.codes ?? []).map((c) => [c.code, `${c.code}: ${c.label.charAt(0).toUpperCase()}${c.label.slice(1)}`]),
);

/** Scenarios costed in the placements and annual reports (src/forecast named scenarios): Oxfordshire 2016's new in-house homes, and fewer children entering care. */
export const SAVINGS_SCENARIOS = ['new-homes', 'entries-fall-10'] as const;
