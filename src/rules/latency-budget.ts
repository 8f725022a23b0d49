import { parseDuration } from "../units.js";
import type { Engine } from "../catalog/schema.js";
import { isReady } from "../catalog/routes.js";
import type { Profile } from "../profile/load.js";
import { type Rule, routeWords } from "./types.js";

/** The engine's latency floor and typical value in ms, raised by its exactly-once floor when the profile needs exactly-once. */
export function engineLatency(engine: Engine, exactlyOnce: boolean): { floor: number; typical: number; raisedByExactlyOnce: boolean } {
  const floor = parseDuration(engine.latency.floor)!.ms;
  const typical = parseDuration(engine.latency.typical)!.ms;
  const eo = engine.latency.exactlyOnceFloor !== undefined ? parseDuration(engine.latency.exactlyOnceFloor)!.ms : 0;
  if (exactlyOnce && eo > floor) return { floor: eo, typical: Math.max(typical, eo), raisedByExactlyOnce: true };
  return { floor, typical, raisedByExactlyOnce: false };
}

export const latencyBudget: Rule = {
  example: "version: 1\nlatency: 50ms\nthroughput: 10k/s\n",
  id: "latency-budget",
  description: "The end-to-end p99 budget against the lowest latency the engine can credibly promise (its floor) and what it gives with defaults (its typical latency).",
  requirement: "latency",
  reads: ["latency.floor", "latency.typical", "batch"],
  scoring:
    "Below the engine's floor it cannot meet the budget (unmet: disqualified when latency is a must). From the floor to the typical latency the fit rises on a log scale from 0.5 to 0.9 (it can, when tuned); from the typical latency to ten times it, from 0.9 to 1 (headroom: an engine with room to spare scores above one that just meets the budget). At or above rules.yaml latency.periodicBatchAt the budget suits scheduled batch jobs: the fit is 0.5 plus half the value of the engine's batch route. Exactly-once costs are judged by the exactly-once rule, not here.",
  messages: {
    batch: "a {budget} budget suits scheduled batch jobs; {engine} runs bounded batch jobs {how}",
    meets: "{engine} meets the {budget} budget with default settings (typically {typical})",
    tuned: "{engine} can meet {budget} only when tuned (floor {floor}, default {typical})",
    below: "{budget} is below the floor of {engine} ({floor})",
  },
  applies: () => true,
  key: (p) => String(p.latency.ms),
  evaluate(profile: Profile, engine: Engine, ctx) {
    const budget = profile.latency.ms;
    const { floor, typical } = engineLatency(engine, false);
    const args = { budget: profile.latency.text, engine: engine.name, floor: engine.latency.floor, typical: engine.latency.typical };
    const sources = engine.latency.sources;
    const periodic = parseDuration(ctx.config.latency.periodicBatchAt)!.ms;
    if (budget >= periodic) {
      const route = engine.batch.route;
      return { fit: 0.5 + ctx.value(route) / 2, unmet: false, messageId: "batch", args: { ...args, route, how: isReady(route) ? `(${routeWords(route)})` : routeWords(route, engine.batch.needs) }, detail: engine.batch.note, sources: [...sources, ...engine.batch.sources] };
    }
    if (budget >= typical) {
      const fit = 0.9 + 0.1 * Math.min(1, Math.log(budget / typical) / Math.LN10);
      return { fit, unmet: false, messageId: "meets", args, detail: engine.latency.note, sources };
    }
    if (budget >= floor) {
      const fit = typical > floor ? 0.5 + (0.4 * Math.log(budget / floor)) / Math.log(typical / floor) : 0.9;
      return { fit, unmet: false, messageId: "tuned", args, detail: engine.latency.note, sources };
    }
    return { fit: 0, unmet: true, messageId: "below", args, detail: engine.latency.note, sources };
  },
};
