/** SSDA903 XML element names (formats-ssda903.md 2.3), declared once for reading and writing. */

/** Items directly inside HEADER, in order: Header, UASC, OC3 and AD1 items. */
export const XML_HEADER_ITEMS = [
  'CHILD', 'UPN', 'SEX', 'DOB', 'ETHNIC', 'UASC', 'MOTHER', 'MC_DOB', 'DUC', 'IN_TOUCH', 'ACTIV', 'ACCOM',
  'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR',
] as const;

/** CSV column → XML element where they differ. */
export const XML_NAME: Record<string, string> = { CHILD: 'CHILDID', PLACE: 'PL' };

/** XML element → CSV column. */
export const CSV_NAME: Record<string, string> = { CHILDID: 'CHILD', PL: 'PLACE' };
