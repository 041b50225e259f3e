import type { Unit } from '../api/types.js';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** A value as people read it in the seeds' reports: 1,234 · 45.6% · 52.1 per 10,000 · £1,234. */
export function formatValue(value: number | null | undefined, unit: Unit = 'count'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'rate':
      return oneDecimal.format(value);
    case 'days':
      return `${integer.format(value)} days`;
    case 'working-days':
      return `${integer.format(value)} working days`;
    case 'p-value':
      return value.toFixed(3);
    case 'currency':
      return pounds.format(value);
    case 'count':
      return integer.format(value);
    default:
      return oneDecimal.format(value);
  }
}

export function unitSuffix(unit: Unit): string {
  return unit === 'rate' ? ' per 10,000 children' : '';
}

export function formatYear(year: number): string {
  return `${year - 1}/${String(year).slice(2)}`;
}
