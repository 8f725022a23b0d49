// The tools and resources `advise mcp` serves, as plain functions: JSON
// arguments in, a structured result out, or an InputError / UsageError with
// the messages the CLI would print. The protocol is server.ts's business.
// Every tool calls the functions the CLI calls (readProfile's pipeline,
// adviseOn, runCheck, enginesJson, explainById), under the CLI's input
// limits, and reads nothing outside the folder the server was started in.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { adviseResult } from "../advise.js";
import type { Engine } from "../catalog/schema.js";
import type { Catalog } from "../catalog/load.js";
import { runCheck } from "../check/run.js";
import type { CheckReport } from "../check/types.js";
import { engineJson, enginesJson } from "../commands/engines.js";
import { ruleJson, rulesJson } from "../commands/explain.js";
import { resultJson, type ResultJson } from "../format/json.js";
import { profileJsonSchema, profileJsonSchemaText, SCHEMA_ID } from "../commands/schema.js";
import { type Diagnostic, formatDiagnostic, InputError, UsageError } from "../diagnostics.js";
import { type ProfileJson, profileJson, type Result } from "../engine/result.js";
import { readSourceAs, sourceFromText } from "../io/read.js";
import { insideRoot } from "../io/within.js";
import { parseYaml } from "../io/yaml.js";
import { LIMITS } from "../limits.js";
import { loadProfile, type Profile } from "../profile/load.js";
import { RULE_IDS } from "../rules/index.js";
import { closest, unknownName } from "../suggest.js";
import { CHECK_SCHEMA_JSON, ENGINES_SCHEMA_JSON, EXPLAIN_SCHEMA_JSON, type JsonSchema, RESULT_SCHEMA_JSON, VALIDATION_SCHEMA_JSON } from "./schemas.js";

export interface ToolContext {
  /** the folder the server was started in, as a real path: no tool reads outside it */
  root: string;
  /** the catalogue every tool uses (the shipped one, plus --catalog or the config file's) */
  catalog: Catalog;
  /** the folder the package is installed in, for the shipped example profiles */
  packageRoot: string;
  /** the shipped extended catalogue: what `engines: "extended"` adds, and resources too (default: loaded when asked for) */
  extended?: Engine[];
}

export interface Tool {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  annotations: { title: string; readOnlyHint: true; destructiveHint: false; idempotentHint: true; openWorldHint: false };
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<object>;
}

/** The name located messages use for a profile given as text or as an object, unless `file` names it. */
export const TEXT_PROFILE_NAME = "<profile>";

// ---------------------------------------------------------------------------
// Arguments

type Kind = "string" | "strings" | "any";

/** Checks the arguments against what the tool takes; returns them typed loosely. A mistake is a UsageError naming the tool. */
function args(tool: string, raw: Record<string, unknown>, takes: Record<string, Kind>): Record<string, unknown> {
  const known = Object.keys(takes);
  for (const key of Object.keys(raw)) {
    if (!(key in takes)) {
      const guess = closest(key, known) ?? closest(key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), known);
      throw new UsageError(`${tool}: unknown argument '${key}'${guess ? ` (did you mean '${guess}'?)` : ""}; expected ${known.length ? `one of ${known.join(", ")}` : "no arguments"}`);
    }
    const v = raw[key];
    if (v === undefined) continue;
    if (takes[key] === "string" && (typeof v !== "string" || v === "")) throw new UsageError(`${tool}: '${key}' must be non-empty text, not ${what(v)}`);
    if (takes[key] === "strings" && (!Array.isArray(v) || v.some((x) => typeof x !== "string" || x === ""))) throw new UsageError(`${tool}: '${key}' must be a list of non-empty texts, not ${what(v)}`);
  }
  return raw;
}

function what(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") return v === "" ? "empty text" : "text";
  return typeof v === "object" ? "a mapping" : `a ${typeof v}`;
}

// ---------------------------------------------------------------------------
// Profiles from text, objects and files

interface ProfileSource {
  src: ReturnType<typeof parseYaml>;
  /** for a profile given as an object: the YAML it was read as */
  yaml?: string;
}

/** Nesting depth of a JSON value past `max`, found without recursion (a hostile value may be nested far deeper than the stack). */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > max) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === "object") stack.push([x, depth + 1]);
  }
  return false;
}

/** Keys and list items in plain data, counted without recursion. */
function entriesIn(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    const items = Array.isArray(v) ? v : Object.values(v);
    count += items.length;
    if (count > LIMITS.maxYamlEntries) return count;
    for (const x of items) if (x !== null && typeof x === "object") stack.push(x);
  }
  return count;
}

/**
 * The profile to read: `path` (a file inside the working folder, read like
 * `advise PATH`), `profile` as YAML text (read like `advise -`), or `profile`
 * as an object, which is written out as YAML and read the same way, so every
 * rule and every message is the one a file would get.
 */
