// How applications read the results (profile `serving`): from the engine
// itself, by key or with SQL, or from a serving database the team runs beside it.
import type { Fact } from "../catalog/schema.js";
import { conditionKey } from "../catalog/conditions.js";
import type { Engine } from "../catalog/schema.js";
import { single } from "./helpers.js";
import type { Rule, RuleContext } from "./types.js";

/** The descriptor's serving fact for a kind of read; a descriptor without `serving` serves nothing itself. */
export function servingFact(engine: Engine, kind: "lookup" | "sql", ctx?: RuleContext): Fact {
  const s = engine.serving;
  if (!s) return { route: "none", note: "The descriptor records no way to read results from the engine itself: they are read from its sinks.", sources: engine.deployment.service.sources };
  // ad-hoc SQL over the maintained results answers lookups by key too
  if (kind === "lookup" && ctx && ctx.value(s.sql.route) > ctx.value(s.lookup.route)) return s.sql;
  return s[kind];
}

export const serving: Rule = {
  example: "version: 1\nlatency: 1s\nthroughput: 10k/s\nsources: [kafka]\nsinks: [database]\nserving: lookup\n",
  id: "serving",
  description: "How applications read the results: by key (lookup) or with ad-hoc SQL (sql) straight from the engine, or from a serving database beside it.",
  requirement: "serving",
  reads: ["serving.lookup", "serving.sql"],
  scoring:
    "The route value of the engine's serving fact for the kind asked for (for lookup, the better of lookup and sql: SQL over the maintained results answers lookups by key). Unmet unless production-ready. An engine that cannot serve also adds a serving database to run (running-cost). Not applied when serving is `none`.",
  messages: {
    full: "{engine} serves {kind} reads of its results itself{cfg}",
    partial: "{engine} serves {kind} reads {how}",
    none: "{engine} does not serve {kind} reads: applications read its sinks, through a serving database beside it",
  },
  applies: (p) => p.serving !== "none",
  key: (p, ctx) => `${p.serving}|${conditionKey(p, ctx)}`,
  evaluate(profile, engine, ctx) {
    const kind = profile.serving as "lookup" | "sql";
    return single(servingFact(engine, kind, ctx), profile, ctx, { engine: engine.name, kind: kind === "sql" ? "ad-hoc SQL" : "by-key" }, engine.id);
  },
};

export const consistency: Rule = {
  example: "version: 1\nlatency: 2s\nthroughput: 10k/s\nsources: [kafka]\nsinks: [kafka]\nconsistency: consistent\n",
  id: "consistency",
  description: "Whether readers never see half-applied results (one input of a join applied before the other, retractions in flight), when the profile needs that.",
  requirement: "consistency",
  reads: ["consistency"],
  scoring: "The route value of the engine's consistency fact (a descriptor without one: none, eventual). Unmet unless production-ready. Applied only when consistency is `consistent`.",
  messages: {
    full: "readers of {engine} never see half-applied results{cfg}",
    partial: "readers of {engine} see consistent results {how}",
    none: "readers of {engine} may see half-applied results (eventual consistency)",
  },
  applies: (p) => p.consistency === "consistent",
  key: (p, ctx) => `${p.consistency}|${conditionKey(p, ctx)}`,
  evaluate(profile, engine, ctx) {
    const fact: Fact = engine.consistency ?? { route: "none", note: "The descriptor records no consistency guarantee for readers.", sources: engine.deployment.service.sources };
    return single(fact, profile, ctx, { engine: engine.name }, engine.id);
  },
};
