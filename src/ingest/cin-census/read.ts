import { cin } from '../../model/code-lists/index.js';
import { collectionPeriod, isoToDmy } from '../common/dates.js';
import { decodeText } from '../common/decode.js';
import { FieldReader } from '../common/fields.js';
import { ids } from '../common/ids.js';
import { issue, type ImportIssue } from '../common/issues.js';
import type { ImportTable } from '../common/tables.js';
import type { InputFile, ReadResult, SourceRef, StagedRow } from '../common/types.js';
import { childrenNamed, leaves, streamXml, XmlSyntaxError, type XmlNode } from '../common/xml.js';

const UPN = /^[A-Z]\d{11}[0-9A-Z]$/;
const GENDER_TO_SEX: Record<string, string> = { '1': 'M', '2': 'F', '0': 'U', '9': 'U' };

/**
 * Reads a CIN census XML file as a stream (one <Child> in memory at a time) and turns each
 * child into canonical rows: child, identity, disabilities, referral (CINdetails), assessments
 * and factors, CIN plans, strategy discussion + section 47, initial conferences, CP plans and
 * their review conferences.
 */
export function readCinCensus(file: InputFile, fileIndex: number, options: { laCode: string; year?: number }, onProgress?: (done: number, total: number) => void): ReadResult {
  const issues: ImportIssue[] = [];
  const rows: StagedRow[] = [];
  const decoded = decodeText(file.data, file.name);
  issues.push(...decoded.issues);
  if (decoded.text === null) return { format: 'cin', year: null, rows, supersedes: [], issues };
  const header: Record<string, { value: string; line: number }> = {};
  const pending: XmlNode[] = [];
  let year: number | null = options.year ?? file.year ?? null;
  const seen = new Map<string, number>();
  let rootOk = true;
  const process = (node: XmlNode) => mapChild(node, file.name, fileIndex, year!, issues, rows, seen);
  try {
    streamXml(decoded.text, 'Child', {
      root: (name) => {
        if (name !== 'Message') {
          rootOk = false;
          throw new XmlSyntaxError(`The root element is <${name}>, not <Message>: this is not a CIN census file`, 1);
        }
      },
      leaf: (path, text, line) => {
        header[path] = { value: text, line };
      },
      record: (node) => {
        if (year === null) {
          const y = header['Message/Header/CollectionDetails/Year'];
          if (y && /^\d{4}$/.test(y.value)) year = Number(y.value);
        }
        if (year === null) pending.push(node);
        else process(node);
      },
    }, (done) => onProgress?.(done, decoded.text!.length));
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    issues.push(issue('error', file.name, error.line, '', '', rootOk ? 'xml' : 'format', rootOk ? `The XML is not well formed: ${error.message}` : error.message, rootOk ? 'a complete, well-formed CIN census XML file' : 'a CIN census file (<Message>)'));
    return { format: 'cin', year, rows: [], supersedes: [], issues };
  }
  if (year === null) {
    issues.push(issue('error', file.name, 0, 'Year', '', 'year', 'The file has no Header/CollectionDetails/Year and no year was given', 'a <Year> element, or --year'));
    return { format: 'cin', year, rows: [], supersedes: [], issues };
  }
  for (const node of pending) process(node);
  const lea = header['Message/Header/Source/LEA'];
  if (lea && lea.value !== options.laCode) {
    issues.push(issue('error', file.name, lea.line, 'LEA', lea.value, 'authority', `The file is for LA ${lea.value}, but the import is for LA ${options.laCode}`, options.laCode));
  }
  const ref = header['Message/Header/CollectionDetails/ReferenceDate'];
  if (ref && ref.value !== `${year}-03-31`) {
    issues.push(issue('error', file.name, ref.line, 'ReferenceDate', ref.value, 'reference-date', 'ReferenceDate is not 31 March of the census Year', `${year}-03-31`));
  }
  return { format: 'cin', year, rows, supersedes: [], issues };
}

