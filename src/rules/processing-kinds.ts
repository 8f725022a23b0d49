import { conditionKey } from "../catalog/conditions.js";
import { allOf, itemOf } from "./helpers.js";
import type { Rule } from "./types.js";

export const processingKinds: Rule = {
  example: "version: 1\nlatency: 1s\nthroughput: 10k/s\nprocessing: [cep]\n",
  id: "processing-kinds",
  description: "Each kind of processing the profile asks for (sql, dataflow, etl, ml-training, ml-scoring, cep) against the engine's support for it.",
  requirement: "processing",
  reads: ["processing.<kind>"],
  scoring: "The mean of the route values (rules.yaml routes) of the requested kinds. Unmet when any requested kind is not production-ready (route builtin or configured).",
  messages: {
    all: "{engine} supports {items}",
    partial: "{engine} supports {items}{but}",
    missing: "{engine} does not support {missing}",
  },
  applies: (p) => p.processing.length > 0,
  key: (p, ctx) => `${p.processing.join(",")}|${conditionKey(p, ctx)}`,
  evaluate(profile, engine, ctx) {
    return allOf(
      profile.processing.map((k) => itemOf(k, engine.processing[k], profile, ctx, engine.id)),
      ctx,
      { engine: engine.name },
    );
  },
};
