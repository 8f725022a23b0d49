import { compareText } from "../text.js";
import type { RankedEngine, Result } from "../engine/result.js";

/** One word or phrase for an engine's place in the result. */
export function verdict(result: Result, r: RankedEngine): string {
  if (r.disqualified) return `disqualified (${r.disqualifiedBy.join(", ")})`;
  const rec = result.recommendation;
  if (rec.engine === r.engine) return rec.kind === "periodic-batch" ? "best for batch jobs" : rec.close ? "best fit (close)" : "best fit";
  if (rec.kind === "custom") return "cannot meet budget";
  return "qualified";
}

/**
 * The reasons that separate an engine from the others: for the pick, the
 * reasons where it beats the runner-up most (recommendation.decisive); for
 * any other engine, its broken musts first, then the reasons where it trails
 * the pick most; with no pick, the reasons that moved its score most.
 */
export function decisive(r: RankedEngine, n: number, result?: Result): RankedEngine["reasons"] {
  const rec = result?.recommendation;
  const pick = rec?.engine ? result!.ranking.find((x) => x.engine === rec.engine) : undefined;
  const byRule = (rule: string) => r.reasons.find((x) => x.rule === rule)!;
  const unmet = r.reasons.filter((x) => x.unmet && x.priority === "must");
  let rest: RankedEngine["reasons"];
  if (pick && pick.engine === r.engine && rec?.decisive?.length) {
    rest = rec.decisive.map((d) => byRule(d.rule));
  } else if (pick && pick.engine !== r.engine) {
    const gap = (x: RankedEngine["reasons"][number]) => (pick.reasons.find((y) => y.rule === x.rule)?.impact ?? 0) - x.impact;
    rest = r.reasons.filter((x) => !unmet.includes(x) && gap(x) > 0).sort((a, b) => gap(b) - gap(a) || compareText(a.rule, b.rule));
  } else rest = [];
  const others = r.reasons.filter((x) => !unmet.includes(x) && !rest.includes(x)).sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || compareText(a.rule, b.rule));
  return [...unmet, ...rest, ...others].slice(0, n);
}

export const KIND_TITLES: Record<Result["recommendation"]["kind"], string> = {
  engine: "Recommendation",
  "periodic-batch": "Recommendation: scheduled batch jobs",
  custom: "Recommendation: custom code",
  none: "Recommendation: none",
};

/** The two or three most useful sensitivity entries: in the result's order (smallest change first), preferring different outcomes. */
export function highlights(list: Result["sensitivity"], n = 3): Result["sensitivity"] {
  const out: Result["sensitivity"] = [];
  const seen = new Set<string>();
  for (const e of list) if (out.length < n && !seen.has(e.winner)) (out.push(e), seen.add(e.winner));
  for (const e of list) if (out.length < n && !out.includes(e)) out.push(e);
  return list.filter((e) => out.includes(e));
}

export function marginLine(result: Result): string | undefined {
  const m = result.recommendation.margin;
  if (m === null || result.recommendation.engine === null) return undefined;
  return result.recommendation.close ? `Margin: ${m} point${m === 1 ? "" : "s"} (close: small changes could reorder the top).` : `Margin: ${m} points.`;
}

/** Lines explaining --why-not, shared by the table and Markdown formats. */
export function whyNotLines(result: Result): { title: string; intro: string; losses: string[]; changes: string[] } | undefined {
  const w = result.whyNot;
  if (!w) return undefined;
  const winnerName = result.ranking.find((r) => r.engine === w.winner)?.name;
  const title = `Why not ${w.name}?`;
  if (w.winner === w.engine && result.recommendation.kind !== "custom" && result.recommendation.kind !== "none") {
    return { title, intro: `${w.name} is the recommendation (score ${w.score}).`, losses: [], changes: [] };
  }
  const losses = w.reasons
    .filter((x) => x.gap > 0 || w.disqualifiedBy.includes(x.rule))
    .slice(0, 5)
    .map((x) => `${x.rule}: ${signedNum(x.impact)}${x.winnerImpact !== null && winnerName ? ` vs ${signedNum(x.winnerImpact)} for ${winnerName}` : ""}. ${x.message}`);
  let intro: string;
  if (w.disqualifiedBy.length) intro = `${w.name} is disqualified by ${w.disqualifiedBy.join(", ")} (a must it cannot meet); it scores ${w.score}, rank ${w.rank}.`;
  else if (winnerName && losses.length === 0) intro = `${w.name} scores ${w.score}, rank ${w.rank}: it loses no points to ${winnerName} on any rule and is placed below it only by ${w.behind === 0 ? "the tie-break (unrounded score, then what it costs to run)" : "rounding"}.`;
  else if (winnerName) intro = `${w.name} scores ${w.score}, ${w.behind === 0 ? "level with" : `${w.behind} point${w.behind === 1 ? "" : "s"} behind`} ${winnerName} (rank ${w.rank}). Where it loses most:`;
  else intro = `${w.name} scores ${w.score} (rank ${w.rank}); the recommendation is ${result.recommendation.kind}.`;
  const changes = w.changes.length ? w.changes.slice(0, 5).map((c) => c.summary) : [`No single change to the profile makes ${w.name} the answer.`];
  return { title, intro, losses, changes };
}

function signedNum(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
