// The Markdown report: a Mermaid bar chart of the scores (held to the golden
// files; this checks its grammar and numbers), and links that work outside a
// clone: every link to the tool's own documentation is built from
// package.json's repository, so a fork that sets its own gets its own links.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linksFor, repositoryWebUrl } from "../src/tool.js";
import { advise, CLI_ROOT as ROOT } from "./cli-helpers.js";

const GOLDEN = join(__dirname, "golden");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const repo = repositoryWebUrl(pkg.repository)!;
const goldens = readdirSync(GOLDEN).filter((f) => f.endsWith(".md")).sort();

describe("the score chart", () => {
  it.each(goldens)("%s charts the qualified engines horizontally, in rank order, and names the disqualified beneath", (f) => {
    const md = readFileSync(join(GOLDEN, f), "utf8");
    const result = JSON.parse(readFileSync(join(GOLDEN, f.replace(/\.md$/, ".json")), "utf8"));
    const ranking = result.ranking as { name: string; score: number; disqualified: boolean }[];
    const qualified = ranking.filter((r) => !r.disqualified);
    const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(qualified.length ? 1 : 0);
    if (qualified.length) {
      const lines = blocks[0]!.split("\n");
      expect(lines[0]).toBe("xychart-beta horizontal");
      expect(lines[1]).toMatch(/^ {4}title "[^"]+"$/);
      expect(lines[2]).toMatch(/^ {4}x-axis \["[^"`][^"]*"(, "[^"`][^"]*")*\]$/);
      expect(lines[3]).toBe('    y-axis "score" 0 --> 100');
      expect(lines).toHaveLength(5);
      const labels = [...lines[2]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
      expect(labels).toEqual(qualified.map((r) => r.name));
      const bars = lines[4]!.replace(/^ {4}bar \[|\]$/g, "").split(", ").map(Number);
      expect(bars).toEqual(qualified.map((r) => r.score));
      // never contradicting the ranking: no bar longer than one ranked above it
      for (let i = 1; i < bars.length; i++) expect(bars[i]!).toBeLessThanOrEqual(bars[i - 1]!);
    }
    const note = md.split("\n").find((l) => /^(Not in the chart, disqualified|No chart: every engine is disqualified): /.test(l)) ?? "";
    for (const r of ranking.filter((x) => x.disqualified)) expect(note).toContain(`${r.name} (${r.score}, by `);
  });
  it("keeps a user catalogue's odd names inside their quotes", () => {
    const dir = join(ROOT, "examples", "catalog");
    const md = advise(["profiles/card-authorization.yaml", "--format", "markdown", "--catalog", dir]).stdout;
    const axis = /\n {4}x-axis \[(.*)\]\n/.exec(md)![1]!;
    expect(axis).toMatch(/^"[^"`]+"(, "[^"`]+")*$/);
  });
});

describe("links in Markdown reports", () => {
  const targets = (md: string) => [...md.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  it.each(goldens)("%s links nothing relative to a clone", (f) => {
    const links = targets(readFileSync(join(GOLDEN, f), "utf8"));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !/^https:\/\//.test(l))).toEqual([]);
  });
  it("links rule documentation under package.json's repository", () => {
    const links = targets(readFileSync(join(GOLDEN, "card-authorization.md"), "utf8"));
    expect(links).toContain(`${repo}/blob/main/docs/rules.md#latency-budget`);
  });
  it("the multi-profile page too", () => {
    const md = advise(["profiles/card-authorization.yaml", "profiles/fraud-scoring.yaml", "--format", "markdown"]).stdout;
    // anchors within the page (the comparison table's links to each report) and absolute URLs only
    expect(targets(md).filter((l) => !/^(https:\/\/|#)/.test(l))).toEqual([]);
  });
});

describe("every URL the tool prints about itself comes from package.json", () => {
  const links = linksFor(pkg);
  it("explain", () => {
    expect(JSON.parse(advise(["explain", "latency-budget", "--format", "json"]).stdout).docs).toBe(links.doc("docs/rules.md", "latency-budget"));
    expect(advise(["explain", "latency-budget"]).stdout).toContain(`More: ${links.doc("docs/rules.md", "latency-budget")}`);
  });
  it("the JSON Schemas' $id", () => {
    expect(JSON.parse(advise(["schema"]).stdout).$id).toBe(links.raw("schema/profile.schema.json"));
    for (const f of ["result", "results", "check", "problems"]) expect(JSON.parse(readFileSync(join(ROOT, "schema", `${f}.schema.json`), "utf8")).$id).toBe(links.raw(`schema/${f}.schema.json`));
  });
  it("--help names the home page; the table names the rules page", () => {
    expect(advise(["--help"]).stdout).toContain(`Documentation: ${pkg.homepage}`);
    expect(advise(["profiles/card-authorization.yaml"]).stdout).toContain(`${links.doc("docs/rules.md")}#<rule>`);
  });
});

describe("linksFor (what a fork gets)", () => {
  it.each([
    ["git+https://github.com/me/fork.git", "https://github.com/me/fork"],
    ["https://github.com/me/fork", "https://github.com/me/fork"],
    ["git@github.com:me/fork.git", "https://github.com/me/fork"],
    ["github:me/fork", "https://github.com/me/fork"],
    ["me/fork", "https://github.com/me/fork"],
    ["git+ssh://git@gitlab.example.com/team/fork.git", "https://gitlab.example.com/team/fork"],
  ])("%s is %s", (url, web) => expect(repositoryWebUrl({ url })).toBe(web));
  it("documents and raw files on GitHub and elsewhere; homepage and bugs when given", () => {
    const gh = linksFor({ repository: { url: "git+https://github.com/me/fork.git" } });
    expect(gh.doc("docs/rules.md", "x")).toBe("https://github.com/me/fork/blob/main/docs/rules.md#x");
    expect(gh.raw("schema/profile.schema.json")).toBe("https://raw.githubusercontent.com/me/fork/main/schema/profile.schema.json");
    expect(gh.home).toBe("https://github.com/me/fork");
    expect(gh.bugs).toBe("https://github.com/me/fork/issues");
    const gl = linksFor({ repository: "https://gitlab.example.com/team/fork.git", homepage: "https://fork.example.com/", bugs: { url: "https://fork.example.com/bugs" } });
    expect(gl.raw("schema/x.json")).toBe("https://gitlab.example.com/team/fork/raw/main/schema/x.json");
    expect(gl.home).toBe("https://fork.example.com/");
    expect(gl.bugs).toBe("https://fork.example.com/bugs");
  });
  it("refuses a package.json without a repository", () => expect(() => linksFor({})).toThrow(/repository/));
});
