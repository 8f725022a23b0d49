// "Today", for what depends on the date: whether the catalogue is stale,
// whether an ADR's acknowledgement has expired, the JUnit timestamp. Fixed for
// reproducible runs and tests by, in order: `--today YYYY-MM-DD` (advise check),
// SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention),
// ADVISE_NOW (an ISO date-time); else the system clock.

import { UsageError } from "./diagnostics.js";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last second of the year 9999: later times have no YYYY-MM-DD form (JUnit timestamps, acknowledgement dates). */
export const MAX_EPOCH_SECONDS = 253_402_300_799;

/** A YYYY-MM-DD calendar date as midnight UTC, or undefined when it is not a real date (2027-02-30). */
export function parseDate(text: string): Date | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text ? d : undefined;
}

/** The fixed time from the environment, when one is set (SOURCE_DATE_EPOCH, then ADVISE_NOW). */
export function fixedTime(env: NodeJS.ProcessEnv): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH='${epoch}' is not a number of seconds since 1970-01-01`);
    if (epoch.length > 12 || Number(epoch) > MAX_EPOCH_SECONDS) throw new UsageError(`SOURCE_DATE_EPOCH='${epoch.length > 24 ? `${epoch.slice(0, 24)}…` : epoch}' is after the year 9999; expected seconds since 1970-01-01, at most ${MAX_EPOCH_SECONDS}`);
    return new Date(Number(epoch) * 1000);
  }
  const now = env.ADVISE_NOW;
  if (now !== undefined && now !== "") {
    const d = new Date(now);
    if (Number.isNaN(d.getTime()) || d.getTime() < 0 || d.getTime() > MAX_EPOCH_SECONDS * 1000) throw new UsageError(`ADVISE_NOW='${now}' is not a date between 1970 and 9999, such as 2027-06-30T00:00:00Z`);
    return d;
  }
  return undefined;
}

/** Today: the option if given (YYYY-MM-DD), else the environment's fixed time, else the clock. */
export function today(option: string | undefined, env: NodeJS.ProcessEnv): Date {
  if (option !== undefined) {
    const d = parseDate(option);
    if (!d) throw new UsageError(`--today '${option}' is not a date; expected YYYY-MM-DD, such as 2027-06-30`);
    return d;
  }
  return fixedTime(env) ?? new Date();
}

/** A Date as its UTC calendar day, YYYY-MM-DD. */
export function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}
