// The JSON documents `advise` prints, as zod schemas: schema/*.schema.json is
// generated from them (`npm run docs`), and the type checks at the bottom of
// each file fail the build when a schema and the TypeScript type that produces
// the output stop describing the same thing. Only the docs script and the tests
// import this module; the CLI never does.

import * as z from "zod/mini";
import type { ResultJson } from "../format/json.js";
import { CLOUDS, CONNECTOR_KINDS, CONSISTENCY, DEPLOYMENTS, LANGUAGES, LICENSES, OPERATIONS, PRIORITY_LEVELS, PROCESSING_KINDS, REQUIREMENTS, SERVING, STATE_SIZES, UNITS } from "../profile/fields.js";

/** Attaches a description for the JSON Schema. */
export const described = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

/** true when A and B are assignable both ways: the schema's type and the output's type agree. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const int = () => z.int();
const nonNegative = () => z.int().check(z.gte(0));

export const toolSchema = described(
  z.strictObject({ name: z.string(), version: z.string() }),
  "the program that wrote this document (package.json name and version)",
);

const evidence = z.strictObject({
  url: described(z.string(), "where the fact is documented"),
  version: described(z.string(), "the engine version or date the fact holds for"),
});

const spelled = <K extends string>(key: K) => z.strictObject({ text: described(z.string(), "as the profile spells it"), ...({ [key]: z.number() } as { [P in K]: z.ZodMiniNumber }) });

const priority = z.enum(PRIORITY_LEVELS);
const priorities = z.strictObject(Object.fromEntries(REQUIREMENTS.map((r) => [r, priority])) as Record<(typeof REQUIREMENTS)[number], typeof priority>);

export const profileJsonSchema = described(
  z.strictObject({
    file: described(z.string(), "the path as given, or <stdin>"),
    name: z.optional(z.string()),
    description: z.optional(z.string()),
    latency: spelled("ms"),
    throughput: z.strictObject({
      form: z.optional(described(z.enum(["rate", "object"]), "rate: `throughput: 20k/s`; object: `{sustained, peak}`")),
      sustained: spelled("perSecond"),
      peak: z.optional(spelled("perSecond")),
    }),
    processing: z.array(z.enum(PROCESSING_KINDS)),
    unit: z.enum(UNITS),
    deployment: z.enum(DEPLOYMENTS),
    sources: z.array(z.enum(CONNECTOR_KINDS)),
    sinks: z.array(z.enum(CONNECTOR_KINDS)),
    languages: z.array(z.enum(LANGUAGES)),
    eventTime: z.boolean(),
    exactlyOnce: z.boolean(),
    state: z.enum(STATE_SIZES),
    batch: z.boolean(),
    cloud: z.enum(CLOUDS),
    license: z.enum(LICENSES),
    portable: z.boolean(),
    serving: z.enum(SERVING),
    consistency: z.enum(CONSISTENCY),
    operations: z.array(z.enum(OPERATIONS)),
    platforms: described(z.array(z.string()), "what the organisation already runs, as the profile lists it"),
    priorities: described(priorities, "every requirement with its priority (normal unless the profile says otherwise)"),
  }),
  "the profile after validation and defaults",
);

const reason = z.strictObject({
  rule: described(z.string(), "stable rule id, documented at docs/rules.md#<rule>"),
  impact: described(int(), "signed points this rule added to or took from the score (which starts at 50)"),
  message: z.string(),
  sources: z.array(z.string()),
  requirement: z.enum(REQUIREMENTS),
  priority: z.enum(PRIORITY_LEVELS),
  fit: described(z.number().check(z.gte(0), z.lte(1)), "0..1: how well the engine meets the requirement"),
  unmet: described(z.boolean(), "not met production-ready: disqualifying under must"),
  detail: z.optional(z.string()),
  evidence: z.array(evidence),
  args: described(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.readonly(z.array(z.string()))])), "the values compared, for scripts"),
  catalogFile: z.optional(z.string()),
});

const rankedEngine = z.strictObject({
  engine: z.string(),
  name: z.string(),
  version: described(z.string(), "the engine release its descriptor describes"),
  rank: int().check(z.gte(1)),
  score: nonNegative().check(z.lte(100)),
  disqualified: z.boolean(),
  disqualifiedBy: z.array(z.string()),
  reasons: z.array(reason),
  catalogFile: z.optional(described(z.string(), "the user catalogue file this descriptor came from")),
});

const decisive = z.strictObject({ rule: z.string(), impact: int(), runnerUpImpact: int(), message: z.string(), runnerUpMessage: z.string() });

const recommendation = z.strictObject({
  kind: z.enum(["engine", "periodic-batch", "custom", "none"]),
  engine: z.nullable(z.string()),
  summary: z.string(),
  margin: z.nullable(nonNegative()),
  close: z.boolean(),
  tiedWith: z.optional(z.array(z.string())),
  decisive: z.optional(z.array(decisive)),
});

const sensitivityValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
const sensitivity = z.strictObject({
  path: z.array(z.string()),
  from: z.nullable(sensitivityValue),
  to: sensitivityValue,
  winner: described(z.string(), "the engine id that would rank first, or the kind (custom, none, periodic-batch) when the kind changes"),
  summary: z.string(),
});

const whyNot = z.strictObject({
  engine: z.string(),
  name: z.string(),
  rank: int(),
  score: nonNegative(),
  winner: z.nullable(z.string()),
  behind: z.nullable(int()),
  disqualifiedBy: z.array(z.string()),
  reasons: z.array(z.strictObject({ rule: z.string(), impact: int(), winnerImpact: z.nullable(int()), gap: int(), message: z.string(), sources: z.array(z.string()) })),
  changes: z.array(z.strictObject({ path: z.array(z.string()), from: z.unknown(), to: z.unknown(), winner: z.string(), summary: z.string() })),
});

const beyond = described(
  z.strictObject({
    reason: z.enum(["none", "weak-fit"]),
    weakFitBelow: z.optional(z.number()),
    engines: z.array(z.strictObject({ engine: z.string(), name: z.string(), score: nonNegative().check(z.lte(100)), rank: int().check(z.gte(1)) })),
    command: z.string(),
    summary: z.string(),
  }),
  "extended engines that would do better than the default set (docs/result.md#beyond)",
);

export const resultJsonSchema = described(
  z.strictObject({
    schema: z.literal("stream-advisor/result@1"),
    tool: toolSchema,
    profile: profileJsonSchema,
    catalog: z.strictObject({
      asOf: described(z.string(), "the catalogue's review month"),
      engines: z.array(z.string()),
      userFiles: z.optional(z.record(z.string(), z.string())),
      extended: z.optional(described(z.array(z.string()), "the ids among engines that come from the shipped extended catalogue (only with --engines)")),
      selection: z.optional(described(z.array(z.string()), "the --engines (or config engines:) selection as given")),
    }),
    recommendation,
    ranking: z.array(rankedEngine),
    sensitivity: described(z.array(sensitivity), "the smallest single profile changes that change the top pick or the kind, smallest first"),
    whyNot: z.optional(whyNot),
    beyond: z.optional(beyond),
  }),
  "stream-advisor/result@1: `advise PROFILE --format json` (docs/result.md)",
);

const resultTypesAgree: Same<z.infer<typeof resultJsonSchema>, ResultJson> = true;
void resultTypesAgree;
