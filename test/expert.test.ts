// The expert case set (test/expert/cases.yaml): workloads with the engine
// experts pick and why, each with sources. The tool must match the experts'
// top pick in at least 9 of 10 cases, and must disqualify every engine the
// experts say breaks a must, in every case.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { evaluate } from "../src/engine/evaluate.js";
import { shippedCatalog, profileFrom } from "./helpers.js";

interface Case {
  id: string;
  title: string;
  why: string;
  sources: string[];
  profile: unknown;
  expect: { kind: string; top?: string[]; disqualified?: string[] };
}

const cases = (parse(readFileSync(join(__dirname, "expert", "cases.yaml"), "utf8")) as { cases: Case[] }).cases;
const results = cases.map((c) => ({ c, r: evaluate(profileFrom(stringify(c.profile), `cases.yaml#${c.id}`), shippedCatalog()) }));
const matches = (c: Case, r: (typeof results)[number]["r"]) => r.recommendation.kind === c.expect.kind && (!c.expect.top || c.expect.top.includes(r.recommendation.engine ?? ""));

describe("expert cases", () => {
  it("has at least 20 cases, each with a reason and a source", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      expect(c.why.length, c.id).toBeGreaterThan(20);
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      for (const s of c.sources) expect(s, c.id).toMatch(/^https:\/\//);
    }
  });

  it("the top pick matches the experts' in at least 90% of cases", () => {
    const misses = results.filter(({ c, r }) => !matches(c, r)).map(({ c, r }) => `${c.id}: want ${c.expect.kind} ${c.expect.top?.join("/") ?? ""}, got ${r.recommendation.kind} ${r.recommendation.engine}`);
    const rate = (results.length - misses.length) / results.length;
    expect(rate, `misses:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(0.9);
  });

  it.each(results.map(({ c, r }) => [c.id, c, r] as const))("%s: every engine that breaks a must is disqualified", (_, c, r) => {
    const dq = r.ranking.filter((e) => e.disqualified).map((e) => e.engine);
    for (const e of c.expect.disqualified ?? []) expect(dq, `${e} should be disqualified`).toContain(e);
    // and the recommended engine is never a disqualified one
    if (r.recommendation.engine) expect(dq).not.toContain(r.recommendation.engine);
  });
});
