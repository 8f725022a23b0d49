// The JSON documents `advise` prints hold to the JSON Schemas shipped in
// schema/: every golden JSON file, a --why-not run, a user-catalogue run, an
// `advise check` report and a problems document. The tests use the strict form
// (no field the schema does not name), so the schemas stay complete; the
// shipped form is the same but open to fields added later within @1.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { CONTRACTS, type ContractFile, contractJsonSchema, contractJsonSchemaText } from "../src/contract/json-schema.js";
import { advise, CLI_ROOT as ROOT } from "./cli-helpers.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const compiled = new Map<string, ValidateFunction>();
function validator(file: ContractFile, strict = true): ValidateFunction {
  const key = `${file}:${strict}`;
  if (!compiled.has(key)) compiled.set(key, new Ajv({ strict: true, allErrors: true }).compile(strict ? contractJsonSchema(file, { strict: true }) : JSON.parse(readFileSync(join(ROOT, "schema", file), "utf8"))));
  return compiled.get(key)!;
}
function expectValid(file: ContractFile, doc: unknown) {
  for (const strict of [true, false]) {
    const v = validator(file, strict);
    const ok = v(doc);
    expect(ok ? [] : v.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`), `${file}${strict ? " (strict)" : ""}`).toEqual([]);
  }
}

describe("schema/*.schema.json", () => {
  for (const file of Object.keys(CONTRACTS) as ContractFile[]) {
    it(`${file} is up to date (run \`npm run docs\`)`, () => expect(readFileSync(join(ROOT, "schema", file), "utf8")).toBe(contractJsonSchemaText(file)));
  }
  it("ship in the package", () => expect(pkg.files).toContain("schema"));
});

describe("result@1", () => {
  const goldens = readdirSync(join(__dirname, "golden")).filter((f) => f.endsWith(".json")).sort();
  it("has golden files to check", () => expect(goldens.length).toBeGreaterThanOrEqual(8));
  it.each(goldens)("golden %s validates", (f) => {
    const doc = JSON.parse(readFileSync(join(__dirname, "golden", f), "utf8"));
    expect(doc.tool).toEqual({ name: pkg.name, version: pkg.version });
    expectValid("result.schema.json", doc);
  });
  it("validates with --why-not and a user catalogue (whyNot, catalogFile, userFiles)", () => {
    const r = advise(["profiles/card-authorization.yaml", "--format", "json", "--why-not", "flink", "--catalog", "examples/catalog"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.whyNot.engine).toBe("flink");
    expect(Object.keys(doc.catalog.userFiles ?? {}).length).toBeGreaterThan(0);
    expectValid("result.schema.json", doc);
  });
  it("refuses a document missing a field or with an unnamed one (the strict form)", () => {
    const doc = JSON.parse(readFileSync(join(__dirname, "golden", "card-authorization.json"), "utf8"));
    const { recommendation: _, ...missing } = doc;
    expect(validator("result.schema.json")(missing)).toBe(false);
    expect(validator("result.schema.json")({ ...doc, surprise: 1 })).toBe(false);
    expect(validator("result.schema.json", false)({ ...doc, surprise: 1 })).toBe(true);
  });
});

describe("check@1", () => {
  it("an `advise check` report over every fixture ADR (passing, failing, broken) validates", () => {
    const r = advise(["check", "test/fixtures/adr", "--format", "json"]);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.adrs.length).toBeGreaterThan(10);
    expectValid("check.schema.json", doc);
  });
});

describe("problems@1 with --format json", () => {
  it("a bad profile: every problem, located, on stdout as JSON; the text on stderr; exit 2", () => {
    const r = advise(["-", "--format", "json"], {}, "version: 1\nlatncy: 10ms\nthroughput: 20k\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("<stdin>:2:1: unknown key 'latncy' (did you mean 'latency'?)");
    const doc = JSON.parse(r.stdout);
    expectValid("problems.schema.json", doc);
    expect(doc.schema).toBe("stream-advisor/problems@1");
    expect(doc.problems).toEqual([
      expect.objectContaining({ file: "<stdin>", line: 2, column: 1, message: "unknown key 'latncy'", suggestion: "latency" }),
      expect.objectContaining({ file: "<stdin>", line: 3, column: 13, message: "'20k' is not a valid throughput: a rate needs a period, such as /s or /min", suggestion: "20k/s", expected: expect.stringContaining("20k/s") }),
    ]);
  });
  it("a missing file has no position", () => {
    const r = advise(["no-such-profile.yaml", "--format", "json"]);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expectValid("problems.schema.json", doc);
    expect(doc.problems).toEqual([{ file: "no-such-profile.yaml", line: null, column: null, message: "no such file", expected: null }]);
  });
  it("a usage problem has no file", () => {
    const r = advise(["profiles/card-authorization.yaml", "--format", "json", "--why-not", "flnk"]);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expectValid("problems.schema.json", doc);
    expect(doc.problems[0]).toMatchObject({ file: null, message: expect.stringContaining("did you mean 'flink'") });
  });
  it("without --format json, stdout stays empty", () => {
    const r = advise(["-"], {}, "version: 1\n");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
  });
});

describe("engines and explain JSON", () => {
  it.each([
    [["engines", "--format", "json"], "stream-advisor/engines@1"],
    [["engines", "flink", "--format", "json"], "stream-advisor/engine@1"],
    [["explain", "--format", "json"], "stream-advisor/rules@1"],
    [["explain", "latency-budget", "--format", "json"], "stream-advisor/rule@1"],
  ])("%j names its schema and the tool", (args, schema) => {
    const r = advise(args as string[]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).slice(0, 2)).toEqual(["schema", "tool"]);
    expect(doc.schema).toBe(schema);
    expect(doc.tool).toEqual({ name: pkg.name, version: pkg.version });
  });
  it("an unknown engine with --format json is a problems document", () => {
    const r = advise(["engines", "flnk", "--format", "json"]);
    expect(r.status).toBe(2);
    expectValid("problems.schema.json", JSON.parse(r.stdout));
  });
});
