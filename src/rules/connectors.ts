import type { Engine } from "../catalog/schema.js";
import type { ConnectorKind } from "../profile/fields.js";
import { allOf } from "./helpers.js";
import type { Rule, RuleContext } from "./types.js";

function connectorVerdict(kinds: readonly ConnectorKind[], engine: Engine, side: "source" | "sink", ctx: RuleContext) {
  return allOf(
    kinds.map((k) => {
      const c = engine.connectors[k];
      return { name: k, level: c[side], note: c.note, sources: c.sources };
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
  id: "source-connectors",
  description: "Each source the profile names against the engine's connectors for reading from it.",
  requirement: "sources",
  reads: ["connectors.<kind>.source"],
  scoring: "The mean of the support levels of the named sources. Unmet when any named source has no connector at all.",
  messages: { ...messages, all: "{engine} reads from {items}" },
  applies: (p) => p.sources.length > 0,
  evaluate: (profile, engine, ctx) => connectorVerdict(profile.sources, engine, "source", ctx),
};

export const sinkConnectors: Rule = {
  id: "sink-connectors",
  description: "Each sink the profile names against the engine's connectors for writing to it.",
  requirement: "sinks",
  reads: ["connectors.<kind>.sink"],
  scoring: "The mean of the support levels of the named sinks. Unmet when any named sink has no connector at all.",
  messages: { ...messages, all: "{engine} writes to {items}" },
  applies: (p) => p.sinks.length > 0,
  evaluate: (profile, engine, ctx) => connectorVerdict(profile.sinks, engine, "sink", ctx),
};
