// The zod schema of profile v1: the one implementation of the profile contract.
// It checks shape and spelling; units are parsed in ./normalize.ts.

import { z } from "zod";
import { DURATION_EXPECTED, DURATION_PATTERN, RATE_EXPECTED, RATE_PATTERN } from "../units.js";
import {
  CLOUDS,
  CONNECTOR_KINDS,
  DEPLOYMENTS,
  LANGUAGES,
  LICENSES,
  PRIORITY_LEVELS,
  PROCESSING_KINDS,
  REQUIREMENTS,
  STATE_SIZES,
  UNITS,
} from "./fields.js";

const duration = z.string({ error: `expected ${DURATION_EXPECTED}` }).regex(new RegExp(DURATION_PATTERN), { error: `expected ${DURATION_EXPECTED}` });
const rate = z.string({ error: `expected ${RATE_EXPECTED}` }).regex(new RegExp(RATE_PATTERN), { error: `expected ${RATE_EXPECTED}` });

const uniqueList = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .array(z.enum(values), { error: `expected a list of ${what}, such as [${values.slice(0, 2).join(", ")}]` })
    .max(values.length * 2)
    .describe(`any of: ${values.join(", ")}`);

const priority = z.enum(PRIORITY_LEVELS).describe("must: an engine that cannot meet it is disqualified; high/normal/low weigh the score");

export const throughputSchema = z.union([
  rate.describe(`a single sustained rate: ${RATE_EXPECTED}`),
  z.strictObject({
    sustained: rate.describe("the usual rate"),
    peak: rate.optional().describe("the highest rate the system must absorb"),
  }),
]);

export const prioritiesSchema = z.strictObject(
  Object.fromEntries(REQUIREMENTS.map((r) => [r, priority.optional()])) as Record<(typeof REQUIREMENTS)[number], z.ZodOptional<typeof priority>>,
);

export const profileSchema = z
  .strictObject({
    version: z.literal(1, { error: "unsupported profile version; supported versions: 1" }).describe("the profile format version; only 1 exists"),
    name: z.string().max(200).optional().describe("shown in reports"),
    description: z.string().max(4000).optional().describe("shown in reports"),
    latency: duration.describe(`end-to-end p99 budget: ${DURATION_EXPECTED}`),
    throughput: throughputSchema.describe("events per unit of time, or {sustained, peak}"),
    processing: uniqueList(PROCESSING_KINDS, "processing kinds").optional(),
    unit: z.enum(UNITS).optional().describe("event: each message has identity; record: bulk data in sets or windows; either (default)"),
    deployment: z.enum(DEPLOYMENTS).optional().describe("library: embedded in your services; service: a cluster jobs are submitted to; either (default)"),
    sources: uniqueList(CONNECTOR_KINDS, "connector kinds").optional(),
    sinks: uniqueList(CONNECTOR_KINDS, "connector kinds").optional(),
    languages: uniqueList(LANGUAGES, "languages").optional(),
    eventTime: z.boolean().optional().describe("needs event-time windows, watermarks and late-data handling"),
    exactlyOnce: z.boolean().optional().describe("needs exactly-once results end to end"),
    state: z.enum(STATE_SIZES).optional().describe("none, small (fits in memory of a few processes), large (GB to TB of keyed state)"),
    batch: z.boolean().optional().describe("the same code must also run bounded backfills"),
    cloud: z.enum(CLOUDS).optional().describe("a managed offering is wanted on that cloud; none: self-run; any (default)"),
    license: z.enum(LICENSES).optional().describe("any (default), or open-source: OSI-approved licences only"),
    priorities: prioritiesSchema.optional().describe("requirement name to must, high, normal (default) or low"),
  })
  .describe("A stream-advisor requirements profile, version 1");

export type ProfileInput = z.infer<typeof profileSchema>;
