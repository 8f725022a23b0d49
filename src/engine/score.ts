// Scoring: a pure function of a profile and a catalogue. No I/O, no clock,
// no randomness: the same inputs give the same scores, byte for byte.
//
// Every engine starts at 50. Each rule that applies to the profile owns a
// share of 100 points in proportion to its weight (rules.yaml weight times
// the priority's factor) and moves the score by share * (fit - 0.5): up by
// half its share when fully met, down by half when not met at all. A reason
// shows its part rounded half away from zero, so the same fit on the same
// rule always shows the same points; the score is 50 plus those points,
// clamped into 0..100 (the total is clamped, never a reason).
//
// This is the one scorer: ranking, sensitivity replays, --why-not, `none`
// explanations and `advise check` all go through scoreAll().

import { compareText } from "../text.js";
import { hasConditions, latencyThresholds } from "../catalog/conditions.js";
import type { Catalog } from "../catalog/load.js";
import type { Engine, Route } from "../catalog/schema.js";
import type { Profile } from "../profile/load.js";
import { RULES } from "../rules/index.js";
import { burdenOf } from "../rules/running-cost.js";
import type { Rule, RuleContext, Verdict } from "../rules/types.js";

export const BASE_SCORE = 50;

export function ruleContext(catalog: Catalog): RuleContext {
  const routes = catalog.config.routes;
  return { config: catalog.config, value: (r: Route) => routes[r], latencyBelow: latencyThresholds(catalog.engines) };
}

/** The rules that judge this profile: those that apply to it and whose weight in rules.yaml is not 0 (a weight of 0 turns a rule off). */
export function applicableRules(profile: Profile, catalog: Catalog): Rule[] {
  return RULES.filter((r) => (catalog.config.weights[r.id] ?? 1) > 0 && r.applies(profile));
}

export interface Weighed {
  rule: Rule;
  /** the rule's share of the 100 points */
  share: number;
  must: boolean;
}

/** The rules that judge this profile, each with its share of the 100 points. */
export function weighRules(profile: Profile, catalog: Catalog): Weighed[] {
  const rules = applicableRules(profile, catalog);
  const weights = rules.map((r) => (catalog.config.weights[r.id] ?? 1) * catalog.config.priorities[profile.priorities[r.requirement]]);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return rules.map((rule, i) => ({ rule, share: (100 * weights[i]!) / total, must: profile.priorities[rule.requirement] === "must" }));
}

/**
 * Verdicts remembered by each rule's input key (rule.key), so that replaying
 * many variants of one profile (sensitivity analysis) judges each rule once
 * per distinct input. A rule's verdict depends only on its key and the engine.
 */
export class VerdictCache {
  private readonly memo = new Map<Rule, Map<string, Verdict[]>>();
  /** the verdicts of engines without conditional facts, by the rule's key without the condition inputs (sparse, catalogue order) */
  private readonly plain = new Map<Rule, Map<string, Verdict[]>>();
  /** per engine, whether any of its facts holds under conditions */
  private readonly conditional: boolean[];
  private readonly plainCtx: RuleContext;
  constructor(
    private readonly catalog: Catalog,
    private readonly ctx: RuleContext = ruleContext(catalog),
  ) {
    this.conditional = catalog.engines.map(hasConditions);
    this.plainCtx = { ...ctx, conditions: false };
  }

  /** One rule's verdicts on every engine, in catalogue order. */
  verdicts(rule: Rule, profile: Profile): Verdict[] {
    const key = rule.key(profile, this.ctx);
    let byKey = this.memo.get(rule);
    if (!byKey) this.memo.set(rule, (byKey = new Map()));
    let row = byKey.get(key);
    if (!row) {
      // an engine whose facts hold unconditionally is judged again only when the rule's own inputs change
      const plainKey = rule.key(profile, this.plainCtx);
      let byPlain = this.plain.get(rule);
      if (!byPlain) this.plain.set(rule, (byPlain = new Map()));
      let shared = byPlain.get(plainKey);
      if (!shared) byPlain.set(plainKey, (shared = []));
      const known = shared;
      row = this.catalog.engines.map((e, i) => (this.conditional[i] ? rule.evaluate(profile, e, this.ctx) : (known[i] ??= rule.evaluate(profile, e, this.ctx))));
      byKey.set(key, row);
    }
    return row;
  }
}