function profileSource(tool: string, a: Record<string, unknown>, ctx: ToolContext): ProfileSource {
  const given = ["profile", "path"].filter((k) => a[k] !== undefined);
  if (given.length === 0) throw new UsageError(`${tool}: give the profile as 'profile' (YAML text or an object) or as 'path' (a profile file in the working folder)`);
  if (given.length === 2) throw new UsageError(`${tool}: give either 'profile' or 'path', not both`);
  if (a.path !== undefined) {
    if (a.file !== undefined) throw new UsageError(`${tool}: 'file' names a profile given as 'profile'; a file given as 'path' is named by its path`);
    const path = a.path as string;
    return { src: parseYaml(readSourceAs(insideRoot(ctx.root, path), path)) };
  }
  const file = (a.file as string | undefined) ?? TEXT_PROFILE_NAME;
  const v = a.profile;
  if (typeof v === "string") return { src: parseYaml(sourceFromText(file, v)) };
  if (deeperThan(v, LIMITS.maxDepth)) throw new InputError([{ file, message: `nesting is deeper than ${LIMITS.maxDepth} levels`, expected: "a shallow mapping" }]);
  if (entriesIn(v) > LIMITS.maxYamlEntries) throw new InputError([{ file, message: `holds more than ${LIMITS.maxYamlEntries} keys and list items`, expected: "a profile of ordinary size" }]);
  if (JSON.stringify(v).length > LIMITS.maxFileBytes) throw new InputError([{ file, message: `the profile is too large (more than ${LIMITS.maxFileBytes} bytes as JSON)`, expected: `at most ${LIMITS.maxFileBytes} bytes (${Math.round(LIMITS.maxFileBytes / 1024)} KiB)` }]);
  const yaml = stringify(v, { version: "1.2", aliasDuplicateObjects: false, lineWidth: 0 });
  return { src: parseYaml(sourceFromText(file, yaml)), yaml };
}

/**
 * The engines to rank, selected as `advise --engines` selects them: `core`,
 * `extended`, or engine ids of either (as one comma-separated text or a list).
 */
async function catalogOf(ctx: ToolContext, spec: unknown): Promise<Catalog> {
  if (spec === undefined) return ctx.catalog;
  const tokens = typeof spec === "string" ? spec.split(",").map((t) => t.trim()) : Array.isArray(spec) ? spec : undefined;
  if (!tokens || tokens.some((t) => typeof t !== "string" || t === "")) throw new UsageError(`advise: 'engines' must be core, extended, or engine ids (comma-separated text or a list), not ${what(spec)}`);
  const dup = tokens.find((n, i) => tokens.indexOf(n) !== i);
  if (dup) throw new UsageError(`advise: engines: '${dup}' is listed twice; expected each engine once`);
  const { selectEngines } = await import("../catalog/select.js");
  const extended = ctx.extended ?? (await (await import("../catalog/shipped.js")).extendedEngines());
  return selectEngines(ctx.catalog, tokens as string[], { flag: "advise: engines" }, extended);
}

// ---------------------------------------------------------------------------
// The tools

const ANNOTATIONS = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

export interface Validation {
  ok: boolean;
  file: string;
  problems: { line?: number; column?: number; message: string; expected?: string; suggestion?: string; text: string }[];
  profile?: ProfileJson;
  yaml?: string;
}

function problem(d: Diagnostic): Validation["problems"][number] {
  return {
    ...(d.line !== undefined ? { line: d.line, column: d.col ?? 1 } : {}),
    message: d.message,
    ...(d.expected !== undefined ? { expected: d.expected } : {}),
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
    text: formatDiagnostic(d),
  };
}

export async function adviseTool(raw: Record<string, unknown>, ctx: ToolContext): Promise<ResultJson> {
  const a = args("advise", raw, { profile: "any", path: "string", file: "string", engines: "any", why_not: "string" });
  const catalog = await catalogOf(ctx, a.engines);
  const profile: Profile = loadProfile(profileSource("advise", a, ctx).src);
  const name = (a.path as string | undefined) ?? (a.file as string | undefined) ?? TEXT_PROFILE_NAME;
  // the same document as `advise PROFILE --format json`, tool block, whyNot and beyond included: the CLI's own code path
  const result = await adviseResult(profile, catalog, {
    ...(a.why_not !== undefined ? { whyNot: a.why_not as string, whyNotName: "advise: why_not" } : {}),
    enginesName: (spec) => `engines: "${spec}"`,
    // a profile given as text is the CLI's standard input: `advise - --engines extended`
    wideCommand: `advise ${a.path === undefined ? "-" : /^[\w@%+=:,./-]+$/.test(name) ? name : `'${name.replace(/'/g, "'\\''")}'`} --engines extended`,
  });
  return resultJson(result);
}

