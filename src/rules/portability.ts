import { conditionKey } from "../catalog/conditions.js";
import { single } from "./helpers.js";
import type { Rule } from "./types.js";

export const portability: Rule = {
  example: "version: 1\nlatency: 5s\nthroughput: 10k/s\nportable: true\n",
  id: "portability",
  description: "With portable: true, the same pipeline code must be able to run on more than one engine or cloud.",
  requirement: "portable",
  reads: ["portability"],
  scoring: "The route value of the engine's portability fact; unmet unless production-ready. Applied only when portable is true.",
  messages: {
    full: "{engine} runs the same pipeline on more than one engine or cloud{cfg}",
    partial: "{engine} runs the same pipeline elsewhere {how}",
    none: "{engine} pipelines run only on {engine}",
  },
  applies: (p) => p.portable,
  key: (p, ctx) => `${p.portable}|${conditionKey(p, ctx)}`,
  evaluate: (profile, engine, ctx) => single(engine.portability, profile, ctx, { engine: engine.name }, engine.id),
};
