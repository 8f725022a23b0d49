// How reasons read: each thing said once, no parenthesis nested in another or
// right after another, platforms named as a team names them, extended engines by
// their names. Words only: the scores these profiles get are held elsewhere.
import { describe, expect, it } from "vitest";
import { advise } from "./cli-helpers.js";

interface Reason {
  rule: string;
  message: string;
}
interface Out {
  recommendation: { summary: string };
  beyond?: { summary: string };
  ranking: { engine: string; reasons: Reason[] }[];
}

function run(yaml: string, ...args: string[]): Out {
  const r = advise(["-", "--format", "json", ...args], {}, yaml);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Out;
}

const message = (out: Out, engine: string, rule: string) => out.ranking.find((e) => e.engine === engine)!.reasons.find((x) => x.rule === rule)!.message;

const KINESIS = "version: 1\nlatency: 80ms\nthroughput: 20k/s\nunit: event\ndeployment: service\nsources: [kinesis]\nsinks: [kafka]\nlanguages: [scala]\ncloud: aws\noperations: [window]\n";

describe("reason words", () => {
  it("a variant named after its distribution does not name it twice", () => {
    const out = run(`${KINESIS}platforms: [spark, kafka]\n`);
    const latency = message(out, "spark", "latency-budget");
    expect(latency).toContain("in Real-time Mode in the Databricks Runtime (a proprietary distribution)");
    expect(latency).not.toMatch(/Databricks Runtime.*Databricks Runtime/);
    const without = run(`${KINESIS}platforms: [kafka]\n`);
    expect(message(without, "spark", "source-connectors")).not.toMatch(/Databricks Runtime.*Databricks Runtime/);
  });
  it("what a source's delivery leaves of the budget is said after the budget, and the floor beside its value", () => {
    const out = run(`${KINESIS}platforms: [kafka]\n`);
    expect(message(out, "beam", "latency-budget")).toBe("80ms (10ms left after 70ms for kinesis to deliver) is below the 100ms floor of Apache Beam");
  });
  it("running cost names platforms as teams say them, without nested parentheses", () => {
    const out = run(`${KINESIS}platforms: [spark, kafka]\n`);
    expect(message(out, "spark", "running-cost")).toBe("Apache Spark adds nothing to run besides the team's own code (not a Spark cluster: the team already runs Spark)");
    const flink = message(out, "flink", "running-cost");
    expect(flink).toContain("new beside Spark and Kafka, though a managed offering on AWS runs it");
    for (const e of out.ranking) for (const r of e.reasons) if (r.rule === "running-cost") expect(r.message).not.toMatch(/\([^)]*\(/);
  });
  it("one item that is itself the partial one is not repeated", () => {
    const out = run("version: 1\nlatency: 1s\nthroughput: 10k/s\noperations: [aggregate]\n");
    expect(message(out, "akka-streams", "stateful-operations")).toBe("Akka Streams runs aggregate only in a limited form");
  });
  it("the beyond line says 'of N' once and puts the musts before the comparison", () => {
    const out = run("version: 1\nlatency: 10ms\nthroughput: 20k/s\nunit: event\ndeployment: library\nsources: [kafka]\nsinks: [kafka]\nlanguages: [java, scala]\nexactlyOnce: true\npriorities:\n  latency: must\n  deployment: must\n  exactlyOnce: high\n");
    expect(out.beyond?.summary).toMatch(/^Outside the five, Apache Pekko Streams meets every must and scores \d+ \(1st of 11\), ahead of Akka Streams \(\d+\): `/);
  });
  it("explain names an example's extended engines by their names", () => {
    const r = advise(["explain", "maintenance"]);
    expect(r.stdout).toMatch(/without this rule: Bytewax/);
  });
});
