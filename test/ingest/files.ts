import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { InputFile } from '../../src/ingest/index.js';

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** Files under test/fixtures/<dir>, named by their path relative to test/fixtures. */
export function fixtureFiles(...dirs: string[]): InputFile[] {
  const out: InputFile[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else out.push({ name: relative(FIXTURES, path), data: readFileSync(path) });
  };
  for (const dir of dirs) walk(join(FIXTURES, dir));
  return out;
}
