import type { Route } from "../catalog/schema.js";
import { isReady } from "../catalog/routes.js";
import { parseDuration } from "../units.js";
import { conditionKey, resolveFact } from "../catalog/conditions.js";
import { configuredNote, type Rule, routeClass, routeWords } from "./types.js";

export const exactlyOnce: Rule = {
  example: "version: 1\nlatency: 2s\nthroughput: 10k/s\nsources: [kafka]\nsinks: [files]\nexactlyOnce: true\n",
  id: "exactly-once",
  description: "Exactly-once results end to end, judged for the sinks the profile names.",
  requirement: "exactlyOnce",
  reads: ["exactlyOnce.route", "exactlyOnce.sinks.<kind>", "latency.exactlyOnceFloor"],
  scoring:
    "The lowest route value among the named sinks (a sink without its own entry takes exactlyOnce.route); with no sinks named, exactlyOnce.route. Unmet unless that route is production-ready. When the engine's exactly-once floor (latency.exactlyOnceFloor, e.g. its commit interval) is above the latency budget, the engine can be exactly-once or fast, not both: the fit is halved and the verdict is unmet (a must then disqualifies). Applied only when exactlyOnce is true.",
  messages: {
    full: "{engine} gives exactly-once results{into}{cfg}",
    partial: "{engine} gives exactly-once results{into} {how}",
    none: "{engine} cannot give exactly-once results{into}",
    slow: "{engine} gives exactly-once results{into} only at {eoFloor} or more, above the {budget} budget",
  },
  applies: (p) => p.exactlyOnce,
  key: (p, ctx) => `${p.sinks.join(",")}|${p.latency.ms}|${conditionKey(p, ctx)}`,
  evaluate(profile, engine, ctx) {
    // the engine-wide route that holds for this profile (a variant may hold only for some sinks or a vendor's distribution)
    const resolved = resolveFact(engine.exactlyOnce, profile, ctx.value, engine.id);
    const eo = { ...engine.exactlyOnce, route: resolved.route, note: resolved.note, sources: resolved.sources };
    const perSink = profile.sinks.map((s) => ({ s, route: (eo.sinks?.[s] ?? eo.route) as Route }));
    const worst = perSink.length ? perSink.reduce((a, b) => (ctx.value(b.route) < ctx.value(a.route) ? b : a)).route : eo.route;
    const weak = perSink.filter((x) => x.route === worst).map((x) => x.s);
    const into = perSink.length ? ` into ${(isReady(worst) ? perSink.map((x) => x.s) : weak).join(", ")}` : "";
    const eoFloor = engine.latency.exactlyOnceFloor;
    const slow = worst !== "none" && eoFloor !== undefined && parseDuration(eoFloor)!.ms > profile.latency.ms;
    return {
      fit: ctx.value(worst) * (slow ? 0.5 : 1),
      unmet: !isReady(worst) || slow,
      messageId: slow ? "slow" : routeClass(worst),
      args: { engine: engine.name, into, route: worst, how: routeWords(worst), cfg: configuredNote(worst), eoFloor, budget: profile.latency.text, condition: resolved.condition },
      detail: eo.note,
      sources: slow ? [...eo.sources, ...engine.latency.sources] : eo.sources,
    };
  },
};
