// Generated docs match the code and data; every rule's example really decides the outcome.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleOutcomes } from "../src/commands/explain.js";
import { factsOf } from "../src/commands/engines.js";
import { enginesMarkdown, extendedEnginesMarkdown, rulesMarkdown } from "../src/docs/generate.js";
import { loadEngineDir } from "../src/catalog/load.js";
import { rulesDir } from "../src/catalog/shipped.js";
import { RULES } from "../src/rules/index.js";
import { advise } from "./cli-helpers.js";
import { extendedCatalog, shippedCatalog } from "./helpers.js";

const catalog = shippedCatalog();
const read = (f: string) => readFileSync(join(__dirname, "..", "docs", f), "utf8");

describe("generated docs", () => {
  it("docs/rules.md is up to date (run `npm run docs`)", () => expect(read("rules.md")).toBe(rulesMarkdown(catalog, extendedCatalog())));
  it("docs/engines.md is up to date (run `npm run docs`)", () => expect(read("engines.md")).toBe(enginesMarkdown(catalog)));
  it("docs/extended-engines.md is up to date (run `npm run docs`)", () => expect(read("extended-engines.md")).toBe(extendedEnginesMarkdown(loadEngineDir(join(rulesDir(), "extended")))));
  it("has one anchor per rule id", () => {
    for (const r of RULES) expect(read("rules.md")).toContain(`\n## ${r.id}\n`);
  });
  it("lists every descriptor fact with a source", () => {
    const md = read("engines.md");
    for (const e of catalog.engines) for (const f of factsOf(e)) for (const s of f.sources) expect(md).toContain(s.url);
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))("rule %s", (_, rule) => {
  it("its example profile is decided by it (the answer changes without the rule)", () => {
    const o = exampleOutcomes(rule, catalog, extendedCatalog());
    expect(o.with).not.toEqual(o.without);
  });
});

describe("advise engines and advise explain", () => {
  it("engines lists every engine with version, as-of date, licence and how it runs", () => {
    const r = advise(["engines", "--format", "json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    // the five core engines and the extended catalogue, each marked with its set
    const core = j.engines.filter((e: { set: string }) => e.set === "core").map((e: { id: string }) => e.id);
    expect(core).toEqual(catalog.engines.map((e) => e.id));
    expect(j.engines.filter((e: { set: string }) => e.set === "extended").length).toBeGreaterThanOrEqual(4);
    for (const e of j.engines) expect(Object.keys(e)).toEqual(expect.arrayContaining(["id", "name", "version", "asOf", "license", "deployment"]));
  });
  it("engines ID prints every fact with its source", () => {
    const r = advise(["engines", "flink"]);
    expect(r.status).toBe(0);
    const flink = catalog.engines.find((e) => e.id === "flink")!;
    for (const f of factsOf(flink)) for (const s of f.sources) expect(r.stdout).toContain(`${s.url} (${s.version})`);
  });
  it("an unknown engine is a usage error with a did-you-mean", () => {
    const r = advise(["engines", "flnk"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown engine 'flnk' (did you mean 'flink'?)");
  });
  it("explain RULE says what it reads, how it scores and gives an example", () => {
    const r = advise(["explain", "latency-budget"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Reads:");
    expect(r.stdout).toContain("How it scores:");
    expect(r.stdout).toContain("Example where it decides the outcome:");
  });
  it("explain with no argument lists every rule", () => {
    const r = advise(["explain"]);
    for (const rule of RULES) expect(r.stdout).toContain(rule.id);
  });
  it("--why-not explains a loser and lists changes that make it win, each replayable", () => {
    const r = advise(["profiles/fraud-scoring.yaml", "--format", "json", "--why-not", "kafka-streams"]);
    expect(r.status).toBe(0);
    const w = JSON.parse(r.stdout).whyNot;
    expect(w.engine).toBe("kafka-streams");
    expect(w.changes.length).toBeGreaterThan(0);
    for (const c of w.changes) expect(c.winner).toBe("kafka-streams");
  });
});
