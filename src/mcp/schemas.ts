// JSON Schemas of what the MCP tools return (their `outputSchema`). They
// describe the documented formats (docs/result.md, docs/check.md) without
// closing them: a field added to result@1 must not make clients reject it.
// test/mcp.test.ts checks every shipped profile's CLI JSON against them.

export type JsonSchema = Record<string, unknown>;

const str = { type: "string" } as const;
const strs = { type: "array", items: str } as const;
const num = { type: "number" } as const;
const bool = { type: "boolean" } as const;
const evidence = { type: "array", items: { type: "object", required: ["url", "version"], properties: { url: str, version: str } } } as const;
const change = {
  type: "object",
  required: ["path", "to", "winner", "summary"],
  properties: { path: strs, from: {}, to: {}, winner: str, summary: str },
} as const;

/** stream-advisor/result@1 (docs/result.md), the result of `advise PROFILE --format json`. */
export const RESULT_SCHEMA_JSON: JsonSchema = {
  type: "object",
  description: "stream-advisor/result@1 (docs/result.md): the same JSON as `advise PROFILE --format json`",
  required: ["schema", "profile", "catalog", "recommendation", "ranking", "sensitivity"],
  properties: {
    schema: { const: "stream-advisor/result@1" },
    profile: { type: "object", description: "the profile as read: every field with its default filled in, durations and rates with their numbers", required: ["file", "latency", "throughput", "priorities"] },
    catalog: { type: "object", required: ["asOf", "engines"], properties: { asOf: str, engines: strs, userFiles: { type: "object", additionalProperties: str } } },
    recommendation: {
      type: "object",
      required: ["kind", "engine", "summary", "margin", "close"],
      properties: {
        kind: { enum: ["engine", "periodic-batch", "custom", "none"], description: "engine: run it as a stream; periodic-batch: scheduled batch jobs in it; custom: write custom code, the budget is below every engine's floor or is alone what rules out the in-process libraries; none: every engine breaks a must for another reason" },
        engine: { type: ["string", "null"] },
        summary: { ...str, description: "the answer in a sentence or two, with what separates the pick from the runner-up" },
        margin: { type: ["number", "null"], description: "points between the first and the second qualified engine" },
        close: { ...bool, description: "the lead is too small to call" },
        tiedWith: strs,
        decisive: { type: "array", items: { type: "object", required: ["rule", "impact", "runnerUpImpact", "message", "runnerUpMessage"] } },
      },
    },
    ranking: {
      type: "array",
      items: {
        type: "object",
        required: ["engine", "name", "version", "rank", "score", "disqualified", "disqualifiedBy", "reasons"],
        properties: {
          engine: str,
          name: str,
          version: str,
          rank: num,
          score: { ...num, description: "0 to 100; starts at 50, each reason adds or takes its impact" },
          disqualified: bool,
          disqualifiedBy: { ...strs, description: "the rules whose must this engine breaks" },
          reasons: {
            type: "array",
            description: "one per rule: the points it gave, why, and the documentation it rests on",
            items: {
              type: "object",
              required: ["rule", "impact", "message", "sources", "requirement", "priority", "fit", "unmet", "evidence", "args"],
              properties: { rule: str, impact: num, message: str, sources: strs, requirement: str, priority: str, fit: num, unmet: bool, detail: str, evidence, args: { type: "object" }, catalogFile: str },
            },
          },
          catalogFile: str,
        },
      },
    },
    sensitivity: { type: "array", description: "the smallest single profile changes that would change the answer", items: change },
    beyond: { type: "object", description: "when the five give no answer or a weak one: the engines of the extended catalogue that would fit better, and the command that ranks them", required: ["reason", "engines", "summary"] },
    whyNot: {
      type: "object",
      description: "with why_not: where that engine loses points, largest first, and the changes that would make it the answer",
      required: ["engine", "name", "rank", "score", "winner", "behind", "disqualifiedBy", "reasons", "changes"],
      properties: { engine: str, name: str, rank: num, score: num, winner: { type: ["string", "null"] }, behind: { type: ["number", "null"] }, disqualifiedBy: strs, reasons: { type: "array" }, changes: { type: "array", items: change } },
    },
  },
};

const diagnostic = {
  type: "object",
  required: ["file", "message"],
  properties: { file: str, line: num, col: num, message: str, expected: str, suggestion: str },
} as const;

