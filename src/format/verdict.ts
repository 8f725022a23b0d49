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
  const rest = r.reasons.filter((x) => !unmet.includes(x)).sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.rule.localeCompare(b.rule));
  return [...unmet, ...rest].slice(0, n);
}

export const KIND_TITLES: Record<Result["recommendation"]["kind"], string> = {
  engine: "Recommendation",
  "periodic-batch": "Recommendation: scheduled batch jobs",
  custom: "Recommendation: custom code",
  none: "Recommendation: none",
};
