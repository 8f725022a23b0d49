// "What would change the winner": the smallest single changes to a profile
// that change the top pick or the kind of recommendation. Scoring is a pure
// function, so every candidate is replayed through the real scorer; the
// candidates for latency are found exactly from the descriptors (every
// floor, typical value and threshold, and every point where two engines'
// scores cross, since a score is linear in log(budget) between those).

import { capitalize, compareText } from "../text.js";
import type { Catalog } from "../catalog/load.js";
import type { Profile } from "../profile/load.js";
import {
  CLOUDS,
  CONSISTENCY,
  DEPLOYMENTS,
  LANGUAGES,
  LICENSES,
  PRIORITY_LEVELS,
  type Priority,
  REQUIREMENTS,
  type Requirement,
  SERVING,
  STATE_SIZES,
  UNITS,
} from "../profile/fields.js";
import { latencyThresholds } from "../catalog/conditions.js";
import { allLatencies, sourceDelay } from "../rules/latency-budget.js";
import { parseDuration, parseRate } from "../units.js";
import type { Rule } from "../rules/types.js";
import { type Outcome, outcome } from "./decide.js";
import { applicableRules, roundPoints, scoreAll, VerdictCache, weighRules } from "./score.js";

export type Value = string | number | boolean | string[];

export interface SensitivityEntry {
  /** the profile field, as a list of keys */
  path: string[];
  /** its value now (in the user's spelling), or null when the profile leaves it out */
  from: Value | null;
  /** a value the profile accepts that produces `winner` */
  to: Value;
  /** the engine id that would rank first, or the recommendation kind when the kind changes */
  winner: string;
  summary: string;
  /** how big the change is (for ordering; smaller first) */
  cost: number;
}

const KIND_WORDS: Record<string, string> = {
  custom: "custom code would be the answer",
  none: "no engine would meet every must",
  "periodic-batch": "scheduled batch jobs would be the answer",
};

const replayCaches = new WeakMap<Catalog, VerdictCache>();

/**
 * The verdicts replays are scored with: one cache per catalogue for the whole
 * run, so the profiles of a run (`advise a.yaml b.yaml ...`) share them.
 * A replay reads only what a rule's key determines (fits, unmet flags, the
 * burden), never a verdict's words, which quote the user's own spelling.
 */
export function replayCache(catalog: Catalog): VerdictCache {
  let cache = replayCaches.get(catalog);
  if (!cache) replayCaches.set(catalog, (cache = new VerdictCache(catalog)));
  return cache;
}

/**
 * The smallest single changes that change the answer; with `target`, only
 * changes that make that engine the answer (for --why-not).
 */
