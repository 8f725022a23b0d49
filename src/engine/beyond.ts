// Beyond the five: when the default engines give no answer (`none`) or only a
// weak one (the top pick scores under rules.yaml beyond.weakFitBelow), which
// engines of the shipped extended catalogue would meet every must and rank
// ahead, scored by the one scorer (score.ts rank) on the widened catalogue.

import type { Catalog } from "../catalog/load.js";
import type { Profile } from "../profile/load.js";
import type { Beyond, Result } from "./result.js";
import { rank } from "./score.js";

/** The weak-fit threshold when rules.yaml does not set one. */
export const DEFAULT_WEAK_FIT_BELOW = 65;

/** How many engines the line names (the JSON lists them all). */
const NAMED = 3;

/** Whether a result among the default engines calls for a look beyond them, and why. */
export function beyondReason(result: Result, catalog: Catalog): Beyond["reason"] | undefined {
  const rec = result.recommendation;
  if (rec.kind === "none") return "none";
  if (rec.kind !== "engine" && rec.kind !== "periodic-batch") return undefined;
  const top = result.ranking.find((r) => r.engine === rec.engine);
  return top && top.score < weakFitBelow(catalog) ? "weak-fit" : undefined;
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
  const order = rank(profile, wide);
  const firstRanked = order.findIndex((s) => ranked.has(s.engine.id));
  const top = result.ranking.find((r) => r.engine === result.recommendation.engine);
  const engines = order
    .map((s, i) => ({ s, rank: i + 1 }))
    // none: any extended engine that meets every must; weak fit: those ranked ahead of the pick with a higher score
    .filter(({ s, rank }) => !ranked.has(s.engine.id) && s.disqualifiedBy.length === 0 && (reason === "none" || (rank - 1 < firstRanked && s.score > (top?.score ?? 100))))
    .map(({ s, rank }) => ({ engine: s.engine.id, name: s.engine.name, score: s.score, rank }));
  if (!engines.length) return undefined;
  const threshold = weakFitBelow(catalog);
  const named = engines.slice(0, NAMED);
  const more = engines.length > NAMED ? ` and ${engines.length - NAMED} more` : "";
  const one = named.length === 1 && !more;
  const hasMusts = Object.values(profile.priorities).includes("must");
  let summary: string;
  if (reason === "none") {
    const list = one ? `${named[0]!.name} (score ${named[0]!.score}, ${ordinal(named[0]!.rank)} of ${order.length})` : `${listOf(named.map((x) => `${x.name} (${x.score}, ${ordinal(x.rank)})`))}${more} (of ${order.length})`;
    summary = `Outside the five, ${list} ${one ? "meets" : "meet"} every must: \`${command}\``;
  } else {
    const list = one ? `${named[0]!.name} scores ${named[0]!.score} (${ordinal(named[0]!.rank)} of ${order.length})` : `${listOf(named.map((x) => `${x.name} (${x.score}, ${ordinal(x.rank)})`))}${more} score higher (of ${order.length})`;
    const musts = hasMusts ? (one ? " and meets every must" : " and meet every must") : "";
    summary = `${top!.name} scores only ${top!.score} (under ${threshold}); outside the five, ${list}${musts}: \`${command}\``;
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
