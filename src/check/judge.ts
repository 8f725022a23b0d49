// Judging one decision: "we chose engine X" against the Result that evaluate()
// gives for the ADR's profile. Pure: no I/O. The verdict, in this order:
//   unknown id                         -> failed (chosen-engine-unknown)
//   X breaks a `must`                  -> failed (chosen-engine-disqualified)
//   X scores more than margin below #1 -> failed (chosen-engine-outscored)
//   another engine ranks first         -> warned (better-engine-within-margin)
//   X ranks first                      -> passed (chosen-engine-first)
// The message names the deciding rule(s), the user's value and the source,
// all taken from the Result's reasons.

import { compareText } from "../text.js";
import type { RankedEngine, Reason, Result } from "../engine/result.js";
import { closest } from "../suggest.js";
import type { CheckId, DecidingReason, DecisionOutcome, EngineScore } from "./types.js";

export const DEFAULT_MARGIN = 10;

export interface JudgeInput {
  result: Result;
  chosen: string;
  margin: number;
  /** the user's value for a profile field, as written, and where it is written */
  valueOf(requirement: string): { value: string; at?: { file: string; line: number; col: number } };
}

export interface Judgement {
  outcome: Exclude<DecisionOutcome, "invalid">;
  check: CheckId;
  /** the verdict in a sentence or two */
  headline: string;
  /** the headline, then the deciding reasons in words */
  message: string;
  chosenEngine?: EngineScore;
  best?: EngineScore;
  gap?: number;
  suggestion?: string;
  deciding: DecidingReason[];
}

/** How many deciding reasons the one-paragraph message quotes (the JSON has them all). */
const QUOTED = 2;

export function judge(input: JudgeInput): Judgement {
  const { result, chosen, margin } = input;
  const ranking = result.ranking;
  const best = ranking[0];
  const mine = ranking.find((r) => r.engine === chosen);

  if (!mine || !best) {
    const ids = result.catalog.engines;
    const byName = ranking.find((r) => r.name.toLowerCase() === chosen.trim().toLowerCase())?.engine;
    const suggestion = byName ?? closest(chosen, ids);
    const headline = `'${chosen}' is not an engine in the catalogue${suggestion ? ` (did you mean '${suggestion}'?)` : ""}; expected one of ${ids.join(", ")}.`;
    return {
      outcome: "failed",
      check: "chosen-engine-unknown",
      headline,
      message: headline,
      ...(suggestion ? { suggestion } : {}),
      ...(best ? { best: score(best) } : {}),
      deciding: [],
    };
  }

  const gap = best.score - mine.score;
  const base = { chosenEngine: score(mine), best: score(best), gap };
  const bestText = best.disqualified ? "No engine meets every must" : `The best engine now is ${label(best)} with ${best.score}`;

  if (mine.disqualified) {
    const deciding = mine.reasons.filter((r) => r.unmet && r.priority === "must").map((r) => deciding1(input, r));
    const headline = `${label(mine)} is disqualified by ${list(mine.disqualifiedBy)}. ${bestText}.`;
    return {
      outcome: "failed",
      check: "chosen-engine-disqualified",
      headline,
      message: `${headline} Deciding: ${deciding.map((d) => `${d.rule}: ${describe(d)}`).join(" ")}`,
      ...base,
      deciding,
    };
  }

  if (gap > margin) {
    const deciding = losses(input, mine, best);
    const headline = `${label(mine)} scores ${mine.score}, ${points(gap)} below ${label(best)} with ${best.score}, more than the margin of ${margin}.`;
    return {
      outcome: "failed",
      check: "chosen-engine-outscored",
      headline,
      message: `${headline} ${decidingText(deciding, best)}`,
      ...base,
      deciding,
    };
  }

  const tiesWithTop = (result.recommendation.tiedWith ?? []).includes(mine.engine) && result.recommendation.engine === best.engine;
  if (best !== mine && !tiesWithTop) {
    const deciding = losses(input, mine, best);
    const first =
      gap === 0
        ? `${label(best)} now ranks first: it is level with ${label(mine)} on ${best.score} and comes first on the unrounded score or on what it costs to run`
        : `${label(best)} now ranks first with ${best.score}, ${points(gap)} ahead of ${label(mine)} with ${mine.score}`;
    const headline = `${first}; within the margin of ${margin}, so the decision stands.`;
    return {
      outcome: "warned",
      check: "better-engine-within-margin",
      headline,
      message: `${headline} ${decidingText(deciding, best)}`.trimEnd(),
      ...base,
      deciding,
    };
  }

  const next = ranking.find((r) => r !== mine);
  const lead = tiesWithTop ? `, tied with ${label(best === mine ? next! : best)}` : next ? `, ${points(gap0(mine, next))} ahead of ${label(next)}` : "";
  const headline = `${label(mine)} ranks first with ${mine.score}${lead}.${note(result)}`;
  return {
    outcome: "passed",
    check: "chosen-engine-first",
    headline,
    message: headline,
    ...base,
    deciding: [],
  };
}