export function sensitivity(profile: Profile, catalog: Catalog, base?: Outcome, target?: string, cache: VerdictCache = replayCache(catalog)): SensitivityEntry[] {
  base ??= outcome(profile, catalog, cache);
  const names = new Map(catalog.engines.map((e) => [e.id, e.name]));
  const entries: SensitivityEntry[] = [];
  const consider = (path: string[], from: Value | null, to: Value, changed: Profile, cost: number, how: string) => {
    const o = outcome(changed, catalog, cache);
    if (o.kind === base.kind && o.engine === base.engine) return false;
    // a change that only makes another engine tie with the pick does not change the answer
    if (o.kind === base.kind && base.engine !== null && o.tiedWith.includes(base.engine)) return false;
    const winner = o.kind === "engine" || (o.kind === base.kind && o.engine) ? o.engine! : o.kind;
    if (target !== undefined && (o.engine !== target || (o.kind !== "engine" && o.kind !== base.kind))) return false;
    const name = names.get(o.engine ?? "") ?? o.engine;
    const what =
      o.kind !== base.kind && o.kind !== "engine"
        ? o.kind === "periodic-batch" && o.engine
          ? `scheduled batch jobs in ${name} would be the answer`
          : KIND_WORDS[o.kind]!
        : o.kind !== base.kind
          ? `${name} as a streaming engine would be the answer`
          : `${name} would rank first`;
    entries.push({ path, from, to, winner, summary: `${capitalize(what)} ${how}.`, cost: Math.round(cost * 1000) / 1000 });
    return true;
  };

  // 1. Priorities: the nearest level that flips the answer, for each requirement that is judged.
  const judged = new Set(applicableRules(profile, catalog).map((r) => r.requirement));
  for (const req of REQUIREMENTS) {
    if (!judged.has(req)) continue;
    const now = profile.priorities[req];
    const at = PRIORITY_LEVELS.indexOf(now);
    const options = PRIORITY_LEVELS.filter((p) => p !== now).sort((a, b) => Math.abs(PRIORITY_LEVELS.indexOf(a) - at) - Math.abs(PRIORITY_LEVELS.indexOf(b) - at));
    for (const level of options) {
      const changed = withPriority(profile, req, level);
      if (consider(["priorities", req], now, level, changed, Math.abs(PRIORITY_LEVELS.indexOf(level) - at), `if ${req} were ${article(level)} instead of ${now}`)) break;
    }
  }

  // 2. The latency budget, both ways.
  for (const cand of latencyCandidates(profile, catalog, cache, target ?? base.engine)) {
    const up = cand.up;
    for (const text of cand.values) {
      const d = parseDuration(text)!;
      const changed: Profile = { ...profile, latency: d };
      const cost = 2 * Math.abs(Math.log10(d.ms / profile.latency.ms));
      if (consider(["latency"], profile.latency.text, text, changed, cost, `if the latency budget were ${up ? "raised" : "lowered"} to ${text} (from ${profile.latency.text})`)) break;
    }
  }

  // 3. Throughput (the rate the engine must absorb), both ways.
  const ratePath = profile.throughput.peak ? ["throughput", "peak"] : profile.throughput.form === "object" ? ["throughput", "sustained"] : ["throughput"];
  const rateNow = profile.throughput.peak ?? profile.throughput.sustained;
  for (const { up, values } of rateCandidates(profile, catalog)) {
    for (const text of values) {
      const r = parseRate(text)!;
      if (profile.throughput.peak && r.perSecond < profile.throughput.sustained.perSecond) continue;
      const changed: Profile = { ...profile, throughput: profile.throughput.peak ? { ...profile.throughput, peak: r } : { ...profile.throughput, sustained: r } };
      const cost = 2 * Math.abs(Math.log10(r.perSecond / rateNow.perSecond));
      if (consider(ratePath, rateNow.text, text, changed, cost, `if the ${profile.throughput.peak ? "peak " : ""}throughput were ${up ? "raised" : "lowered"} to ${text} (from ${rateNow.text})`)) break;
    }
  }

  // 4. Switching one choice.
  const enums: [keyof Profile & string, readonly string[]][] = [
    ["deployment", DEPLOYMENTS],
    ["unit", UNITS],
    ["license", LICENSES],
    ["cloud", CLOUDS],
    ["state", STATE_SIZES],
    ["serving", SERVING],
    ["consistency", CONSISTENCY],
  ];
  for (const [field, values] of enums) {
    const now = profile[field] as string;
    for (const v of values) {
      if (v === now) continue;
      consider([field], now, v, { ...profile, [field]: v }, 1.5, `if ${field} were ${v} instead of ${now}`);
    }
  }
  for (const field of ["eventTime", "exactlyOnce", "batch", "portable"] as const) {
    const now = profile[field];
    consider([field], now, !now, { ...profile, [field]: !now }, 1.5, `if ${field} were ${!now}`);
  }

  // 5. Lists: a language added or dropped; a processing kind, source or sink dropped.
  for (const lang of LANGUAGES) {
    if (profile.languages.includes(lang) || profile.languages.length === 0) continue;
    const to = [...profile.languages, lang];
    consider(["languages"], profile.languages, to, { ...profile, languages: to }, 1.5, `if the team could also write ${lang}`);
  }
  for (const field of ["languages", "processing", "sources", "sinks", "operations", "platforms"] as const) {
    const list = profile[field] as string[];
    for (const item of list) {
      const to = list.filter((x) => x !== item);
      consider([field], list, to, { ...profile, [field]: to } as Profile, 1.5, `without ${item} in ${field}`);
    }
  }

  return entries.sort((a, b) => a.cost - b.cost || compareText(a.path.join("."), b.path.join(".")) || compareText(String(a.to), String(b.to)));
}

function withPriority(p: Profile, req: Requirement, level: Priority): Profile {
  return { ...p, priorities: { ...p.priorities, [req]: level } };
}

function article(level: string): string {
  return level === "must" ? "a must" : `${level} priority`;
}


// ---- latency candidates ---------------------------------------------------

const DURATION_UNITS: [string, number][] = [
  ["h", 3_600_000],
  ["min", 60_000],
  ["m", 60_000],
  ["s", 1000],
  ["ms", 1],
  ["us", 0.001],
  ["µs", 0.001],
  ["μs", 0.001],
];

/**
 * Budgets to try, nearest first, in each direction, in the user's unit.
 * `focus` is the engine whose place decides the answer (the pick, or the
 * --why-not engine): the answer changes only at a threshold or where another
 * engine crosses it, so crossings of two other engines are not candidates.
 */
