// `--why-not ENGINE`: why an engine lost, in order of weight, and the single
// changes to the profile that would make it the answer.

import { compareText } from "../text.js";
import type { Catalog } from "../catalog/load.js";
import type { Profile } from "../profile/load.js";
import { outcome } from "./decide.js";
import type { Result, WhyNot } from "./result.js";

export type { WhyNot };
import { sensitivity } from "./sensitivity.js";

export function whyNot(result: Result, profile: Profile, catalog: Catalog, engineId: string): WhyNot {
  const me = result.ranking.find((r) => r.engine === engineId)!;
  const winnerId = result.recommendation.engine;
  const winner = result.ranking.find((r) => r.engine === winnerId);
  const reasons = me.reasons
    .map((x) => {
      const w = winner?.reasons.find((y) => y.rule === x.rule);
      const winnerImpact = w ? w.impact : null;
      return { rule: x.rule, impact: x.impact, winnerImpact, gap: (winnerImpact ?? 0) - x.impact, message: x.message, sources: x.sources, unmetMust: x.unmet && x.priority === "must" };
    })
    .sort((a, b) => Number(b.unmetMust) - Number(a.unmetMust) || b.gap - a.gap || compareText(a.rule, b.rule))
    .map(({ unmetMust: _, ...rest }) => rest);
  const base = outcome(profile, catalog);
  const changes = (winnerId === engineId || (result.recommendation.tiedWith ?? []).includes(engineId)) && result.recommendation.kind === "engine" ? [] : sensitivity(profile, catalog, base, engineId).map(({ path, from, to, winner: w, summary }) => ({ path, from, to, winner: w, summary }));
  return {
    engine: me.engine,
    name: me.name,
    rank: me.rank,
    score: me.score,
    winner: winnerId,
    behind: winner ? winner.score - me.score : null,
    disqualifiedBy: me.disqualifiedBy,
    reasons,
    changes,
  };
}
