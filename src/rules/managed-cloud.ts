import { isReady } from "../catalog/routes.js";
import { configuredNote, type Rule, routeClass, routeWords } from "./types.js";

export const managedCloud: Rule = {
  example: "version: 1\nlatency: 1s\nthroughput: 10k/s\ncloud: gcp\n",
  id: "managed-cloud",
  description: "A managed offering on the cloud the profile names (or, with cloud: none, that the team can run the engine itself).",
  requirement: "cloud",
  reads: ["managed.aws", "managed.gcp", "managed.azure", "managed.self"],
  scoring: "The route value of the engine's managed offering on that cloud (managed.self for `none`); unmet unless production-ready (a vendor's offering is third-party). Not applied when cloud is `any`.",
  messages: {
    full: "{engine} is offered managed on {cloud}{offering}{cfg}",
    partial: "{engine} is offered on {cloud}{offering} {how}",
    none: "{engine} has no managed offering on {cloud}",
    "self-full": "{engine} can be run by the team itself{cfg}",
    "self-partial": "{engine} can be run by the team itself {how}",
    "self-none": "{engine} cannot be run by the team itself",
  },
  applies: (p) => p.cloud !== "any",
  key: (p) => p.cloud,
  evaluate(profile, engine, ctx) {
    if (profile.cloud === "none") {
      const f = engine.managed.self;
      return { fit: ctx.value(f.route), unmet: !isReady(f.route), messageId: `self-${routeClass(f.route)}`, args: { engine: engine.name, cloud: "none", route: f.route, how: routeWords(f.route, f.needs), cfg: configuredNote(f.route) }, detail: f.note, sources: f.sources };
    }
    const cloud = profile.cloud as "aws" | "gcp" | "azure";
    const f = engine.managed[cloud];
    const names: Record<string, string> = { aws: "AWS", gcp: "Google Cloud", azure: "Azure" };
    return {
      fit: ctx.value(f.route),
      unmet: !isReady(f.route),
      messageId: routeClass(f.route),
      // the offering after "as", its alternatives joined by "or": offering names carry parentheses of their own, which would nest
      // a managed offering that is third-party is sold by someone other than the cloud, not written by the team
      args: { engine: engine.name, cloud: names[cloud]!, offering: f.offering ? ` as ${f.offering.split(/\s*;\s*/).join(" or ")}` : "", route: f.route, how: f.route === "third-party" ? "only from a third party" : routeWords(f.route, f.needs), cfg: configuredNote(f.route) },
      detail: f.note,
      sources: f.sources,
    };
  },
};
