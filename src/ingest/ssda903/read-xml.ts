import { decodeText } from '../common/decode.js';
import { issue, type ImportIssue } from '../common/issues.js';
import type { InputFile } from '../common/types.js';
import { childrenNamed, streamXml, XmlSyntaxError, type XmlNode } from '../common/xml.js';
import type { Ssda903File } from './read.js';
import { SSDA903_TABLES, type Ssda903Table } from './tables.js';
import { CSV_NAME } from './xml-shape.js';

/**
 * Reads the SSDA903 XML form (streamed, one CHILD at a time) into the same tables as the CSV
 * set, so both forms share one set of checks. UASC is an item (1 = in the UASC table); OC3 and
 * AD1 rows exist when their items are filled in.
 */
export function readSsda903Xml(file: InputFile, fileIndex: number): { files: Ssda903File[]; issues: ImportIssue[] } {
  const decoded = decodeText(file.data, file.name);
  const issues = [...decoded.issues];
  if (decoded.text === null) return { files: [], issues };
  const rows = new Map<Ssda903Table, Ssda903File['rows']>();
  const add = (table: Ssda903Table, line: number, values: Record<string, string>) => {
    const full: Record<string, string> = {};
    for (const c of SSDA903_TABLES[table]) full[c] = values[c] ?? '';
    const list = rows.get(table) ?? [];
    list.push({ line, values: full });
    rows.set(table, list);
  };
  const items = (node: XmlNode) => {
    const values: Record<string, string> = {};
    for (const c of node.children) if (c.children.length === 0) values[CSV_NAME[c.name] ?? c.name] = c.text;
    return values;
  };
  try {
    streamXml(decoded.text, 'CHILD', {
      root: (name) => {
        if (name !== 'EXPSSDA903') throw new XmlSyntaxError(`The root element is <${name}>, not <EXPSSDA903>`, 1);
      },
      record: (child) => {
        const header = childrenNamed(child, 'HEADER')[0];
        if (!header) {
          issues.push(issue('error', file.name, child.line, 'HEADER', '', 'structure', '<CHILD> has no <HEADER>', 'a HEADER in every CHILD'));
          return;
        }
        const h = items(header);
        const id = h.CHILD ?? '';
        const withChild = (values: Record<string, string>) => ({ CHILD: id, DOB: h.DOB ?? '', ...values });
        add('Header', header.line, h);
        if (h.UASC === '1') add('UASC', header.line, h);
        else if (h.UASC && h.UASC !== '0') issues.push(issue('error', file.name, header.line, 'UASC', h.UASC, 'flag', 'UASC is not 0 or 1', '0 or 1'));
        if (h.IN_TOUCH || h.ACTIV || h.ACCOM) add('OC3', header.line, h);
        if (h.DATE_INT || h.DATE_MATCH) add('AD1', header.line, h);
        const groups: [string, Ssda903Table][] = [['AREVIEW', 'Reviews'], ['AMISSING', 'Missing'], ['PERMANENCE', 'PrevPerm'], ['OC2', 'OC2'], ['AD_PLACED', 'PlacedAdoption']];
        for (const [tag, table] of groups) for (const g of childrenNamed(header, tag)) add(table, g.line, withChild(items(g)));
        for (const e of childrenNamed(child, 'EPISODE')) add('Episodes', e.line, { CHILD: id, ...items(e) });
      },
    });
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    issues.push(issue('error', file.name, error.line, '', '', 'xml', `The XML is not a well-formed SSDA903 file: ${error.message}`, 'a complete SSDA903 XML file (<EXPSSDA903>)'));
    return { files: [], issues };
  }
  const files = [...rows].map(([table, list]) => ({ fileIndex, file, table, rows: list }));
  if (!rows.has('Header')) files.push({ fileIndex, file, table: 'Header', rows: [] });
  return { files, issues };
}