function latencyCandidates(profile: Profile, catalog: Catalog, cache: VerdictCache, focus: string | null): { up: boolean; values: string[] }[] {
  const now = profile.latency.ms;
  const points = new Set<number>([parseDuration(catalog.config.latency.periodicBatchAt)!.ms]);
  const delay = sourceDelay(profile, catalog.config).ms;
  for (const e of catalog.engines) {
    for (const l of allLatencies(e)) {
      // a source's delivery delay comes off the budget first, so each threshold sits that much higher
      points.add(l.floor); // the custom tier compares the budget itself with every floor
      points.add(l.floor + delay);
      points.add(l.typical + delay);
      points.add(l.typical * 10 + delay); // where the latency rule's headroom stops growing
    }
    if (e.latency.exactlyOnceFloor) points.add(parseDuration(e.latency.exactlyOnceFloor)!.ms);
  }
  // facts that hold only for budgets under a threshold (a condition's latencyBelow) change other rules there
  for (const ms of latencyThresholds(catalog.engines)) points.add(ms);
  const breaks = [...points].filter((x) => x > 0).sort((a, b) => a - b);
  // Between two breakpoints only the latency rule's part of each score moves,
  // linearly in log(budget). The shown score is 50 plus each part rounded, so
  // the order of two engines can change where their unrounded scores cross
  // (the tie-break) or where either one's latency part crosses a half point
  // (its shown score steps) while the two are within a point of each other.
  // The budget changes no rule's applicability or weight (a rules test holds every rule to that).
  const at = weighRules(profile, catalog).findIndex((w) => w.rule.id === "latency-budget");
  const partsAt = (ms: number) =>
    scoreAll({ ...profile, latency: { text: "", ms } }, catalog, cache).map((s) => {
      const latency = at === -1 ? 0 : s.parts[at]!;
      return { raw: s.raw, latency, others: s.score - (at === -1 ? 0 : s.impacts[at]!) };
    });
  const f = focus === null ? -1 : catalog.engines.findIndex((e) => e.id === focus);
  const involves = (p: number, q: number) => f === -1 || p === f || q === f;
  const edges = [breaks[0]! / 1000, ...breaks, breaks[breaks.length - 1]! * 1000];
  const crossings: number[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const lo = Math.log(edges[i]!);
    const hi = Math.log(edges[i + 1]!);
    const x1 = lo + (hi - lo) / 3;
    const x2 = lo + (2 * (hi - lo)) / 3;
    const s1 = partsAt(Math.exp(x1));
    const s2 = partsAt(Math.exp(x2));
    const line = (y1: number, y2: number) => {
      const b = (y2 - y1) / (x2 - x1);
      return { a: y1 - b * x1, b };
    };
    const raws = s1.map((e, k) => line(e.raw, s2[k]!.raw));
    const lats = s1.map((e, k) => line(e.latency, s2[k]!.latency));
    const n = raws.length;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (!involves(p, q)) continue;
        const db = raws[p]!.b - raws[q]!.b;
        if (Math.abs(db) > 1e-12) {
          const x = -(raws[p]!.a - raws[q]!.a) / db;
          if (x > lo && x < hi) crossings.push(Math.exp(x));
        }
      }
    }
    // Where engine k's latency part crosses a half point its shown score steps; that
    // matters when another engine is then within a point of it.
    const shown: number[] = [];
    for (let k = 0; k < n; k++) {
      const { a, b } = lats[k]!;
      if (Math.abs(b) < 1e-12) continue;
      const from = Math.min(a + b * lo, a + b * hi);
      const to = Math.max(a + b * lo, a + b * hi);
      for (let h = Math.ceil(from - 0.5) + 0.5; h < to; h++) {
        const x = (h - a) / b;
        if (!(x > lo && x < hi)) continue;
        for (let j = 0; j < n; j++) {
          const y = lats[j]!.a + lats[j]!.b * x;
          shown[j] = s1[j]!.others + roundPoints(y);
        }
        for (let j = 0; j < n; j++) {
          if (j !== k && involves(k, j) && Math.abs(shown[k]! - shown[j]!) <= 1) {
            crossings.push(Math.exp(x));
            break;
          }
        }
      }
    }
  }
  const unit = unitOf(profile.latency.text);
  return candidateValues([...breaks, ...crossings], now, (ms, dir) => durationText(ms, unit, dir), (t) => parseDuration(t)!.ms);
}

/**
 * Values to try in the user's units, nearest first, above and below `now`.
 * Between two consecutive points the answer cannot change (the points hold
 * every threshold and every crossing), so one value just past each point is
 * enough: rounded up going up (thresholds are inclusive: budget >= floor),
 * and just below it going down.
 */
