// The zod schema of the engine catalogue (rules/engines/*.yaml) and of the
// rule settings (rules/rules.yaml). Catalogue files are data, validated with
// the same discipline as profiles: strict keys, located errors.

import * as z from "zod/mini";
import { CONNECTOR_KINDS, LANGUAGES, OPERATIONS, PRIORITY_LEVELS, PROCESSING_KINDS } from "../profile/fields.js";
import { DURATION_EXPECTED, DURATION_PATTERN, RATE_EXPECTED, RATE_PATTERN } from "../units.js";

import { isReady, ROUTES, type Route } from "./routes.js";

export { isReady, ROUTES, type Route };

const route = z.enum(ROUTES);
const text = z.string().check(z.minLength(1), z.maxLength(600));
const duration = z.string().check(z.regex(new RegExp(DURATION_PATTERN), { error: `expected ${DURATION_EXPECTED}` }));
const rate = z.string().check(z.regex(new RegExp(RATE_PATTERN), { error: `expected ${RATE_EXPECTED}` }));
const date = z.string().check(z.regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: "expected a date such as 2026-11 or 2026-11-25" }));
const versionText = (max: number) => z.pipe(z.union([z.string().check(z.minLength(1), z.maxLength(max)), z.number()]), z.transform(String));

export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https$/, error: "expected an https URL" }),
  version: versionText(120),
  /** why a source of the engine's own cites a newer version than the descriptor describes (see ownSources) */
  note: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
});
const sources = z.array(sourceSchema).check(z.minLength(1, { error: "expected at least one source: every fact needs one" }));

/** when a fact was last checked against its sources, where that is later than the descriptor's asOf */
const checked = z.optional(date);

const kebab = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "expected a kebab-case id such as kafka-connect" }));
const connectorKinds = z.array(z.enum(CONNECTOR_KINDS)).check(z.minLength(1));

/**
 * When a fact holds (docs/catalog-format.md#conditions). Every key listed
 * must hold for the profile: `sources`, `sinks`: every source (sink) the
 * profile names is one of these; `operations`: every stateful operation the
 * profile names is one of these; `exactlyOnce: false`: the profile does not
 * need exactly-once; `distribution`: the capability exists only in this
 * vendor's proprietary distribution, so it never holds under
 * `license: open-source` and the reason names the vendor.
 */
export const conditionSchema = z.strictObject({
  sources: z.optional(connectorKinds),
  sinks: z.optional(connectorKinds),
  operations: z.optional(z.array(z.enum(OPERATIONS))),
  exactlyOnce: z.optional(z.literal(false)),
  distribution: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
});

/** A value of a fact that holds only under `when`; the fact's own value is what holds otherwise. */
const variantSchema = z.strictObject({
  /** what the variant is called in reasons ("Real-time Mode") */
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  when: conditionSchema,
  route,
  needs: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
  checked,
  note: text,
  sources,
});
const variants = z.optional(z.array(variantSchema).check(z.minLength(1), z.maxLength(8)));

export const factSchema = z.strictObject({
  route,
  checked,
  /** for route external: the other system the team must run, in words ("a Kafka Connect cluster") */
  needs: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
  note: text,
  sources,
  /** values that hold only under conditions (a vendor's distribution, some sinks or operations) */
  variants,
});

const factMap = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, factSchema])) as Record<K[number], typeof factSchema>);

const connectorSchema = z.strictObject({
  source: route,
  sink: route,
  /** the route for scheduled batch jobs, where it differs from streaming (e.g. a JDBC source that only reads bounded tables) */
  batchSource: z.optional(route),
  batchSink: z.optional(route),
  /** the id of the engine's `operations` entry this connector runs through (e.g. kafka-connect): counted by running-cost when a profile uses it */
  via: z.optional(z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/))),
  /** open table formats (Iceberg, Delta Lake, Hudi) over this store: how the engine reads and writes them */
  tables: z.optional(z.strictObject({ route, checked, note: text, sources })),
  checked,
  note: text,
  sources,
  /** routes that hold only under conditions (a connector only in a vendor's distribution) */
  variants: z.optional(
    z
      .array(
        z.strictObject({
          name: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
          when: conditionSchema,
          source: z.optional(route),
          sink: z.optional(route),
          checked,
          note: text,
          sources,
        }),
      )
      .check(z.minLength(1), z.maxLength(8)),
  ),
});

