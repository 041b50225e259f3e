/** Source lines printed under every table and chart. */
import type { ReportData } from '../model.js';

/** What the local figures are: the authority's case records, or synthetic data that only imitates them. */
export function dataDescription(data: Pick<ReportData, 'authority' | 'dataOrigin'>): string {
  return data.dataOrigin === 'synthetic' ? `Synthetic data modelled on ${data.authority.name}` : `${data.authority.name} case records`;
}

export function localSource(data: ReportData): string {
  return `${dataDescription(data)} (CSC Workbench, indicators computed ${data.generatedOn})`;
}

export const SYNTHETIC_NOTICE = (name: string) =>
  `Synthetic data modelled on ${name}: every local figure in this report comes from the CSC Workbench synthetic generator, calibrated to ${name}'s published DfE figures. No real child's records were used, and the figures are not ${name}'s.`;

export const BENCHMARK_SOURCE = 'comparators: DfE Children in need and Children looked after in England statistics (explore-education-statistics), Open Government Licence v3.0';
