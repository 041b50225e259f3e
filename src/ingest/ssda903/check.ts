import { ssda903 } from '../../model/code-lists/index.js';
import { collectionPeriod, collectionYearOf, isoToDmy } from '../common/dates.js';
import { FieldReader } from '../common/fields.js';
import { ids } from '../common/ids.js';
import { issue, type ImportIssue } from '../common/issues.js';
import type { ImportTable } from '../common/tables.js';
import type { ReadResult, SourceRef, StagedRow } from '../common/types.js';
import type { Ssda903File } from './read.js';

const CHILD_ID = { required: true, max: 20, pattern: /^[A-Za-z0-9]+$/, patternText: 'letters and digits only, at most 20' };
const UPN = /^[A-Z]\d{11}[0-9A-Z]$/;
const SEX_TO_CANONICAL: Record<string, string> = { '1': 'M', '2': 'F', M: 'M', F: 'F', U: 'U' };

/**
 * Checks one year's SSDA903 tables together and turns them into canonical rows: Header and
 * UASC into child, Episodes into cla_episode (care periods are derived after the merge),
 * Reviews, Missing, OC2, OC3, AD1, PlacedAdoption, PrevPerm and SWEpisodes into their tables.
 */
export function checkSsda903Year(files: readonly Ssda903File[], year: number): ReadResult {
  const issues: ImportIssue[] = [];
  const rows: StagedRow[] = [];
  const byTable = new Map(files.map((f) => [f.table, f]));
  for (const f of files) {
    const twin = files.find((g) => g !== f && g.table === f.table);
    if (twin && files.indexOf(twin) < files.indexOf(f)) {
      issues.push(issue('error', f.file.name, 1, '', '', 'duplicate-table', `Two ${f.table} files for ${year}: ${twin.file.name} and ${f.file.name}`, 'one file per table and year'));
    }
  }
  const header = byTable.get('Header');
  const children = new Map<string, { dob: string | null; line: number; sex: string | null }>();
  const { start: from, end: to } = collectionPeriod(year);

  const stage = (f: Ssda903File, line: number, table: ImportTable, row: Record<string, unknown>, weak = false) => {
    const source: SourceRef = { fileIndex: f.fileIndex, file: f.file.name, line, year };
    rows.push(weak ? { table, row, source, weak } : { table, row, source });
  };

  // Header first: every other table refers to it.
  const uasc = new Map<string, { duc: string | null }>();
  const uascFile = byTable.get('UASC');
  if (uascFile) {
    const r = new FieldReader(uascFile.file.name, issues, year);
    for (const { line, values } of uascFile.rows) {
      r.at(line, values);
      const child = r.text('CHILD', CHILD_ID);
      r.code('SEX', ssda903.SEX, { required: true });
      const duc = r.date('DUC');
      if (child) uasc.set(child, { duc });
    }
  }
  if (!header) {
    issues.push(issue('error', files[0]?.file.name ?? '', 0, '', '', 'missing-table', `No Header file was found for the ${year} SSDA903 return`, 'a CSV with columns ' + 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB'));
  } else {
    const r = new FieldReader(header.file.name, issues, year);
    for (const { line, values } of header.rows) {
      r.at(line, values);
      const child = r.text('CHILD', CHILD_ID);
      const sex = r.code('SEX', ssda903.SEX, { required: true });
      const dob = r.date('DOB', { required: true });
      const ethnic = r.code('ETHNIC', ssda903.ETHNIC, { required: true });
      const upnRaw = r.raw('UPN');
      const isUnknown = /^UN\d$/.test(upnRaw);
      let upn: string | null = null;
      let upnUnknown: string | null = null;
      if (isUnknown) upnUnknown = r.code('UPN', ssda903.UPN_UNKNOWN);
      else if (upnRaw === '') r.warn('UPN', '', 'required', 'UPN is blank (the DfE requires a UPN or an unknown code)', 'a 13-character UPN or a code UN1 to UN5');
      else upn = r.text('UPN', { max: 13, pattern: UPN, patternText: 'a 13-character UPN or a code UN1 to UN5' });
      const mother = r.flag('MOTHER');
      const mcDob = r.date('MC_DOB');
      if (!child) continue;
      const seen = children.get(child);
      if (seen) {
        r.error('CHILD', child, 'duplicate', `CHILD ${child} appears more than once in Header (first on line ${seen.line})`, 'one row per child');
        continue;
      }
      children.set(child, { dob, line, sex });
      const u = uasc.get(child);
      stage(header, line, 'child', {
        child_id: child, sex: sex ? SEX_TO_CANONICAL[sex] : null, date_of_birth: dob, ethnicity: ethnic,
        is_mother: mother, mother_child_dob: mcDob, uasc: u !== undefined, uasc_ceased: u?.duc ?? null,
      });
      stage(header, line, 'child_identity', { child_id: child, upn, upn_unknown: upnUnknown });
    }
  }

  /** Common CHILD / DOB checks for the tables that repeat them. */
  const childOf = (r: FieldReader, f: Ssda903File, checkDob: boolean): string | null => {
    const child = r.text('CHILD', CHILD_ID);
    if (!child) return null;
    const known = children.get(child);
    if (!known) {
      if (header) r.error('CHILD', child, 'unknown-child', `CHILD ${child} is not in the Header file (${header.file.name})`, 'a CHILD listed in Header');
      return null;
    }
    if (checkDob) {
      const dob = r.date('DOB', { required: true });
      if (dob && known.dob && dob !== known.dob) {
        r.error('DOB', r.raw('DOB'), 'dob-mismatch', `DOB differs from the Header file for CHILD ${child}`, isoToDmy(known.dob));
      }
    }
    void f;
    return child;
  };

  if (uascFile) {
    const r = new FieldReader(uascFile.file.name, issues, year);
    for (const { line, values } of uascFile.rows) childOf(r.at(line, values), uascFile, true);
  }

  const episodeKeys = new Set<string>();
  const episodes = byTable.get('Episodes');
  const adoptionOrderDate = new Map<string, string>();
  if (episodes) {
    const r = new FieldReader(episodes.file.name, issues, year);
    const perChild = new Map<string, { decom: string; dec: string | null; line: number }[]>();
    for (const { line, values } of episodes.rows) {
      r.at(line, values);
      const child = childOf(r, episodes, false);
      const decom = r.date('DECOM', { required: true });
      const alsoYear = decom ? Math.min(year, collectionYearOf(decom)) : undefined;
      const codeOptions = alsoYear === undefined ? { required: true } : { required: true, alsoYear };
      const rne = r.code('RNE', ssda903.RNE, codeOptions);
      const ls = r.code('LS', ssda903.LS, codeOptions);
      const cinCode = r.code('CIN', ssda903.CIN, codeOptions);
      const place = r.code('PLACE', ssda903.PLACE, codeOptions);
      const provider = r.code('PLACE_PROVIDER', ssda903.PLACE_PROVIDER, { ...codeOptions, required: false });
      const dec = r.date('DEC');
      const rec = r.code('REC', ssda903.REC, { ...codeOptions, required: false });
      const rpc = r.code('REASON_PLACE_CHANGE', ssda903.REASON_PLACE_CHANGE, { ...codeOptions, required: false });
      const homePost = r.text('HOME_POST', { max: 10 });
      const plPost = r.text('PL_POST', { max: 10 });
      const urn = r.text('URN', { max: 8 });
      if (decom && dec && dec < decom) r.error('DEC', r.raw('DEC'), 'date-order', 'DEC is before DECOM', `on or after ${isoToDmy(decom)}`);
      if ((r.raw('DEC') === '') !== (r.raw('REC') === '')) {
        r.error(r.raw('DEC') === '' ? 'DEC' : 'REC', '', 'together', 'DEC and REC must both be given or both be blank', 'both or neither');
      }
      if (decom && decom > to) r.error('DECOM', r.raw('DECOM'), 'out-of-year', `DECOM is after the end of the ${year} collection year`, `on or before ${isoToDmy(to)}`);
      if (!child || !decom) continue;
      const key = ids.episode(child, decom);
      const list = perChild.get(child) ?? [];
      const same = list.find((e) => e.decom === decom);
      if (same) {
        r.error('DECOM', r.raw('DECOM'), 'duplicate', `CHILD ${child} has two episodes starting ${isoToDmy(decom)} (first on line ${same.line})`, 'one episode per start date');
        continue;
      }
      list.push({ decom, dec, line });
      perChild.set(child, list);
      episodeKeys.add(key);
      if (dec && (rec === 'E11' || rec === 'E12')) adoptionOrderDate.set(child, dec);
      stage(episodes, line, 'cla_episode', {
        episode_id: key, child_id: child, decom, rne, legal_status: ls, cin_category: cinCode, place,
        place_provider: provider, urn, pl_post: plPost, home_post: homePost, dec, rec, reason_place_change: rpc,
      });
    }
    for (const [child, list] of perChild) {
      list.sort((a, b) => (a.decom < b.decom ? -1 : 1));
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!;
        const next = list[i]!;
        if (prev.dec === null || prev.dec > next.decom) {
          issues.push(issue('error', episodes.file.name, next.line, 'DECOM', isoToDmy(next.decom), 'overlap',
            `Episode of CHILD ${child} starting ${isoToDmy(next.decom)} overlaps the episode starting ${isoToDmy(prev.decom)} (line ${prev.line}), which ${prev.dec ? `ends ${isoToDmy(prev.dec)}` : 'is still open'}`,
            'episodes that do not overlap'));
        }
      }
    }
  }

  const each = (table: string, work: (r: FieldReader, f: Ssda903File, line: number) => void) => {
    const f = byTable.get(table as Ssda903File['table']);
    if (!f) return;
    const r = new FieldReader(f.file.name, issues, year);
    for (const { line, values } of f.rows) work(r.at(line, values), f, line);
  };

  const once = new Map<string, number>();
  const unique = (r: FieldReader, table: string, key: string, column: string, what: string): boolean => {
    const k = `${table}\u0001${key}`;
    const first = once.get(k);
    if (first !== undefined) {
      r.error(column, r.raw(column), 'duplicate', `${what} appears more than once in ${table} (first on line ${first})`, 'one row each');
      return false;
    }
    once.set(k, r.line);
    return true;
  };

  each('Reviews', (r, f, line) => {
    const child = childOf(r, f, true);
    const date = r.date('REVIEW', { required: true });
    const code = r.code('REVIEW_CODE', ssda903.REVIEW_CODE, { required: true });
    if (!child || !date || !unique(r, 'Reviews', `${child}:${date}`, 'REVIEW', `The review of CHILD ${child} on ${isoToDmy(date)}`)) return;
    stage(f, line, 'cla_review', { review_id: ids.review(child, date), child_id: child, review_date: date, participation: code });
  });

  each('Missing', (r, f, line) => {
    const child = childOf(r, f, true);
    const type = r.code('MISSING', ssda903.MISSING, { required: true });
    const start = r.date('MIS_START', { required: true });
    const end = r.date('MIS_END');
    if (start && end && end < start) r.error('MIS_END', r.raw('MIS_END'), 'date-order', 'MIS_END is before MIS_START', `on or after ${isoToDmy(start)}`);
    if (!child || !start || !type || !unique(r, 'Missing', `${child}:${start}:${type}`, 'MIS_START', `The missing episode of CHILD ${child} from ${isoToDmy(start)}`)) return;
    stage(f, line, 'missing_episode', { missing_id: ids.missing(child, start, type), child_id: child, missing_type: type, start_date: start, end_date: end });
  });

  each('OC2', (r, f, line) => {
    const child = childOf(r, f, true);
    const flags = ['CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'].map((c) => r.flag(c));
    const score = r.integer('SDQ_SCORE', 0, 40);
    const reason = r.code('SDQ_REASON', ssda903.SDQ_REASON);
    if (!child || !unique(r, 'OC2', child, 'CHILD', `CHILD ${child}`)) return;
    const [convicted, healthCheck, immunisations, teeth, assessment, misuse, received, offered] = flags;
    stage(f, line, 'cla_outcome', {
      child_id: child, collection_year: year, sdq_score: score, sdq_reason: reason, convicted, health_check: healthCheck, immunisations,
      teeth_check: teeth, health_assessment: assessment, substance_misuse: misuse, intervention_received: received, intervention_offered: offered,
    });
  });

  each('OC3', (r, f, line) => {
    const child = childOf(r, f, true);
    const inTouch = r.code('IN_TOUCH', ssda903.IN_TOUCH, { required: true });
    const activ = r.code('ACTIV', ssda903.ACTIV, { required: true });
    const accom = r.code('ACCOM', ssda903.ACCOM, { required: true });
    if (!child || !unique(r, 'OC3', child, 'CHILD', `CHILD ${child}`)) return;
    stage(f, line, 'care_leaver', { child_id: child, collection_year: year, in_touch: inTouch, activity: activ, accommodation: accom });
  });

  each('AD1', (r, f, line) => {
    const child = childOf(r, f, true);
    const dateInt = r.date('DATE_INT', { required: true });
    const dateMatch = r.date('DATE_MATCH', { required: true });
    const foster = r.flag('FOSTER_CARE', { required: true });
    const number = r.integer('NB_ADOPTR', 1, 2, { required: true });
    const sex = r.code('SEX_ADOPTR', ssda903.SEX_ADOPTR, { required: true });
    const ls = r.code('LS_ADOPTR', ssda903.LS_ADOPTR, { required: true });
    if (dateInt && dateMatch && dateMatch < dateInt) r.error('DATE_MATCH', r.raw('DATE_MATCH'), 'date-order', 'DATE_MATCH is before DATE_INT', `on or after ${isoToDmy(dateInt)}`);
    if (!child || !unique(r, 'AD1', child, 'CHILD', `CHILD ${child}`)) return;
    const order = adoptionOrderDate.get(child);
    if (!order) {
      r.error('CHILD', child, 'no-adoption-episode', `CHILD ${child} is in AD1 but no episode ends with REC E11 or E12 (adopted) in this return`, 'an episode ending in adoption');
      return;
    }
    stage(f, line, 'adoption', {
      child_id: child, adoption_order_date: order, decision_date: dateInt, matched_date: dateMatch, by_foster_carer: foster,
      number_of_adopters: number, sex_of_adopters: sex, legal_status_of_adopters: ls,
    });
  });

  each('PlacedAdoption', (r, f, line) => {
    const child = childOf(r, f, true);
    const placed = r.date('DATE_PLACED', { required: true });
    const ceased = r.date('DATE_PLACED_CEASED');
    const reason = r.code('REASON_PLACED_CEASED', ssda903.REASON_PLACED_CEASED);
    if ((r.raw('DATE_PLACED_CEASED') === '') !== (r.raw('REASON_PLACED_CEASED') === '')) {
      r.error('REASON_PLACED_CEASED', r.raw('REASON_PLACED_CEASED'), 'together', 'DATE_PLACED_CEASED and REASON_PLACED_CEASED must both be given or both be blank', 'both or neither');
    }
    if (!child || !placed || !unique(r, 'PlacedAdoption', `${child}:${placed}`, 'DATE_PLACED', `The decision for CHILD ${child} on ${isoToDmy(placed)}`)) return;
    stage(f, line, 'adoption_decision', { decision_id: ids.adoptionDecision(child, placed), child_id: child, decision_date: placed, reversed_date: ceased, reversed_reason: reason });
  });

  each('PrevPerm', (r, f, line) => {
    const child = childOf(r, f, true);
    const option = r.code('PREV_PERM', ssda903.PREV_PERM, { required: true });
    const la = r.text('LA_PERM', { max: 3, pattern: /^(\d{3}|WAL|SCO|NUK|NIR)$/, patternText: 'a 3-digit LA code, WAL, SCO, NUK or NIR' });
    const date = r.text('DATE_PERM', { max: 10, pattern: /^(\d{2}|zz)\/(\d{2}|zz)\/(\d{4}|zzzz)$/i, patternText: 'dd/mm/yyyy, or zz/mm/yyyy, zz/zz/yyyy, zz/zz/zzzz when partly unknown' });
    if (!child || !unique(r, 'PrevPerm', child, 'CHILD', `CHILD ${child}`)) return;
    stage(f, line, 'previous_permanence', { child_id: child, collection_year: year, option, arranged_by_la: la, order_date_text: date });
  });

  each('SWEpisodes', (r, f, line) => {
    const child = childOf(r, f, true);
    const sw = r.text('SW_ID', { required: true, max: 48 });
    // SW02STG1 is a DfE validation rule rather than structure: load the row, flag the id.
    if (sw && !/^(SW|XX)/.test(sw)) r.warn('SW_ID', sw, 'SW02STG1', 'SW_ID does not start with SW or XX', 'a Social Work England number (SW...) or XX...');
    const start = r.date('SW_DECOM', { required: true });
    const end = r.date('SW_DEC');
    const reason = r.code('SW_REASON', ssda903.SW_REASON);
    if (start && end && end < start) r.error('SW_DEC', r.raw('SW_DEC'), 'date-order', 'SW_DEC is before SW_DECOM', `on or after ${isoToDmy(start)}`);
    if (!child || !sw || !start || !unique(r, 'SWEpisodes', `${child}:${start}`, 'SW_DECOM', `The social worker episode of CHILD ${child} from ${isoToDmy(start)}`)) return;
    // Workers named only here are created as placeholders; a workforce list fills them in.
    stage(f, line, 'worker', { worker_id: sw, role: 'social_worker', fte: 1, contract: 'permanent', start_date: start }, true);
    stage(f, line, 'allocation', {
      allocation_id: ids.allocation(child, start), child_id: child, worker_id: sw, allocation_role: 'allocated_worker',
      start_date: start, end_date: end, change_reason: reason,
    });
  });

  const supersedes = episodes && header
    ? [{ table: 'cla_episode' as const, year, from, to, children: new Set(children.keys()), keys: episodeKeys, source: { fileIndex: episodes.fileIndex, file: episodes.file.name, line: 0, year } }]
    : [];
  return { format: '903', year, rows, supersedes, issues };
}
