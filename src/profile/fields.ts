// The vocabulary of profile v1 (shared/spec/profile-v1.md). The zod schema,
// the rules and the JSON Schema are all built from these lists.

export const PROCESSING_KINDS = ["sql", "dataflow", "etl", "ml-training", "ml-scoring", "cep"] as const;
export const UNITS = ["event", "record", "either"] as const;
export const DEPLOYMENTS = ["library", "service", "either"] as const;
export const CONNECTOR_KINDS = ["kafka", "kinesis", "pulsar", "pubsub", "database", "cdc", "files", "object-store", "http", "search"] as const;
export const LANGUAGES = ["java", "scala", "kotlin", "python", "go", "sql"] as const;
export const STATE_SIZES = ["none", "small", "large"] as const;
export const CLOUDS = ["none", "aws", "gcp", "azure", "any"] as const;
export const LICENSES = ["any", "open-source"] as const;
export const PRIORITY_LEVELS = ["must", "high", "normal", "low"] as const;
/** how applications read the results: from the sinks (none), by key from where they are computed (lookup), or with ad-hoc SQL (sql) */
export const SERVING = ["none", "lookup", "sql"] as const;
/** what a reader may observe: half-applied results (eventual), or never (consistent) */
export const CONSISTENCY = ["eventual", "consistent"] as const;
/** stateful operations where engines, and their low-latency modes, differ */
export const OPERATIONS = ["join", "enrich", "aggregate", "window", "dedupe"] as const;
/**
 * What an organisation may already run (profile `platforms`): the shipped
 * engines' ids and the systems engines lean on. A user catalogue's engine ids
 * are accepted too (checked against the catalogue when the profile is scored).
 */
export const PLATFORM_SYSTEMS = ["kafka", "kafka-connect", "kubernetes"] as const;

/**
 * The platform ids the shipped catalogue knows (its engines, core and extended,
 * and the vendors of distributions it names): a `platforms` entry a small edit
 * away from one of these, and not one itself, is taken for a typo (a test keeps
 * this list equal to the catalogue). Any other id is accepted, for user catalogues.
 */
export const KNOWN_PLATFORMS = [
  ...PLATFORM_SYSTEMS,
  "akka-streams",
  "beam",
  "flink",
  "kafka-streams",
  "spark",
  "arroyo",
  "bytewax",
  "ksqldb",
  "materialize",
  "pekko-streams",
  "risingwave",
  "databricks",
] as const;

/** Requirement names that `priorities` may weigh: the profile fields that rules read. */
export const REQUIREMENTS = [
  "latency",
  "throughput",
  "processing",
  "unit",
  "deployment",
  "sources",
  "sinks",
  "languages",
  "eventTime",
  "exactlyOnce",
  "state",
  "batch",
  "cloud",
  "license",
  "portable",
  "serving",
  "consistency",
  "operations",
  /** not a profile field: the priority of the maintenance rule (whether the engine is still maintained and released) */
  "maintenance",
  /** not a profile field: the priority of the running-cost rule (what the team would run besides its own code) */
  "runningCost",
] as const;


export type ProcessingKind = (typeof PROCESSING_KINDS)[number];
export type UnitKind = (typeof UNITS)[number];
export type DeploymentKind = (typeof DEPLOYMENTS)[number];
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];
export type Language = (typeof LANGUAGES)[number];
export type StateSize = (typeof STATE_SIZES)[number];
export type Cloud = (typeof CLOUDS)[number];
export type LicenseNeed = (typeof LICENSES)[number];
export type Priority = (typeof PRIORITY_LEVELS)[number];
export type Serving = (typeof SERVING)[number];
export type Consistency = (typeof CONSISTENCY)[number];
export type OperationKind = (typeof OPERATIONS)[number];
export type Requirement = (typeof REQUIREMENTS)[number];
