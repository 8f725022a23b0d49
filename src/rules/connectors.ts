import type { Engine } from "../catalog/schema.js";
import type { ConnectorKind } from "../profile/fields.js";
import type { Profile } from "../profile/load.js";
import { parseDuration } from "../units.js";
import { allOf, type Item } from "./helpers.js";
import type { Rule, RuleContext } from "./types.js";

/** A budget long enough for scheduled batch jobs: then the batch connector route applies where one is given. */
function batchTier(profile: Profile, ctx: RuleContext): boolean {
  return profile.latency.ms >= parseDuration(ctx.config.latency.periodicBatchAt)!.ms;
}

/** The items a connector contributes: the endpoint itself, and for a store with table formats, those as a soft item. */
function connectorItems(engine: Engine, k: ConnectorKind, side: "source" | "sink", inBatchTier: boolean): Item[] {
  const c = engine.connectors[k];
  const batchKey = side === "source" ? "batchSource" : "batchSink";
  const needs = c.via !== undefined ? engine.operations.find((o) => o.id === c.via)?.what : undefined;
  const items: Item[] = [{ name: k, route: (inBatchTier ? c[batchKey] : undefined) ?? c[side], needs, note: c.note, sources: c.sources }];
  if (c.tables) items.push({ name: `${k} table formats (Iceberg, Delta Lake, Hudi)`, route: c.tables.route, needs, note: c.tables.note, sources: c.tables.sources, soft: true });
  return items;
}

function connectorVerdict(profile: Profile, kinds: readonly ConnectorKind[], engine: Engine, side: "source" | "sink", ctx: RuleContext) {
  const inBatchTier = batchTier(profile, ctx);
  return allOf(
    kinds.flatMap((k) => connectorItems(engine, k, side, inBatchTier)),
    ctx,
    { engine: engine.name, side },
  );
}

const messages = {
  partial: "{engine} reaches {items} as a {side}, but {partial}",
  missing: "{engine} has no {missing} {side}",
};

const scoring = (side: string, batchKey: string) =>
  `The mean of the route values (rules.yaml routes) of the named ${side}s' connectors (for a budget at or above latency.periodicBatchAt, a connector's ${batchKey} route where it has one). An object store whose connector lists open table formats (connectors.object-store.tables) adds them as one more item of the mean, which never makes the verdict unmet. Unmet when any named ${side} is not reached production-ready: only through another system (e.g. a Kafka Connect cluster), third-party or own code, or not at all.`;

export const sourceConnectors: Rule = {
  example: "version: 1\nlatency: 1s\nthroughput: 10k/s\nsources: [database]\n",
  id: "source-connectors",
  description: "Each source the profile names against the engine's connectors for reading from it.",
  requirement: "sources",
  reads: ["connectors.<kind>.source", "connectors.<kind>.batchSource", "connectors.<kind>.via", "connectors.<kind>.tables"],
  scoring: scoring("source", "batchSource"),
  messages: { ...messages, all: "{engine} reads from {items}" },
  applies: (p) => p.sources.length > 0,
  key: (p, ctx) => `${p.sources.join(",")}|${batchTier(p, ctx)}`,
  evaluate: (profile, engine, ctx) => connectorVerdict(profile, profile.sources, engine, "source", ctx),
};

export const sinkConnectors: Rule = {
  example: "version: 1\nlatency: 5s\nthroughput: 5M/s\nsources: [kafka]\nsinks: [http]\n",
  id: "sink-connectors",
  description: "Each sink the profile names against the engine's connectors for writing to it.",
  requirement: "sinks",
  reads: ["connectors.<kind>.sink", "connectors.<kind>.batchSink", "connectors.<kind>.via", "connectors.<kind>.tables"],
  scoring: scoring("sink", "batchSink"),
  messages: { ...messages, all: "{engine} writes to {items}" },
  applies: (p) => p.sinks.length > 0,
  key: (p, ctx) => `${p.sinks.join(",")}|${batchTier(p, ctx)}`,
  evaluate: (profile, engine, ctx) => connectorVerdict(profile, profile.sinks, engine, "sink", ctx),
};
