import type { Engine } from "../catalog/schema.js";
import type { ConnectorKind } from "../profile/fields.js";
import type { Profile } from "../profile/load.js";
import { parseDuration } from "../units.js";
import { allOf } from "./helpers.js";
import type { Rule, RuleContext } from "./types.js";

/** A budget long enough for scheduled batch jobs: then the batch connector level applies where one is given. */
function batchTier(profile: Profile, ctx: RuleContext): boolean {
  return profile.latency.ms >= parseDuration(ctx.config.latency.periodicBatchAt)!.ms;
}

function connectorVerdict(profile: Profile, kinds: readonly ConnectorKind[], engine: Engine, side: "source" | "sink", ctx: RuleContext) {
  const inBatchTier = batchTier(profile, ctx);
  const batchKey = side === "source" ? "batchSource" : "batchSink";
  return allOf(
    kinds.map((k) => {
      const c = engine.connectors[k];
      return { name: k, level: (inBatchTier ? c[batchKey] : undefined) ?? c[side], note: c.note, sources: c.sources };
    }),
    ctx,
    { engine: engine.name, side },
  );
}

const messages = {
  all: "{engine} reads and writes {items} as a {side}",
  partial: "{engine} has {items} {side}s, but {partial} only with conditions",
  missing: "{engine} has no {missing} {side}",
};

export const sourceConnectors: Rule = {
  example: "version: 1\nlatency: 1s\nthroughput: 10k/s\nsources: [cdc]\n",
  id: "source-connectors",
  description: "Each source the profile names against the engine's connectors for reading from it.",
  requirement: "sources",
  reads: ["connectors.<kind>.source", "connectors.<kind>.batchSource"],
  scoring: "The mean of the support levels of the named sources (for a budget at or above latency.periodicBatchAt, a connector's batchSource level where it has one). Unmet when any named source has no connector at all.",
  messages: { ...messages, all: "{engine} reads from {items}" },
  applies: (p) => p.sources.length > 0,
  key: (p, ctx) => `${p.sources.join(",")}|${batchTier(p, ctx)}`,
  evaluate: (profile, engine, ctx) => connectorVerdict(profile, profile.sources, engine, "source", ctx),
};

export const sinkConnectors: Rule = {
  example: "version: 1\nlatency: 5s\nthroughput: 5M/s\nlicense: open-source\nsinks: [http]\n",
  id: "sink-connectors",
  description: "Each sink the profile names against the engine's connectors for writing to it.",
  requirement: "sinks",
  reads: ["connectors.<kind>.sink", "connectors.<kind>.batchSink"],
  scoring: "The mean of the support levels of the named sinks (for a budget at or above latency.periodicBatchAt, a connector's batchSink level where it has one). Unmet when any named sink has no connector at all.",
  messages: { ...messages, all: "{engine} writes to {items}" },
  applies: (p) => p.sinks.length > 0,
  key: (p, ctx) => `${p.sinks.join(",")}|${batchTier(p, ctx)}`,
  evaluate: (profile, engine, ctx) => connectorVerdict(profile, profile.sinks, engine, "sink", ctx),
};