function candidateValues(points: number[], now: number, toText: (v: number, dir: "up" | "down") => string | undefined, toNumber: (text: string) => number): { up: boolean; values: string[] }[] {
  const up = new Set<string>();
  const down = new Set<string>();
  for (const p of points) {
    if (p > now) {
      const text = toText(p, "up");
      if (text && toNumber(text) > now) up.add(text);
    }
    if (p * 0.999 < now) {
      const text = toText(p * 0.999, "down");
      if (text && toNumber(text) < now) down.add(text);
    }
  }
  const byDistance = (xs: Set<string>) => {
    const distance = new Map<string, number>();
    for (const x of xs) distance.set(x, Math.abs(Math.log(toNumber(x) / now)));
    return [...xs].sort((a, b) => distance.get(a)! - distance.get(b)!);
  };
  return [
    { up: true, values: byDistance(up) },
    { up: false, values: byDistance(down) },
  ];
}

function unitOf(text: string): string {
  // \u escapes, not the characters: a regex literal is the one thing esbuild copies into the bundle as is
  return /([a-z\u00b5\u03bc]+)$/.exec(text)?.[1] ?? "ms";
}

/** ms as a duration in the user's unit (or a smaller one when below 1), rounded to 3 significant digits. */
export function durationText(ms: number, unit: string, dir: "up" | "down"): string | undefined {
  if (!(ms > 0) || !Number.isFinite(ms)) return undefined;
  const idx = DURATION_UNITS.findIndex(([u]) => u === unit);
  let start = idx === -1 ? 4 : idx;
  // The user's unit, unless the number would reach 1000 or more: then the largest unit that keeps it at least 1
  // (the user's own spelling of minutes, m or min, is kept).
  if (ms / DURATION_UNITS[start]![1] >= 1000) {
    const larger = DURATION_UNITS.findIndex(([u, f]) => ms / f >= 1 && u !== (unit === "min" ? "m" : "min"));
    if (larger !== -1 && larger < start) start = larger;
  }
  for (let i = start; i < DURATION_UNITS.length; i++) {
    const [u, f] = DURATION_UNITS[i]!;
    const v = roundSig(ms / f, dir);
    if (v >= 1 || i === DURATION_UNITS.length - 1) {
      if (v <= 0) return undefined;
      const text = `${v}${u === "µs" || u === "μs" ? "us" : u}`;
      const d = parseDuration(text);
      if (!d || d.ms <= 0 || d.ms > 366 * 86_400_000) return undefined;
      return text;
    }
  }
  return undefined;
}

function roundSig(x: number, dir: "up" | "down"): number {
  if (x === 0) return 0;
  const mag = Math.floor(Math.log10(Math.abs(x)));
  const step = 10 ** (mag - 2);
  const n = dir === "up" ? Math.ceil(x / step - 1e-9) : Math.floor(x / step + 1e-9);
  const v = n * step;
  const decimals = Math.max(0, 2 - mag);
  return Number(v.toFixed(decimals));
}

// ---- throughput candidates ------------------------------------------------

function rateCandidates(profile: Profile, catalog: Catalog): { up: boolean; values: string[] }[] {
  const now = (profile.throughput.peak ?? profile.throughput.sustained).perSecond;
  const text = (profile.throughput.peak ?? profile.throughput.sustained).text;
  const t = catalog.config.throughput;
  const thresholds = [parseRate(t.medium)!.perSecond, parseRate(t.high)!.perSecond];
  return candidateValues(thresholds, now, (v, dir) => rateText(v, text, dir), (r) => parseRate(r)!.perSecond);
}

const MULTS: [string, number][] = [
  ["B", 1e9],
  ["M", 1e6],
  ["k", 1e3],
  ["", 1],
];

/** A rate in the same period as the user's, with the largest multiplier that keeps the number at least 1. */
export function rateText(perSecond: number, like: string, dir: "up" | "down"): string | undefined {
  const m = /\/\s*(\w+)$/.exec(like);
  const period = m?.[1] ?? "s";
  const seconds = { s: 1, sec: 1, min: 60, m: 60, h: 3600, day: 86_400, d: 86_400 }[period] ?? 1;
  const perPeriod = perSecond * seconds;
  for (const [suffix, mult] of MULTS) {
    const v = roundSig(perPeriod / mult, dir);
    if (v >= 1) {
      const text = `${v}${suffix}/${period}`;
      return parseRate(text) ? text : undefined;
    }
  }
  return undefined;
}
