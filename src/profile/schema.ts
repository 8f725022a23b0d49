// The zod schema of profile v1: the one implementation of the profile contract.
// It checks shape and spelling; units are parsed in ./load.ts. zod/mini keeps
// the CLI's start-up small (the same zod v4 core, without the chaining API).

import * as z from "zod/mini";
import { DURATION_EXPECTED, DURATION_PATTERN, RATE_EXPECTED, RATE_PATTERN } from "../units.js";
import {
  CLOUDS,
  CONNECTOR_KINDS,
  CONSISTENCY,
  OPERATIONS,
  DEPLOYMENTS,
  LANGUAGES,
  LICENSES,
  PRIORITY_LEVELS,
  PROCESSING_KINDS,
  REQUIREMENTS,
  SERVING,
  STATE_SIZES,
  UNITS,
} from "./fields.js";

/**
 * A description for the JSON Schema (`advise schema`), put in zod's registry
 * directly: `.check(z.describe())` would clone the schema and add a no-op
 * check to every parse, and this module is built on every run. A schema
 * instance holds one description, so each use site needs its own instance.
 */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

const duration = () => z.string({ error: `expected ${DURATION_EXPECTED}` }).check(z.regex(new RegExp(DURATION_PATTERN), { error: `expected ${DURATION_EXPECTED}` }));
const rate = () => z.string({ error: `expected ${RATE_EXPECTED}` }).check(z.regex(new RegExp(RATE_PATTERN), { error: `expected ${RATE_EXPECTED}` }));

const uniqueList = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  described(
    z.array(z.enum(values), { error: `expected a list of ${what}, such as [${values.slice(0, 2).join(", ")}]` }).check(z.maxLength(values.length * 2)),
    `any of: ${values.join(", ")}`,
  );

const priority = described(z.enum(PRIORITY_LEVELS), "must: an engine that cannot meet it is disqualified; high/normal/low weigh the score");
// Shared where the description is the same: one instance validates every use (and the JSON Schema inlines each).
const optionalPriority = z.optional(priority);
const connectorList = z.optional(uniqueList(CONNECTOR_KINDS, "connector kinds"));

export const throughputSchema = z.union([
  described(rate(), `a single sustained rate: ${RATE_EXPECTED}`),
  z.strictObject({
    sustained: described(rate(), "the usual rate"),
    peak: z.optional(described(rate(), "the highest rate the system must absorb")),
  }),
]);

export const prioritiesSchema = z.strictObject(
  Object.fromEntries(REQUIREMENTS.map((r) => [r, optionalPriority])) as Record<(typeof REQUIREMENTS)[number], typeof optionalPriority>,
);

export const profileSchema = described(
  z.strictObject({
    version: described(z.literal(1, { error: "unsupported profile version; supported versions: 1" }), "the profile format version; only 1 exists"),
    name: z.optional(described(z.string().check(z.maxLength(200)), "shown in reports")),
    description: z.optional(described(z.string().check(z.maxLength(4000)), "shown in reports")),
    latency: described(duration(), `end-to-end p99 budget: ${DURATION_EXPECTED}`),
    throughput: described(throughputSchema, "events per unit of time, or {sustained, peak}"),
    processing: z.optional(uniqueList(PROCESSING_KINDS, "processing kinds")),
    unit: z.optional(described(z.enum(UNITS), "event: each message has identity; record: bulk data in sets or windows; either (default)")),
    deployment: z.optional(described(z.enum(DEPLOYMENTS), "library: embedded in your services; service: a cluster jobs are submitted to; either (default)")),
    sources: connectorList,
    sinks: connectorList,
    languages: z.optional(uniqueList(LANGUAGES, "languages")),
    eventTime: z.optional(described(z.boolean(), "needs event-time windows, watermarks and late-data handling")),
    exactlyOnce: z.optional(described(z.boolean(), "needs exactly-once results end to end")),
    state: z.optional(described(z.enum(STATE_SIZES), "none, small (fits in memory of a few processes), large (GB to TB of keyed state)")),
    batch: z.optional(described(z.boolean(), "the same code must also run bounded backfills")),
    cloud: z.optional(described(z.enum(CLOUDS), "a managed offering is wanted on that cloud; none: self-run; any (default)")),
    license: z.optional(described(z.enum(LICENSES), "any (default), or open-source: OSI-approved licences only")),
    portable: z.optional(described(z.boolean(), "the same pipeline code must be able to run on more than one engine or cloud")),
    serving: z.optional(described(z.enum(SERVING), "how applications read the results: none (default, from the sinks), lookup (current results by key from where they are computed), sql (ad-hoc SQL over the maintained results)")),
    consistency: z.optional(described(z.enum(CONSISTENCY), "eventual (default): readers may see half-applied results; consistent: never half-applied across keys, tables or inputs")),
    operations: z.optional(uniqueList(OPERATIONS, "stateful operations")),
    platforms: z.optional(
      described(
        z
          .array(z.string({ error: "expected a platform id such as kafka" }).check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "expected a kebab-case platform id: an engine id, kafka, kafka-connect or kubernetes" })), {
            error: "expected a list of platforms the organisation already runs, such as [kafka, kubernetes]",
          })
          .check(z.maxLength(40)),
        "what the organisation already runs in production: engine ids (spark, flink, ...), kafka, kafka-connect, kubernetes",
      ),
    ),
    priorities: z.optional(described(prioritiesSchema, "requirement name to must, high, normal (default) or low")),
  }),
  "A stream-advisor requirements profile, version 1",
);

export type ProfileInput = z.infer<typeof profileSchema>;