function gap0(a: RankedEngine, b: RankedEngine): number {
  return a.score - b.score;
}

function note(result: Result): string {
  const kind = result.recommendation.kind;
  return kind === "periodic-batch" || kind === "custom" ? ` Note: ${result.recommendation.summary}` : "";
}

/** The rules where the chosen engine loses most points to the best one, biggest loss first. */
function losses(input: JudgeInput, mine: RankedEngine, best: RankedEngine): DecidingReason[] {
  const bestBy = new Map(best.reasons.map((r) => [r.rule, r]));
  return mine.reasons
    .map((r) => ({ r, loss: (bestBy.get(r.rule)?.impact ?? 0) - r.impact }))
    .filter((x) => x.loss > 0)
    .sort((a, b) => b.loss - a.loss || compareText(a.r.rule, b.r.rule))
    .map((x) => deciding1(input, x.r, bestBy.get(x.r.rule)?.impact ?? 0));
}

function deciding1(input: JudgeInput, r: Reason, bestImpact?: number): DecidingReason {
  const { value, at } = input.valueOf(r.requirement);
  return {
    rule: r.rule,
    requirement: r.requirement,
    priority: r.priority,
    value,
    ...(at ? { at } : {}),
    message: r.message,
    impact: r.impact,
    ...(bestImpact !== undefined ? { bestImpact } : {}),
    evidence: r.evidence.length ? r.evidence : r.sources.map((url) => ({ url, version: "" })),
  };
}

function decidingText(deciding: DecidingReason[], best: RankedEngine): string {
  if (deciding.length === 0) return "";
  const quoted = deciding.slice(0, QUOTED).map((d) => `${d.rule} (${lossText(d, best)}): ${describe(d)}`);
  const more = deciding.length > QUOTED ? ` (${deciding.length - QUOTED} more ${deciding.length - QUOTED === 1 ? "rule" : "rules"} in the details)` : "";
  return `Deciding: ${quoted.join(" ")}${more}`;
}

/** One deciding reason in words: the engine's fact, the user's value and where it is, the source. */
export function describe(d: DecidingReason): string {
  const where = d.at ? ` at ${d.at.file}:${d.at.line}:${d.at.col}` : "";
  const src = d.evidence[0];
  const source = src ? `; source: ${src.url}${src.version ? ` (${src.version})` : ""}` : "";
  return `${d.message}; your ${d.requirement}: ${d.value} (${d.priority})${where}${source}.`;
}

/** "-15 against Akka Streams": what one rule cost the chosen engine next to the best one. */
export function lossText(d: DecidingReason, best: { name: string }): string {
  return `${d.impact - (d.bestImpact ?? 0)} against ${best.name}`;
}

function score(r: RankedEngine): EngineScore {
  return { engine: r.engine, name: r.name, rank: r.rank, score: r.score, disqualified: r.disqualified, disqualifiedBy: r.disqualifiedBy };
}

function label(r: RankedEngine): string {
  return `${r.name} (${r.engine})`;
}

function points(n: number): string {
  return `${n} ${n === 1 ? "point" : "points"}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
