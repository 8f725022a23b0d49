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

/** The reasons that moved the score most, strongest first. */
export function decisive(r: RankedEngine, n: number): RankedEngine["reasons"] {
  const unmet = r.reasons.filter((x) => x.unmet && x.priority === "must");
  const rest = r.reasons.filter((x) => !unmet.includes(x)).sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || compareText(a.rule, b.rule));
  return [...unmet, ...rest].slice(0, n);
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
  else if (winnerName && losses.length === 0) intro = `${w.name} scores ${w.score}, rank ${w.rank}: it loses no points to ${winnerName} on any rule and is placed below it only by ${w.behind === 0 ? "the tie-break (engine id)" : "rounding"}.`;
  else if (winnerName) intro = `${w.name} scores ${w.score}, ${w.behind === 0 ? "level with" : `${w.behind} point${w.behind === 1 ? "" : "s"} behind`} ${winnerName} (rank ${w.rank}). Where it loses most:`;
  else intro = `${w.name} scores ${w.score} (rank ${w.rank}); the recommendation is ${result.recommendation.kind}.`;
  const changes = w.changes.length ? w.changes.slice(0, 5).map((c) => c.summary) : [`No single change to the profile makes ${w.name} the answer.`];
  return { title, intro, losses, changes };
}

function signedNum(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
