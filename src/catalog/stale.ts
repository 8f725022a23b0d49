// When the engine catalogue is old enough to say so: more than 12 months
// between its `asOf` month and today. `advise PROFILE` prints the note on
// stderr; `advise check` carries it in its report (a GitHub ::notice, a SARIF
// notification, `notices` in JSON). Never an error: facts age, they do not break.

/** Months after which the catalogue is called stale. */
export const STALE_AFTER_MONTHS = 12;

/** Whole months from the catalogue's `asOf` (YYYY-MM) to `now`, when that is more than STALE_AFTER_MONTHS; else undefined. */
export function staleMonths(asOf: string, now: Date): number | undefined {
  const [y, m] = asOf.split("-").map(Number);
  if (!y || !m) return undefined;
  const months = (now.getUTCFullYear() - y) * 12 + (now.getUTCMonth() + 1 - m);
  return months > STALE_AFTER_MONTHS ? months : undefined;
}

export function staleMessage(asOf: string, months: number): string {
  return `the engine catalogue is as of ${asOf}, ${months} months ago; engines change, so check the facts behind the decisive reasons (advise engines ID).`;
}
