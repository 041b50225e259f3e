import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from './csv.js';
import { collectionYearOf, parseDate } from './dates.js';
import { decodeText } from './decode.js';
import { yearFromName } from '../year.js';

describe('dates as councils write them', () => {
  it('reads dd/mm/yyyy, yyyy-mm-dd and Excel serials, refuses the rest', () => {
    expect(parseDate('31/03/2024')).toEqual({ ok: true, iso: '2024-03-31', form: 'dmy' });
    expect(parseDate(' 1/4/2023 ')).toEqual({ ok: true, iso: '2023-04-01', form: 'dmy' });
    expect(parseDate('2024-02-29')).toEqual({ ok: true, iso: '2024-02-29', form: 'iso' });
    // Excel: 45148 days after 1899-12-30 is 10 August 2023.
    expect(parseDate('45148')).toEqual({ ok: true, iso: '2023-08-10', form: 'excel' });
    expect(parseDate('29/02/2023').ok).toBe(false);
    expect(parseDate('03/31/2024').ok).toBe(false);
    expect(parseDate('31-03-2024').ok).toBe(false);
  });
  it('labels collection years by their end year', () => {
    expect(collectionYearOf('2024-03-31')).toBe(2024);
    expect(collectionYearOf('2024-04-01')).toBe(2025);
  });
});

describe('CSV', () => {
  it('keeps line numbers across blank lines and quoted newlines, trims, undoes our formula escape', () => {
    const { table } = parseCsv('A,B\r\n\r\n x , "two\nlines"\n"\'=SUM(1)",3\n', 'f.csv');
    expect(table).toEqual({ header: ['A', 'B'], rows: [{ line: 3, cells: ['x', 'two\nlines'] }, { line: 5, cells: ['=SUM(1)', '3'] }] });
  });
  it('writes stable CSV and defuses formulas', () => {
    expect(writeCsv(['A', 'B'], [['=HYPERLINK("x")', 'a,b'], ['-1', '']])).toBe('A,B\r\n"\'=HYPERLINK(""x"")","a,b"\r\n\'-1,\r\n');
  });
});

describe('encodings', () => {
  it('strips a UTF-8 BOM, reads Windows-1252 with a notice, refuses UTF-16', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'f').text).toBe('A');
    const latin = decodeText(new Uint8Array([0x41, 0x0a, 0x63, 0x61, 0x66, 0xe9]), 'f');
    expect(latin.text).toBe('A\ncafé');
    expect(latin.issues.map((i) => [i.severity, i.line])).toEqual([['notice', 2]]);
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'f').issues[0]!.severity).toBe('error');
  });
});

describe('year from a file name', () => {
  it('reads 2024, 2023-24 and 2023_24 as the end year', () => {
    expect(yearFromName('returns/2024/header.csv')).toBe(2024);
    expect(yearFromName('ssda903_2023-24_episodes.csv')).toBe(2024);
    expect(yearFromName('903 2023_24.csv')).toBe(2024);
    expect(yearFromName('episodes.csv')).toBeNull();
  });
});
