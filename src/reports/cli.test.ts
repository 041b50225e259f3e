/** The `csc report` command: argument checks, and a real run writing HTML for an authority with no case records. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli.js';

describe('csc report', () => {
  it('lists the templates', () => {
    const r = runCli(['report', '--list']);
    expect(r.status).toBe(0);
    for (const id of ['annual', 'pressures', 'workforce', 'placements', 'missing']) expect(r.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
  }, 300_000);

  it('refuses unknown reports and unknown formats with one clear sentence', () => {
    const dir = tempDataDir();
    expect(runCli(['--data-dir', dir, 'report', 'weekly', '--la', '931', '--year', '2024', '--out', 'x.pdf']).stderr).toMatch(/Unknown report "weekly": choose one of annual, pressures/);
    const bad = runCli(['--data-dir', dir, 'report', 'annual', '--la', '931', '--year', '2024', '--out', join(dir, 'report.docx')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/end the file name with \.pdf, \.html or \.xlsx/);
    expect(existsSync(join(dir, 'report.docx'))).toBe(false);
  }, 300_000);

  it('writes a report for an authority in the database, and nothing for one that is not', () => {
    const dir = tempDataDir();
    expect(runCli(['--data-dir', dir, 'la', 'add', '931', 'Oxfordshire', '--region', 'South East']).status).toBe(0);
    const out = join(dir, 'missing.html');
    const r = runCli(['--data-dir', dir, 'report', 'missing', '--la', '931', '--year', '2024', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Wrote .*missing\.html \(HTML/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Missing children 2023/24</h1>');
    expect(html).toContain('Public: small numbers suppressed');
    const none = runCli(['--data-dir', dir, 'report', 'missing', '--la', '855', '--year', '2024', '--out', join(dir, 'other.html')]);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/Authority 855 is not in this database/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.html') || f.endsWith('.tmp'))).toEqual(['missing.html']);
  }, 300_000);
});
