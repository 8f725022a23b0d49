import { conditionKey } from "../catalog/conditions.js";
import { single } from "./helpers.js";
import type { Rule } from "./types.js";

export const deploymentModel: Rule = {
  example: "version: 1\nlatency: 1s\nthroughput: 10k/s\ndeployment: service\n",
  id: "deployment-model",
  description: "Library (embedded in the team's own services) or service (a cluster that jobs are submitted to), against how the engine is deployed.",
  requirement: "deployment",
  reads: ["deployment.library", "deployment.service"],
  scoring: "The route value of the engine for the deployment asked for; unmet unless production-ready (an embedded mode meant only for tests is graded none). Not applied when deployment is `either`.",
  messages: {
    full: "{engine} runs as {what}{cfg}",
    partial: "{engine} runs as {what} {how}",
    none: "{engine} does not run as {what}",
  },
  applies: (p) => p.deployment !== "either",
  key: (p, ctx) => `${p.deployment}|${conditionKey(p, ctx)}`,
  evaluate(profile, engine, ctx) {
    const d = profile.deployment as "library" | "service";
    return single(engine.deployment[d], profile, ctx, { engine: engine.name, deployment: d, what: d === "library" ? "a library inside your own services" : "a service that jobs are submitted to" }, engine.id);
  },
};
