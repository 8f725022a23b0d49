import type { Fact, Route, Source } from "../catalog/schema.js";
import { resolveFact } from "../catalog/conditions.js";
import type { Profile } from "../profile/load.js";
import { isReady } from "../catalog/routes.js";
import { configuredNote, type RuleContext, routeClass, routeWords, type Verdict } from "./types.js";

export interface Item {
  name: string;
  route: Route;
  /** for route external: the system the team would run */
  needs?: string | undefined;
  note: string;
  sources: Source[];
  /** counts in the fit but never makes the verdict unmet (e.g. open table formats over an object store) */
  soft?: boolean;
  /** under which condition the route holds, or why a better one does not (conditions.ts) */
  condition?: string;
}

/**
 * Verdict for a list the engine must cover entirely (processing kinds,
 * connectors): the mean value of the items' routes; unmet when any item the
 * profile named is not production-ready.
 */
export function allOf(items: readonly Item[], ctx: RuleContext, args: Record<string, string>): Verdict {
  const fit = items.reduce((a, i) => a + ctx.value(i.route), 0) / Math.max(1, items.length);
  const hard = items.filter((i) => !i.soft);
  const missing = hard.filter((i) => i.route === "none");
  const partial = items.filter((i) => routeClass(i.route) === "partial" || (i.soft && i.route === "none"));
  const worst = missing[0] ?? partial[0];
  const condition = (worst ? [worst] : items).map((i) => i.condition ?? "").join("");
  const messageId = missing.length ? "missing" : partial.length ? "partial" : "all";
  return {
    fit,
    unmet: hard.some((i) => !isReady(i.route)),
    messageId,
    args: {
      ...args,
      items: hard.map((i) => (i.route === "configured" ? `${i.name} (once configured)` : i.name)).join(", "),
      missing: missing.map((i) => i.name).join(", "),
      partial: partial.map((i) => `${i.name} ${routeWords(i.route, i.needs)}`).join("; "),
      // after the items: ", but X only in a limited form", or for a single item that is itself the partial one, its words alone (never "runs X, but X ...")
      but: hard.length === 1 && partial.length === 1 && partial[0] === hard[0] ? ` ${routeWords(hard[0]!.route, hard[0]!.needs)}` : partial.length ? `, but ${partial.map((i) => `${i.name} ${routeWords(i.route, i.needs)}`).join("; ")}` : "",
      condition,
    },
    ...(worst ? { detail: worst.note } : items.length === 1 ? { detail: items[0]!.note } : {}),
    sources: uniqueSources((worst ? [worst] : items).flatMap((i) => i.sources)),
  };
}

/** Verdict for one fact looked up by the profile's value: the value that holds for the profile (conditions.ts). */
export function single(given: Fact, profile: Profile, ctx: RuleContext, args: Record<string, string>, engineId?: string): Verdict {
  const fact = resolveFact(given, profile, ctx.value, engineId);
  return {
    fit: ctx.value(fact.route),
    unmet: !isReady(fact.route),
    messageId: routeClass(fact.route),
    args: { ...args, route: fact.route, how: routeWords(fact.route, fact.needs), cfg: configuredNote(fact.route), condition: fact.condition },
    detail: fact.note,
    sources: fact.sources,
  };
}

/** An item of allOf for a fact: the value that holds for the profile. */
export function itemOf(name: string, given: Fact, profile: Profile, ctx: RuleContext, engineId?: string): Item {
  const f = resolveFact(given, profile, ctx.value, engineId);
  return { name, route: f.route, needs: f.needs, note: f.note, sources: f.sources, condition: f.condition };
}

export function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const k = `${s.url} ${s.version}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
