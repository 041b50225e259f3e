import { codeLists, describeAllowed, isValidCode } from '../code-lists/index.js';

export interface CompiledCodeList {
  isValid(code: string): boolean;
  describe(): string;
}

export type CodeListLookup = (id: string) => CompiledCodeList | undefined;

/**
 * Canonical rows accept any code that was valid in some collection year: the year-specific
 * checks belong to the import of a given year's return, which knows the year.
 */
export const lookupCodeList: CodeListLookup = (id) => {
  const list = (codeLists as Record<string, Parameters<typeof isValidCode>[0]>)[id];
  if (!list) return undefined;
  const codes = new Set(list.codes.map((entry) => entry.code));
  return { isValid: (code) => codes.has(code) || isValidCode(list, code), describe: () => describeAllowed(list) };
};
