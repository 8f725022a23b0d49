import { parseDuration } from "../units.js";
import type { Engine } from "../catalog/schema.js";
import type { Profile } from "../profile/load.js";
import type { Rule } from "./types.js";

/** The engine's latency floor and typical value in ms, raised by its exactly-once floor when the profile needs exactly-once. */
export function engineLatency(engine: Engine, exactlyOnce: boolean): { floor: number; typical: number; raisedByExactlyOnce: boolean } {
  const floor = parseDuration(engine.latency.floor)!.ms;
  const typical = parseDuration(engine.latency.typical)!.ms;
  const eo = engine.latency.exactlyOnceFloor !== undefined ? parseDuration(engine.latency.exactlyOnceFloor)!.ms : 0;
  if (exactlyOnce && eo > floor) return { floor: eo, typical: Math.max(typical, eo), raisedByExactlyOnce: true };
  return { floor, typical, raisedByExactlyOnce: false };
}

export const latencyBudget: Rule = {
  example: "version: 1\nlatency: 500ms\nthroughput: 5M/s\nbatch: true\n",
  id: "latency-budget",
  description: "The end-to-end p99 budget against the lowest latency the engine can credibly promise (its floor) and what it gives with defaults.",
  requirement: "latency",
  reads: ["latency.floor", "latency.typical", "latency.exactlyOnceFloor", "batch"],
  scoring:
    "Full marks when the budget is at or above the engine's typical latency; between its floor and typical, marks fall on a log scale to half; below the floor the engine cannot meet the budget (unmet: disqualified when latency is a must). When exactly-once is a must, the engine's exactly-once floor applies. At or above rules.yaml latency.periodicBatchAt the budget suits scheduled batch jobs, and the engine's batch support decides.",
  messages: {
    batch: "a {budget} budget suits scheduled batch jobs; {engine} runs bounded batch jobs: {batch}",
    meets: "{engine} meets the {budget} budget with default settings (typically {typical})",
    tuned: "{engine} can meet {budget} only when tuned (floor {floor}, default {typical})",
    below: "{budget} is below the floor of {engine} ({floor}{exactlyOnce})",
  },
  applies: () => true,
  key: (p) => `${p.latency.ms}|${p.exactlyOnce && p.priorities.exactlyOnce === "must"}`,
  evaluate(profile: Profile, engine: Engine, ctx) {
    const budget = profile.latency.ms;
    // Exactly-once output raises the floor only when exactly-once is a must; otherwise the
    // exactly-once rule weighs the trade-off (see exactly-once.ts).
    const { floor, typical, raisedByExactlyOnce } = engineLatency(engine, profile.exactlyOnce && profile.priorities.exactlyOnce === "must");
    const floorText = raisedByExactlyOnce ? engine.latency.exactlyOnceFloor! : engine.latency.floor;
    const typicalText = raisedByExactlyOnce && typical === floor ? floorText : engine.latency.typical;
    const args = { budget: profile.latency.text, engine: engine.name, floor: floorText, typical: typicalText, exactlyOnce: raisedByExactlyOnce ? " when results must be exactly-once" : "" };
    const sources = engine.latency.sources;
    const periodic = parseDuration(ctx.config.latency.periodicBatchAt)!.ms;
    if (budget >= periodic) {
      const level = engine.batch.level;
      return { fit: 0.5 + ctx.level(level) / 2, unmet: false, messageId: "batch", args: { ...args, batch: level === "full" ? "yes" : level === "partial" ? "with conditions" : "no" }, detail: engine.batch.note, sources: [...sources, ...engine.batch.sources] };
    }
    if (budget >= typical) return { fit: 1, unmet: false, messageId: "meets", args, detail: engine.latency.note, sources };
    if (budget >= floor) {
      const fit = typical > floor ? 0.5 + (0.5 * Math.log(budget / floor)) / Math.log(typical / floor) : 1;
      return { fit, unmet: false, messageId: "tuned", args, detail: engine.latency.note, sources };
    }
    return { fit: 0, unmet: true, messageId: "below", args, detail: engine.latency.note, sources };
  },
};
