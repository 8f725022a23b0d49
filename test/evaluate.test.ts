// The scoring arithmetic and the recommendation kinds, on synthetic catalogues.
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/engine/evaluate.js";
import { roundPoints } from "../src/engine/score.js";
import { catalogOf, fact, makeEngine, profileFrom } from "./helpers.js";

const lib = makeEngine("lib", { latency: { floor: "1ms", typical: "10ms" }, deployment: { service: fact("none") }, license: { spdx: "BUSL-1.1", osi: false } });
const svc = makeEngine("svc", { latency: { floor: "100ms", typical: "1s" }, deployment: { library: fact("none") }, batch: fact("builtin") });
const cat = catalogOf([lib, svc]);

describe("scores", () => {
  it("are 50 plus the sum of the reasons' impacts, clamped into 0..100", () => {
    const r = evaluate(profileFrom("version: 1\nlatency: 50ms\nthroughput: 5M/s\ndeployment: library\nlicense: open-source\n"), cat);
    for (const e of r.ranking) {
      expect(e.score).toBe(Math.min(100, Math.max(0, 50 + e.reasons.reduce((a, x) => a + x.impact, 0))));
      expect(e.score).toBeGreaterThanOrEqual(0);
      expect(e.score).toBeLessThanOrEqual(100);
    }
  });

  it("give 100 to an engine that fully meets every requirement with room to spare", () => {
    const r = evaluate(profileFrom("version: 1\nlatency: 10s\nthroughput: 1k/s\ndeployment: service\n"), cat);
    expect(r.ranking[0]).toMatchObject({ engine: "svc", score: 100, disqualified: false });
  });

  it("are deterministic", () => {
    const p = profileFrom("version: 1\nlatency: 50ms\nthroughput: 20k/s\n");
    expect(JSON.stringify(evaluate(p, cat))).toBe(JSON.stringify(evaluate(p, cat)));
  });

  it("weigh a high priority more than a low one", () => {
    const hi = evaluate(profileFrom("version: 1\nlatency: 2s\nthroughput: 1k/s\ndeployment: library\npriorities: {deployment: high}\n"), cat);
    const lo = evaluate(profileFrom("version: 1\nlatency: 2s\nthroughput: 1k/s\ndeployment: library\npriorities: {deployment: low}\n"), cat);
    const impact = (r: typeof hi) => r.ranking.find((e) => e.engine === "svc")!.reasons.find((x) => x.rule === "deployment-model")!.impact;
    expect(impact(hi)).toBeLessThan(impact(lo));
  });
});

describe("points", () => {
  it.each([
    [1.4, 1],
    [-2.5, -3],
    [2.5, 3],
    [0.1, 0],
    [-10.6, -11],
  ])("%d rounds half away from zero to %d", (x, want) => {
    expect(roundPoints(x)).toBe(want);
  });
  it("clamp the total, never a reason: the same fit on the same rule shows the same points", () => {
    // three rules fully met: 16.67 points each, shown as 17; the score is clamped to 100, the reasons keep 17
    const r = evaluate(profileFrom("version: 1\nlatency: 2s\nthroughput: 1k/s\ndeployment: service\n"), cat);
    const top = r.ranking[0]!;
    expect(top.score).toBeLessThanOrEqual(100);
    const sum = 50 + top.reasons.reduce((a, x) => a + x.impact, 0);
    expect(top.score).toBe(Math.min(100, sum));
    const a = evaluate(profileFrom("version: 1\nlatency: 2s\nthroughput: 1k/s\ndeployment: service\n"), cat).ranking.find((e) => e.engine === "svc")!;
    const b = evaluate(profileFrom("version: 1\nlatency: 2s\nthroughput: 1k/s\ndeployment: service\nlicense: open-source\n"), cat).ranking.find((e) => e.engine === "svc")!;
    const dep = (e: typeof a) => e.reasons.find((x) => x.rule === "deployment-model")!;
    expect(dep(a).fit).toBe(dep(b).fit);
  });
});

describe("ranking", () => {
  it("puts the engine that meets a budget with defaults above one that needs tuning, even when both round to 100", () => {
    const flinkLike = makeEngine("zz-defaults", { latency: { floor: "10ms", typical: "200ms" } });
    const beamLike = makeEngine("aa-tuned", { latency: { floor: "100ms", typical: "2s" } });
    const r = evaluate(profileFrom("version: 1\nlatency: 1.9s\nthroughput: 1k/s\n"), catalogOf([beamLike, flinkLike]));
    expect(r.ranking.map((e) => e.engine)).toEqual(["zz-defaults", "aa-tuned"]);
    expect(r.recommendation.summary).not.toContain("tie");
  });
});

