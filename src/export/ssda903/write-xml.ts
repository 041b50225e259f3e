import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { SSDA903_TABLES, type Ssda903Table } from '../../ingest/ssda903/tables.js';
import { XML_HEADER_ITEMS, XML_NAME } from '../../ingest/ssda903/xml-shape.js';
import { encoder } from '../common/rows.js';
import { ssda903Tables } from './write.js';

/**
 * The SSDA903 return of one year as one XML file (formats-ssda903.md 2.3): one CHILD per child,
 * HEADER items (with UASC, OC3 and AD1 items), repeating reviews, missing episodes, previous
 * permanence, OC2 and adoption decisions, then EPISODEs. Blank items are empty elements.
 */
export async function writeSsda903Xml(db: Kysely<Database>, laCode: string, year: number): Promise<{ files: Record<string, Uint8Array>; warnings: string[] }> {
  const { tables, warnings } = await ssda903Tables(db, laCode, year);
  if ((tables.SWEpisodes?.length ?? 0) > 0) {
    warnings.push(`${tables.SWEpisodes!.length} social worker episodes are not written: the XML form has no SWEpisodes (use the CSV set)`);
  }
  const byChild = (table: Ssda903Table) => {
    const map = new Map<string, Record<string, string>[]>();
    for (const cells of tables[table] ?? []) {
      const row = Object.fromEntries(SSDA903_TABLES[table].map((c, i) => [c, cells[i] ?? '']));
      map.set(row.CHILD!, [...(map.get(row.CHILD!) ?? []), row]);
    }
    return map;
  };
  const [uasc, oc3, ad1, reviews, missing, prevPerm, oc2, placed, episodes] = (
    ['UASC', 'OC3', 'AD1', 'Reviews', 'Missing', 'PrevPerm', 'OC2', 'PlacedAdoption', 'Episodes'] as const
  ).map(byChild);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<EXPSSDA903>'];
  const item = (indent: number, name: string, value: string | undefined) =>
    out.push(`${' '.repeat(indent)}${value ? `<${name}>${escapeXml(value)}</${name}>` : `<${name} />`}`);
  for (const cells of tables.Header ?? []) {
    const header = Object.fromEntries(SSDA903_TABLES.Header.map((c, i) => [c, cells[i] ?? '']));
    const child = header.CHILD!;
    const u = uasc!.get(child)?.[0];
    const values: Record<string, string> = { ...header, UASC: u ? '1' : '0', DUC: u?.DUC ?? '', ...(oc3!.get(child)?.[0] ?? {}), ...(ad1!.get(child)?.[0] ?? {}) };
    out.push('  <CHILD>', '    <HEADER>');
    for (const name of XML_HEADER_ITEMS) item(6, XML_NAME[name] ?? name, values[name]);
    const group = (tag: string, rows: Record<string, string>[] | undefined, columns: readonly string[]) => {
      for (const row of rows ?? []) {
        out.push(`      <${tag}>`);
        for (const c of columns) item(8, XML_NAME[c] ?? c, row[c]);
        out.push(`      </${tag}>`);
      }
    };
    group('AREVIEW', reviews!.get(child), ['REVIEW', 'REVIEW_CODE']);
    group('AMISSING', missing!.get(child), ['MISSING', 'MIS_START', 'MIS_END']);
    group('PERMANENCE', prevPerm!.get(child), ['PREV_PERM', 'LA_PERM', 'DATE_PERM']);
    group('OC2', oc2!.get(child), SSDA903_TABLES.OC2.slice(2));
    group('AD_PLACED', placed!.get(child), ['DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED']);
    out.push('    </HEADER>');
    for (const e of episodes!.get(child) ?? []) {
      out.push('    <EPISODE>');
      for (const c of SSDA903_TABLES.Episodes.slice(1)) item(6, XML_NAME[c] ?? c, e[c]);
      out.push('    </EPISODE>');
    }
    out.push('  </CHILD>');
  }
  out.push('</EXPSSDA903>');
  return { files: { [`ssda903_${year}.xml`]: encoder.encode(out.join('\n') + '\n') }, warnings };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
