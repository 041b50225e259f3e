/**
 * The measure catalogue of the DfE reference data: every measure id, declared once, as data.
 *
 * Used by the loader (`src/reference/index.ts`) for titles and units, and by the build script
 * (`scripts/build-reference.ts`) to know which DfE file, column and row filter each measure comes
 * from. `data/reference/measures.json` is a generated copy for non-TypeScript consumers.
 *
 * Year labels: see `YearBasis`. CIN and CLA measures use DfE's reporting year, labelled by its END
 * year (2024 = 1 April 2023 to 31 March 2024; "at 31 March" = 31 March 2024).
 */

export type DatasetId = 'population' | 'cin' | 'cla' | 'workforce' | 'expenditure' | 'adoption';

/**
 * What the year label of a measure means.
 * - `reporting-year`: DfE collection year ending 31 March Y (2024 = 2023/24); snapshots are at 31 March Y.
 * - `mid-year`: ONS mid-year estimate at 30 June Y.
 * - `workforce-census`: children's social work workforce census at 30 September Y (flows cover the
 *   12 months to that date). 30 September Y falls inside reporting year Y+1.
 * - `financial-year`: financial year ending 31 March Y (2025 = 2024-25).
 */
export type YearBasis = 'reporting-year' | 'mid-year' | 'workforce-census' | 'financial-year';

export type Unit =
  | 'count'
  | 'persons'
  | 'percent'
  | 'rate-per-10k'
  | 'fte'
  | 'ratio'
  | 'working-days'
  | 'months'
  | 'gbp-thousand';

export type Level = 'national' | 'regional' | 'la';

export interface DatasetDef {
  readonly id: DatasetId;
  readonly file: string;
  readonly title: string;
  readonly yearBasis: YearBasis;
}

export const DATASETS: Readonly<Record<DatasetId, DatasetDef>> = {
  population: {
    id: 'population',
    file: 'population.json',
    title: 'ONS mid-year population estimates, children aged 0 to 17',
    yearBasis: 'mid-year',
  },
  cin: {
    id: 'cin',
    file: 'cin.json',
    title: 'Children in need census: referrals, assessments, S47/ICPC, CIN, CP plans',
    yearBasis: 'reporting-year',
  },
  cla: {
    id: 'cla',
    file: 'cla.json',
    title: 'Children looked after (SSDA903): stock, flows, characteristics, stability, care leavers',
    yearBasis: 'reporting-year',
  },
  workforce: {
    id: 'workforce',
    file: 'workforce.json',
    title: "Children's social work workforce census (30 September)",
    yearBasis: 'workforce-census',
  },
  expenditure: {
    id: 'expenditure',
    file: 'expenditure.json',
    title: "MHCLG revenue outturn: children's social care expenditure",
    yearBasis: 'financial-year',
  },
  adoption: {
    id: 'adoption',
    file: 'adoption.json',
    title: 'Adoption timings (national)',
    yearBasis: 'reporting-year',
  },
};

/** How a derived measure is computed from other measures (at build time). */
export type Derivation =
  /** count ÷ ONS population 0-17 at mid-(Y−1) × 10,000, rounded half up to `dp` decimals. */
  | { readonly kind: 'rate-per-10k'; readonly of: string; readonly dp: number }
  /** sum(numerator) ÷ denominator × 100, rounded half up to `dp` decimals. */
  | { readonly kind: 'percent'; readonly numerator: readonly string[]; readonly denominator: string; readonly dp: number }
  /** minuend − sum(subtrahend). */
  | { readonly kind: 'difference'; readonly minuend: string; readonly subtrahend: readonly string[] };

export interface MeasureDef {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  readonly dataset: DatasetId;
  /** DfE/ONS/MHCLG source file (relative to the DfE data folder); for derived measures, the inputs' file. */
  readonly file: string;
  /** Source column holding the value (absent for derived measures). */
  readonly column?: string;
  /** Row filter for long-format ("tidy") files: column name → required value. */
  readonly where?: Readonly<Record<string, string>>;
  /** Value transform: `years-months` parses DfE's "YY:MM" durations into months. */
  readonly transform?: 'years-months';
  readonly derived?: Derivation;
  readonly levels: readonly Level[];
  readonly notes?: string;
}

// ---------------------------------------------------------------------------------------------
// Source file names
// ---------------------------------------------------------------------------------------------

export const SOURCE_FILES = {
  ons: 'ons_mid-year_population_estimates_2012_to_2024.csv',
  b1: 'b1_children_in_need_2013_to_2025.csv',
  c1: 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
  c3: 'c3_factors_identified_at_end_of_assessment_2018_to_2025.csv',
  d3: 'd3_cpps_subsequent_plan_2013_to_2025.csv',
  d5: 'd5_cpps_at31march_by_duration_2013_to_2025.csv',
  a5: 'cin_2024_release/a5_cpp_initial_category_of_abuse_by_gender_age_ethnicity_2018_to_2024.csv',
  a7: 'cin_2024_release/a7_cin_by_age_gender_ethnicity_2015_to_2024.csv',
  b3: 'cin_2024_release/b3_cin_primary_need_2013_to_2024.csv',
  b4: 'cin_2024_release/b4_children_in_need_duration_of_open_episode_2013_to_2024.csv',
  b5: 'cin_2024_release/b5_children_in_need_duration_of_ended_episode_2013_to_2024.csv',
  b6: 'cin_2024_release/b6_children_in_need_reason_for_closure_2013_to_2024.csv',
  b7: 'cin_2024_release/b7_child_in_need_plans_2022_to_2024.csv',
  c2: 'cin_2024_release/c2_children_in_need_assessments_duration_2014_to_2024.csv',
  c4: 'cin_2024_release/c4_children_in_need_section_47s_and_icpcs_2013_to_2024.csv',
  c5: 'cin_2024_release/c5_children_in_need_referrals_by_source_2014_to_2024.csv',
  d1: 'cin_2024_release/d1_child_protection_plans_2013_to_2024.csv',
  d2: 'cin_2024_release/d2_cpps_starting_by_category_of_abuse_2013_to_2024.csv',
  d4: 'cin_2024_release/d4_cpps_at31march_by_category_of_abuse_2013_to_2024.csv',
  d7: 'cin_2024_release/d7_cpps_ending_by_duration_2013_to_2024.csv',
  onsCin2024: 'cin_2024_release/ons_mid-year_population_estimates_2012_to_2023.csv',
  claRate: 'cla_number_and_rate_per_10k_children.csv',
  cla31: 'cla_31_march_characteristics_2021_to_2025.csv',
  claStart: 'cla_starters_2021_to_2025.csv',
  claCeased: 'cla_ceased_2021_to_2025.csv',
  stability: 'la_cla_placement_stability.csv',
  newPlacements: 'la_cla_during_year_new_placements.csv',
  leaversActivity: 'la_care_leavers_activity.csv',
  leaversAccommodation: 'la_care_leavers_accommodation_suitability.csv',
  adoption: 'national_cla_adopted_average_time_between_adoption_process_stages.csv',
  csww: 'csww_indicators_2017_to_2025.csv',
  expenditure: 'la_childrens_social_care_expenditure_2024_25.csv',
  sn2025: 'sn_model_2025_wide.csv',
  sn2021: 'New_Statistical_Neighbour_Groupings_April_2021.csv',
} as const;

