// Many profiles in one run: `advise a.yaml b.yaml`, and patterns the shell did
// not expand. Each profile's report is the one it gets on its own; bad
// profiles are all reported, located, next to the good ones, and exit 2.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { contractJsonSchema } from "../src/contract/json-schema.js";
import { expandGlob } from "../src/io/glob.js";
import { advise, CLI_ROOT as ROOT } from "./cli-helpers.js";

const GOLDEN = join(__dirname, "golden");
const profiles = readdirSync(join(ROOT, "profiles")).filter((f) => f.endsWith(".yaml")).sort();
const validate = new Ajv({ allErrors: true }).compile(contractJsonSchema("results.schema.json", { strict: true }));
const golden = (p: string, ext: string) => readFileSync(join(GOLDEN, `${p.replace(/\.yaml$/, "")}.${ext}`), "utf8");

const dir = mkdtempSync(join(tmpdir(), "advise-many-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bad = join(dir, "bad.yaml");
writeFileSync(bad, "version: 1\nlatency: 10 parsecs\nthroughput: 20k/s\n");

describe("several profiles, --format json", () => {
  const r = advise(["profiles/*.yaml", "--format", "json"]);
  const doc = JSON.parse(r.stdout);
  it("is one results@1 document that validates", () => {
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(doc.schema).toBe("stream-advisor/results@1");
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });
  it("holds each profile's own result@1, byte for byte as a single run prints it, in file order", () => {
    expect(doc.results.map((x: { profile: { file: string } }) => x.profile.file)).toEqual(profiles.map((p) => `profiles/${p}`));
    doc.results.forEach((x: unknown, i: number) => expect(`${JSON.stringify(x, null, 2)}\n`).toBe(golden(profiles[i]!, "json")));
  });
  it("summarises every pick", () => {
    expect(doc.summary).toMatchObject({ profiles: profiles.length, advised: profiles.length, invalid: 0, invalidFiles: [] });
    expect(doc.summary.picks[1]).toEqual({ file: "profiles/card-authorization.yaml", name: "Card authorization", kind: "engine", engine: "akka-streams", score: 88, margin: 7, close: false, runnerUp: "kafka-streams" });
    expect(doc.summary.picks.find((p: { file: string }) => p.file.includes("hft"))).toMatchObject({ kind: "custom", engine: null, score: null });
  });
});

describe("bad profiles among good ones", () => {
  const args = ["profiles/card-authorization.yaml", bad, "profiles/fraud-scoring.yaml", join(dir, "missing.yaml"), join(dir, "none-*.yaml")];
  it("table: the good reports, then every problem located on stderr; exit 2", () => {
    const r = advise(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(golden("card-authorization.yaml", "txt").trimEnd());
    expect(r.stdout).toContain(golden("fraud-scoring.yaml", "txt").trimEnd());
    expect(r.stdout).toMatch(/Picks {2}\(2 of 4 profiles advised\)/);
    expect(r.stdout).toContain(`${bad.padEnd(join(dir, "missing.yaml").length)}  not advised`);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      `${bad}:2:10: '10 parsecs' is not a valid latency; expected a duration with a unit, such as 500us, 10ms, 2s, 5m or 1h`,
      `${join(dir, "missing.yaml")}: no such file`,
      `${join(dir, "none-*.yaml")}: no file matches this pattern; expected a profile file, or a pattern such as profiles/*.yaml`,
    ]);
  });
  it("json: the good results and every problem in one document; exit 2", () => {
    const r = advise([...args, "--format", "json"]);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc.results).toHaveLength(2);
    expect(doc.summary).toMatchObject({ profiles: 4, advised: 2, invalid: 2, invalidFiles: [bad, join(dir, "missing.yaml")] });
    expect(doc.problems.map((p: { file: string; line: number | null }) => [p.file, p.line])).toEqual([
      [bad, 2],
      [join(dir, "missing.yaml"), null],
      [join(dir, "none-*.yaml"), null],
    ]);
  });
  it("markdown: the bad ones are listed under the comparison", () => {
    const r = advise([...args, "--format", "markdown"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("### Profiles that could not be read");
    expect(r.stdout).toContain(`- \`${bad}:2:10\`: '10 parsecs' is not a valid latency`);
  });
});

describe("several profiles, --format markdown", () => {
  const args = ["profiles/card-authorization.yaml", "profiles/hft-microseconds.yaml", "profiles/etl-into-lake.yaml"];
  const r = advise([...args, "--format", "markdown"]);
  it("is one page: a comparison of every pick, then each profile's own report", () => {
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("# Streaming engine advice: 3 profiles\n")).toBe(true);
    expect(r.stdout).toContain("| Profile | Recommendation | Score | Margin | Runner-up |");
    expect(r.stdout).toContain("| [Card authorization](#streaming-engine-advice-card-authorization) (`profiles/card-authorization.yaml`) | Akka Streams | 88 | 7 | Kafka Streams |");
    expect(r.stdout).toContain("| [HFT microseconds](#streaming-engine-advice-hft-microseconds) (`profiles/hft-microseconds.yaml`) | custom code | \u2014 | \u2014 | \u2014 |");
    expect(r.stdout).toMatch(/\| \[ETL into the lake\]\(#streaming-engine-advice-etl-into-the-lake\) \(`profiles\/etl-into-lake.yaml`\) \| scheduled batch jobs \(Apache Spark, close\) \| \d+ \| \d+ \| Apache Flink \|/);
    let at = 0;
    for (const p of args) {
      // each report as alone, its headings below the title marked with the profile's file name
      const stem = p.replace("profiles/", "").replace(/\.yaml$/, "");
      const page = golden(p.replace("profiles/", ""), "md").trimEnd().replace(/^(###+ .*)$/gm, `$1 (${stem})`);
      const i = r.stdout.indexOf(page, at);
      expect(i, p).toBeGreaterThan(at);
      at = i + page.length;
    }
  });
});

describe("arguments", () => {
  it("a file named twice (or by two patterns) is reported once", () => {
    const doc = JSON.parse(advise(["profiles/card-*.yaml", "profiles/card-authorization.yaml", "--format", "json"]).stdout);
    expect(doc.results).toHaveLength(1);
  });
  it("a single pattern still gives results@1, whatever it matches", () => {
    expect(JSON.parse(advise(["profiles/card-*.yaml", "--format", "json"]).stdout).schema).toBe("stream-advisor/results@1");
    expect(JSON.parse(advise(["profiles/card-authorization.yaml", "--format", "json"]).stdout).schema).toBe("stream-advisor/result@1");
  });
  it("--why-not applies to each profile", () => {
    const doc = JSON.parse(advise(["profiles/card-authorization.yaml", "profiles/fraud-scoring.yaml", "--format", "json", "--why-not", "spark"]).stdout);
    expect(doc.results.map((x: { whyNot: { engine: string } }) => x.whyNot.engine)).toEqual(["spark", "spark"]);
  });
  it("a bare word among them is still caught as a mistyped command", () => {
    const r = advise(["profiles/card-authorization.yaml", "chek"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'chek' (did you mean 'advise check'?)");
  });
});

describe("expandGlob", () => {
  const tree = mkdtempSync(join(tmpdir(), "advise-glob-"));
  for (const f of ["a.yaml", "b.yaml", "c.yml", ".hidden.yaml", "sub/d.yaml", "sub/deep/e.yaml", "sub/.dot/f.yaml", "x1.yaml", "x2.yaml"]) {
    mkdirSync(join(tree, f, ".."), { recursive: true });
    writeFileSync(join(tree, f), "");
  }
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const rel = (xs: string[]) => xs.map((x) => x.slice(tree.length + 1));
  it.each([
    ["*.yaml", ["a.yaml", "b.yaml", "x1.yaml", "x2.yaml"]],
    ["*.y*ml", ["a.yaml", "b.yaml", "c.yml", "x1.yaml", "x2.yaml"]],
    ["x?.yaml", ["x1.yaml", "x2.yaml"]],
    ["[ab].yaml", ["a.yaml", "b.yaml"]],
    ["[!ab]*.yaml", ["x1.yaml", "x2.yaml"]],
    [".*.yaml", [".hidden.yaml"]],
    ["**/*.yaml", ["a.yaml", "b.yaml", "sub/d.yaml", "sub/deep/e.yaml", "x1.yaml", "x2.yaml"]],
    ["sub/*/*.yaml", ["sub/deep/e.yaml"]],
    ["nothing-*.yaml", []],
  ])("%s", (pattern, expected) => expect(rel(expandGlob(`${tree}/${pattern}`))).toEqual(expected));
  it("keeps a relative pattern relative", () => expect(expandGlob("profiles/card-*.yaml")).toEqual(["profiles/card-authorization.yaml"]));
  it("{a,b} alternatives, and folders only when asked for", () => {
    expect(rel(expandGlob(`${tree}/{a,x1}.yaml`))).toEqual(["a.yaml", "x1.yaml"]);
    expect(rel(expandGlob(`${tree}/s*`))).toEqual([]);
    expect(rel(expandGlob(`${tree}/s*`, { folders: true }))).toEqual(["sub"]);
  });
  it("reads each folder once, however many ** the pattern has (they used to walk the tree again each)", () => {
    const reads: string[] = [];
    const once = expandGlob(`${tree}/**/*.yaml`);
    const four = expandGlob(`${tree}/**/x/../**/**/**/*.yaml`.replace("x/../", ""), { onRead: (d) => reads.push(d) });
    expect(four).toEqual(once);
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads).size).toBe(reads.length);
    const mixed: string[] = [];
    expandGlob(`${tree}/**/*/**/*.yaml`, { onRead: (d) => mixed.push(d) });
    expect(new Set(mixed).size).toBe(mixed.length);
  });
  it("a range that runs backwards is a usage error, not an internal error", () => {
    expect(() => expandGlob(`${tree}/x[z-a].yaml`)).toThrow(/range \[z-a\].*runs backwards/);
    const r = advise(["x[z-a].yaml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("[z-a]");
    expect(r.stderr).not.toContain("internal error");
    const c = advise(["check", "docs/x[z-a]/*.md"]);
    expect(c.status).toBe(2);
    expect(c.stderr).not.toContain("internal error");
  });
});

describe("the Markdown page of many profiles", () => {
  const page = () => advise(["profiles/*.yaml", "--format", "markdown"]).stdout;
  it("has no two headings alike, so every anchor is the profile's own", async () => {
    const headings = page().split("\n").filter((l) => /^#{1,6} /.test(l));
    expect(headings.length).toBeGreaterThan(20);
    expect(new Set(headings).size).toBe(headings.length);
  });
  it("links each profile in the comparison table to its report's heading", async () => {
    const { headingSlugs } = await import("../src/format/many.js");
    const md = page();
    const slugs = new Set(headingSlugs(md));
    const links = [...md.matchAll(/^\| \[[^\]]+\]\(#([^)]+)\)/gm)].map((m) => m[1]!);
    expect(links).toHaveLength(11);
    for (const l of links) expect(slugs).toContain(l);
    expect(new Set(links).size).toBe(links.length);
  });
  it("explains a blank comparison cell", () => {
    const md = page();
    expect(md).not.toMatch(/\|  \|/);
    expect(md).toContain("\u2014: no engine to compare with");
    expect(md).toContain("scheduled batch jobs (Apache Spark, close)");
  });
  it("numbers repeated headings as GitHub does", async () => {
    const { headingSlugs } = await import("../src/format/many.js");
    expect(headingSlugs("# A b\n## A b\n```\n# not\n```\n### Ü &amp; x!")).toEqual(["a-b", "a-b-1", "ü--x"]);
  });
});
