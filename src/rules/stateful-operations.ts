// The stateful operations the job needs (profile `operations`) against the
// engine's operators. Whether a low-latency mode runs them is the latency
// rule's to judge (a latency variant's `when.operations`).
import { conditionKey } from "../catalog/conditions.js";
import { allOf, itemOf } from "./helpers.js";
import type { Rule } from "./types.js";

export const statefulOperations: Rule = {
  example: "version: 1\nlatency: 50ms\nthroughput: 10k/s\ndeployment: library\noperations: [join]\n",
  id: "stateful-operations",
  description: "The stateful operations the job needs (stream-stream joins, enrichment from a changing table, aggregates, windows, deduplication) against the engine's operators.",
  requirement: "operations",
  reads: ["operators.<operation>"],
  scoring:
    "The mean of the route values of the listed operations' operator facts. Unmet when any is not production-ready. An engine whose descriptor does not describe its operators scores one half, never unmet. Not applied when operations is empty.",
  messages: {
    all: "{engine} runs {items}",
    partial: "{engine} runs {items}{but}",
    missing: "{engine} has no operator for {missing}",
    unknown: "the descriptor of {engine} does not describe its operators for {items}",
  },
  applies: (p) => p.operations.length > 0,
  key: (p, ctx) => `${p.operations.join(",")}|${conditionKey(p, ctx)}`,
  evaluate(profile, engine, ctx) {
    const ops = engine.operators;
    if (!ops) return { fit: 0.5, unmet: false, messageId: "unknown", args: { engine: engine.name, items: profile.operations.join(", ") }, sources: engine.deployment.service.sources };
    return allOf(
      profile.operations.map((k) => itemOf(k, ops[k], profile, ctx, engine.id)),
      ctx,
      { engine: engine.name },
    );
  },
};
