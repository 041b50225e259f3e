import { describe, expect, it } from 'vitest';
import { parseEthnicPopulationCsv } from './ethnic-population.js';
import { disproportionality } from './disproportionality.js';

describe('population by ethnic group from a CSV (EQ-01..03)', () => {
  it('reads codes and counts, ignoring header case, spaces and a byte-order mark', () => {
    const pop = parseEthnicPopulationCsv('\uFEFFEthnicity, Population\nWBRI,9000\nAIND, 1000\n');
    expect(pop).toEqual({ WBRI: 9000, AIND: 1000 });
    // 90 and 30 children: rates 100 and 300 per 10,000; the relative rate index of AIND is 3
    const groups = disproportionality({ WBRI: 90, AIND: 30 }, pop);
    expect(groups.find((g) => g.group === 'AIND')!.ratePer10k).toBe(300);
  });

  it('names the file, row, column, value and rule of a bad cell', () => {
    expect(() => parseEthnicPopulationCsv('ethnicity,population\nWBRI,9000\nAIND,lots\n', 'pop.csv')).toThrow('pop.csv: row 3, column population: "lots" is not a whole number of children');
    expect(() => parseEthnicPopulationCsv('ethnicity,population\nwhite british,9000\n', 'pop.csv')).toThrow(/row 2, column ethnicity: "white british" is not an ethnicity code/);
    expect(() => parseEthnicPopulationCsv('ethnicity,population\nWBRI,1\nWBRI,2\n', 'pop.csv')).toThrow(/row 3.*appears twice/);
    expect(() => parseEthnicPopulationCsv('group,children\nWBRI,1\n', 'pop.csv')).toThrow(/column "ethnicity" is missing/);
  });
});
