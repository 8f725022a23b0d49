import { conditionKey } from "../catalog/conditions.js";
import { single } from "./helpers.js";
import type { Rule } from "./types.js";

export const unitOfWork: Rule = {
  example: "version: 1\nlatency: 5s\nthroughput: 10k/s\nunit: record\npriorities: {unit: high}\n",
  id: "unit-of-work",
  description: "Events (each message has identity and is handled on its own) or records (bulk data handled in sets or windows), against how the engine processes data.",
  requirement: "unit",
  reads: ["unit.event", "unit.record"],
  scoring: "The route value of the engine for the unit asked for; unmet unless production-ready. Not applied when unit is `either`.",
  messages: {
    full: "{engine} handles {unit}s {manner}{cfg}",
    partial: "{engine} handles {unit}s {manner} {how}",
    none: "{engine} does not handle {unit}s {manner}",
  },
  applies: (p) => p.unit !== "either",
  key: (p, ctx) => `${p.unit}|${conditionKey(p, ctx)}`,
  evaluate(profile, engine, ctx) {
    const unit = profile.unit as "event" | "record";
    return single(engine.unit[unit], profile, ctx, { engine: engine.name, unit, manner: unit === "event" ? "one at a time" : "in bulk" }, engine.id);
  },
};
