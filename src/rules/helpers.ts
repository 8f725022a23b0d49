import type { Fact, Level, Source } from "../catalog/schema.js";
import { LEVEL_WORDS, type RuleContext, type Verdict } from "./types.js";

/** Verdict for a list the engine must cover entirely (processing kinds, connectors): the mean fit; unmet if any item is `none`. */
export function allOf(items: readonly { name: string; level: Level; note: string; sources: Source[] }[], ctx: RuleContext, args: Record<string, string>): Verdict {
  const fits = items.map((i) => ctx.level(i.level));
  const fit = fits.reduce((a, b) => a + b, 0) / Math.max(1, fits.length);
  const missing = items.filter((i) => i.level === "none");
  const partial = items.filter((i) => i.level === "partial");
  const worst = missing[0] ?? partial[0];
  const messageId = missing.length ? "missing" : partial.length ? "partial" : "all";
  return {
    fit,
    unmet: missing.length > 0,
    messageId,
    args: { ...args, items: items.map((i) => i.name).join(", "), missing: missing.map((i) => i.name).join(", "), partial: partial.map((i) => i.name).join(", ") },
    ...(worst ? { detail: worst.note } : items.length === 1 ? { detail: items[0]!.note } : {}),
    sources: uniqueSources((worst ? [worst] : items).flatMap((i) => i.sources)),
  };
}

/** Verdict for one fact looked up by the profile's value. */
export function single(fact: Fact, ctx: RuleContext, args: Record<string, string>): Verdict {
  return {
    fit: ctx.level(fact.level),
    unmet: fact.level === "none",
    messageId: fact.level,
    args: { ...args, support: LEVEL_WORDS[fact.level] },
    detail: fact.note,
    sources: fact.sources,
  };
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
