// The zod schema of the engine catalogue (rules/engines/*.yaml) and of the
// rule settings (rules/rules.yaml). Catalogue files are data, validated with
// the same discipline as profiles: strict keys, located errors.

import { z } from "zod";
import { CONNECTOR_KINDS, LANGUAGES, PRIORITY_LEVELS, PROCESSING_KINDS } from "../profile/fields.js";
import { DURATION_EXPECTED, DURATION_PATTERN, RATE_EXPECTED, RATE_PATTERN } from "../units.js";

export const LEVELS = ["full", "partial", "none"] as const;
export type Level = (typeof LEVELS)[number];

const level = z.enum(LEVELS);
const text = z.string().min(1).max(600);
const duration = z.string().regex(new RegExp(DURATION_PATTERN), { error: `expected ${DURATION_EXPECTED}` });
const rate = z.string().regex(new RegExp(RATE_PATTERN), { error: `expected ${RATE_EXPECTED}` });
const date = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: "expected a date such as 2026-11 or 2026-11-25" });

export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https$/, error: "expected an https URL" }),
  version: z.union([z.string().min(1).max(120), z.number()]).transform(String),
});
const sources = z.array(sourceSchema).min(1, { error: "expected at least one source: every fact needs one" });

export const factSchema = z.strictObject({ level, note: text, sources });

const factMap = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, factSchema])) as Record<K[number], typeof factSchema>);

const connectorSchema = z.strictObject({
  source: level,
  sink: level,
  /** the level for scheduled batch jobs, where it differs from streaming (e.g. a JDBC source that only reads bounded tables) */
  batchSource: level.optional(),
  batchSink: level.optional(),
  note: text,
  sources,
});

export const engineSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "expected a kebab-case id such as kafka-streams" }),
  name: z.string().min(1).max(80),
  version: z.union([z.string().min(1).max(60), z.number()]).transform(String),
  released: date,
  asOf: date,
  homepage: z.url({ protocol: /^https?$/ }),
  summary: text,
  latency: z.strictObject({
    floor: duration,
    typical: duration,
    exactlyOnceFloor: duration.optional(),
    note: text,
    sources,
  }),
  throughput: z.strictObject({
    scaling: z.enum(["cluster", "partitions", "instances"]),
    note: text,
    sources,
  }),
  processing: factMap(PROCESSING_KINDS),
  unit: factMap(["event", "record"] as const),
  deployment: factMap(["library", "service"] as const),
  connectors: z.strictObject(Object.fromEntries(CONNECTOR_KINDS.map((k) => [k, connectorSchema])) as Record<(typeof CONNECTOR_KINDS)[number], typeof connectorSchema>),
  languages: factMap(LANGUAGES),
  eventTime: factSchema,
  exactlyOnce: z.strictObject({
    level,
    sinks: z.strictObject(Object.fromEntries(CONNECTOR_KINDS.map((k) => [k, level.optional()])) as Record<(typeof CONNECTOR_KINDS)[number], z.ZodOptional<typeof level>>).optional(),
    note: text,
    sources,
  }),
  state: factMap(["small", "large"] as const),
  batch: factSchema,
  managed: z.strictObject({
    self: factSchema,
    aws: factSchema.extend({ offering: z.string().max(200).optional() }),
    gcp: factSchema.extend({ offering: z.string().max(200).optional() }),
    azure: factSchema.extend({ offering: z.string().max(200).optional() }),
  }),
  license: z.strictObject({ spdx: z.string().min(1).max(80), osi: z.boolean(), note: text, sources }),
  maintenance: z.strictObject({ status: z.enum(["active", "maintenance", "dormant"]), note: text, sources }),
  seedCorrections: z.array(z.strictObject({ claim: text, current: text, sources })).default([]),
});

export type EngineInput = z.input<typeof engineSchema>;
export type Engine = z.output<typeof engineSchema>;
export type Fact = z.output<typeof factSchema>;
export type Source = z.output<typeof sourceSchema>;

const weight = z.number().min(0).max(10);

export const rulesConfigSchema = z.strictObject({
  asOf: date,
  levels: z.strictObject({ full: z.number().min(0).max(1), partial: z.number().min(0).max(1), none: z.number().min(0).max(1) }),
  priorities: z.strictObject(Object.fromEntries(PRIORITY_LEVELS.map((p) => [p, weight])) as Record<(typeof PRIORITY_LEVELS)[number], typeof weight>),
  latency: z.strictObject({
    /** budgets at or above this: scheduled batch jobs are the honest answer */
    periodicBatchAt: duration,
  }),
  throughput: z.strictObject({
    /** rates at or above `medium` / `high` move engines into the next row of `fit` */
    medium: rate,
    high: rate,
    fit: z.strictObject({
      cluster: z.tuple([z.number(), z.number(), z.number()]),
      partitions: z.tuple([z.number(), z.number(), z.number()]),
      instances: z.tuple([z.number(), z.number(), z.number()]),
    }),
  }),
  /** rule id to its base weight; the profile's priorities multiply it */
  weights: z.record(z.string(), weight),
  /** a result is "close" when the winner leads the runner-up by fewer points than this */
  closeMargin: z.number().min(0).max(100),
});

export type RulesConfig = z.output<typeof rulesConfigSchema>;
