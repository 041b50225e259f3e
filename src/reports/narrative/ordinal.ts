/** 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 12 → "12th", 13 → "13th", 21 → "21st", 112 → "112th". */
export function ordinal(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`ordinal needs a whole number of 0 or more (got ${n})`);
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}
