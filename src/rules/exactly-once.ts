import type { Level } from "../catalog/schema.js";
import { parseDuration } from "../units.js";
import { LEVEL_WORDS, type Rule } from "./types.js";

export const exactlyOnce: Rule = {
  example: "version: 1\nlatency: 1s\nthroughput: 5M/s\nexactlyOnce: true\n",
  id: "exactly-once",
  description: "Exactly-once results end to end, judged for the sinks the profile names.",
  requirement: "exactlyOnce",
  reads: ["exactlyOnce.level", "exactlyOnce.sinks.<kind>"],
  scoring:
    "The lowest exactly-once level among the named sinks (a sink without its own entry takes exactlyOnce.level); with no sinks named, exactlyOnce.level. Unmet when it is `none`. When exactly-once is not a must and the engine's exactly-once floor (latency.exactlyOnceFloor) is above the latency budget, the fit is halved: the engine can be exactly-once or fast, not both. Applied only when exactlyOnce is true.",
  messages: {
    full: "{engine} gives exactly-once results{into}",
    partial: "{engine} gives exactly-once results{into} only with conditions",
    none: "{engine} cannot give exactly-once results{into}",
    slow: "{engine} gives exactly-once results{into} only at {eoFloor} or more, above the {budget} budget",
  },
  applies: (p) => p.exactlyOnce,
  key: (p) => `${p.sinks.join(",")}|${p.priorities.exactlyOnce}|${p.latency.ms}`,
  evaluate(profile, engine, ctx) {
    const eo = engine.exactlyOnce;
    const perSink = profile.sinks.map((s) => ({ s, level: (eo.sinks?.[s] ?? eo.level) as Level }));
    const order: Record<Level, number> = { none: 0, partial: 1, full: 2 };
    const worst = perSink.length ? perSink.reduce((a, b) => (order[b.level] < order[a.level] ? b : a)).level : eo.level;
    const weak = perSink.filter((x) => x.level === worst).map((x) => x.s);
    const into = perSink.length ? ` into ${(worst === "full" ? perSink.map((x) => x.s) : weak).join(", ")}` : "";
    const eoFloor = engine.latency.exactlyOnceFloor;
    const slow = worst !== "none" && profile.priorities.exactlyOnce !== "must" && eoFloor !== undefined && parseDuration(eoFloor)!.ms > profile.latency.ms;
    return {
      fit: ctx.level(worst) * (slow ? 0.5 : 1),
      unmet: worst === "none",
      messageId: slow ? "slow" : worst,
      args: { engine: engine.name, into, support: LEVEL_WORDS[worst], eoFloor, budget: profile.latency.text },
      detail: eo.note,
      sources: slow ? [...eo.sources, ...engine.latency.sources] : eo.sources,
    };
  },
};
