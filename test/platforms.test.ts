// Profile `platforms`: what the organisation already runs. Typos of a known id are
// located errors; the known ids are the shipped catalogue's engines, the systems
// engines lean on, and the vendors of the distributions the catalogue names.
import { describe, expect, it } from "vitest";
import { InputError } from "../src/diagnostics.js";
import { evaluate } from "../src/engine/evaluate.js";
import { KNOWN_PLATFORMS, PLATFORM_SYSTEMS } from "../src/profile/fields.js";
import { extendedCatalog, profileFrom, shippedCatalog } from "./helpers.js";

describe("platforms", () => {
  it("knows every shipped engine and every vendor a condition names", () => {
    const vendors = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) k === "distribution" && typeof v === "string" ? vendors.add(v.replace(/^the /i, "").split(/\s+/)[0]!.toLowerCase()) : walk(v);
    };
    walk(extendedCatalog().engines);
    expect([...KNOWN_PLATFORMS].sort()).toEqual([...PLATFORM_SYSTEMS, ...extendedCatalog().engines.map((e) => e.id), ...vendors].sort());
  });

  it("a typo of a known id is a located error with a did-you-mean; an unknown id (a user catalogue's engine) is accepted", () => {
    let error: unknown;
    try {
      profileFrom("version: 1\nlatency: 1s\nthroughput: 1k/s\nplatforms: [kafak]\n", "p.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).diagnostics[0]).toMatchObject({ file: "p.yaml", line: 4, suggestion: "kafka" });
    expect(profileFrom("version: 1\nlatency: 1s\nthroughput: 1k/s\nplatforms: [hazelcast-jet]\n").platforms).toEqual(["hazelcast-jet"]);
  });

  it("what the team already runs costs nothing to run, and the reason says so; it never makes a capability met", () => {
    const base = "version: 1\nlatency: 2s\nthroughput: 10k/s\nsources: [kafka]\nsinks: [kafka]\ndeployment: service\nprocessing: [cep]\n";
    const without = evaluate(profileFrom(base), shippedCatalog(), { sensitivity: false });
    const withFlink = evaluate(profileFrom(`${base}platforms: [flink]\n`), shippedCatalog(), { sensitivity: false });
    const cost = (r: typeof without) => r.ranking.find((e) => e.engine === "flink")!.reasons.find((x) => x.rule === "running-cost")!;
    expect(cost(withFlink).fit).toBeGreaterThanOrEqual(cost(without).fit);
    expect(cost(withFlink).message).toContain("the team already runs Flink");
    // running Spark does not give Spark a capability it lacks
    const kinesis = "version: 1\nlatency: 50ms\nthroughput: 10k/s\nsources: [kinesis]\nlicense: open-source\npriorities: {latency: must}\n";
    const spark = (t: string) => evaluate(profileFrom(t), shippedCatalog(), { sensitivity: false }).ranking.find((e) => e.engine === "spark")!;
    expect(spark(kinesis).disqualified).toBe(true);
    expect(spark(`${kinesis}platforms: [spark]\n`).disqualified).toBe(true);
  });
});
