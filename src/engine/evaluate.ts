// Scoring: a pure function of a profile and a catalogue. No I/O, no clock,
// no randomness: the same inputs give the same result, byte for byte.
//
// Every engine starts at 50. Each rule that applies to the profile owns a
// share of 100 points in proportion to its weight (rules.yaml weight times
// the priority's factor) and moves the score by share * (fit - 0.5): up by
// half its share when fully met, down by half when not met at all. So a score
// is 50 plus the sum of its reasons' impacts, and lies in 0..100.

import { capitalize, compareText, lowerFirst } from "../text.js";
import type { Catalog } from "../catalog/load.js";
import type { Engine, Level } from "../catalog/schema.js";
import type { Profile } from "../profile/load.js";
import { formatMessage, RULES } from "../rules/index.js";
import { engineLatency } from "../rules/latency-budget.js";
import type { Rule, RuleContext, Verdict } from "../rules/types.js";
import { uniqueSources } from "../rules/helpers.js";
import { sensitivity } from "./sensitivity.js";
import { parseDuration } from "../units.js";
import { type RankedEngine, type Reason, type Recommendation, type RecommendationKind, RESULT_SCHEMA, type Result, profileJson } from "./result.js";

export const BASE_SCORE = 50;

export interface EvaluateOptions {
  /** compute the sensitivity list (default true; `advise check` does not need it) */
  sensitivity?: boolean;
}

export function evaluate(profile: Profile, catalog: Catalog, options: EvaluateOptions = {}): Result {
  const seen: SeenVerdicts = new Map(); // the ranking's verdicts, so sensitivity analysis need not judge them again
  const ranking = rank(profile, catalog, seen);
  const sens = options.sensitivity === false ? [] : sensitivity(profile, catalog, decide(profile, catalog, ranking), undefined, seen);
  return {
    schema: RESULT_SCHEMA,
    profile: profileJson(profile),
    catalog: {
      asOf: catalog.asOf,
      engines: catalog.engines.map((e) => e.id),
      ...(Object.keys(catalog.userFiles).length ? { userFiles: catalog.userFiles } : {}),
    },
    recommendation: recommend(profile, catalog, ranking),
    ranking,
    sensitivity: sens.map(({ path, from, to, winner, summary }) => ({ path, from, to, winner, summary })),
  };
}

export function ruleContext(catalog: Catalog): RuleContext {
  const levels = catalog.config.levels;
  return { config: catalog.config, level: (l: Level) => levels[l] };
}

/** The unrounded score behind each ranked engine, for ordering and for telling real ties from rounding. */
const rawOf = new WeakMap<RankedEngine, number>();

/**
 * Every engine scored and ordered: qualified first, by score, then by the
 * unrounded score (so rounding never puts a worse engine first), then by id;
 * then the disqualified the same way.
 */
export function rank(profile: Profile, catalog: Catalog, seen?: SeenVerdicts): RankedEngine[] {
  const ctx = ruleContext(catalog);
  const weighed = weighRules(profile, catalog);
  const scored = catalog.engines.map((e, i) =>
    scoreEngine(
      profile,
      e,
      catalog,
      ctx,
      seen &&
        ((rule, v) => {
          let row = seen.get(rule);
          if (!row) seen.set(rule, (row = []));
          row[i] = { fit: v.fit, unmet: v.unmet };
        }),
      weighed,
    ),
  );
  scored.sort((a, b) => byRank({ ...a, raw: rawOf.get(a)! }, { ...b, raw: rawOf.get(b)! }));
  return scored.map((s, i) => {
    const ranked = { ...s, rank: i + 1 };
    rawOf.set(ranked, rawOf.get(s)!);
    return ranked;
  });
}

/** Whether two ranked engines are tied exactly (not only after rounding). */
export function tied(a: RankedEngine, b: RankedEngine): boolean {
  return a.score === b.score && Math.abs((rawOf.get(a) ?? a.score) - (rawOf.get(b) ?? b.score)) < 1e-9;
}

