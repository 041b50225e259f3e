/** Collection-year labels: 2024 → "2023/24" (1 April 2023 to 31 March 2024). */
export function yearLabel(year: number): string {
  return `${year - 1}/${String(year).slice(-2)}`;
}

/** The `count` years ending with `last`, oldest first. */
export function yearsEnding(last: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

export function periodWords(year: number): string {
  return `year ending 31 March ${year}`;
}