export const OPERATION_KINDS = ["cluster", "runner", "connect", "broker", "licence"] as const;

/**
 * Something a team runs or takes on to use the engine, besides its own code
 * and the systems its profile names. `burden` is in rough team-effort units
 * (1: a licence key to renew; 2: a cluster to operate). Kinds:
 * cluster and runner are taken away by a production-ready managed offering on
 * the profile's cloud, and a cluster also by `deployment: service` (the team
 * asked for one); connect counts only when a connector the profile uses names
 * it in `via`; broker (a system the engine cannot run without, such as Kafka
 * for Kafka Streams) counts when the profile names sources or sinks and none
 * of them is that `endpoint`; licence always counts.
 */
const operationSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "expected a kebab-case id such as kafka-connect" })),
  kind: z.enum(OPERATION_KINDS),
  /** what the team runs, as a noun phrase: "a Kafka Connect cluster" */
  what: z.string().check(z.minLength(1), z.maxLength(120)),
  burden: z.number().check(z.gte(0.5), z.lte(3)),
  /** for kind broker: the connector kind the engine needs (e.g. kafka); the broker counts unless the profile already names it */
  endpoint: z.optional(z.enum(CONNECTOR_KINDS)),
  /** profile `platforms` values that mean the team already runs this (an engine id, kafka, kafka-connect, kubernetes): then it costs nothing new */
  platforms: z.optional(z.array(kebab).check(z.minLength(1), z.maxLength(10))),
  checked,
  note: text,
  sources,
});

/**
 * One place where an engine's releases are published, for `npm run catalog:releases`: Maven Central
 * coordinates, a PyPI project, or a GitHub repository's releases (with the tag's shape where it is
 * not `v1.2.3` or `1.2.3`, as `v{version}-ksqldb`). Exactly one of maven, pypi, github; why a
 * location is listed (or which one to trust) goes in a YAML comment: it is not a fact.
 */
export const releaseSchema = z
  .strictObject({
    maven: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/, { error: "expected Maven coordinates groupId:artifactId such as org.apache.flink:flink-streaming-java" }))),
    pypi: z.optional(z.string().check(z.regex(/^[A-Za-z0-9]([A-Za-z0-9._-]{0,98}[A-Za-z0-9])?$/, { error: "expected a PyPI project name such as bytewax" }))),
    github: z.optional(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/, { error: "expected a GitHub repository owner/name such as risingwavelabs/risingwave" }))),
    /** only releases of this line count (`0` for 0.x, `1.7` for 1.7.x): for a descriptor of an older line, or a repository whose other tags are not the engine's releases */
    line: z.optional(z.string().check(z.regex(/^\d+(\.\d+)?$/, { error: "expected a release line such as 1 or 1.7" }))),
    /** for github: the release tag's shape, `{version}` standing for the version (default: v{version} or {version}) */
    tag: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._-]*\{version\}[A-Za-z0-9._-]*$/, { error: "expected a tag shape with {version} in it, such as v{version}-ksqldb" }))),
  })
  .check(
    z.refine((r) => [r.maven, r.pypi, r.github].filter((x) => x !== undefined).length === 1, { error: "expected exactly one of maven (groupId:artifactId), pypi (a project) or github (owner/name)" }),
    z.refine((r) => r.tag === undefined || r.github !== undefined, { error: "expected `tag` only beside `github`" }),
  );

const managedFact = z.extend(factSchema, { offering: z.optional(z.string().check(z.maxLength(200))) });

