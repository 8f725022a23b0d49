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
export type Requirement = (typeof REQUIREMENTS)[number];
