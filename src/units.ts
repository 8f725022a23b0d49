// Durations and rates as users write them ("10ms", "20k/s"), parsed to numbers
// for scoring while the original spelling is kept for reports.

export interface Duration {
  /** what the user wrote, e.g. "10ms" */
  text: string;
  /** the same, in milliseconds */
  ms: number;
}

export interface Rate {
  /** what the user wrote, e.g. "20k/s" */
  text: string;
  /** the same, in events per second */
  perSecond: number;
}

/**
 * Units of time, spelt the same way in a duration ("2sec", "5min", "1d") and
 * after the slash of a rate ("20k/sec", "3M/min", "1B/d"), in seconds.
 */
const TIME_UNITS: Record<string, number> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86_400, day: 86_400 };
const TIME_UNIT_NAMES = "s|sec|m|min|h|d|day";

const DURATION_UNITS: Record<string, number> = {
  us: 0.001,
  µs: 0.001,
  μs: 0.001, // Greek mu, which some keyboards produce instead of the micro sign
  ms: 1,
  ...Object.fromEntries(Object.entries(TIME_UNITS).map(([u, s]) => [u, s * 1000])),
};

const RATE_MULTIPLIERS: Record<string, number> = { "": 1, k: 1e3, K: 1e3, M: 1e6, B: 1e9 };
const RATE_PERIODS: Record<string, number> = TIME_UNITS;

/** Accepted forms, used by the schema (regex) and by error messages. */
export const DURATION_PATTERN = `^\\d+(\\.\\d+)?\\s*(us|µs|μs|ms|${TIME_UNIT_NAMES})$`;
export const RATE_PATTERN = `^\\d+(\\.\\d+)?\\s*[kKMB]?\\s*/\\s*(${TIME_UNIT_NAMES})$`;
/**
 * The same, refusing a zero amount (0ms, 0.0/s), for the JSON Schema an editor
 * checks as you type: the validator itself accepts the form and then says why
 * zero cannot work (durationProblem, rateProblem).
 */
export const POSITIVE_DURATION_PATTERN = DURATION_PATTERN.replace(/^\^/, "^(?=[0.]*[1-9])");
export const POSITIVE_RATE_PATTERN = RATE_PATTERN.replace(/^\^/, "^(?=[0.]*[1-9])");
export const DURATION_EXPECTED = "a duration with a unit, such as 500us, 10ms, 2s, 5m or 1h";
export const RATE_EXPECTED = "a rate such as 500/s, 20k/s, 1.5M/s, 3M/min or 1B/day";

