/**
 * Labels for the statutory codes the pages show (placement type, legal status, category of
 * abuse, referral source…), from the code lists in src/model/code-lists shipped in the bundle:
 * a few kilobytes of static data, lighter than a request, and never out of step with the server.
 */
import { cin, ssda903, workforce, type CodeEntry, type CodeList } from '../../../src/model/code-lists/index.js';

/** Breakdown names (as src/metrics) → the code list their keys come from. */
const LISTS: Record<string, CodeList> = {
  placement_type: ssda903.PLACE,
  legal_status: ssda903.LS,
  reason: ssda903.REC,
  category: cin.CategoryOfAbuse,
  factor: cin.AssessmentFactors,
  sex: cin.Sex,
  ethnicity: ssda903.ETHNIC,
  source: cin.ReferralSource,
  referral_source: cin.ReferralSource,
  primary_need: cin.PrimaryNeedCode,
  provider: ssda903.PLACE_PROVIDER,
  worker_role: workforce.WorkerRole,
  allocation_role: workforce.AllocationRole,
  team_type: workforce.TeamType,
  case_type: {
    // src/workload's case types (CASE_TYPES) are the product's own, not a statutory list.
    id: 'workload.CaseType', title: 'Case type', source: 'CSC Workbench caseload case types',
    codes: [
      { code: 'cp', label: 'child protection plan' },
      { code: 'cla', label: 'looked after' },
      { code: 'cin_plan', label: 'child in need plan' },
      { code: 'referral', label: 'referral or assessment' },
      { code: 'care_leaver', label: 'care leaver' },
      { code: 'other', label: 'other open case' },
    ],
  },
};

const indexes = new Map<string, Map<string, CodeEntry>>();

function indexOf(kind: string): Map<string, CodeEntry> | undefined {
  const list = LISTS[kind];
  if (!list) return undefined;
  let index = indexes.get(kind);
  if (!index) {
    index = new Map(list.codes.map((e) => [e.code, e]));
    indexes.set(kind, index);
  }
  return index;
}

export interface CodeLabel {
  code: string;
  label: string;
  /** False when the code is not in the list (the code itself is shown). */
  known: boolean;
}

/** 'placed for adoption' → 'Placed for adoption'. */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function hasCodeList(kind: string): boolean {
  return kind in LISTS;
}

/**
 * The label of `code` in the list behind `kind`. Factor breakdowns may be keyed by the factor
 * (its group, shared by the child / parent / household variants), so groups are looked up too.
 */
export function codeLabel(kind: string, code: string): CodeLabel {
  const index = indexOf(kind);
  const entry = index?.get(code);
  if (entry) return { code, label: sentenceCase(entry.label), known: true };
  const byGroup = index && [...index.values()].find((e) => e.group === code);
  if (byGroup) return { code, label: sentenceCase(code.replace(/_/g, ' ')), known: true };
  return { code, label: code, known: false };
}
