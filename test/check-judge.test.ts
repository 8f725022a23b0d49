// Judging a decision against evaluate()'s result: every verdict, the order they
// are tried in, and a message that names the rule, the user's value and the source.
import { describe, expect, it } from "vitest";
import { judge } from "../src/check/judge.js";
import { evaluate } from "../src/engine/evaluate.js";
import { catalogOf, fact, makeEngine, profileFrom, shippedCatalog } from "./helpers.js";

const valueOf = (req: string) => ({ value: `<${req}>`, at: { file: "p.yaml", line: 7, col: 3 } });

function verdict(profileYaml: string, chosen: string, margin = 10, catalog = shippedCatalog()) {
  const result = evaluate(profileFrom(profileYaml), catalog, { sensitivity: false });
  return judge({ result, chosen, margin, valueOf });
}

const CARD = "version: 1\nlatency: 10ms\nthroughput: 20k/s\ndeployment: library\nlanguages: [java]\npriorities: {latency: must, deployment: must}\n";

describe("judge", () => {
  it("passes the engine that ranks first, saying by how much", () => {
    const j = verdict(CARD, "akka-streams");
    expect(j.outcome).toBe("passed");
    expect(j.check).toBe("chosen-engine-first");
    expect(j.message).toMatch(/^Akka Streams \(akka-streams\) ranks first with \d+, \d+ points ahead of /);
  });

  it("fails a disqualified engine, naming each broken must with the user's value and a source", () => {
    const j = verdict(CARD, "spark");
    expect(j.outcome).toBe("failed");
    expect(j.check).toBe("chosen-engine-disqualified");
    expect(j.deciding.map((d) => d.rule)).toEqual(j.chosenEngine!.disqualifiedBy);
    expect(j.message).toContain("deployment-model: Apache Spark does not run as a library inside your own services; your deployment: <deployment> (must) at p.yaml:7:3; source: https://");
  });

  it("fails an engine more than the margin behind, and warns within it", () => {
    const gap = verdict(CARD, "kafka-streams").gap!;
    expect(gap).toBeGreaterThan(0);
    const fail = verdict(CARD, "kafka-streams", gap - 1);
    expect(fail.outcome).toBe("failed");
    expect(fail.check).toBe("chosen-engine-outscored");
    expect(fail.message).toContain(`more than the margin of ${gap - 1}`);
    expect(fail.deciding[0]!.rule).toBe("latency-budget");
    expect(fail.message).toContain("Deciding: latency-budget (");
    const atMargin = verdict(CARD, "kafka-streams", gap);
    expect(atMargin.outcome).toBe("warned");
    expect(atMargin.check).toBe("better-engine-within-margin");
    expect(atMargin.message).toContain(`within the margin of ${gap}, so the decision stands`);
  });

  it("fails an unknown id with a did-you-mean over the catalogue's ids, and over engine names", () => {
    const typo = verdict(CARD, "kafak-streams");
    expect(typo).toMatchObject({ outcome: "failed", check: "chosen-engine-unknown", suggestion: "kafka-streams" });
    expect(typo.message).toBe("'kafak-streams' is not an engine in the catalogue (did you mean 'kafka-streams'?); expected one of akka-streams, beam, flink, kafka-streams, spark.");
    expect(verdict(CARD, "Apache Flink").suggestion).toBe("flink");
    expect(verdict(CARD, "storm").suggestion).toBeUndefined();
  });

  it("disqualification is judged before the margin: a disqualified engine fails even within it", () => {
    const j = verdict(CARD, "flink", 100);
    expect(j.check).toBe("chosen-engine-disqualified");
  });

  it("an ADR whose chosen engine ties with the top passes, and says it is a tie (the id never decides)", () => {
    const catalog = catalogOf([makeEngine("alpha"), makeEngine("beta")]);
    const j = verdict("version: 1\nlatency: 1s\nthroughput: 1k/s\n", "beta", 10, catalog);
    expect(j.outcome).toBe("passed");
    expect(j.gap).toBe(0);
    expect(j.message).toContain("tied with alpha (alpha)");
  });

  it("when every engine breaks a must, says so instead of naming a best engine", () => {
    const catalog = catalogOf([makeEngine("alpha", { deployment: { library: fact("none") } }), makeEngine("beta", { deployment: { library: fact("none") } })]);
    const j = verdict("version: 1\nlatency: 1s\nthroughput: 1k/s\ndeployment: library\npriorities: {deployment: must}\n", "alpha", 10, catalog);
    expect(j.check).toBe("chosen-engine-disqualified");
    expect(j.message).toContain("No engine meets every must.");
  });
});