/** Each rule's verdicts on every engine (catalogue order) for one profile, as rank() saw them. */
export type SeenVerdicts = Map<Rule, { fit: number; unmet: boolean }[]>;

export function scoreEngine(
  profile: Profile,
  engine: Engine,
  catalog: Catalog,
  ctx: RuleContext = ruleContext(catalog),
  onVerdict?: (rule: Rule, v: Verdict) => void,
  weighed = weighRules(profile, catalog),
): RankedEngine {
  const raw: number[] = [];
  const reasons: Reason[] = weighed.map(({ rule, share }) => {
    const v = rule.evaluate(profile, engine, ctx);
    onVerdict?.(rule, v);
    raw.push(share * (v.fit - 0.5));
    const args = Object.fromEntries(Object.entries(v.args).filter(([, x]) => x !== undefined)) as Reason["args"];
    const userFile = catalog.userFiles[engine.id];
    return {
      rule: rule.id,
      impact: 0,
      message: formatMessage(rule, v.messageId, v.args),
      sources: [...new Set(v.sources.map((s) => s.url))],
      requirement: rule.requirement,
      priority: profile.priorities[rule.requirement],
      fit: Math.round(v.fit * 1000) / 1000,
      unmet: v.unmet,
      ...(v.detail !== undefined ? { detail: v.detail } : {}),
      evidence: uniqueSources(v.sources).map((s) => ({ url: s.url, version: s.version })),
      args,
      ...(userFile ? { catalogFile: userFile } : {}),
    };
  });
  const { impacts, score } = pointsOf(raw);
  reasons.forEach((r, i) => (r.impact = impacts[i]!));
  const disqualifiedBy = reasons.filter((r) => r.unmet && r.priority === "must").map((r) => r.rule);
  const catalogFile = catalog.userFiles[engine.id];
  const ranked: RankedEngine = { engine: engine.id, name: engine.name, version: engine.version, rank: 0, score, disqualified: disqualifiedBy.length > 0, disqualifiedBy, reasons, ...(catalogFile ? { catalogFile } : {}) };
  rawOf.set(ranked, BASE_SCORE + raw.reduce((a, b) => a + b, 0));
  return ranked;
}

/** The rules that judge this profile: those that apply to it and whose weight in rules.yaml is not 0 (a weight of 0 turns a rule off). */
export function applicableRules(profile: Profile, catalog: Catalog): Rule[] {
  const out: Rule[] = [];
  for (let i = 0; i < RULES.length; i++) {
    const r = RULES[i]!;
    if ((catalog.config.weights[r.id] ?? 1) > 0 && r.applies(profile)) out.push(r);
  }
  return out;
}

interface EngineTotals {
  /** the score as shown: 50 plus each rule's part rounded (trimmed into 0..100 as pointsOf does) */
  score: number[];
  /** 50 plus the unrounded parts, summed from 0 in rule order (as scoreEngine does, so raws compare exactly) */
  raw: number[];
  disqualified: boolean[];
}

/**
 * Every engine's score (catalogue order) without building reasons, for
 * outcome(). `verdictsOf` gives one rule's verdicts on all engines (a caller
 * that has them passes them in). One pass, rule by rule, into per-engine
 * totals: in a run this short V8 interprets this code, and the less it does
 * the less V8 is tempted to spend a background thread optimising it (work
 * the process would then wait for at exit).
 */