export const engineSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "expected a kebab-case id such as kafka-streams" })),
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  version: versionText(60),
  released: date,
  asOf: date,
  homepage: z.url({ protocol: /^https?$/ }),
  /**
   * URL prefixes of the engine's own docs, release notes and repository. A source under one of
   * them cites the engine's own version, which may not be newer than `version` unless the
   * source's note says why (a test holds every descriptor to this). Default: the homepage.
   */
  ownSources: z.optional(z.array(z.url({ protocol: /^https$/ })).check(z.maxLength(10))),
  /**
   * Where the engine's releases are published (Maven Central, PyPI, GitHub releases): what
   * `npm run catalog:releases` asks for the newest release. Optional in a user catalogue; every
   * shipped descriptor has it (tested).
   */
  releases: z.optional(z.array(releaseSchema).check(z.minLength(1, { error: "expected at least one place where releases are published" }), z.maxLength(5))),
  summary: text,
  latency: z.strictObject({
    floor: duration,
    typical: duration,
    exactlyOnceFloor: z.optional(duration),
    checked,
    note: text,
    sources,
    /** lower latencies that hold only under conditions (a low-latency mode that reads some sources, runs some operations) */
    variants: z.optional(
      z
        .array(
          z.strictObject({
            name: z.string().check(z.minLength(1), z.maxLength(80)),
            when: conditionSchema,
            floor: duration,
            typical: duration,
            exactlyOnceFloor: z.optional(duration),
            checked,
            note: text,
            sources,
          }),
        )
        .check(z.minLength(1), z.maxLength(8)),
    ),
  }),
  throughput: z.strictObject({
    scaling: z.enum(["cluster", "partitions", "instances"]),
    checked,
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
    route,
    sinks: z.optional(z.strictObject(Object.fromEntries(CONNECTOR_KINDS.map((k) => [k, z.optional(route)])) as Record<(typeof CONNECTOR_KINDS)[number], z.ZodMiniOptional<typeof route>>)),
    checked,
    note: text,
    sources,
    variants,
  }),
  /**
   * How applications read current results from the engine itself: `lookup` by key,
   * `sql` ad hoc over the maintained results. Absent: neither (results are read from sinks).
   */
  serving: z.optional(z.strictObject({ lookup: factSchema, sql: factSchema })),
  /** whether readers (of the engine's own serving, else of its sinks) never see half-applied results. Absent: eventual (route none) */
  consistency: z.optional(factSchema),
  /** the stateful operations (profile `operations`) in the engine's general API. Absent: not described (the operations rule does not judge it) */
  operators: z.optional(factMap(OPERATIONS)),
  state: factMap(["small", "large"] as const),
  batch: factSchema,
  /** running the same pipeline code on more than one engine or cloud */
  portability: factSchema,
  /** what a team runs and takes on besides its own code (running-cost reads it); empty for a library with nothing else to run */
  operations: z.array(operationSchema),
  managed: z.strictObject({ self: factSchema, aws: managedFact, gcp: managedFact, azure: managedFact }),
  license: z.strictObject({ spdx: z.string().check(z.minLength(1), z.maxLength(80)), osi: z.boolean(), checked, note: text, sources }),
  maintenance: z.strictObject({
    status: z.enum(["active", "maintenance", "dormant"]),
    /** the newest release of any line, which may be newer than the line `version` describes; absent: `version` of `released` */
    lastRelease: z.optional(z.strictObject({ version: versionText(60), date })),
    checked,
    note: text,
    sources,
  }),
  seedCorrections: z._default(z.array(z.strictObject({ claim: text, current: text, sources })), []),
});

export type Engine = z.output<typeof engineSchema>;
export type Fact = z.output<typeof factSchema>;
export type Operation = z.output<typeof operationSchema>;
export type Source = z.output<typeof sourceSchema>;
export type ReleaseLocation = z.output<typeof releaseSchema>;

const weight = z.number().check(z.gte(0), z.lte(10));
const unitInterval = z.number().check(z.gte(0), z.lte(1));

export const rulesConfigSchema = z.strictObject({
  asOf: date,
  /** how much each route of a catalogue fact is worth (0..1) */
  routes: z.strictObject(Object.fromEntries(ROUTES.map((r) => [r, unitInterval])) as Record<Route, typeof unitInterval>),
  runningCost: z.strictObject({
    /** the total burden at which the running-cost fit falls to one half: fit = halfAt / (halfAt + burden) */
    halfAt: z.number().check(z.gt(0), z.lte(20)),
  }),
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
  /** when to look beyond the default engines (docs/result.md#beyond) */
  beyond: z.optional(
    z.strictObject({
      /** a top pick scoring under this is a weak fit: the report names extended engines that rank ahead of it */
      weakFitBelow: z.number().check(z.gte(0), z.lte(100)),
    }),
  ),
});

export type RulesConfig = z.output<typeof rulesConfigSchema>;
