import { LEVEL_WORDS, type Rule } from "./types.js";

export const jobLanguage: Rule = {
  example: "version: 1\nlatency: 20ms\nthroughput: 10k/s\nlanguages: [python]\n",
  id: "job-language",
  description: "The languages the team will write the job in: the job must be writable in at least one of them.",
  requirement: "languages",
  reads: ["languages.<language>"],
  scoring: "The best support level among the languages listed. Unmet when the engine supports none of them.",
  messages: {
    full: "{engine} jobs can be written in {best}",
    partial: "{engine} jobs can be written in {best} only with conditions",
    none: "{engine} has no API for {items}",
  },
  applies: (p) => p.languages.length > 0,
  key: (p) => p.languages.join(","),
  evaluate(profile, engine, ctx) {
    const ranked = profile.languages.map((l) => ({ l, fact: engine.languages[l] })).sort((a, b) => ctx.level(b.fact.level) - ctx.level(a.fact.level));
    const best = ranked[0]!;
    return {
      fit: ctx.level(best.fact.level),
      unmet: best.fact.level === "none",
      messageId: best.fact.level,
      args: { engine: engine.name, best: best.l, items: profile.languages.join(", "), support: LEVEL_WORDS[best.fact.level] },
      detail: best.fact.note,
      sources: best.fact.sources,
    };
  },
};
