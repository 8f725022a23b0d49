// The zod schema of the engine catalogue (rules/engines/*.yaml) and of the
// rule settings (rules/rules.yaml). Catalogue files are data, validated with
// the same discipline as profiles: strict keys, located errors.

import * as z from "zod/mini";
import { CONNECTOR_KINDS, LANGUAGES, PRIORITY_LEVELS, PROCESSING_KINDS } from "../profile/fields.js";
import { DURATION_EXPECTED, DURATION_PATTERN, RATE_EXPECTED, RATE_PATTERN } from "../units.js";

export const LEVELS = ["full", "partial", "none"] as const;
export type Level = (typeof LEVELS)[number];

const level = z.enum(LEVELS);
const text = z.string().check(z.minLength(1), z.maxLength(600));
const duration = z.string().check(z.regex(new RegExp(DURATION_PATTERN), { error: `expected ${DURATION_EXPECTED}` }));
const rate = z.string().check(z.regex(new RegExp(RATE_PATTERN), { error: `expected ${RATE_EXPECTED}` }));
const date = z.string().check(z.regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: "expected a date such as 2026-11 or 2026-11-25" }));
const versionText = (max: number) => z.pipe(z.union([z.string().check(z.minLength(1), z.maxLength(max)), z.number()]), z.transform(String));

export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https$/, error: "expected an https URL" }),
  version: versionText(120),
});
const sources = z.array(sourceSchema).check(z.minLength(1, { error: "expected at least one source: every fact needs one" }));

export const factSchema = z.strictObject({ level, note: text, sources });

const factMap = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, factSchema])) as Record<K[number], typeof factSchema>);

const connectorSchema = z.strictObject({
  source: level,
  sink: level,
  /** the level for scheduled batch jobs, where it differs from streaming (e.g. a JDBC source that only reads bounded tables) */
  batchSource: z.optional(level),
  batchSink: z.optional(level),
  note: text,
  sources,
});

const managedFact = z.extend(factSchema, { offering: z.optional(z.string().check(z.maxLength(200))) });

export const engineSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "expected a kebab-case id such as kafka-streams" })),
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  version: versionText(60),
  released: date,
  asOf: date,
  homepage: z.url({ protocol: /^https?$/ }),
  summary: text,
  latency: z.strictObject({
    floor: duration,
    typical: duration,
    exactlyOnceFloor: z.optional(duration),
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
    sinks: z.optional(z.strictObject(Object.fromEntries(CONNECTOR_KINDS.map((k) => [k, z.optional(level)])) as Record<(typeof CONNECTOR_KINDS)[number], z.ZodMiniOptional<typeof level>>)),
    note: text,
    sources,
  }),
  state: factMap(["small", "large"] as const),
  batch: factSchema,
  managed: z.strictObject({ self: factSchema, aws: managedFact, gcp: managedFact, azure: managedFact }),
  license: z.strictObject({ spdx: z.string().check(z.minLength(1), z.maxLength(80)), osi: z.boolean(), note: text, sources }),
  maintenance: z.strictObject({ status: z.enum(["active", "maintenance", "dormant"]), note: text, sources }),
  seedCorrections: z._default(z.array(z.strictObject({ claim: text, current: text, sources })), []),
});

export type Engine = z.output<typeof engineSchema>;
export type Fact = z.output<typeof factSchema>;
export type Source = z.output<typeof sourceSchema>;

const weight = z.number().check(z.gte(0), z.lte(10));
const unitInterval = z.number().check(z.gte(0), z.lte(1));

export const rulesConfigSchema = z.strictObject({
  asOf: date,
  levels: z.strictObject({ full: unitInterval, partial: unitInterval, none: unitInterval }),
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
  /** rule id to its base weight; the profile's priorities multiply it; 0 turns a rule off */
  weights: z.record(z.string(), weight),
  /** a result is "close" when the winner leads the runner-up by fewer points than this */
  closeMargin: z.number().check(z.gte(0), z.lte(100)),
});

export type RulesConfig = z.output<typeof rulesConfigSchema>;
