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

const DURATION_UNITS: Record<string, number> = {
  us: 0.001,
  µs: 0.001,
  μs: 0.001, // Greek mu, which some keyboards produce instead of the micro sign
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
};

const RATE_MULTIPLIERS: Record<string, number> = { "": 1, k: 1e3, K: 1e3, M: 1e6, B: 1e9 };
const RATE_PERIODS: Record<string, number> = { s: 1, sec: 1, min: 60, m: 60, h: 3600, day: 86_400, d: 86_400 };

/** Accepted forms, used by the schema (regex) and by error messages. */
export const DURATION_PATTERN = "^\\d+(\\.\\d+)?\\s*(us|µs|μs|ms|s|m|min|h)$";
export const RATE_PATTERN = "^\\d+(\\.\\d+)?\\s*[kKMB]?\\s*/\\s*(s|sec|min|m|h|day|d)$";
export const DURATION_EXPECTED = "a duration with a unit, such as 500us, 10ms, 2s, 5m or 1h";
export const RATE_EXPECTED = "a rate such as 500/s, 20k/s, 1.5M/s, 3M/min or 1B/day";

const DURATION_RE = new RegExp(DURATION_PATTERN);
const RATE_RE = /^(\d+(?:\.\d+)?)\s*([kKMB]?)\s*\/\s*(s|sec|min|m|h|day|d)$/;

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