const F = SOURCE_FILES;
const ALL: readonly Level[] = ['national', 'regional', 'la'];
const NATIONAL: readonly Level[] = ['national'];

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

const defs: MeasureDef[] = [];

function add(d: Omit<MeasureDef, 'levels'> & { levels?: readonly Level[] }): void {
  defs.push({ ...d, levels: d.levels ?? ALL });
}

/** Wide-format column measure. */
function col(
  dataset: DatasetId,
  file: string,
  id: string,
  column: string,
  title: string,
  unit: Unit = 'count',
  extra: Partial<MeasureDef> = {},
): void {
  add({ id, title, unit, dataset, file, column, ...extra });
}

function rate(id: string, of: string, file: string, title: string, dp = 1): void {
  add({
    id,
    title,
    unit: 'rate-per-10k',
    dataset: 'cin',
    file,
    derived: { kind: 'rate-per-10k', of, dp },
    notes:
      'Computed at build time: count ÷ ONS 0-17 population at mid-(Y−1) (2025-release vintage) × 10,000, half up. ' +
      'Regional and national counts are rounded to 10, so their rates can differ from DfE by 0.1.',
  });
}

/** CIN-file count + percent band pairs (`<col>` and `<col>_percent`). */
function bands(
  dataset: DatasetId,
  file: string,
  prefix: string,
  titlePrefix: string,
  list: readonly (readonly [string, string, string])[],
  withPercent: boolean,
): void {
  for (const [slug, column, label] of list) {
    col(dataset, file, `${prefix}.${slug}`, column, `${titlePrefix}: ${label}`);
    if (withPercent) {
      col(dataset, file, `${prefix}.${slug}_pct`, `${column}_percent`, `${titlePrefix}: ${label} (%)`, 'percent');
    }
  }
}