const DURATION_RE = new RegExp(DURATION_PATTERN);
const RATE_RE = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*([kKMB]?)\\s*/\\s*(${TIME_UNIT_NAMES})$`);

/** Limits that keep numbers meaningful: nothing streams faster than this, no budget is longer. */
export const MAX_DURATION_MS = 366 * 24 * 3_600_000; // a year
export const MAX_RATE_PER_SECOND = 1e12;

// Catalogue values ("100ms", "1M/s") are parsed again on every rule evaluation; remember them.
const durationMemo = new Map<string, Duration | undefined>();
const rateMemo = new Map<string, Rate | undefined>();

export function parseDuration(text: string): Duration | undefined {
  if (durationMemo.has(text)) return durationMemo.get(text);
  const d = parseDurationUncached(text);
  if (durationMemo.size < 10_000) durationMemo.set(text, d);
  return d;
}

export function parseRate(text: string): Rate | undefined {
  if (rateMemo.has(text)) return rateMemo.get(text);
  const r = parseRateUncached(text);
  if (rateMemo.size < 10_000) rateMemo.set(text, r);
  return r;
}

function parseDurationUncached(text: string): Duration | undefined {
  const t = text.trim();
  if (!DURATION_RE.test(t)) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(\S+)$/.exec(t);
  if (!m) return undefined;
  const factor = DURATION_UNITS[m[2]!];
  if (factor === undefined) return undefined;
  const ms = Number(m[1]) * factor;
  if (!Number.isFinite(ms)) return undefined;
  return { text: t, ms };
}

function parseRateUncached(text: string): Rate | undefined {
  const t = text.trim();
  const m = RATE_RE.exec(t);
  if (!m) return undefined;
  const perSecond = (Number(m[1]) * RATE_MULTIPLIERS[m[2]!]!) / RATE_PERIODS[m[3]!]!;
  if (!Number.isFinite(perSecond)) return undefined;
  return { text: t, perSecond };
}

/** Why a syntactically valid duration is still unusable, or undefined when it is fine. */
export function durationProblem(d: Duration): string | undefined {
  if (d.ms <= 0) return "is zero, and a budget of zero cannot be met";
  if (d.ms < 0.001) return "is shorter than 1us";
  if (d.ms > MAX_DURATION_MS) return "is longer than a year";
  return undefined;
}

export function rateProblem(r: Rate): string | undefined {
  if (r.perSecond <= 0) return "is zero";
  if (r.perSecond < 1 / 86_400) return "is less than 1/day";
  if (r.perSecond > MAX_RATE_PER_SECOND) return "is more than 10^12 events per second";
  return undefined;
}

/** A short human form of an events-per-second value ("20k/s", "1.5M/s"). */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1e9) return `${trim(perSecond / 1e9)}B/s`;
  if (perSecond >= 1e6) return `${trim(perSecond / 1e6)}M/s`;
  if (perSecond >= 1e3) return `${trim(perSecond / 1e3)}k/s`;
  return `${trim(perSecond)}/s`;
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export interface UnitHint {
  /** the value as it was probably meant, for a did-you-mean */
  suggestion: string;
  /** why it did not parse, when that is not obvious from the suggestion */
  note?: string;
}

/** Unit words people write for durations and periods, to the spelling accepted. */
const TIME_WORDS: Record<string, string> = {
  usec: "us",
  usecs: "us",
  micros: "us",
  microsecond: "us",
  microseconds: "us",
  msec: "ms",
  msecs: "ms",
  millis: "ms",
  millisecond: "ms",
  milliseconds: "ms",
  secs: "sec",
  second: "sec",
  seconds: "sec",
  mins: "min",
  minute: "min",
  minutes: "min",
  hr: "h",
  hrs: "h",
  hour: "h",
  hours: "h",
  days: "d",
};

function timeUnit(word: string, durations: boolean): string | undefined {
  const w = word.toLowerCase();
  if (w in TIME_UNITS) return w;
  if (durations && (w === "us" || w === "ms")) return w;
  const canon = TIME_WORDS[w];
  return canon && (durations || canon in TIME_UNITS) ? canon : undefined;
}

/** A likely meaning for a duration that does not parse: `10 msec` is 10ms, `1hr` is 1h. */
export function durationHint(text: string): UnitHint | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z\u00b5\u03bc]+)$/.exec(text.trim());
  if (!m) return undefined;
  // M could be minutes or months: no guess
  const unit = m[2] === "M" ? undefined : timeUnit(m[2]!, true);
  if (!unit) return undefined;
  const suggestion = `${m[1]}${unit}`;
  return parseDuration(suggestion) ? { suggestion } : undefined;
}

/**
 * A likely meaning for a rate that does not parse: `1m/s` (m is minutes: a
 * million is M), `2b/s`, `20k` or 20000 (no period), `20k/second`, `20k per s`.
 */
export function rateHint(value: string | number): UnitHint | undefined {
  const text = String(value).trim();
  const noPeriod = /^(\d+(?:\.\d+)?)\s*([kKMB]?)$/.exec(text);
  if (noPeriod) return { suggestion: `${noPeriod[1]}${noPeriod[2]}/s`, note: "a rate needs a period, such as /s or /min" };
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]?)\s*(?:\/|\s+per\s+)\s*([a-zA-Z]+)$/.exec(text);
  if (!m) return undefined;
  const [, n, mult, per] = m as unknown as [string, string, string, string];
  const period = timeUnit(per, false);
  if (!period) return undefined;
  let multiplier = mult;
  let note: string | undefined;
  if (mult === "m") (multiplier = "M"), (note = "m means minutes; a million is M");
  else if (mult === "b") (multiplier = "B"), (note = "a billion is B");
  else if (mult !== "" && !(mult in RATE_MULTIPLIERS)) return undefined;
  const suggestion = `${n}${multiplier}/${period}`;
  if (!parseRate(suggestion) || suggestion === text) return undefined;
  return note ? { suggestion, note } : { suggestion };
}
