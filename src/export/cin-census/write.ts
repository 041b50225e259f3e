import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { collectionPeriod } from '../../ingest/common/dates.js';
import { asAt, encoder, groupBy, overlaps, rowsOf, type Row } from '../common/rows.js';

const SEX_TO_GENDER: Record<string, string> = { M: '1', F: '2', U: '0' };

/**
 * The CIN census XML of one year: every CIN episode open at some time in the year, with the
 * modules that touch the year, as known on 31 March (later dates left out). Elements follow
 * the XSD order; the header is fixed so the bytes are stable.
 */
export async function writeCinCensus(db: Kysely<Database>, laCode: string, year: number): Promise<{ files: Record<string, Uint8Array>; warnings: string[] }> {
  const { start: from, end: to } = collectionPeriod(year);
  const [children, identities, disabilities, referrals, assessments, factors, cinPlans, s47s, cpPlans, conferences] = await Promise.all([
    rowsOf(db, 'child', laCode, 'child_id'),
    rowsOf(db, 'child_identity', laCode, 'child_id'),
    rowsOf(db, 'child_disability', laCode, 'child_id, disability'),
    rowsOf(db, 'referral', laCode, 'child_id, referral_date'),
    rowsOf(db, 'assessment', laCode, 'referral_id, start_date'),
    rowsOf(db, 'assessment_factor', laCode, 'assessment_id, factor'),
    rowsOf(db, 'cin_plan', laCode, 'referral_id, start_date'),
    rowsOf(db, 's47_enquiry', laCode, 'referral_id, start_date'),
    rowsOf(db, 'cp_plan', laCode, 'referral_id, start_date'),
    rowsOf(db, 'cp_conference', laCode, 'referral_id, conference_date, conference_id'),
  ]);
  const yearReferrals = referrals.filter((r) => overlaps(r.referral_date, asAt(r.closure_date, to), from, to));
  const byChild = groupBy(yearReferrals, 'child_id');
  const identityOf = new Map(identities.map((i) => [String(i.child_id), i]));
  const disabilitiesOf = groupBy(disabilities, 'child_id');
  const assessmentsOf = groupBy(assessments, 'referral_id');
  const factorsOf = groupBy(factors, 'assessment_id');
  const cinPlansOf = groupBy(cinPlans, 'referral_id');
  const s47sOf = groupBy(s47s, 'referral_id');
  const cpPlansOf = groupBy(cpPlans, 'referral_id');
  const initialOf = new Map<string, Row>();
  const episodeIcpcOf = new Map<string, Row>();
  const reviewsOf = new Map<string, Row[]>();
  for (const c of conferences) {
    if (c.conference_type === 'initial' && c.s47_id) initialOf.set(String(c.s47_id), c);
    else if (c.conference_type === 'initial') episodeIcpcOf.set(String(c.referral_id), c);
    else if (c.conference_type === 'review' && c.cp_plan_id) reviewsOf.set(String(c.cp_plan_id), [...(reviewsOf.get(String(c.cp_plan_id)) ?? []), c]);
  }
  const plansByChild = groupBy(cpPlans, 'child_id');

  const out: string[] = [];
  const el = (indent: number, name: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return;
    out.push(`${'  '.repeat(indent)}<${name}>${escapeXml(String(value))}</${name}>`);
  };
  const open = (indent: number, name: string) => out.push(`${'  '.repeat(indent)}<${name}>`);
  const close = (indent: number, name: string) => out.push(`${'  '.repeat(indent)}</${name}>`);

  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  open(0, 'Message');
  open(1, 'Header');
  open(2, 'CollectionDetails');
  el(3, 'Collection', 'CIN');
  el(3, 'Year', year);
  el(3, 'ReferenceDate', to);
  close(2, 'CollectionDetails');
  open(2, 'Source');
  el(3, 'SourceLevel', 'L');
  el(3, 'LEA', laCode);
  el(3, 'SoftwareCode', 'CSC Workbench');
  el(3, 'Release', '0.1.0');
  el(3, 'SerialNo', '001');
  el(3, 'DateTime', `${to}T00:00:00`);
  close(2, 'Source');
  close(1, 'Header');
  open(1, 'Children');
  for (const child of children) {
    const id = String(child.child_id);
    const refs = byChild.get(id);
    if (!refs) continue;
    const identity = identityOf.get(id);
    open(2, 'Child');
    open(3, 'ChildIdentifiers');
    el(4, 'LAchildID', id);
    el(4, 'UPN', identity?.upn);
    el(4, 'FormerUPN', identity?.former_upn);
    el(4, 'UPNunknown', identity?.upn_unknown);
    el(4, 'PersonBirthDate', child.date_of_birth);
    el(4, 'ExpectedPersonBirthDate', child.expected_dob);
    if (year >= 2025) el(4, 'Sex', child.sex);
    else el(4, 'GenderCurrent', SEX_TO_GENDER[String(child.sex)]);
    el(4, 'PersonDeathDate', asAt(child.death_date, to));
    close(3, 'ChildIdentifiers');
    open(3, 'ChildCharacteristics');
    el(4, 'Ethnicity', child.ethnicity);
    const dis = disabilitiesOf.get(id);
    if (dis) {
      open(4, 'Disabilities');
      for (const d of dis) el(5, 'Disability', d.disability);
      close(4, 'Disabilities');
    }
    close(3, 'ChildCharacteristics');
    for (const r of refs) {
      const rid = String(r.referral_id);
      const closure = asAt(r.closure_date, to);
      open(3, 'CINdetails');
      el(4, 'CINreferralDate', r.referral_date);
      el(4, 'ReferralSource', r.source);
      el(4, 'PrimaryNeedCode', r.primary_need);
      el(4, 'CINclosureDate', closure);
      if (closure) el(4, 'ReasonForClosure', r.closure_reason);
      el(4, 'DateOfInitialCPC', asAt(episodeIcpcOf.get(rid)?.conference_date, to));
      for (const a of (assessmentsOf.get(rid) ?? []).filter((a) => overlaps(a.start_date, asAt(a.authorised_date, to), from, to))) {
        const authorised = asAt(a.authorised_date, to);
        open(4, 'Assessments');
        el(5, 'AssessmentActualStartDate', a.start_date);
        el(5, 'AssessmentAuthorisationDate', authorised);
        const fs = authorised ? factorsOf.get(String(a.assessment_id)) : undefined;
        if (fs) {
          open(5, 'FactorsIdentifiedAtAssessment');
          for (const f of fs) el(6, 'AssessmentFactors', f.factor);
          close(5, 'FactorsIdentifiedAtAssessment');
        }
        close(4, 'Assessments');
      }
      for (const p of (cinPlansOf.get(rid) ?? []).filter((p) => overlaps(p.start_date, asAt(p.end_date, to), from, to))) {
        open(4, 'CINPlanDates');
        el(5, 'CINPlanStartDate', p.start_date);
        el(5, 'CINPlanEndDate', asAt(p.end_date, to));
        close(4, 'CINPlanDates');
      }
      for (const s of s47sOf.get(rid) ?? []) {
        const icpc = asAt(initialOf.get(String(s.s47_id))?.conference_date, to);
        const concluded = icpc ?? (s.icpc_not_required ? s.start_date : null);
        if (!overlaps(s.start_date, concluded, from, to)) continue;
        open(4, 'Section47');
        el(5, 'S47ActualStartDate', s.start_date);
        el(5, 'InitialCPCtarget', s.icpc_target_date);
        el(5, 'DateOfInitialCPC', icpc);
        el(5, 'ICPCnotRequired', s.icpc_not_required ? '1' : '0');
        close(4, 'Section47');
      }
      el(4, 'ReferralNFA', r.nfa ? '1' : '0');
      for (const p of (cpPlansOf.get(rid) ?? []).filter((p) => overlaps(p.start_date, asAt(p.end_date, to), from, to))) {
        // As a return reported it when one did (it counts plans elsewhere too), else the plans held.
        const previous = p.previous_plans ?? (plansByChild.get(id) ?? []).filter((q) => String(q.start_date) < String(p.start_date)).length;
        open(4, 'ChildProtectionPlans');
        el(5, 'CPPstartDate', p.start_date);
        el(5, 'CPPendDate', asAt(p.end_date, to));
        el(5, 'InitialCategoryOfAbuse', p.initial_category);
        el(5, 'LatestCategoryOfAbuse', p.latest_category);
        el(5, 'NumberOfPreviousCPP', previous);
        const reviews = (reviewsOf.get(String(p.cp_plan_id)) ?? []).filter((c) => String(c.conference_date) >= from && String(c.conference_date) <= to);
        if (reviews.length) {
          open(5, 'Reviews');
          for (const c of reviews) el(6, 'CPPreviewDate', c.conference_date);
          close(5, 'Reviews');
        }
        close(4, 'ChildProtectionPlans');
      }
      close(3, 'CINdetails');
    }
    close(2, 'Child');
  }
  close(1, 'Children');
  close(0, 'Message');
  return { files: { [`cin_census_${year}.xml`]: encoder.encode(out.join('\n') + '\n') }, warnings: [] };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
