import { conditionKey, resolveFact } from "../catalog/conditions.js";
import { isReady } from "../catalog/routes.js";
import { configuredNote, type Rule, routeClass, routeWords } from "./types.js";

export const jobLanguage: Rule = {
  example: "version: 1\nlatency: 20ms\nthroughput: 10k/s\nlanguages: [python]\n",
  id: "job-language",
  description: "The languages the team will write the job in: the job must be writable in at least one of them.",
  requirement: "languages",
  reads: ["languages.<language>"],
  scoring:
    "The best route value among the languages listed. Unmet when none of them is production-ready (a JVM language calling the engine's Java API counts as configured). A must by default when languages are given (the job must be writable in at least one): an engine that leaves it unmet is disqualified unless priorities.languages sets it lower (high, normal or low), which makes it weigh the score instead. Not applied when languages is empty.",
  messages: {
    full: "{engine} jobs can be written in {best}{cfg}",
    partial: "{engine} jobs can be written in {best} {how}",
    none: "{engine} has no API for {items}",
  },
  applies: (p) => p.languages.length > 0,
  key: (p, ctx) => `${p.languages.join(",")}|${conditionKey(p, ctx)}`,
  evaluate(profile, engine, ctx) {
    const ranked = profile.languages.map((l) => ({ l, fact: resolveFact(engine.languages[l], profile, ctx.value, engine.id) })).sort((a, b) => ctx.value(b.fact.route) - ctx.value(a.fact.route));
    const best = ranked[0]!;
    return {
      fit: ctx.value(best.fact.route),
      unmet: !isReady(best.fact.route),
      messageId: routeClass(best.fact.route),
      args: { engine: engine.name, best: best.l, items: profile.languages.join(", "), route: best.fact.route, how: routeWords(best.fact.route, best.fact.needs), cfg: configuredNote(best.fact.route), condition: best.fact.condition },
      detail: best.fact.note,
      sources: best.fact.sources,
    };
  },
};
