/** Source lines printed under every table and chart. */
import type { ReportData } from '../model.js';

export function localSource(data: ReportData): string {
  return `${data.authority.name} case records (CSC Workbench, indicators computed ${data.generatedOn})`;
}

export const BENCHMARK_SOURCE = 'comparators: DfE Children in need and Children looked after in England statistics (explore-education-statistics), Open Government Licence v3.0';