export async function validateProfileTool(raw: Record<string, unknown>, ctx: ToolContext): Promise<Validation> {
  const a = args("validate_profile", raw, { profile: "any", path: "string", file: "string" });
  const file = (a.path as string | undefined) ?? (a.file as string | undefined) ?? TEXT_PROFILE_NAME;
  let source: ProfileSource | undefined;
  try {
    source = profileSource("validate_profile", a, ctx);
    const profile = loadProfile(source.src);
    return { ok: true, file, problems: [], profile: profileJson(profile), ...(source.yaml !== undefined ? { yaml: source.yaml } : {}) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ok: false, file, problems: e.diagnostics.map(problem), ...(source?.yaml !== undefined ? { yaml: source.yaml } : {}) };
  }
}

export async function checkAdrsTool(raw: Record<string, unknown>, ctx: ToolContext): Promise<CheckReport> {
  const a = args("check_adrs", raw, { paths: "strings" });
  const paths = (a.paths as string[] | undefined) ?? [];
  for (const p of paths) insideRoot(ctx.root, p);
  return runCheck(paths, { catalog: ctx.catalog, cwd: ctx.root, root: ctx.root, confine: true });
}

export async function enginesTool(raw: Record<string, unknown>, ctx: ToolContext): Promise<object> {
  const a = args("engines", raw, { id: "string" });
  // both sets, marked, as `advise engines` lists them: the default engines and the extended catalogue
  const { widened } = await import("../catalog/shipped.js");
  const catalog = await widened(ctx.catalog);
  return a.id === undefined ? enginesJson(catalog) : engineJson(catalog, a.id as string);
}

export async function explainTool(raw: Record<string, unknown>, ctx: ToolContext): Promise<object> {
  const a = args("explain", raw, { rule: "string" });
  // as `advise explain`: a rule whose example needs the extended engines ranks it with them
  const { widened } = await import("../catalog/shipped.js");
  const wide = await widened(ctx.catalog);
  return a.rule === undefined ? rulesJson(ctx.catalog, wide) : ruleJson(a.rule as string, ctx.catalog, wide);
}

/** The profile's JSON Schema as one branch of an argument's schema (no $schema or $id inside a schema). */
function profileObjectSchema(): JsonSchema {
  const { $schema: _s, $id: _i, title: _t, ...rest } = profileJsonSchema();
  return { ...rest, description: "the profile as an object: the same fields as the YAML (resource stream-advisor://schema/profile-v1.json)" };
}

const profileArgs = (tool: string): Record<string, JsonSchema> => ({
  profile: {
    description: `the profile: YAML text (as in a profile file), or an object with the same fields. Give this or 'path'.${tool === "advise" ? " Validate a draft with validate_profile first." : ""}`,
    anyOf: [{ type: "string", description: "YAML text of a profile" }, profileObjectSchema()],
  },
  path: { type: "string", description: "instead of 'profile': the path of a profile file inside the folder the server was started in, e.g. profiles/card-authorization.yaml" },
  file: { type: "string", description: `the name located messages and the result give a 'profile' (default ${TEXT_PROFILE_NAME}), e.g. the file the user will save it as` },
});