/** stream-advisor/check@1 (docs/check.md), the report of `advise check --format json`. */
export const CHECK_SCHEMA_JSON: JsonSchema = {
  type: "object",
  description: "stream-advisor/check@1 (docs/check.md): the same JSON as `advise check --format json`",
  required: ["schema", "catalog", "summary", "exitCode", "adrs"],
  properties: {
    schema: { const: "stream-advisor/check@1" },
    catalog: { type: "object", required: ["asOf", "engines"] },
    summary: {
      type: "object",
      required: ["checked", "passed", "warned", "failed", "skipped", "invalid"],
      properties: { checked: num, passed: num, warned: num, failed: num, skipped: num, invalid: num, missing: { ...num, description: "paths given that name nothing; not counted in checked" } },
    },
    exitCode: { enum: [0, 1, 2], description: "what `advise check` would exit with: 2 an ADR or profile is invalid, 1 a decision failed, 0 otherwise" },
    adrs: {
      type: "array",
      items: {
        type: "object",
        required: ["file", "outcome", "decisions", "diagnostics"],
        properties: {
          file: str,
          title: str,
          status: str,
          style: { enum: ["madr", "nygard"] },
          outcome: { enum: ["passed", "warned", "failed", "invalid", "skipped"] },
          skipReason: str,
          decisions: {
            type: "array",
            items: {
              type: "object",
              required: ["line", "col", "outcome", "check", "headline", "message", "deciding", "diagnostics"],
              properties: { line: num, col: num, outcome: str, check: str, headline: str, message: str, chosen: str, deciding: { type: "array" }, diagnostics: { type: "array", items: diagnostic } },
            },
          },
          diagnostics: { type: "array", items: diagnostic },
        },
      },
    },
  },
};

/** What validate_profile returns. */
export const VALIDATION_SCHEMA_JSON: JsonSchema = {
  type: "object",
  required: ["ok", "file", "problems"],
  properties: {
    ok: { ...bool, description: "the profile is valid: `advise` will accept it as it is" },
    file: { ...str, description: "the name the problems are located in" },
    problems: {
      type: "array",
      description: "every problem at once, in file order (at most 50)",
      items: {
        type: "object",
        required: ["message", "text"],
        properties: {
          line: { ...num, description: "1-based; absent when the problem has no position (a missing file)" },
          column: { ...num, description: "1-based" },
          message: { ...str, description: "what is wrong" },
          expected: { ...str, description: "what would have been accepted" },
          suggestion: { ...str, description: "a did-you-mean for a near miss" },
          text: { ...str, description: "the whole message as the CLI prints it: file:line:col: message; expected ..." },
        },
      },
    },
    profile: { type: "object", description: "when ok: the profile as read, every field with its default filled in (the `profile` of result@1)" },
    yaml: { ...str, description: "when the profile was given as an object: the YAML it was read as, which the line and column numbers refer to; save it as the profile file" },
  },
};

const engineSummary = {
  type: "object",
  required: ["id", "name", "version", "released", "asOf", "license", "osi", "deployment"],
  properties: { id: str, name: str, version: str, released: str, asOf: str, license: str, osi: bool, deployment: str, userFile: str },
} as const;

/** What the engines tool returns: the list (`advise engines --format json`), or one descriptor (`advise engines ID --format json`). */
export const ENGINES_SCHEMA_JSON: JsonSchema = {
  type: "object",
  description: "without id: {asOf, engines: [summary]}; with id: the engine's whole descriptor (docs/catalog-format.md), every fact with its route, note and sources",
  anyOf: [
    { required: ["asOf", "engines"], properties: { asOf: str, engines: { type: "array", items: engineSummary } } },
    { required: ["id", "name", "version", "asOf", "latency", "license"], properties: { id: str, name: str, version: str, asOf: str, userFile: str } },
  ],
};

const explanation = {
  type: "object",
  required: ["id", "description", "requirement", "reads", "weight", "scoring", "messages", "example", "docs"],
  properties: {
    id: str,
    description: str,
    requirement: { ...str, description: "the profile field it reads" },
    reads: { ...strs, description: "the catalogue facts it compares" },
    weight: num,
    scoring: str,
    messages: { type: "object", additionalProperties: str },
    example: { type: "object", required: ["profile", "answer", "withoutRule"], properties: { profile: str, answer: str, withoutRule: str } },
    docs: str,
  },
} as const;

/** What the explain tool returns: every rule (`advise explain --format json`, as `rules`), or one. */
export const EXPLAIN_SCHEMA_JSON: JsonSchema = {
  type: "object",
  description: "without rule: {rules: [explanation]}; with rule: that rule's explanation",
  anyOf: [{ required: ["rules"], properties: { rules: { type: "array", items: explanation } } }, explanation],
};