function mapChild(node: XmlNode, file: string, fileIndex: number, year: number, issues: ImportIssue[], rows: StagedRow[], seen: Map<string, number>): void {
  const r = new FieldReader(file, issues, year);
  const { end } = collectionPeriod(year);
  let line = node.line;
  const stage = (table: ImportTable, row: Record<string, unknown>) => {
    const source: SourceRef = { fileIndex, file, line, year };
    rows.push({ table, row, source });
  };
  const ident = childrenNamed(node, 'ChildIdentifiers')[0];
  const chars = childrenNamed(node, 'ChildCharacteristics')[0];
  if (!ident || !chars) {
    issues.push(issue('error', file, node.line, ident ? 'ChildCharacteristics' : 'ChildIdentifiers', '', 'structure', `<Child> has no <${ident ? 'ChildCharacteristics' : 'ChildIdentifiers'}>`, 'ChildIdentifiers and ChildCharacteristics in every Child'));
    return;
  }
  const id = leaves(ident);
  r.at(ident.line, id.values, id.lines);
  const child = r.text('LAchildID', year >= 2025 ? { required: true, max: 20, pattern: /^[A-Za-z0-9]+$/, patternText: 'letters and digits only, at most 20 (rules 1570, 1580)' } : { required: true, max: 40 });
  const upn = r.text('UPN', { max: 13, pattern: UPN, patternText: 'a 13-character UPN' });
  const former = r.text('FormerUPN', { max: 13, pattern: UPN, patternText: 'a 13-character UPN' });
  const upnUnknown = r.code('UPNunknown', cin.UPNunknown);
  const dob = r.date('PersonBirthDate');
  const expected = r.date('ExpectedPersonBirthDate');
  const death = r.date('PersonDeathDate');
  let sex: string | null = null;
  if (year >= 2025) sex = r.code('Sex', cin.Sex, { required: true });
  else {
    const g = r.code('GenderCurrent', cin.GenderCurrent, { required: true });
    sex = g ? GENDER_TO_SEX[g]! : null;
  }
  if (!dob && !expected) r.error('PersonBirthDate', '', 'required', 'Neither PersonBirthDate nor ExpectedPersonBirthDate is given', 'one of them');
  const ch = leaves(chars);
  r.at(chars.line, ch.values, ch.lines);
  const ethnicity = r.code('Ethnicity', cin.Ethnicity, { required: true });
  if (!child) return;
  const first = seen.get(child);
  if (first !== undefined) {
    issues.push(issue('error', file, id.lines.LAchildID ?? node.line, 'LAchildID', child, 'duplicate', `LAchildID ${child} appears more than once in the file (first on line ${first})`, 'one <Child> per child (rule 8510)'));
    return;
  }
  seen.set(child, id.lines.LAchildID ?? node.line);
  line = node.line;
  stage('child', { child_id: child, sex, date_of_birth: dob, expected_dob: expected, ethnicity, death_date: death });
  stage('child_identity', { child_id: child, upn, former_upn: former, upn_unknown: upnUnknown });
  const disabilities = new Set<string>();
  for (const d of childrenNamed(node, 'ChildCharacteristics').flatMap((c) => childrenNamed(c, 'Disabilities')).flatMap((c) => childrenNamed(c, 'Disability'))) {
    r.at(d.line, { Disability: d.text });
    const code = r.code('Disability', cin.Disability, { required: true });
    if (!code) continue;
    if (disabilities.has(code)) {
      r.error('Disability', code, 'duplicate', `Disability ${code} is given twice for ${child}`, 'each code once (rule 8794)');
      continue;
    }
    disabilities.add(code);
    line = d.line;
    stage('child_disability', { child_id: child, disability: code });
  }

  const referralDates = new Set<string>();
  for (const details of childrenNamed(node, 'CINdetails')) {
    const v = leaves(details);
    r.at(details.line, v.values, v.lines);
    const referralDate = r.date('CINreferralDate', { required: true });
    const source = r.code('ReferralSource', cin.ReferralSource, { required: true });
    const need = r.code('PrimaryNeedCode', cin.PrimaryNeedCode);
    const closure = r.date('CINclosureDate');
    const reason = r.code('ReasonForClosure', cin.ReasonForClosure);
    const episodeIcpc = r.date('DateOfInitialCPC');
    const nfa = r.flag('ReferralNFA', { required: true });
    if ((v.values.CINclosureDate ?? '') === '' !== ((v.values.ReasonForClosure ?? '') === '')) {
      r.error('ReasonForClosure', v.values.ReasonForClosure ?? '', 'together', 'CINclosureDate and ReasonForClosure must both be given or both be absent', 'both or neither (rules 8805, 8810)');
    }
    if (referralDate && closure && closure < referralDate) r.error('CINclosureDate', v.values.CINclosureDate, 'date-order', 'CINclosureDate is before CINreferralDate', `on or after ${referralDate}`);
    if (referralDate && referralDate > end) r.error('CINreferralDate', v.values.CINreferralDate, 'out-of-year', 'CINreferralDate is after the census reference date', `on or before ${end} (rule 8600)`);
    if (!referralDate) continue;
    if (referralDates.has(referralDate)) {
      r.error('CINreferralDate', referralDate, 'duplicate', `${child} has two CIN episodes with referral date ${isoToDmy(referralDate)}`, 'one CINdetails per referral date');
      continue;
    }
    referralDates.add(referralDate);
    const referralId = ids.referral(child, referralDate);
    line = details.line;
    stage('referral', { referral_id: referralId, child_id: child, referral_date: referralDate, source, primary_need: need, nfa: nfa ?? false, closure_date: closure, closure_reason: reason });

    for (const a of childrenNamed(details, 'Assessments')) {
      const av = leaves(a);
      r.at(a.line, av.values, av.lines);
      const start = r.date('AssessmentActualStartDate', { required: true });
      r.date('AssessmentInternalReviewDate');
      const authorised = r.date('AssessmentAuthorisationDate');
      if (start && authorised && authorised < start) r.error('AssessmentAuthorisationDate', av.values.AssessmentAuthorisationDate, 'date-order', 'AssessmentAuthorisationDate is before AssessmentActualStartDate', `on or after ${start} (rule 8608)`);
      if (!start) continue;
      const assessmentId = ids.assessment(child, start);
      line = a.line;
      stage('assessment', { assessment_id: assessmentId, referral_id: referralId, child_id: child, start_date: start, authorised_date: authorised });
      const factors = new Set<string>();
      for (const f of childrenNamed(a, 'FactorsIdentifiedAtAssessment').flatMap((x) => childrenNamed(x, 'AssessmentFactors'))) {
        r.at(f.line, { AssessmentFactors: f.text });
        const factor = r.code('AssessmentFactors', cin.AssessmentFactors, { required: true, alsoYear: 2020 });
        if (!factor || factors.has(factor)) continue;
        factors.add(factor);
        line = f.line;
        stage('assessment_factor', { assessment_id: assessmentId, factor });
      }
    }
    for (const p of childrenNamed(details, 'CINPlanDates')) {
      const pv = leaves(p);
      r.at(p.line, pv.values, pv.lines);
      const start = r.date('CINPlanStartDate', { required: true });
      const planEnd = r.date('CINPlanEndDate');
      if (start && planEnd && planEnd < start) r.error('CINPlanEndDate', pv.values.CINPlanEndDate, 'date-order', 'CINPlanEndDate is before CINPlanStartDate', `on or after ${start} (rule 4011)`);
      if (!start) continue;
      line = p.line;
      stage('cin_plan', { cin_plan_id: ids.cinPlan(child, start), referral_id: referralId, child_id: child, start_date: start, end_date: planEnd });
    }
    const plans: { id: string; start: string }[] = [];
    const planNodes = childrenNamed(details, 'ChildProtectionPlans');
    for (const p of planNodes) {
      const pv = leaves(p);
      r.at(p.line, pv.values, pv.lines);
      const start = r.date('CPPstartDate', { required: true });
      const planEnd = r.date('CPPendDate');
      const initial = r.code('InitialCategoryOfAbuse', cin.CategoryOfAbuse, { required: true });
      const latest = r.code('LatestCategoryOfAbuse', cin.CategoryOfAbuse, { required: true });
      const previous = r.integer('NumberOfPreviousCPP', 0, 99, { required: true });
      if (start && planEnd && planEnd <= start) r.error('CPPendDate', pv.values.CPPendDate, 'date-order', 'CPPendDate is not after CPPstartDate', `after ${start} (rules 8925, 8840)`);
      if (!start) continue;
      const planId = ids.cpPlan(child, start);
      plans.push({ id: planId, start });
      line = p.line;
      stage('cp_plan', { cp_plan_id: planId, child_id: child, referral_id: referralId, start_date: start, end_date: planEnd, initial_category: initial, latest_category: latest, previous_plans: previous });
      for (const rev of childrenNamed(p, 'Reviews').flatMap((x) => childrenNamed(x, 'CPPreviewDate'))) {
        r.at(rev.line, { CPPreviewDate: rev.text });
        const date = r.date('CPPreviewDate', { required: true });
        if (!date) continue;
        line = rev.line;
        stage('cp_conference', { conference_id: ids.reviewConference(child, date), child_id: child, referral_id: referralId, conference_type: 'review', cp_plan_id: planId, conference_date: date });
      }
    }
    const conference = (date: string, s47Id: string | null, at: number) => {
      const plan = plans.find((p) => p.start === date);
      line = at;
      stage('cp_conference', {
        conference_id: ids.initialConference(child, date), child_id: child, referral_id: referralId, conference_type: 'initial',
        s47_id: s47Id, cp_plan_id: plan?.id ?? null, conference_date: date, plan_decided: plan !== undefined,
      });
    };
    for (const s of childrenNamed(details, 'Section47')) {
      const sv = leaves(s);
      r.at(s.line, sv.values, sv.lines);
      const start = r.date('S47ActualStartDate', { required: true });
      const target = r.date('InitialCPCtarget');
      const icpc = r.date('DateOfInitialCPC');
      const notRequired = r.flag('ICPCnotRequired', { required: true });
      if (start && icpc && icpc < start) r.error('DateOfInitialCPC', sv.values.DateOfInitialCPC, 'date-order', 'DateOfInitialCPC is before S47ActualStartDate', `on or after ${start} (rule 8615)`);
      if (!start) continue;
      const strategyId = ids.strategy(child, start);
      const s47Id = ids.s47(child, start);
      line = s.line;
      stage('strategy_discussion', { strategy_id: strategyId, referral_id: referralId, child_id: child, discussion_date: start });
      stage('s47_enquiry', { s47_id: s47Id, referral_id: referralId, child_id: child, strategy_id: strategyId, start_date: start, icpc_target_date: target, icpc_not_required: notRequired ?? false });
      if (icpc) conference(icpc, s47Id, sv.lines.DateOfInitialCPC ?? s.line);
    }
    if (episodeIcpc) conference(episodeIcpc, null, v.lines.DateOfInitialCPC ?? details.line);
  }
}
