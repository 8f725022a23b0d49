import type { Rule } from "./types.js";

export const managedCloud: Rule = {
  example: "version: 1\nlatency: 1s\nthroughput: 10k/s\ncloud: gcp\n",
  id: "managed-cloud",
  description: "A managed offering on the cloud the profile names (or, with cloud: none, that the team can run the engine itself).",
  requirement: "cloud",
  reads: ["managed.aws", "managed.gcp", "managed.azure", "managed.self"],
  scoring: "The support level of the engine's managed offering on that cloud (managed.self for `none`). Not applied when cloud is `any`.",
  messages: {
    full: "{engine} is offered managed on {cloud}{offering}",
    partial: "{engine} is offered on {cloud}{offering} only with conditions",
    none: "{engine} has no managed offering on {cloud}",
    "self-full": "{engine} can be run by the team itself",
    "self-partial": "{engine} can be run by the team itself only with conditions",
    "self-none": "{engine} cannot be run by the team itself",
  },
  applies: (p) => p.cloud !== "any",
  key: (p) => p.cloud,
  evaluate(profile, engine, ctx) {
    if (profile.cloud === "none") {
      const f = engine.managed.self;
      return { fit: ctx.level(f.level), unmet: f.level === "none", messageId: `self-${f.level}`, args: { engine: engine.name, cloud: "none" }, detail: f.note, sources: f.sources };
    }
    const cloud = profile.cloud as "aws" | "gcp" | "azure";
    const f = engine.managed[cloud];
    const names: Record<string, string> = { aws: "AWS", gcp: "Google Cloud", azure: "Azure" };
    return {
      fit: ctx.level(f.level),
      unmet: f.level === "none",
      messageId: f.level,
      args: { engine: engine.name, cloud: names[cloud]!, offering: f.offering ? ` (${f.offering})` : "" },
      detail: f.note,
      sources: f.sources,
    };
  },
};