describe("musts", () => {
  it("disqualify an engine that cannot meet them, and rank it last", () => {
    const r = evaluate(profileFrom("version: 1\nlatency: 2s\nthroughput: 1k/s\nlicense: open-source\npriorities: {license: must}\n"), cat);
    expect(r.ranking.map((e) => [e.engine, e.disqualified])).toEqual([
      ["svc", false],
      ["lib", true],
    ]);
    expect(r.ranking[1]!.disqualifiedBy).toEqual(["open-source-license"]);
  });

  it("do not disqualify when only a normal priority is unmet", () => {
    const r = evaluate(profileFrom("version: 1\nlatency: 2s\nthroughput: 1k/s\nlicense: open-source\npriorities: {license: normal}\n"), cat);
    expect(r.ranking.every((e) => !e.disqualified)).toBe(true);
  });

  it("languages (when given) and license: open-source are musts unless priorities lower them", () => {
    const hard = profileFrom("version: 1\nlatency: 2s\nthroughput: 1k/s\nlicense: open-source\nlanguages: [go]\n");
    expect(hard.priorities).toMatchObject({ license: "must", languages: "must" });
    expect(evaluate(hard, cat).ranking.some((e) => e.disqualified)).toBe(true);
    const lowered = profileFrom("version: 1\nlatency: 2s\nthroughput: 1k/s\nlicense: open-source\nlanguages: [go]\npriorities: {license: high, languages: low}\n");
    expect(lowered.priorities).toMatchObject({ license: "high", languages: "low" });
    expect(profileFrom("version: 1\nlatency: 2s\nthroughput: 1k/s\n").priorities).toMatchObject({ license: "normal", languages: "normal" });
  });
});

describe("recommendation kinds", () => {
  it("engine: the best qualified engine", () => {
    const r = evaluate(profileFrom("version: 1\nlatency: 10ms\nthroughput: 1k/s\ndeployment: library\n"), cat);
    expect(r.recommendation).toMatchObject({ kind: "engine", engine: "lib" });
  });

  it("custom: a budget below every engine's floor", () => {
    const r = evaluate(profileFrom("version: 1\nlatency: 500us\nthroughput: 1k/s\n"), cat);
    expect(r.recommendation).toMatchObject({ kind: "custom", engine: null });
    expect(r.ranking).toHaveLength(2);
  });

  it("periodic-batch: a budget at or above rules.yaml latency.periodicBatchAt", () => {
    const r = evaluate(profileFrom("version: 1\nlatency: 2h\nthroughput: 1k/s\n"), cat);
    expect(r.recommendation.kind).toBe("periodic-batch");
    expect(r.recommendation.engine).not.toBeNull();
  });

  it("none: every engine breaks a must; the summary says which relaxation helps", () => {
    const r = evaluate(profileFrom("version: 1\nlatency: 10ms\nthroughput: 1k/s\nlicense: open-source\npriorities: {latency: must, license: must}\n"), cat);
    expect(r.recommendation).toMatchObject({ kind: "none", engine: null });
    expect(r.recommendation.summary).toMatch(/relaxing latency from must to high would make svc the pick/i);
    expect(r.recommendation.summary).toMatch(/relaxing license from must to high would make lib the pick/i);
  });

  it("report a tie as a tie: the id orders the listing, never the pick", () => {
    const a = makeEngine("aaa");
    const b = makeEngine("bbb");
    const r = evaluate(profileFrom("version: 1\nlatency: 1s\nthroughput: 1k/s\n"), catalogOf([b, a]));
    expect(r.ranking.map((e) => e.engine)).toEqual(["aaa", "bbb"]);
    expect(r.recommendation.margin).toBe(0);
    expect(r.recommendation.tiedWith).toEqual(["bbb"]);
    expect(r.recommendation.summary).toContain("aaa and bbb tie at 100/100");
    expect(r.recommendation.summary).not.toMatch(/engine id|alphabet/);
  });

  it("break a tie on capabilities by the cost of running: the engine with less to run wins, and the summary says what the other adds", () => {
    const cluster = { id: "processing-cluster", kind: "cluster" as const, what: "a processing cluster", burden: 2, note: "n", sources: [{ url: "https://example.org/op", version: "1" }] };
    const lean = makeEngine("zz-lean");
    const heavy = makeEngine("aa-heavy", { operations: [cluster] });
    const r = evaluate(profileFrom("version: 1\nlatency: 1s\nthroughput: 1k/s\n"), catalogOf([heavy, lean]));
    expect(r.recommendation.engine).toBe("zz-lean");
    expect(r.recommendation.tiedWith).toBeUndefined();
    expect(r.recommendation.decisive?.[0]).toMatchObject({ rule: "running-cost" });
    expect(r.recommendation.summary).toContain("adds a processing cluster to run");
  });

  it("name in periodic-batch only an engine that runs bounded batch jobs production-ready", () => {
    const streamOnly = makeEngine("aa-stream", { batch: fact("limited") });
    const batchy = makeEngine("zz-batch", { latency: { floor: "1s", typical: "10s" }, deployment: { library: fact("none") } });
    const r = evaluate(profileFrom("version: 1\nlatency: 2h\nthroughput: 1k/s\n"), catalogOf([streamOnly, batchy]));
    expect(r.recommendation).toMatchObject({ kind: "periodic-batch", engine: "zz-batch" });
  });
});
