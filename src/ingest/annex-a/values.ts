import { annexA, annexACodeOf, isValidCode, type AnnexAEntry, type CodeList } from '../../model/code-lists/index.js';

/** Extra spellings councils use for the Yes/No and Gender columns (LIIA maps these too). */
const VARIANTS: Record<string, Record<string, string>> = {
  [annexA.YesNo.id]: { y: 'Y', yes: 'Y', true: 'Y', '1': 'Y', n: 'N', no: 'N', false: 'N', '0': 'N' },
  [annexA.YesNoUnknown.id]: { y: 'Y', yes: 'Y', true: 'Y', '1': 'Y', n: 'N', no: 'N', false: 'N', '0': 'N', u: 'U', unknown: 'U', 'not known': 'U' },
  [annexA.Gender.id]: { '1': 'M', '2': 'F', '0': 'U', '9': 'U', male: 'M', female: 'F', unknown: 'U', 'not stated': 'U', neither: 'I' },
};

/**
 * The stored code for an Annex A value. Accepts the template value ("a) Male", "a) 1A: Individual",
 * "N1 – Abuse or neglect"), the bare code ("M", "1A"), the label, and the variants above,
 * ignoring case and surrounding space. Null when the value is none of these.
 */
export function annexACode(list: CodeList, raw: string): string | null {
  const value = raw.trim();
  const variant = VARIANTS[list.id]?.[value.toLowerCase()];
  if (variant) return variant;
  if (list.codes.length && 'template' in list.codes[0]!) {
    const hit = annexACodeOf(list as CodeList<AnnexAEntry>, value);
    if (hit) return hit;
  }
  const unprefixed = value.replace(/^[a-z]{1,2}\d?\)\s*/i, '');
  const head = unprefixed.split(/\s*(?::|–|—|\s-\s)\s*/)[0]!.trim();
  for (const candidate of [unprefixed, head, head.toUpperCase()]) if (isValidCode(list, candidate)) return candidate;
  const byLabel = list.codes.find((e) => e.label.toLowerCase() === unprefixed.toLowerCase());
  return byLabel?.code ?? null;
}

/** Text written on export: Ofsted's template value where the list has one, else the code. */
export function annexAValue(list: CodeList, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  const entry = list.codes.find((e) => e.code === code) as Partial<AnnexAEntry> | undefined;
  return entry?.template ?? code;
}

export function yesNo(value: boolean | null | undefined): string | null {
  return value === null || value === undefined ? null : value ? 'Y' : 'N';
}