function engineTotals(
  profile: Profile,
  catalog: Catalog,
  weighed = weighRules(profile, catalog),
  verdictsOf: VerdictsOf = (rule) => allVerdicts(rule, profile, catalog),
): EngineTotals {
  const n = catalog.engines.length;
  const t: EngineTotals = { score: [], raw: [], disqualified: [] };
  const sum: number[] = [];
  for (let e = 0; e < n; e++) {
    sum.push(0);
    t.score.push(BASE_SCORE);
    t.disqualified.push(false);
  }
  for (let r = 0; r < weighed.length; r++) {
    const { rule, share, must } = weighed[r]!;
    const row = verdictsOf(rule);
    for (let e = 0; e < n; e++) {
      const v = row[e]!;
      const x = share * (v.fit - 0.5);
      sum[e] = sum[e]! + x;
      t.score[e] = t.score[e]! + (x < 0 ? -Math.round(-x) : Math.round(x)); // roundPoints, inlined
      if (v.unmet && must) t.disqualified[e] = true;
    }
  }
  for (let e = 0; e < n; e++) {
    t.raw.push(BASE_SCORE + sum[e]!);
    if (t.score[e]! < 0 || t.score[e]! > 100) t.score[e] = pointsOf(weighed.map((w) => w.share * (verdictsOf(w.rule)[e]!.fit - 0.5))).score;
  }
  return t;
}

/** One rule's verdicts on every engine, in catalogue order. */
export function allVerdicts(rule: Rule, profile: Profile, catalog: Catalog, ctx: RuleContext = ruleContext(catalog)): { fit: number; unmet: boolean }[] {
  const row: { fit: number; unmet: boolean }[] = [];
  for (let e = 0; e < catalog.engines.length; e++) {
    const v = rule.evaluate(profile, catalog.engines[e]!, ctx);
    row.push({ fit: v.fit, unmet: v.unmet });
  }
  return row;
}