/** The tools, with schemas that name the ids of this catalogue and these rules. */
export function tools(ctx: ToolContext): Tool[] {
  const ids = ctx.catalog.engines.map((e) => e.id);
  const extendedIds = (ctx.extended ?? []).map((e) => e.id).filter((id) => !ids.includes(id));
  const allIds = [...ids, ...extendedIds];
  const names = ctx.catalog.engines.map((e) => `${e.name} (${e.id})`).join(", ");
  const tool = (name: string, title: string, description: string, inputProps: Record<string, JsonSchema>, outputSchema: JsonSchema, run: Tool["run"]): Tool => ({
    name,
    title,
    description,
    inputSchema: { type: "object", properties: inputProps, additionalProperties: false },
    outputSchema,
    annotations: { title, ...ANNOTATIONS },
    run,
  });
  return [
    tool(
      "advise",
      "Rank streaming engines for a workload",
      `Score the engines of the sourced catalogue (as of ${ctx.catalog.asOf}: ${names}) against a workload profile and recommend one. Returns stream-advisor/result@1, the same JSON as \`advise PROFILE --format json\`: the recommendation and its summary, every engine's score with one reason per rule (each quoting the profile and linking the documentation, with version, that the fact comes from), the single profile changes that would change the answer, and \`beyond\` when an engine outside the five would fit better. Answer engine questions from this result rather than from memory. A profile that is not valid is an error listing every problem at file:line:col.`,
      {
        ...profileArgs("advise"),
        engines: {
          description: `which engines to rank, as \`advise --engines\`: core (the default: ${ids.join(", ")}), extended (those and the extended catalogue${extendedIds.length ? `: ${extendedIds.join(", ")}` : ""}), or engine ids of either; comma-separated text or a list`,
          anyOf: [
            { type: "string", minLength: 1, examples: ["core", "extended", "flink,risingwave"] },
            { type: "array", items: { type: "string", enum: ["core", "extended", ...allIds] }, minItems: 1, uniqueItems: true },
          ],
        },
        why_not: { type: "string", enum: allIds, description: "an engine id: also say where it loses points and which single changes would make it the answer (result.whyNot); an extended engine needs engines that rank it" },
      },
      RESULT_SCHEMA_JSON,
      adviseTool,
    ),
    tool(
      "validate_profile",
      "Check a workload profile",
      "Validate a profile without scoring it: every problem at once, each with line, column, what is wrong, what was expected and a did-you-mean for near misses (the same checks and messages as `advise PROFILE`), or ok with the profile as read (defaults filled in). Use it while drafting a profile with the user; the profile's JSON Schema is the resource stream-advisor://schema/profile-v1.json and example profiles are resources too.",
      profileArgs("validate_profile"),
      VALIDATION_SCHEMA_JSON,
      validateProfileTool,
    ),
    tool(
      "check_adrs",
      "Check architecture decision records",
      "Check that the engine each architecture decision record (ADR) chose still fits its profile with today's catalogue, like `advise check --format json` (stream-advisor/check@1). Paths are ADR Markdown files or folders inside the folder the server was started in; with none, the folder named in .adr-dir, doc/adr, docs/adr and docs/decisions. A broken ADR is reported in the result with its file:line:col; a path outside the folder is an error.",
      { paths: { type: "array", items: { type: "string" }, description: "ADR files or folders, relative to the folder the server was started in (default: the usual ADR folders)" } },
      CHECK_SCHEMA_JSON,
      checkAdrsTool,
    ),
    tool(
      "engines",
      "Catalogue facts with sources",
      `The engine catalogue (as of ${ctx.catalog.asOf}). Without an id: each engine's id, name, the release its descriptor describes, when it was checked, licence and whether it runs as a library or a service. With an id: every fact of that descriptor (latency floor and typical, processing kinds, connectors, languages, exactly-once, state, managed offerings, operations, licence, corrections to older claims), each with its route, a note and sources with the version or date they hold for. The same JSON as \`advise engines [ID] --format json\`.`,
      { id: { type: "string", enum: ids, description: "an engine id, for every fact of its descriptor" } },
      ENGINES_SCHEMA_JSON,
      enginesTool,
    ),
    tool(
      "explain",
      "What a scoring rule does",
      "What a rule checks, the profile field and catalogue facts it reads, its weight, how it scores, its messages, and an example profile where it decides the outcome (with the answer with and without it). Without a rule: every rule, as `rules`. The same JSON as `advise explain [RULE] --format json`.",
      { rule: { type: "string", enum: [...RULE_IDS], description: "a rule id, e.g. latency-budget (the rule ids appear in every reason of an advise result)" } },
      EXPLAIN_SCHEMA_JSON,
      explainTool,
    ),
  ];
}

// ---------------------------------------------------------------------------
// Resources

export interface ResourceEntry {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: string;
  read(): string;
}

export const PROFILE_SCHEMA_URI = "stream-advisor://schema/profile-v1.json";

/** The profile's JSON Schema and the shipped example profiles (profiles/*.yaml). */
export function resources(ctx: ToolContext): ResourceEntry[] {
  const dir = join(ctx.packageRoot, "profiles");
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    // an install without the examples still serves the schema
  }
  return [
    {
      uri: PROFILE_SCHEMA_URI,
      name: "profile-schema",
      title: "Profile JSON Schema",
      description: `The JSON Schema of a workload profile, version 1 (${SCHEMA_ID}), the same as \`advise schema\`: every field, its values and what it means.`,
      mimeType: "application/schema+json",
      read: profileJsonSchemaText,
    },
    ...files.map((f) => {
      const text = (): string => readFileSync(join(dir, f), "utf8");
      const name = /^name:\s*(.+)$/m.exec(text())?.[1]?.trim();
      return {
        uri: `stream-advisor://profiles/${f}`,
        name: `profiles/${f}`,
        title: name ? `Example profile: ${name}` : `Example profile ${f}`,
        description: `A shipped example profile (profiles/${f}), a starting point for a new one.`,
        mimeType: "application/yaml",
        read: text,
      };
    }),
  ];
}

/** For tests and the server: the located text of an InputError, one problem a line, as the CLI prints it on stderr. */
export function errorLines(e: InputError): string {
  return e.diagnostics.map(formatDiagnostic).join("\n");
}
