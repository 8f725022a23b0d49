// Loading the catalogue from YAML: the shipped one (at build time, and in
// tests) and a user's (--catalog DIR). Files are validated strictly and
// checked for sense (ids match file names, floors below typical values,
// rule weights for known rules), with located errors.

import { compareText } from "../text.js";
import { basename, join } from "node:path";
import { engineFiles, listYaml } from "./files.js";
import { type Diagnostic, InputError } from "../diagnostics.js";
import { readSource } from "../io/read.js";
import { parseYaml } from "../io/yaml.js";
import { RULE_IDS } from "../rules/index.js";
import { closest } from "../suggest.js";
import { parseDuration } from "../units.js";
import { locator, validateYaml } from "../validate.js";
import { type Engine, engineSchema, type Fact, type RulesConfig, rulesConfigSchema } from "./schema.js";

export interface Catalog {
  /** when the rule settings were last reviewed (rules.yaml asOf) */
  asOf: string;
  config: RulesConfig;
  /** sorted by id */
  engines: Engine[];
  /** engine id to the file it came from, for engines added or changed by a user's catalogue */
  userFiles: Record<string, string>;
  /** the ids of the engines here that come from the shipped extended catalogue (rules/extended/); absent when none do */
  extended?: string[];
  /** the --engines (or config `engines:`) selection as given, when one was made; absent for the default set */
  selection?: string[];
}

export function loadEngineFile(path: string): Engine {
  const src = parseYaml(readSource(path));
  const v = src.value as Record<string, unknown> | null;
  if (v && typeof v === "object" && !("id" in v) && "latency" in v && "throughput" in v) {
    throw new InputError([{ file: src.file, line: 1, col: 1, message: "this looks like a profile, not an engine descriptor", expected: "an engine descriptor (docs/catalog-format.md); pass profiles as `advise PROFILE`, and only engine files with --catalog" }]);
  }
  const engine = validateYaml(engineSchema, src);
  const problems = engineProblems(engine, basename(path), src.file, locator(src, []));
  if (problems.length) throw new InputError(problems);
  return engine;
}

/**
 * What the schema cannot see in a valid descriptor: an id that does not match
 * its file name, a floor above the typical latency, connectors and facts
 * reached through another system without saying which. Also run on every
 * cached descriptor before it is used (cache.ts). `at` locates a path in the
 * YAML (no position for a cached descriptor).
 */
export function engineProblems(engine: Engine, fileName: string, file: string = fileName, at: (path: (string | number)[]) => { line?: number; col?: number } = () => ({})): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const stem = fileName.replace(/\.ya?ml$/, "");
  if (engine.id !== stem) problems.push({ file, ...at(["id"]), message: `id '${engine.id}' does not match the file name '${fileName}'`, expected: `id: ${stem}, or the file renamed to ${engine.id}.yaml` });
  const floor = parseDuration(engine.latency.floor)!.ms;
  const typical = parseDuration(engine.latency.typical)!.ms;
  if (floor > typical) problems.push({ file, ...at(["latency", "floor"]), message: `latency floor ${engine.latency.floor} is above the typical ${engine.latency.typical}`, expected: "a floor at most the typical latency" });
  const opIds = new Set(engine.operations.map((o) => o.id));
  for (const [kind, c] of Object.entries(engine.connectors)) {
    const external = [c.source, c.sink, c.batchSource, c.batchSink].includes("external");
    if (c.via !== undefined && !opIds.has(c.via)) problems.push({ file, ...at(["connectors", kind, "via"]), message: `'${c.via}' is not one of this engine's operations`, expected: opIds.size ? `one of ${[...opIds].join(", ")}` : "an entry in operations: with that id" });
    if (external && c.via === undefined) problems.push({ file, ...at(["connectors", kind]), message: `connectors.${kind} is reached through another system (route external) but does not say which`, expected: "via: the id of the operations entry the team would run (e.g. kafka-connect)" });
  }
  engine.operations.forEach((o, i) => {
    if (o.kind === "broker" && o.endpoint === undefined) problems.push({ file, ...at(["operations", i]), message: `operations.${o.id} is a broker but does not say which endpoint it is`, expected: "endpoint: the connector kind the engine cannot run without (e.g. kafka)" });
  });
  forEachFact(engine, (path, f) => {
    if (f.route === "external" && f.needs === undefined) problems.push({ file, ...at(path), message: `${path.join(".")} is reached through another system (route external) but does not say which`, expected: "needs: the system the team would run, in words (e.g. a Kafka Connect cluster)" });
  });
  return problems;
}

/** Every graded fact of a descriptor with its path (processing.sql, managed.aws, batch, ...). */
export function forEachFact(engine: Engine, f: (path: string[], fact: Fact) => void): void {
  for (const section of ["processing", "unit", "deployment", "languages", "state", "managed"] as const) {
    for (const [k, fact] of Object.entries(engine[section] as Record<string, Fact>)) f([section, k], fact);
  }
  for (const k of ["eventTime", "batch", "portability"] as const) f([k], engine[k]);
}

export { engineFiles } from "./files.js";

export function loadRulesConfig(path: string): RulesConfig {
  const src = parseYaml(readSource(path));
  const config = validateYaml(rulesConfigSchema, src);
  const at = locator(src, ["weights"]);
  const problems: Diagnostic[] = [];
  for (const id of Object.keys(config.weights)) {
    if (!RULE_IDS.includes(id)) {
      const suggestion = closest(id, RULE_IDS);
      problems.push({ file: src.file, ...at([], id), message: `unknown rule '${id}'`, ...(suggestion ? { suggestion } : {}), expected: `one of ${RULE_IDS.join(", ")}` });
    }
  }
  for (const id of RULE_IDS) {
    if (!(id in config.weights)) problems.push({ file: src.file, ...at([]), message: `no weight for rule '${id}'`, expected: `a line \`${id}: <weight>\`` });
  }
  if (problems.length) throw new InputError(problems);
  return config;
}

/** The shipped catalogue from its YAML source folder (rules/). */
export function loadCatalogDir(dir: string): Catalog {
  const diagnostics: Diagnostic[] = [];
  let config: RulesConfig | undefined;
  try {
    config = loadRulesConfig(join(dir, "rules.yaml"));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    diagnostics.push(...e.diagnostics);
  }
  const engines: Engine[] = [];
  for (const file of engineFiles(dir)) {
    try {
      engines.push(loadEngineFile(file));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      diagnostics.push(...e.diagnostics);
    }
  }
  if (diagnostics.length || !config) throw new InputError(diagnostics);
  engines.sort((a, b) => compareText(a.id, b.id));
  return { asOf: config.asOf, config, engines, userFiles: {} };
}

/**
 * Every engine file directly in a folder (the shipped extended catalogue,
 * rules/extended/), validated like the core ones; all problems together.
 */
export function loadEngineDir(dir: string): Engine[] {
  const files = listYaml(dir);
  if (files === undefined) throw new InputError([{ file: dir, message: "no such catalogue folder", expected: "a folder of engine YAML files" }]);
  const diagnostics: Diagnostic[] = [];
  const engines: Engine[] = [];
  for (const file of files) {
    try {
      engines.push(loadEngineFile(file));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      diagnostics.push(...e.diagnostics);
    }
  }
  if (diagnostics.length) throw new InputError(diagnostics);
  return engines.sort((a, b) => compareText(a.id, b.id));
}
