// Beyond the five: which engines of the shipped extended catalogue would meet
// every must and rank above the pick among the default engines (or meet every
// must where no default engine does), scored by the one scorer (score.ts rank)
// on the widened catalogue. The reason says whether the pick was a weak fit
// (under rules.yaml beyond.weakFitBelow) or simply outranked.

import type { Catalog } from "../catalog/load.js";
import { isReady } from "../catalog/routes.js";
import type { Profile } from "../profile/load.js";
import type { Beyond, Result } from "./result.js";
import { rank } from "./score.js";
import { replayCache } from "./sensitivity.js";
import { maintenanceJson, maintenanceWords } from "../rules/maintenance.js";

/** The weak-fit threshold when rules.yaml does not set one. */
export const DEFAULT_WEAK_FIT_BELOW = 65;

/** How many engines the line names (the JSON lists them all). */
const NAMED = 3;

/** Whether a result among the default engines calls for a look beyond them, and why: always, unless the answer is custom code. */
export function beyondReason(result: Result, catalog: Catalog): Beyond["reason"] | undefined {
  const rec = result.recommendation;
  if (rec.kind === "none") return "none";
  if (rec.kind !== "engine" && rec.kind !== "periodic-batch") return undefined;
  const top = result.ranking.find((r) => r.engine === rec.engine);
  return top && top.score < weakFitBelow(catalog) ? "weak-fit" : "outranked";
}

export function weakFitBelow(catalog: Catalog): number {
  return catalog.config.beyond?.weakFitBelow ?? DEFAULT_WEAK_FIT_BELOW;
}

/**
 * The extended engines that meet every must and rank ahead of the best of
 * the ranked ones, in the ranking of `wide` (the ranked catalogue plus the
 * extended engines); undefined when none does or nothing calls for it.
 * `command` is the command line that ranks them all.
 */
export function beyond(profile: Profile, catalog: Catalog, wide: Catalog, result: Result, command: string): Beyond | undefined {
  const reason = beyondReason(result, catalog);
  if (!reason) return undefined;
  const ranked = new Set(catalog.engines.map((e) => e.id));
  // scores and musts only, never a verdict's words: the run's shared verdicts serve (sensitivity.ts replayCache)
  const order = rank(profile, wide, replayCache(wide));
  const firstRanked = order.findIndex((s) => ranked.has(s.engine.id));
  const top = result.ranking.find((r) => r.engine === result.recommendation.engine);
  const engines = order
    .map((s, i) => ({ s, rank: i + 1 }))
    // none: any extended engine that meets every must; otherwise those ranked ahead of the pick
    // (for scheduled batch jobs, only engines that run them production-ready would be the pick)
    .filter(({ s, rank }) => !ranked.has(s.engine.id) && s.disqualifiedBy.length === 0 && (reason === "none" || (rank - 1 < firstRanked && s.score >= (top?.score ?? 100) && (result.recommendation.kind !== "periodic-batch" || isReady(s.engine.batch.route)))))
    .map(({ s, rank }) => ({ engine: s.engine.id, name: s.engine.name, score: s.score, rank, maintenance: maintenanceJson(s.engine) }));
  if (!engines.length) return undefined;
  const threshold = weakFitBelow(catalog);
  const named = engines.slice(0, NAMED);
  const more = engines.length > NAMED ? ` and ${engines.length - NAMED} more` : "";
  const one = named.length === 1 && !more;
  const hasMusts = Object.values(profile.priorities).includes("must");
  let summary: string;
  const status = (x: (typeof engines)[number]) => (x.maintenance.status === "active" && !x.maintenance.stale ? "" : `, ${maintenanceWords(x.maintenance)}`);
  // "of N" is said once, with the first engine named
  const place = (x: (typeof engines)[number], i: number) => `${ordinal(x.rank)}${i === 0 ? ` of ${order.length}` : ""}${status(x)}`;
  const several = `${listOf(named.map((x, i) => `${x.name} (${x.score}, ${place(x, i)})`))}${more}`;
  if (reason === "none") {
    const list = one ? `${named[0]!.name} (score ${named[0]!.score}, ${place(named[0]!, 0)})` : several;
    summary = `Outside the five, ${list} ${one ? "meets" : "meet"} every must: \`${command}\``;
  } else {
    const musts = hasMusts ? (one ? " meets every must and" : " meet every must and") : "";
    // an equal score ranks ahead on the unrounded score: never "ahead of X (95)" from 95
    const than = (score: number) => (score > top!.score ? `ahead of ${top!.name} (${top!.score})` : `ranked ahead of ${top!.name} (also ${top!.score})`);
    const list = one ? `${named[0]!.name}${musts} scores ${named[0]!.score} (${place(named[0]!, 0)}), ${than(named[0]!.score)}` : `${several}${musts} rank ${than(named[named.length - 1]!.score).replace(/^ranked /, "")}`;
    summary = reason === "weak-fit" ? `${top!.name} scores only ${top!.score} (under ${threshold}); outside the five, ${list}: \`${command}\`` : `Outside the five, ${list}: \`${command}\``;
  }
  return { reason, ...(reason === "weak-fit" ? { weakFitBelow: threshold } : {}), engines, command, summary };
}

function listOf(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}