/** A part of the score as shown: rounded half away from zero. */
export function roundPoints(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * Each reason's points: its share of the score rounded half away from zero,
 * so the same fit on the same rule always shows the same points, and the
 * score is 50 plus their sum. Rounding can carry that sum past 0..100 when
 * every rule is fully met (or fully missed); then the largest impacts are
 * trimmed by a point each until it fits.
 */
export function pointsOf(parts: number[]): { impacts: number[]; score: number } {
  const impacts = parts.map(roundPoints);
  let score = BASE_SCORE + impacts.reduce((a, b) => a + b, 0);
  if (score >= 0 && score <= 100) return { impacts, score };
  const order = impacts.map((_, i) => i).sort((a, b) => Math.abs(parts[b]!) - Math.abs(parts[a]!) || a - b);
  for (let k = 0; score > 100 || score < 0; k = (k + 1) % order.length) {
    const i = order[k]!;
    if (score > 100 && impacts[i]! > 0) (impacts[i]!--, score--);
    else if (score < 0 && impacts[i]! < 0) (impacts[i]!++, score++);
  }
  return { impacts, score };
}

export interface Outcome {
  kind: RecommendationKind;
  engine: string | null;
}

const lowestFloors = new WeakMap<Catalog, { e: Engine; floor: number }>();

/** The engine with the lowest latency floor (before exactly-once raises it). */
function lowestFloor(catalog: Catalog) {
  const known = lowestFloors.get(catalog);
  if (known) return known;
  const floors = catalog.engines.map((e) => ({ e, floor: engineLatency(e, false).floor }));
  const lowest = floors.reduce((a, b) => (b.floor < a.floor ? b : a), floors[0]!);
  lowestFloors.set(catalog, lowest);
  return lowest;
}

/** The kind of answer and the engine it names, from a ranking: the decision without its words. */
export function decide(profile: Profile, catalog: Catalog, ranking: readonly { engine: string; disqualified: boolean }[]): Outcome {
  const top = ranking.find((r) => !r.disqualified);
  const lowest = lowestFloor(catalog);
  if (lowest && profile.latency.ms < lowest.floor) return { kind: "custom", engine: null };
  if (!top) return { kind: "none", engine: null };
  if (profile.latency.ms >= parseDuration(catalog.config.latency.periodicBatchAt)!.ms) return { kind: "periodic-batch", engine: top.engine };
  return { kind: "engine", engine: top.engine };
}

/** One rule's verdicts on every engine (in catalogue order), reduced to what scoring needs. */
export type VerdictsOf = (rule: Rule) => readonly { fit: number; unmet: boolean }[];

/**
 * The decision for a profile, without building reasons: what sensitivity
 * analysis replays hundreds of times. Same scores, order and decision as
 * evaluate(); `verdictsOf` lets a caller reuse verdicts it already has.
 */
export function outcome(profile: Profile, catalog: Catalog, verdictsOf?: VerdictsOf): Outcome {
  const t = engineTotals(profile, catalog, weighRules(profile, catalog), verdictsOf);
  return decideTotals(profile, catalog, t.score, t.raw, t.disqualified);
}

/** The decision from every engine's shown score, raw score and disqualification (catalogue order). */
export function decideTotals(profile: Profile, catalog: Catalog, score: readonly number[], raw: readonly number[], disqualified: readonly boolean[]): Outcome {
  const scored: Sortable[] = [];
  for (let e = 0; e < catalog.engines.length; e++) scored.push({ engine: catalog.engines[e]!.id, score: score[e]!, raw: raw[e]!, disqualified: disqualified[e]! });
  return decide(profile, catalog, scored.sort(byRank));
}

/** The rules that judge this profile, each with its share of the 100 points. */
export function weighRules(profile: Profile, catalog: Catalog): { rule: Rule; share: number; must: boolean }[] {
  const applicable = applicableRules(profile, catalog);
  const weights: number[] = [];
  let sum = 0;
  for (let i = 0; i < applicable.length; i++) {
    const r = applicable[i]!;
    weights.push((catalog.config.weights[r.id] ?? 1) * catalog.config.priorities[profile.priorities[r.requirement]]);
    sum += weights[i]!;
  }
  const total = sum || 1;
  const out: { rule: Rule; share: number; must: boolean }[] = [];
  for (let i = 0; i < applicable.length; i++) {
    const rule = applicable[i]!;
    out.push({ rule, share: (100 * weights[i]!) / total, must: profile.priorities[rule.requirement] === "must" });
  }
  return out;
}

interface Sortable {
  engine: string;
  score: number;
  raw: number;
  disqualified: boolean;
}

/** Qualified first, then by score, then by the unrounded score, ties by engine id. */
function byRank(a: Sortable, b: Sortable): number {
  return Number(a.disqualified) - Number(b.disqualified) || b.score - a.score || (Math.abs(b.raw - a.raw) < 1e-9 ? 0 : b.raw - a.raw) || compareText(a.engine, b.engine);
}

function recommend(profile: Profile, catalog: Catalog, ranking: RankedEngine[]): Recommendation {
  const qualified = ranking.filter((r) => !r.disqualified);
  const top = qualified[0];
  const second = qualified[1];
  const margin = top && second ? top.score - second.score : null;
  const close = margin !== null && margin < catalog.config.closeMargin;
  const budget = profile.latency;
  const decision = decide(profile, catalog, ranking);

  if (decision.kind === "custom") {
    const lowest = lowestFloor(catalog);
    return {
      kind: "custom",
      engine: null,
      summary: `A ${budget.text} p99 budget is below what any general streaming engine can promise (the lowest floor in the catalogue is ${lowest.e.latency.floor}, ${lowest.e.name}); write custom code for the hot path and use an engine only around it.`,
      margin,
      close,
    };
  }
  if (!top) {
    return { kind: "none", engine: null, summary: noneSummary(profile, catalog, ranking), margin: null, close: false };
  }
  const ties = qualified.filter((r) => tied(r, top));
  if (ties.length > 1 && decision.kind === "engine") {
    return {
      kind: "engine",
      engine: top.engine,
      summary: `${listNames(ties.map((r) => r.name))} tie at ${top.score}/100: ${whyTied(ties)}; ${unsaid(profile)}`,
      tiedWith: ties.slice(1).map((r) => r.engine),
      margin,
      close,
    };
  }
  const lead = !second ? "" : margin === 0 ? `, less than a point ahead of ${second.name}` : `, ${margin} point${margin === 1 ? "" : "s"} ahead of ${second.name}`;
  const strengths = top.reasons
    .filter((r) => r.impact > 0)
    .sort((a, b) => b.impact - a.impact)
    .slice(0, 2)
    .map((r) => lowerFirst(r.message.replace(new RegExp(`^${escapeRe(top.name)} `), "")));
  const because = strengths.length ? `: ${strengths.join("; ")}` : "";
  if (decision.kind === "periodic-batch") {
    const inWhat = ties.length > 1 ? `${ties.map((r) => r.name).join(" or ")} (they tie at ${top.score}/100: ${whyTied(ties)})` : `${top.name} (score ${top.score}/100${lead})`;
    return {
      kind: "periodic-batch",
      engine: top.engine,
      summary: `A ${budget.text} budget is long enough for scheduled batch jobs rather than a long-running stream; write them in ${inWhat}${ties.length > 1 ? "" : because}.`,
      ...(ties.length > 1 ? { tiedWith: ties.slice(1).map((r) => r.engine) } : {}),
      margin,
      close,
    };
  }
  return {
    kind: "engine",
    engine: top.engine,
    summary: `${top.name} fits best (score ${top.score}/100${lead}${close && margin !== 0 ? ", a close call" : ""})${because}.`,
    margin,
    close,
  };
}

function noneSummary(profile: Profile, catalog: Catalog, ranking: RankedEngine[]): string {
  const musts = (Object.keys(profile.priorities) as (keyof Profile["priorities"])[]).filter((k) => profile.priorities[k] === "must");
  const broken = new Map<string, string[]>();
  for (const r of ranking) for (const rule of r.disqualifiedBy) broken.set(rule, [...(broken.get(rule) ?? []), r.name]);
  const conflicts = [...broken.entries()].map(([rule, names]) => `${rule} rules out ${names.join(", ")}`).join("; ");
  const relax = musts
    .map((m) => {
      const relaxed: Profile = { ...profile, priorities: { ...profile.priorities, [m]: "high" } };
      const winner = rank(relaxed, catalog).find((r) => !r.disqualified);
      return winner ? `relaxing ${m} from must to high would make ${winner.name} the pick (score ${winner.score})` : undefined;
    })
    .filter((x): x is string => x !== undefined);
  const options = relax.length ? ` ${capitalize(relax.join("; "))}.` : " No single must relaxed is enough; relax two or more.";
  return `No engine meets every must: ${conflicts}.${options}`;
}

/** Why engines tie: the same grade on every rule, or strengths that offset. */
function whyTied(ties: RankedEngine[]): string {
  const [a, b] = ties as [RankedEngine, RankedEngine];
  const fitOf = (r: RankedEngine, rule: string) => r.reasons.find((x) => x.rule === rule)?.fit;
  const aBetter = a.reasons.filter((x) => x.fit > (fitOf(b, x.rule) ?? x.fit)).map((x) => x.rule);
  const bBetter = b.reasons.filter((x) => x.fit > (fitOf(a, x.rule) ?? x.fit)).map((x) => x.rule);
  if (ties.length === 2 && (aBetter.length || bBetter.length)) {
    return `their differences offset (${a.name} is stronger on ${aBetter.join(", ") || "nothing"}, ${b.name} on ${bBetter.join(", ") || "nothing"})`;
  }
  const alike = ties.every((t) => t.reasons.every((x) => x.fit === fitOf(a, x.rule)));
  return alike ? "on every rule this profile asks about, the catalogue grades them alike" : "their strengths and weaknesses offset";
}

/** What the profile leaves open, to suggest when engines tie. */
function unsaid(p: Profile): string {
  const open = [
    p.processing.length ? "" : "processing",
    p.unit === "either" ? "unit" : "",
    p.deployment === "either" ? "deployment" : "",
    p.sources.length ? "" : "sources",
    p.sinks.length ? "" : "sinks",
    p.languages.length ? "" : "languages",
  ].filter(Boolean);
  return open.length ? `saying more about ${open.join(", ")} would decide between them.` : "weigh the facts behind the reasons (advise engines ID) or add a requirement that separates them.";
}

function listNames(names: string[]): string {
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