/** Long-format (characteristic/breakdown) CLA measures. */
function tidy(
  file: string,
  prefix: string,
  titlePrefix: string,
  where: Readonly<Record<string, string>>,
  breakdownColumn: string,
  valueColumn: string,
  list: readonly (readonly [string, string])[],
  dataset: DatasetId = 'cla',
  levels: readonly Level[] = ALL,
  unit: Unit = 'count',
): void {
  for (const [slug, breakdown] of list) {
    add({
      id: slug === '' ? prefix : `${prefix}.${slug}`,
      title: `${titlePrefix}: ${breakdown}`,
      unit,
      dataset,
      file,
      column: valueColumn,
      where: { ...where, [breakdownColumn]: breakdown },
      levels,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Population
// ---------------------------------------------------------------------------------------------

col('population', F.ons, 'population.0_17', 'population_estimate', 'Children aged 0 to 17 (ONS mid-year estimate)', 'persons', {
  notes:
    'Labelled by mid-year (30 June Y). Rates for reporting year Y use mid-(Y−1). Mid-2022 and mid-2023 are the ' +
    'ONS 2025 revisions used by the 2025 DfE releases. Predecessor LAs 835/836/837 are `x`. No age bands in the source.',
});

// ---------------------------------------------------------------------------------------------
// CIN census (reporting year)
// ---------------------------------------------------------------------------------------------

// b1: children in need
col('cin', F.b1, 'cin.at31', 'At31_episodes', 'Children in need at 31 March (episodes)');
rate('cin.at31.rate', 'cin.at31', F.b1, 'Children in need at 31 March per 10,000 children');
col('cin', F.b1, 'cin.anypoint_episodes', 'Anypoint_episodes', 'CIN episodes open at any point in the year');
col('cin', F.b1, 'cin.anypoint_children', 'Anypoint_child', 'Children in need at any point in the year');
col('cin', F.b1, 'cin.started_episodes', 'Started_episodes', 'CIN episodes started in the year');
col('cin', F.b1, 'cin.started_children', 'Started_child', 'Children starting a CIN episode in the year');
col('cin', F.b1, 'cin.ended_episodes', 'Ended_episodes', 'CIN episodes ended in the year');
col('cin', F.b1, 'cin.ended_children', 'Ended_child', 'Children ending a CIN episode in the year');
col('cin', F.b1, 'cin.awaiting_assessment', 'awaiting_assessment', 'Referred children awaiting assessment at 31 March');

// b3: primary need at 31 March (2024 release)
bands('cin', F.b3, 'cin.at31.need', 'CIN at 31 March by primary need', [
  ['n1_abuse_neglect', 'N1_Abuse_or_neglect', 'N1 abuse or neglect'],
  ['n2_disability', 'N2_Childs_disability_or_illness', "N2 child's disability or illness"],
  ['n3_parent_disability', 'N3_Parents_disability_or_illness', "N3 parent's disability or illness"],
  ['n4_acute_stress', 'N4_Family_in_acute_stress', 'N4 family in acute stress'],
  ['n5_dysfunction', 'N5_Family_dysfunction', 'N5 family dysfunction'],
  ['n6_behaviour', 'N6_Socially_unacceptable_behaviour', 'N6 socially unacceptable behaviour'],
  ['n7_low_income', 'N7_Low_income', 'N7 low income'],
  ['n8_absent_parenting', 'N8_Absent_parenting', 'N8 absent parenting'],
  ['n9_not_cin', 'N9_Cases_other_than_CIN', 'N9 cases other than children in need'],
  ['n0_not_stated', 'N0_Not_stated', 'N0 not stated'],
], false);

// b4 / b5: duration of open and ended episodes (2024 release)
const CIN_DURATION = [
  ['3m_or_less', '3_months_or_less', '3 months or less'],
  ['3m_to_6m', 'more_than_3_months_6_months', 'more than 3 months to 6 months'],
  ['6m_to_1y', 'more_than_6_months_less_than_1_year', 'more than 6 months to less than 1 year'],
  ['1y_to_2y', '1_year_less_than_2_years', '1 year to less than 2 years'],
  ['2y_plus', '2years+', '2 years or more'],
] as const;
bands('cin', F.b4, 'cin.at31.duration', 'CIN episodes open at 31 March by time since referral', CIN_DURATION, false);
bands('cin', F.b5, 'cin.ended.duration', 'CIN episodes ended in the year by duration', CIN_DURATION, false);

// b6: reason for closure (2024 release)
bands('cin', F.b6, 'cin.ended.reason', 'CIN episodes ended in the year by reason', [
  ['rc1_adopted', 'RC1_Adopted', 'RC1 adopted'],
  ['rc2_died', 'RC2_Died', 'RC2 died'],
  ['rc3_residence_order', 'RC3_Residence_Order', 'RC3 residence order'],
  ['rc4_sgo', 'RC4_Special_Guardianship_Order', 'RC4 special guardianship order'],
  ['rc5_transfer_la', 'RC5_Transfer_to_another_LA', 'RC5 transferred to another LA'],
  ['rc6_transfer_adults', 'RC6_Transfer_to_Adult_Social_Service', 'RC6 transferred to adult social care'],
  ['rc7_other', 'RC7_Other', 'RC7 other (including no longer in need)'],
  ['unknown', 'unknown', 'unknown'],
], false);

// b7: CIN plans (2024 release, 2022 onwards)
col('cin', F.b7, 'cin_plans.at31', 'CINPlan_At31', 'CIN plans open at 31 March');
rate('cin_plans.at31.rate', 'cin_plans.at31', F.b7, 'CIN plans at 31 March per 10,000 children');
col('cin', F.b7, 'cin_plans.started', 'CINPlan_start', 'CIN plans started in the year');
col('cin', F.b7, 'cin_plans.ended', 'CINPlan_end', 'CIN plans ended in the year');
col('cin', F.b7, 'cin_plans.anypoint', 'CINPlan_anypoint', 'CIN plans open at any point in the year');

// a7: national CIN at 31 March by age and sex (2024 release)
const A7_WHERE = { characteristic: 'Age' } as const;
tidy(F.a7, 'cin.at31.age', 'CIN at 31 March by age (national)', A7_WHERE, 'characteristic_type', 'number', [
  ['under_1', 'Under 1 year'],
  ['1_4', '1 to 4 years'],
  ['5_9', '5 to 9 years'],
  ['10_15', '10 to 15 years'],
  ['16_plus', '16 years and over'],
], 'cin', NATIONAL);
tidy(F.a7, 'cin.at31.age', 'CIN at 31 March (national)', { characteristic: 'Unborn' }, 'characteristic_type', 'number', [
  ['unborn', 'Unborn'],
], 'cin', NATIONAL);
tidy(F.a7, 'cin.at31.sex', 'CIN at 31 March by sex (national)', { characteristic: 'Gender' }, 'characteristic_type', 'number', [
  ['female', 'Female'],
  ['male', 'Male'],
  ['unknown', 'Unknown or Indeterminate gender'],
], 'cin', NATIONAL);
tidy(F.a7, 'cin.at31.ethnicity', 'CIN at 31 March by ethnicity (national)', { characteristic: 'Ethnicity' }, 'characteristic_type', 'number', [
  ['known', 'Known ethnicity'],
  ['white', 'Total White'],
  ['mixed', 'Total mixed'],
  ['asian', 'Total Asian or Asian British'],
  ['black', 'Total Black or Black British'],
  ['other', 'Any other ethnic group'],
], 'cin', NATIONAL);

// c1: referrals
col('cin', F.c1, 'referrals', 'referral_count', 'Referrals received in the year');
rate('referrals.rate', 'referrals', F.c1, 'Referrals per 10,000 children');
col('cin', F.c1, 'referrals.rereferrals', 'rereferral_count', 'Re-referrals within 12 months of a previous referral');
col('cin', F.c1, 'referrals.rereferral_pct', 'rereferral_percent', 'Re-referrals within 12 months (% of referrals)', 'percent');
col('cin', F.c1, 'referrals.nfa', 'no_further_action_count', 'Referrals with no further action');
col('cin', F.c1, 'referrals.nfa_pct', 'no_further_action_percent', 'Referrals with no further action (%)', 'percent');
col('cin', F.c1, 'referrals.not_in_need', 'not_in_need_count', 'Referrals assessed as not in need');
col('cin', F.c1, 'referrals.not_in_need_pct', 'not_in_need_percent', 'Referrals assessed as not in need (%)', 'percent');
col('cin', F.c1, 'referrals.children', 'referral_child_count', 'Children referred in the year');
col('cin', F.c1, 'referrals.rereferral_children', 'rereferral_child_count', 'Children re-referred within 12 months');
col('cin', F.c1, 'referrals.rereferral_children_pct', 'rereferral_child_percent', 'Children re-referred within 12 months (%)', 'percent');

// c5: referrals by source (2024 release)
bands('cin', F.c5, 'referrals.source', 'Referrals by source', [
  ['individual', 'Individual', 'individual'],
  ['schools', 'Schools', 'schools'],
  ['education_services', 'Education_Services', 'education services'],
  ['health_services', 'Health_Services', 'health services'],
  ['housing', 'Housing', 'housing'],
  ['la_services', 'LA_Services', 'LA services'],
  ['police', 'Police', 'police'],
  ['other_legal_agency', 'Other_legal_agency', 'other legal agency'],
  ['other', 'Other', 'other'],
  ['anonymous', 'Anonymous', 'anonymous'],
  ['unknown', 'Unknown', 'unknown'],
], false);

// c2: assessments (2024 release)
col('cin', F.c2, 'assessments', 'Assessments_completed', 'Assessments completed in the year');
rate('assessments.rate', 'assessments', F.c2, 'Assessments completed per 10,000 children');
const ASSESSMENT_DAYS = [
  ['same_day', 'Same_day', 'same day'],
  ['1_10', '1-10_days', '1 to 10 working days'],
  ['11_20', '11-20_days', '11 to 20 working days'],
  ['21_30', '21-30_days', '21 to 30 working days'],
  ['31_40', '31-40_days', '31 to 40 working days'],
  ['41_45', '41-45_days', '41 to 45 working days'],
  ['46_50', '46-50_days', '46 to 50 working days'],
  ['51_60', '51-60_days', '51 to 60 working days'],
  ['61_plus', '61+_days', '61 or more working days'],
] as const;
bands('cin', F.c2, 'assessments.days', 'Assessments completed by duration', ASSESSMENT_DAYS, false);
add({
  id: 'assessments.within_45_days_pct',
  title: 'Assessments completed within 45 working days (%)',
  unit: 'percent',
  dataset: 'cin',
  file: F.c2,
  derived: {
    kind: 'percent',
    numerator: ASSESSMENT_DAYS.slice(0, 6).map(([slug]) => `assessments.days.${slug}`),
    denominator: 'assessments',
    dp: 1,
  },
  notes: 'Computed at build time from the c2 duration bins (same day … 41-45 days).',
});
col('cin', F.c2, 'assessments.days.p25', '25th_Percentile_days', 'Assessment duration, 25th percentile', 'working-days');
col('cin', F.c2, 'assessments.days.median', 'Median_days', 'Assessment duration, median', 'working-days');
col('cin', F.c2, 'assessments.days.p75', '75th_Percentile_days', 'Assessment duration, 75th percentile', 'working-days');

// c3: factors identified at the end of assessment
const C3_FACTORS = [
  'Alcohol_Misuse_child', 'Alcohol_Misuse_parent', 'Alcohol_Misuse_person',
  'Drug_Misuse_child', 'Drug_Misuse_parent', 'Drug_Misuse_person',
  'Domestic_Abuse_child', 'Domestic_Abuse_parent', 'Domestic_Abuse_person',
  'Mental_Health_child', 'Mental_Health_parent', 'Mental_Health_person',
  'Learning_Disability_child', 'Learning_Disability_parent', 'Learning_Disability_person',
  'Physical_Disability_child', 'Physical_Disability_parent', 'Physical_Disability_person',
  'Young_Carer', 'Privately_fostered', 'Unaccompanied_asylum_seeker', 'Going_missing',
  'Child_sexual_exploitation', 'Trafficking', 'Gangs', 'Socially_unacceptable_behaviour', 'Self_harm',
  'Neglect', 'Emotional_Abuse', 'Physical_Abuse_unknown', 'Physical_Abuse_child_on_child',
  'Physical_Abuse_adult_on_child', 'Sexual_Abuse_unknown', 'Sexual_Abuse_child_on_child',
  'Sexual_Abuse_adult_on_child', 'Female_Genital_Mutilation', 'Faith_linked_abuse',
  'Child_criminal_exploitation', 'Other',
] as const;
col('cin', F.c3, 'factors.episodes', 'Episodes_with_assessment_factor', 'Assessment episodes with at least one factor recorded');
for (const c of C3_FACTORS) {
  col('cin', F.c3, `factors.${c.toLowerCase()}`, c, `Factor at end of assessment: ${c.replace(/_/g, ' ')}`);
}

// c4: section 47 enquiries and ICPCs (2024 release)
col('cin', F.c4, 's47', 'Section47', 'Section 47 enquiries started in the year');
rate('s47.rate', 's47', F.c4, 'Section 47 enquiries per 10,000 children');
col('cin', F.c4, 's47.children', 'Section47_child', 'Children subject to a section 47 enquiry');
col('cin', F.c4, 'icpc', 'ICPC', 'Initial child protection conferences in the year');
rate('icpc.rate', 'icpc', F.c4, 'Initial child protection conferences per 10,000 children');
col('cin', F.c4, 'icpc.children', 'ICPC_child', 'Children subject to an ICPC');
const ICPC_DAYS = [
  ['0_10', 'Duration_0-10_days', '0 to 10 working days'],
  ['11_15', 'Duration_11-15_days', '11 to 15 working days'],
  ['16_20', 'Duration_16-20_days', '16 to 20 working days'],
  ['21_plus', 'Duration_21+_days', '21 or more working days'],
] as const;
bands('cin', F.c4, 'icpc.days', 'ICPCs by working days from S47 start', ICPC_DAYS, false);
add({
  id: 'icpc.within_15_days_pct',
  title: 'ICPCs held within 15 working days of the S47 start (%)',
  unit: 'percent',
  dataset: 'cin',
  file: F.c4,
  derived: { kind: 'percent', numerator: ['icpc.days.0_10', 'icpc.days.11_15'], denominator: 'icpc', dp: 1 },
  notes: 'Computed at build time: (0-10 + 11-15 days) ÷ ICPCs.',
});
col('cin', F.c4, 'icpc.days.p25', 'Duration_25th_Percentile', 'S47 start to ICPC, 25th percentile', 'working-days');
col('cin', F.c4, 'icpc.days.median', 'Duration_median', 'S47 start to ICPC, median', 'working-days');
col('cin', F.c4, 'icpc.days.p75', 'Duration_75th_Percentile', 'S47 start to ICPC, 75th percentile', 'working-days');

// d3 (2025 release): CP plans started and repeats
col('cin', F.d3, 'cpp.started', 'CPP_start', 'Child protection plans started in the year');
rate('cpp.started.rate', 'cpp.started', F.d3, 'Child protection plans started per 10,000 children');
col('cin', F.d3, 'cpp.started.subsequent', 'CPP_subsequent', 'CP plans started that were a second or subsequent plan');
col('cin', F.d3, 'cpp.started.subsequent_pct', 'CPP_subsequent_percent', 'CP plans started that were a second or subsequent plan (%)', 'percent');

// d1 (2024 release): other CP plan flows
col('cin', F.d1, 'cpp.started_children', 'CPP_child_start', 'Children starting a CP plan in the year');
col('cin', F.d1, 'cpp.ended', 'CPP_end', 'Child protection plans ended in the year');
rate('cpp.ended.rate', 'cpp.ended', F.d1, 'Child protection plans ended per 10,000 children');
col('cin', F.d1, 'cpp.ended_children', 'CPP_child_end', 'Children ending a CP plan in the year');
col('cin', F.d1, 'cpp.anypoint', 'CPP_anypoint', 'CP plans open at any point in the year');
col('cin', F.d1, 'cpp.anypoint_children', 'CPP_child_anypoint', 'Children on a CP plan at any point in the year');

// d5 (2025 release): CP plans at 31 March by duration
col('cin', F.d5, 'cpp.at31', 'CPP_At31', 'Child protection plans at 31 March');
rate('cpp.at31.rate', 'cpp.at31', F.d5, 'Child protection plans at 31 March per 10,000 children');
const CPP_DURATION = [
  ['3m_or_less', '3_months_or_less', '3 months or less'],
  ['3m_to_6m', 'more_than_3_months_6_months', 'more than 3 months to 6 months'],
  ['6m_to_1y', 'more_than_6_months_less_than_1_year', 'more than 6 months to less than 1 year'],
  ['1y_to_2y', '1_year_less_than_2_years', '1 year to less than 2 years'],
  ['2y_plus', '2_years_or_more', '2 years or more'],
] as const;
bands('cin', F.d5, 'cpp.at31.duration', 'CP plans at 31 March by duration', CPP_DURATION, true);
// d7 (2024 release): CP plans ended by duration
bands('cin', F.d7, 'cpp.ended.duration', 'CP plans ended in the year by duration', CPP_DURATION, true);

// d2 / d4 (2024 release): category of abuse
const ABUSE = [
  ['neglect', 'Neglect'],
  ['physical', 'Physical'],
  ['sexual', 'Sexual'],
  ['emotional', 'Emotional'],
  ['multiple', 'Multiple'],
] as const;
for (const [file, prefix, label] of [
  [F.d2, 'cpp.started', 'CP plans started'],
  [F.d4, 'cpp.at31', 'CP plans at 31 March'],
] as const) {
  for (const kind of ['initial', 'latest'] as const) {
    for (const [slug, name] of ABUSE) {
      const column = `${name}_${kind === 'initial' ? 'Initial' : 'Latest'}`;
      col('cin', file, `${prefix}.${kind}.${slug}`, column, `${label} by ${kind} category of abuse: ${slug}`);
    }
  }
}

// a5 (2024 release): national CP plans at 31 March by age and sex
tidy(F.a5, 'cpp.at31.age', 'CP plans at 31 March by age (national)', { characteristic: 'Age' }, 'characteristic_type', 'CPP_At31', [
  ['unborn', 'Unborn'],
  ['under_1', 'Under 1'],
  ['1_4', '1-4 years'],
  ['5_9', '5-9 years'],
  ['10_15', '10-15 years'],
  ['16_plus', '16 & over'],
], 'cin', NATIONAL);
tidy(F.a5, 'cpp.at31.sex', 'CP plans at 31 March by sex (national)', { characteristic: 'Gender' }, 'characteristic_type', 'CPP_At31', [
  ['female', 'Female'],
  ['male', 'Male'],
  ['unknown', 'Unknown or Indeterminate gender'],
], 'cin', NATIONAL);

// ---------------------------------------------------------------------------------------------
// Children looked after (reporting year, 2021-2025)
// ---------------------------------------------------------------------------------------------

const CLA_POP = {
  at31: 'Children looked after on 31 March each year',
  started: 'Children starting to be looked after each year',
  ceased: 'Children ceasing to be looked after each year',
} as const;
for (const [key, populationType] of Object.entries(CLA_POP)) {
  const label =
    key === 'at31' ? 'Children looked after at 31 March' : key === 'started' ? 'Children starting to be looked after' : 'Children ceasing to be looked after';
  add({ id: `cla.${key}`, title: label, unit: 'count', dataset: 'cla', file: F.claRate, column: 'children_count', where: { population_type: populationType } });
  add({
    id: `cla.${key}.rate`,
    title: `${label} per 10,000 children`,
    unit: 'rate-per-10k',
    dataset: 'cla',
    file: F.claRate,
    column: 'rate_per_10000',
    where: { population_type: populationType },
    notes: 'Published by DfE (whole number); uses ONS 0-17 at mid-(Y−1).',
  });
}

const AGE5 = [
  ['under_1', 'Under 1 year'],
  ['1_4', '1 to 4 years'],
  ['5_9', '5 to 9 years'],
  ['10_15', '10 to 15 years'],
  ['16_plus', '16 years and over'],
] as const;
const SEX = [
  ['female', 'Female'],
  ['male', 'Male'],
] as const;
const UASC = [
  ['uasc', 'Unaccompanied asylum-seeking children'],
  ['non_uasc', 'Children excluding unaccompanied asylum-seeking children'],
] as const;
const claNeed = (n4: string): readonly (readonly [string, string])[] => [
  ['n1_abuse_neglect', 'N1. Abuse or neglect'],
  ['n2_disability', "N2. Child's disability"],
  ['n3_parent_illness', 'N3. Parental illness or disability'],
  ['n4_acute_stress', n4],
  ['n5_dysfunction', 'N5. Family dysfunction'],
  ['n6_behaviour', 'N6. Socially unacceptable behaviour'],
  ['n7_low_income', 'N7. Low income'],
  ['n8_absent_parenting', 'N8. Absent parenting'],
];

function claDim(file: string, prefix: string, label: string, characteristic: string, list: readonly (readonly [string, string])[]): void {
  tidy(file, prefix, label, { characteristic }, 'breakdown', 'children_count', list);
}

// 31 March characteristics
claDim(F.cla31, 'cla.at31.age', 'CLA at 31 March by age', 'Age group', AGE5);
claDim(F.cla31, 'cla.at31.sex', 'CLA at 31 March by sex', 'Sex', SEX);
claDim(F.cla31, 'cla.at31.ethnicity', 'CLA at 31 March by ethnicity', 'Ethnicity', [
  ['white', 'White'],
  ['mixed', 'Mixed or Multiple ethnic groups'],
  ['asian', 'Asian or Asian British'],
  ['black', 'Black, African, Caribbean or Black British'],
  ['other', 'Other ethnic group'],
  ['not_known', 'Refused or information not yet available'],
]);
claDim(F.cla31, 'cla.at31.need', 'CLA at 31 March by category of need', 'Category of need', claNeed('N4. Family in acute stress'));
claDim(F.cla31, 'cla.at31.legal', 'CLA at 31 March by legal status', 'Legal status', [
  ['full_care_order', 'Full care order'],
  ['interim_care_order', 'Interim care order'],
  ['placement_order', 'Placement order granted'],
  ['s20', 'Voluntary agreements under S20 CA 1989'],
  ['detained_cp', 'Detained for child protection'],
  ['youth_justice', 'Youth justice legal statuses'],
]);
claDim(F.cla31, 'cla.at31.placement', 'CLA at 31 March by placement', 'Placement', [
  ['foster', 'Foster placements'],
  ['placed_for_adoption', 'Placed for adoption'],
  ['with_parents', 'Placed with parents or other person with parental responsibility'],
  ['independent_living', 'Independent and semi-independent living arrangements/supported accommodation'],
  ['secure_childrens_homes', "Secure homes and children's homes"],
  ['other_residential', 'Other residential settings'],
  ['residential_schools', 'Residential schools'],
  ['other', 'Other placements'],
]);
claDim(F.cla31, 'cla.at31.provider', 'CLA at 31 March by placement provider', 'Place providers', [
  ['own', 'Own provision (by the LA)'],
  ['other_la', 'Other LA provision'],
  ['other_public', 'Other public provision (e.g. by a PCT etc)'],
  ['private', 'Private provision'],
  ['voluntary', 'Voluntary/third sector provision'],
  ['parents', 'Parents or other person with parental responsibility'],
  ['not_reported', 'Placement provider not reported'],
]);
claDim(F.cla31, 'cla.at31', 'CLA at 31 March', 'Unaccompanied asylum-seeking children', UASC);
claDim(F.cla31, 'cla.at31.locality', 'CLA at 31 March by locality of placement', 'Locality of placement', [
  ['inside', 'Placed inside the local authority boundary'],
  ['outside', 'Placed outside the local authority boundary'],
]);
claDim(F.cla31, 'cla.at31.distance', 'CLA at 31 March by distance from home', 'Distance between home and placement', [
  ['20_miles_or_less', 'Placed 20 miles or less from home'],
  ['over_20_miles', 'Placed more than 20 miles from home'],
  ['not_known', 'Distance not known or not recorded'],
]);
claDim(F.cla31, 'cla.placed_in_boundary', 'Children placed within the LA boundary at 31 March', 'LA of placement', [
  ['', 'Total'],
  ['own_la', '1. Own LA children placed internally within the local authority boundary'],
  ['other_la', '2. Other LA children externally placed within the local authority boundary'],
]);

// starters
claDim(F.claStart, 'cla.started.age', 'CLA starters by age on starting', 'Age on starting', AGE5);
claDim(F.claStart, 'cla.started.sex', 'CLA starters by sex', 'Sex', SEX);
claDim(F.claStart, 'cla.started.need', 'CLA starters by category of need', 'Category of need', claNeed('N4. Family acute stress'));
claDim(F.claStart, 'cla.started.legal', 'CLA starters by legal status on starting', 'Legal status', [
  ['s20', 'Voluntary agreement under S20'],
  ['interim_care_order', 'Interim care order'],
  ['full_care_order', 'Full care order'],
  ['placement_order', 'Placement order granted'],
  ['epo', 'Emergency protection order'],
  ['police_protection', 'Police protection in LA accommodation'],
  ['child_assessment_order', 'Child assessment order and in LA accommodation'],
  ['pace', 'LA accommodation under PACE 1989'],
  ['remand', 'Remand'],
  ['youth_rehabilitation_order', 'Sentenced to youth rehabilitation order'],
]);
claDim(F.claStart, 'cla.started', 'CLA starters', 'Unaccompanied asylum-seeking children', UASC);
claDim(F.claStart, 'cla.started', 'CLA starters', 'Taken into care', [
  ['taken_into_care', 'All children taken into care'],
  ['not_taken_into_care', 'Not taken into care'],
]);

// ceased
claDim(F.claCeased, 'cla.ceased.age', 'CLA ceased by age on ceasing', 'Age on ceasing', [
  ['under_1', 'Under 1 year'],
  ['1_4', '1 to 4 years'],
  ['5_9', '5 to 9 years'],
  ['10_15', '10 to 15 years'],
  ['16', '16 years'],
  ['17', '17 years'],
  ['18_plus', '18 years and over'],
]);
claDim(F.claCeased, 'cla.ceased.sex', 'CLA ceased by sex', 'Sex', SEX);
claDim(F.claCeased, 'cla.ceased', 'CLA ceased', 'Unaccompanied asylum-seeking children', UASC);
claDim(F.claCeased, 'cla.ceased.reason', 'CLA ceased by reason', 'Reason episode ceased', [
  ['adopted', 'Adopted'],
  ['sgo', 'Special guardianship order'],
  ['residence_cao', 'Residence order or child arrangement order granted'],
  ['returned_home_planned', 'Returned home to live with parents or other person with parental responsibility which was part of the care planning process'],
  ['returned_home_unplanned', 'Returned home to live with parents or other person with parental responsibility which was not part of the care planning process'],
  ['left_to_relatives', 'Left care to live with parents, relatives or other person with no parental responsibility'],
  ['remained_with_carers_18', 'Aged 18 (or over) and remained with current carers'],
  ['independent_living_supported', 'Moved into independent living (with supportive accommodation)'],
  ['independent_living_unsupported', 'Moved into independent living (with no formalised support)'],
  ['adult_residential_care', 'Transferred to residential care funded by adult social services'],
  ['another_la', 'Care taken by another local authority'],
  ['remand_ended', 'Accommodation on remand ended'],
  ['custody', 'Sentenced to custody'],
  ['age_assessed_18_plus', 'Age assessment determined child aged 18 or over'],
  ['moved_abroad', 'Child moved abroad'],
  ['died', 'Died'],
  ['other', 'Care ceased for any other reason'],
]);

// placement stability
const STABILITY = [
  ['cla.stability.3plus_placements', 'CLA on 31 March', 'With 3 or more placements during the year', 'CLA at 31 March with 3 or more placements in the year'],
  ['cla.stability.3plus_placements_2y', 'CLA 2 years on 31 March', 'With 3 or more placements during the previous 2 years', 'CLA at 31 March (and in care the previous year) with 3 or more placements in 2 years'],
  ['cla.stability.long_term', 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years', 'Living with the same carer for at least 2 years', 'CLA under 16 in care 2.5+ years, living with the same carer for 2+ years'],
] as const;
for (const [id, group, row, title] of STABILITY) {
  const where = { cla_group: group, placement_stability: row };
  add({ id, title, unit: 'count', dataset: 'cla', file: F.stability, column: 'children_count', where });
  add({ id: `${id}_pct`, title: `${title} (%)`, unit: 'percent', dataset: 'cla', file: F.stability, column: 'children_percent', where });
  add({
    id: `${id}.cohort`,
    title: `${title}: cohort (denominator)`,
    unit: 'count',
    dataset: 'cla',
    file: F.stability,
    column: 'children_count',
    where: { cla_group: group, placement_stability: 'Total children' },
  });
}

// new placements and placement changes
tidy(F.newPlacements, 'cla.new_placements', 'New placements in the year', { characteristic: 'Location of new placements during the year' }, 'breakdown', 'children_count', [
  ['', 'Total new placements'],
  ['inside_under_20_miles', 'Placed inside LA boundary less than 20 miles from home'],
  ['inside_over_20_miles', 'Placed inside LA boundary more than 20 miles from home'],
  ['outside_under_20_miles', 'Placed outside LA boundary less than 20 miles from home'],
  ['outside_over_20_miles', 'Placed outside LA boundary more than 20 miles from home'],
  ['distance_not_known', 'Distance not known or not recorded'],
]);
tidy(F.newPlacements, 'cla.placement_changes', 'Placement changes in the year', { characteristic: 'Reason for placement change during the year' }, 'breakdown', 'children_count', [
  ['', 'Total placements changing'],
  ['care_plan', 'Change to/implementation of care plan'],
  ['carer_request_behaviour', "Carer requests placement ends due to child's behaviour"],
  ['carer_request_other', "Carer requests placement end other than due to child's behaviour"],
  ['child_request', 'Child requests placement to end'],
  ['responsible_authority_request', 'Responsible/area authority requests placement ends'],
  ['allegation_s47', 'Allegation (s47)'],
  ['standards_of_care', 'Standards of care concern'],
  ['approval_removed', 'Approval removed'],
  ['provider_closure', 'Resignation or closure of provision'],
  ['status_change_only', 'Change in the status of a placement only'],
  ['custody', 'Custody arrangement'],
  ['other', 'Other'],
]);

// care leavers
for (const [age, ageLabel] of [
  ['17_18', '17 to 18 years'],
  ['19_21', '19 to 21 years'],
] as const) {
  const p = `care_leavers.${age}`;
  const t = `Care leavers aged ${ageLabel}`;
  const activity = (slug: string, breakdown: string, label: string, withPct: boolean): void => {
    const where = { care_leaver_age: ageLabel, breakdown };
    add({ id: slug ? `${p}.${slug}` : p, title: `${t}: ${label}`, unit: 'count', dataset: 'cla', file: F.leaversActivity, column: 'care_leaver_count', where });
    if (withPct) {
      add({ id: `${p}.${slug}_pct`, title: `${t}: ${label} (%)`, unit: 'percent', dataset: 'cla', file: F.leaversActivity, column: 'care_leaver_percent', where });
    }
  };
  activity('', 'Total', 'total (activity cohort)', false);
  activity('eet', 'Total in education, employment or training', 'in education, employment or training', true);
  activity('higher_education', 'Higher education i.e. studies beyond A level', 'higher education', false);
  activity('other_education', 'Education other than higher education', 'education other than higher education', false);
  activity('apprenticeship', 'In an apprenticeship', 'in an apprenticeship (2022 onwards)', false);
  activity('training_employment', 'In training or employment (excl. apprenticeship)', 'in training or employment excluding apprenticeships (2022 onwards)', false);
  activity('training_employment_incl_apprenticeship', 'In training or employment', 'in training or employment (2021 only; split from 2022)', false);
  activity('neet', 'Total not in education, employment or training', 'not in education, employment or training', true);
  activity('neet.illness_disability', 'Not in education, training or employment, owing to illness or disability', 'NEET owing to illness or disability', false);
  activity('neet.pregnancy_parenting', 'Not in education, training or employment, owing to pregnancy or parenting', 'NEET owing to pregnancy or parenting', false);
  activity('neet.other', 'Not in education, training or employment, owing to other reasons', 'NEET owing to other reasons', false);
  activity('info_not_known', 'Total information not known', 'activity information not known (includes not in touch / refused contact)', true);
  add({
    id: `${p}.in_touch_proxy_pct`,
    title: `${t}: activity known (%) — proxy for "in touch"`,
    unit: 'percent',
    dataset: 'cla',
    file: F.leaversActivity,
    derived: { kind: 'percent', numerator: [`${p}.info_known`], denominator: p, dp: 0 },
    notes: "DfE's in-touch table is not in the source data; this is (total − information not known) ÷ total.",
  });
  add({
    id: `${p}.info_known`,
    title: `${t}: activity known (total − information not known)`,
    unit: 'count',
    dataset: 'cla',
    file: F.leaversActivity,
    derived: { kind: 'difference', minuend: p, subtrahend: [`${p}.info_not_known`] },
  });
  const acc = (slug: string, breakdown: string, label: string, withPct: boolean): void => {
    const where = { care_leaver_age: ageLabel, breakdown };
    add({ id: `${p}.accommodation.${slug}`, title: `${t}: ${label}`, unit: 'count', dataset: 'cla', file: F.leaversAccommodation, column: 'care_leaver_count', where });
    if (withPct) {
      add({ id: `${p}.accommodation.${slug}_pct`, title: `${t}: ${label} (%)`, unit: 'percent', dataset: 'cla', file: F.leaversAccommodation, column: 'care_leaver_percent', where });
    }
  };
  acc('total', 'Suitability total', 'accommodation cohort', false);
  acc('suitable', 'Accommodation considered suitable', 'accommodation considered suitable', true);
  acc('unsuitable', 'Accommodation considered unsuitable', 'accommodation considered unsuitable', true);
  acc('no_information', 'No information', 'no accommodation information', true);
}

// ---------------------------------------------------------------------------------------------
// Workforce (30 September census)
// ---------------------------------------------------------------------------------------------

const WORKFORCE: readonly (readonly [string, string, Unit])[] = [
  ['inpost_fte', 'Social workers in post (FTE)', 'fte'],
  ['inpost_headcount', 'Social workers in post (headcount)', 'count'],
  ['starters_fte', 'Starters in the year (FTE)', 'fte'],
  ['starters_headcount', 'Starters in the year (headcount)', 'count'],
  ['leavers_fte', 'Leavers in the year (FTE)', 'fte'],
  ['leavers_headcount', 'Leavers in the year (headcount)', 'count'],
  ['turnover_rate_fte', 'Turnover rate (FTE, %)', 'percent'],
  ['turnover_rate_headcount', 'Turnover rate (headcount, %)', 'percent'],
  ['agency_fte', 'Agency workers (FTE)', 'fte'],
  ['agency_headcount', 'Agency workers (headcount)', 'count'],
  ['agency_rate_fte', 'Agency worker rate (FTE, %)', 'percent'],
  ['agency_rate_headcount', 'Agency worker rate (headcount, %)', 'percent'],
  ['agency_cover_fte', 'Agency workers covering vacancies (FTE)', 'fte'],
  ['agency_cover_rate_fte', 'Agency workers covering vacancies (% of agency FTE)', 'percent'],
  ['vacancy_fte', 'Vacancies (FTE)', 'fte'],
  ['vacancy_rate_fte', 'Vacancy rate (FTE, %)', 'percent'],
  ['vacancy_agency_cover_rate_fte', 'Vacancies covered by agency workers (%)', 'percent'],
  ['case_holders_fte', 'Case-holding social workers (FTE)', 'fte'],
  ['cases', 'Cases held', 'count'],
  ['caseload_fte', 'Average caseload per case-holding FTE', 'ratio'],
  ['working_days_lost_fte', 'Working days lost to sickness absence (FTE)', 'count'],
  ['absence_rate_fte', 'Sickness absence rate (FTE, %)', 'percent'],
];
for (const [column, title, unit] of WORKFORCE) {
  col('workforce', F.csww, `workforce.${column}`, column, title, unit, {
    notes: 'Kingston/Richmond (314/318) and North/West Northamptonshire (940/941) report jointly.',
  });
}

// ---------------------------------------------------------------------------------------------
// Expenditure (financial year, labelled by end year: 2025 = 2024-25)
// ---------------------------------------------------------------------------------------------

const EXP_LEVELS: readonly Level[] = ['national', 'la'];
col('expenditure', F.expenditure, 'expenditure.csc_total', 'csc_total_expenditure_gbp_thousand', "Children's social care gross expenditure (£k)", 'gbp-thousand', { levels: EXP_LEVELS });
col('expenditure', F.expenditure, 'expenditure.cla', 'csc_children_looked_after_expenditure_gbp_thousand', 'Children looked after gross expenditure (£k)', 'gbp-thousand', { levels: EXP_LEVELS });
col('expenditure', F.expenditure, 'expenditure.total_service', 'total_service_expenditure_gbp_thousand', 'Total service expenditure, all services (£k)', 'gbp-thousand', {
  levels: EXP_LEVELS,
  notes: 'The England row covers all authority types, so it is not comparable with an upper-tier LA.',
});

// ---------------------------------------------------------------------------------------------
// Adoption timings (national)
// ---------------------------------------------------------------------------------------------

const ADOPTION_AGES = [
  ['total', 'Total'],
  ['under_1', 'Aged under 1'],
  ['1', 'Aged 1'],
  ['2', 'Aged 2'],
  ['3', 'Aged 3'],
  ['4', 'Aged 4'],
  ['5', 'Aged 5'],
  ['6', 'Aged 6'],
  ['7_plus', 'Aged 7 and over'],
] as const;
const ADOPTION_STAGES = [
  ['entry_to_decision', '1. Average time between entry into care and decision that child should be placed for adoption'],
  ['decision_to_match', '2. Average time between decision that child should be placed for adoption and matching of child and adopters'],
  ['match_to_placed', '3. Average time between date of matching and date placed for adoption'],
  ['entry_to_placed', '4. Total average time between entry into care and date placed for adoption'],
  ['placed_to_adopted', '5. Average time between date placed for adoption and the date child adopted'],
  ['entry_to_adopted', '6. Total average time between entry into care and adoption'],
] as const;
for (const [stage, stageName] of ADOPTION_STAGES) {
  for (const [age, ageName] of ADOPTION_AGES) {
    add({
      id: `adoption.${stage}.months.${age}`,
      title: `Adoption: ${stageName.replace(/^\d\. /, '')} (${ageName.toLowerCase()} on starting final period of care)`,
      unit: 'months',
      dataset: 'adoption',
      file: F.adoption,
      column: 'number',
      where: { stage_of_adoption_process: stageName, age_start_poc: ageName },
      transform: 'years-months',
      levels: NATIONAL,
      notes: 'DfE publishes YY:MM (years:months), rounded to the month; stored as months.',
    });
  }
}
for (const [age, ageName] of ADOPTION_AGES) {
  add({
    id: `adoption.placed_within_12m_of_decision.${age}`,
    title: `Children adopted who were placed within 12 months of the decision to place (${ageName.toLowerCase()})`,
    unit: 'count',
    dataset: 'adoption',
    file: F.adoption,
    column: 'number',
    where: {
      stage_of_adoption_process:
        'Children adopted who were placed for adoption within 12 months of the LA decision to place the child for adoption',
      age_start_poc: ageName,
    },
    levels: NATIONAL,
  });
}

// ---------------------------------------------------------------------------------------------

/** Every measure, in declaration order. */
export const MEASURES: readonly MeasureDef[] = Object.freeze(defs);

export const MEASURE_BY_ID: ReadonlyMap<string, MeasureDef> = (() => {
  const m = new Map<string, MeasureDef>();
  for (const d of MEASURES) {
    if (m.has(d.id)) throw new Error(`duplicate measure id ${d.id}`);
    m.set(d.id, d);
  }
  return m;
})();
