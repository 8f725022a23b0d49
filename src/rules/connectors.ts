import { conditionKey, holds, missed, onlyIn } from "../catalog/conditions.js";
import type { Engine, Route } from "../catalog/schema.js";
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
function connectorItems(profile: Profile, engine: Engine, k: ConnectorKind, side: "source" | "sink", inBatchTier: boolean, ctx: RuleContext): Item[] {
  const c = engine.connectors[k];
  const batchKey = side === "source" ? "batchSource" : "batchSink";
  const needs = c.via !== undefined ? engine.operations.find((o) => o.id === c.via)?.what : undefined;
  let main: Item = { name: k, route: (inBatchTier ? c[batchKey] : undefined) ?? c[side], needs, note: c.note, sources: c.sources };
  // a route that holds only under conditions (a connector only in a vendor's distribution)
  let better: { route: Route; words: string; sources: Item["sources"] } | undefined;
  for (const v of c.variants ?? []) {
    const route = v[side];
    if (route === undefined || ctx.value(route) <= ctx.value(main.route)) continue;
    const h = holds(v.when, profile, engine.id, v.name);
    if (h.holds) main = { name: k, route, note: v.note, sources: v.sources, condition: h.distribution ? onlyIn(v.name, h.distribution) : "" };
    else if (!better || ctx.value(route) > ctx.value(better.route)) better = { route, words: missed(v.name, h.unmet), sources: v.sources };
  }
  if (better && ctx.value(better.route) > ctx.value(main.route) && !main.condition) main = { ...main, condition: better.words, sources: [...main.sources, ...better.sources] };
  const items: Item[] = [main];
  if (c.tables) items.push({ name: `${k} table formats (Iceberg, Delta Lake, Hudi)`, route: c.tables.route, needs, note: c.tables.note, sources: c.tables.sources, soft: true });
  return items;
}

function connectorVerdict(profile: Profile, kinds: readonly ConnectorKind[], engine: Engine, side: "source" | "sink", ctx: RuleContext) {
  const inBatchTier = batchTier(profile, ctx);
  return allOf(
    kinds.flatMap((k) => connectorItems(profile, engine, k, side, inBatchTier, ctx)),
    ctx,
    { engine: engine.name, side },
  );
}

const messages = {
  partial: "{engine} reaches {items} as a {side}{but}",
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
  key: (p, ctx) => `${p.sources.join(",")}|${batchTier(p, ctx)}|${conditionKey(p, ctx)}`,
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
  key: (p, ctx) => `${p.sinks.join(",")}|${batchTier(p, ctx)}|${conditionKey(p, ctx)}`,
  evaluate: (profile, engine, ctx) => connectorVerdict(profile, profile.sinks, engine, "sink", ctx),
};
