import { describe, expect, it } from 'vitest';
import { annexA } from '../../model/code-lists/index.js';
import { addMonths } from '../../export/annex-a/build.js';
import { recogniseList } from './lists.js';
import { annexACode, annexAValue } from './values.js';

describe('Annex A values', () => {
  it('reads template values, bare codes, labels and common variants to the stored code', () => {
    expect(['a) Male', 'M', 'male', '1', ' MALE '].map((v) => annexACode(annexA.Gender, v))).toEqual(['M', 'M', 'M', 'M', 'M']);
    expect(annexACode(annexA.Gender, 'd) Neither')).toBe('I');
    expect(['a) Yes', 'Y', 'yes', 'True', '0', 'b) No'].map((v) => annexACode(annexA.YesNo, v))).toEqual(['Y', 'Y', 'Y', 'Y', 'N', 'N']);
    expect(annexACode(annexA.ReferralSource, 'a) 1A: Individual')).toBe('1A');
    expect(annexACode(annexA.PrimaryNeed, 'N1 – Abuse or neglect')).toBe('N1');
    expect(annexACode(annexA.PlacementProvider, 'b) PR1: Own provision')).toBe('PR1');
    expect(annexACode(annexA.Ethnicity, 'a) wbri')).toBe('WBRI');
    expect(annexACode(annexA.Gender, 'x) Martian')).toBeNull();
    expect(annexACode(annexA.ReferralSource, '=HYPERLINK("x")')).toBeNull();
  });

  it('writes template values where the list has them, else the code', () => {
    expect(annexAValue(annexA.Gender, 'F')).toBe('b) Female');
    expect(annexAValue(annexA.ReferralSource, '2A')).toBe('2A');
    expect(annexAValue(annexA.YesNo, null)).toBe('');
  });

  it('recognises a list by its headers whatever their case and spacing, and tells lists apart', () => {
    const list3 = recogniseList(['child unique id', 'GENDER', 'Ethnicity', 'Date_of_Birth', 'Date of referral', 'Referral Source', 'Referral NFA?', 'Number of Referrals in Last 12 Months', 'Notes']);
    expect(list3?.list.number).toBe(3);
    expect(list3?.columns.at(-1)).toBeNull(); // an unknown column is mapped to nothing (the reader warns)
    expect(recogniseList(['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Contact', 'Contact Source'])?.list.number).toBe(1);
    expect(recogniseList(['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'])).toBeNull(); // an SSDA903 Header table
  });

  it('counts months back with the day clamped to the month', () => {
    expect(addMonths('2025-03-31', -6)).toBe('2024-09-30');
    expect(addMonths('2025-03-31', -12)).toBe('2024-03-31');
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
  });
});
