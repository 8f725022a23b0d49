// The decision: from a ranking to the kind of answer and the engine it names.
// No words here (evaluate.ts writes them); sensitivity analysis replays this.

import type { Catalog } from "../catalog/load.js";
import type { Engine } from "../catalog/schema.js";
import { isReady } from "../catalog/routes.js";
import type { Profile } from "../profile/load.js";
import { parseDuration } from "../units.js";
import type { RecommendationKind } from "./result.js";
import { rank, type Scored, tied, type VerdictCache } from "./score.js";

export interface Outcome {
  kind: RecommendationKind;
  engine: string | null;
  /** the other engines that tie with `engine` after every tie-break */
  tiedWith: string[];
}

const lowestFloors = new WeakMap<Catalog, { e: Engine; floor: number; text: string }>();

/** The engine with the lowest latency floor (remembered per catalogue: sensitivity analysis decides hundreds of times). */
export function lowestFloor(catalog: Catalog): { e: Engine; floor: number; text: string } {
  let lowest = lowestFloors.get(catalog);
  if (!lowest) {
    const floors = catalog.engines.flatMap((e) => [e.latency, ...(e.latency.variants ?? [])].map((l) => ({ e, floor: parseDuration(l.floor)!.ms, text: l.floor })));
    lowest = floors.reduce((a, b) => (b.floor < a.floor ? b : a), floors[0]!);
    lowestFloors.set(catalog, lowest);
  }
  return lowest;
}

/**
 * The kind of answer and the engine it names. `custom` below every engine's
 * floor; `none` when every engine breaks a must; `periodic-batch` at or above
 * rules.yaml latency.periodicBatchAt, naming the best qualified engine that
 * runs bounded batch jobs production-ready (when none does, a streaming
 * engine is the answer); otherwise the best qualified engine.
 */
export function decide(profile: Profile, catalog: Catalog, ranking: readonly Scored[]): Outcome {
  if (catalog.engines.length && profile.latency.ms < lowestFloor(catalog).floor) return { kind: "custom", engine: null, tiedWith: [] };
  const qualified = ranking.filter((s) => s.disqualifiedBy.length === 0);
  if (!qualified.length) return { kind: latencyRulesOutLibraries(profile, ranking) ? "custom" : "none", engine: null, tiedWith: [] };
  const periodic = profile.latency.ms >= parseDuration(catalog.config.latency.periodicBatchAt)!.ms;
  const batchReady = periodic ? qualified.filter((s) => isReady(s.engine.batch.route)) : [];
  const pool = batchReady.length ? batchReady : qualified;
  const top = pool[0]!;
  return { kind: batchReady.length ? "periodic-batch" : "engine", engine: top.engine.id, tiedWith: pool.filter((s) => s !== top && tied(s, top)).map((s) => s.engine.id) };
}

/**
 * No engine meets every must, and what rules out the in-process libraries
 * (the fastest tier) is the latency budget alone, on its own or with
 * exactly-once: a budget under what any library gives with defaults, and
 * every must a library the team could use breaks is about time. Then
 * hand-written code is the honest answer (custom), not "no engine".
 */
export function latencyRulesOutLibraries(profile: Profile, ranking: readonly Scored[]): boolean {
  // the libraries this team could write its job in at all (a library in another language is no
  // candidate); one ruled out for anything besides time, a licence included, means the answer is none
  const usable = (s: Scored) => !s.weighed.some((w, r) => w.must && s.verdicts[r]!.unmet && w.rule.id === "job-language");
  const libraries = ranking.filter((s) => isReady(s.engine.deployment.library.route) && usable(s));
  if (!libraries.length) return false;
  const fastestTypical = Math.min(...libraries.map((s) => parseDuration(s.engine.latency.typical)!.ms));
  if (profile.latency.ms >= fastestTypical) return false;
  // every must a library breaks is about time: the budget itself, or exactly-once only slower than the budget
  const aboutTime = (s: Scored, r: number) => s.weighed[r]!.rule.id === "latency-budget" || (s.weighed[r]!.rule.id === "exactly-once" && s.verdicts[r]!.messageId === "slow");
  return libraries.every((s) => s.weighed.every((w, r) => !(w.must && s.verdicts[r]!.unmet) || aboutTime(s, r)));
}

/** The decision for a profile without building reasons: what sensitivity analysis replays. */
export function outcome(profile: Profile, catalog: Catalog, cache?: VerdictCache): Outcome {
  return decide(profile, catalog, rank(profile, catalog, cache));
}