export interface Scored {
  engine: Engine;
  /** the applicable rules with their shares, in registry order */
  weighed: Weighed[];
  /** each rule's verdict, aligned with `weighed` */
  verdicts: Verdict[];
  /** each rule's unrounded contribution, share * (fit - 0.5) */
  parts: number[];
  /** each rule's points as shown (rounded half away from zero) */
  impacts: number[];
  /** 50 plus the impacts, clamped into 0..100 */
  score: number;
  /** 50 plus the unrounded parts: orders engines whose shown scores are equal */
  raw: number;
  /** the ids of the must rules the engine does not meet */
  disqualifiedBy: string[];
  /** what the team would run besides its own code (running-cost): breaks exact ties */
  burden: number;
}

/** A part of the score as shown: rounded half away from zero. */
export function roundPoints(x: number): number {
  // never -0: a part that rounds to nothing is 0 on either side
  return x < 0 ? -Math.round(-x) || 0 : Math.round(x);
}

/** Every engine scored, in catalogue order. */
export function scoreAll(profile: Profile, catalog: Catalog, cache: VerdictCache = new VerdictCache(catalog)): Scored[] {
  const weighed = weighRules(profile, catalog);
  const rows = weighed.map((w) => cache.verdicts(w.rule, profile));
  const costAt = weighed.findIndex((w) => w.rule.id === "running-cost");
  return catalog.engines.map((engine, e) => {
    const verdicts: Verdict[] = [];
    const parts: number[] = [];
    const impacts: number[] = [];
    const disqualifiedBy: string[] = [];
    let shown = BASE_SCORE;
    let raw = BASE_SCORE;
    for (let r = 0; r < weighed.length; r++) {
      const w = weighed[r]!;
      const v = rows[r]![e]!;
      const part = w.share * (v.fit - 0.5);
      verdicts.push(v);
      parts.push(part);
      impacts.push(roundPoints(part));
      shown += impacts[r]!;
      raw += part;
      if (w.must && v.unmet) disqualifiedBy.push(w.rule.id);
    }
    // the running-cost verdict carries the burden; with that rule turned off, work it out
    const burden = costAt >= 0 ? (verdicts[costAt]!.args.burden as number) : burdenOf(profile, engine).burden;
    return { engine, weighed, verdicts, parts, impacts, score: Math.min(100, Math.max(0, shown)), raw, disqualifiedBy, burden };
  });
}

/**
 * The order of a ranking: qualified first, then by shown score, then by the
 * unrounded score (so rounding never puts a worse engine first), then by
 * less to run. Engines still equal tie; the id only orders the listing.
 */
export function byRank(a: Scored, b: Scored): number {
  return Number(a.disqualifiedBy.length > 0) - Number(b.disqualifiedBy.length > 0) || b.score - a.score || (Math.abs(b.raw - a.raw) < 1e-9 ? 0 : b.raw - a.raw) || a.burden - b.burden || compareText(a.engine.id, b.engine.id);
}

/** Whether two engines tie after every tie-break (only the id would order them). */
export function tied(a: Scored, b: Scored): boolean {
  return a.disqualifiedBy.length > 0 === b.disqualifiedBy.length > 0 && a.score === b.score && Math.abs(a.raw - b.raw) < 1e-9 && a.burden === b.burden;
}

/** Every engine scored and ordered best first. */
export function rank(profile: Profile, catalog: Catalog, cache?: VerdictCache): Scored[] {
  return scoreAll(profile, catalog, cache).sort(byRank);
}
