// Table-driven rule tests: for each rule, profiles where it must fire (and how),
// and where it must not apply. Engines are synthetic, so these pin the rule
// logic, not the catalogue's facts. Assertions are on ids, fits and flags.
import { describe, expect, it } from "vitest";
import { ruleContext, VerdictCache } from "../../src/engine/score.js";
import { RULES, ruleById } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/types.js";
import { catalogOf, fact, makeEngine, profileFrom } from "../helpers.js";

const op = (id: string, kind: "cluster" | "runner" | "connect" | "broker" | "licence", burden: number) => ({ id, kind, what: `the ${id}`, burden, note: "n", sources: [{ url: "https://example.org/op", version: "1" }] });

const base = "version: 1\nlatency: 1s\nthroughput: 1k/s\n";
const ctx = ruleContext(catalogOf([makeEngine("x")]));

interface Case {
  name: string;
  profile: string;
  engine?: Parameters<typeof makeEngine>[1];
  applies?: boolean;
  fit?: number;
  unmet?: boolean;
  messageId?: string;
}

function check(rule: Rule, c: Case) {
  const overridden = new Set(c.profile.split("\n").map((l) => l.split(":")[0]!.trim()));
  const kept = base.split("\n").filter((l) => l && !overridden.has(l.split(":")[0]!.trim()));
  const p = profileFrom(`${kept.join("\n")}\n${c.profile}`);
  expect(rule.applies(p)).toBe(c.applies ?? true);
  if (c.applies === false) return;
  const v = rule.evaluate(p, makeEngine("x", c.engine ?? {}), ctx);
  if (c.fit !== undefined) expect(v.fit).toBeCloseTo(c.fit, 3);
  if (c.unmet !== undefined) expect(v.unmet).toBe(c.unmet);
  if (c.messageId !== undefined) expect(v.messageId).toBe(c.messageId);
  expect(v.sources.length).toBeGreaterThan(0);
  expect(Object.keys(rule.messages)).toContain(v.messageId);
}

const table: Record<string, Case[]> = {
  "latency-budget": [
    { name: "budget ten times typical: full", profile: "", engine: { latency: { floor: "10ms", typical: "100ms" } }, fit: 1, unmet: false, messageId: "meets" },
    { name: "budget at typical: 0.9", profile: "latency: 100ms\n", engine: { latency: { floor: "10ms", typical: "100ms" } }, fit: 0.9, unmet: false, messageId: "meets" },
    { name: "headroom counts: three times typical", profile: "latency: 300ms\n", engine: { latency: { floor: "10ms", typical: "100ms" } }, fit: 0.9 + 0.1 * Math.log10(3), messageId: "meets" },
    { name: "budget equal to floor: half", profile: "latency: 10ms\n", engine: { latency: { floor: "10ms", typical: "100ms" } }, fit: 0.5, unmet: false, messageId: "tuned" },
    { name: "budget below floor: unmet", profile: "", engine: { latency: { floor: "2s", typical: "5s" } }, fit: 0, unmet: true, messageId: "below" },
    { name: "budget between floor and typical: log scale", profile: "", engine: { latency: { floor: "100ms", typical: "10s" } }, fit: 0.7, unmet: false, messageId: "tuned" },
    { name: "exactly-once never moves the floor (the exactly-once rule judges it)", profile: "exactlyOnce: true\npriorities: {exactlyOnce: must}\n", engine: { latency: { floor: "10ms", typical: "100ms", exactlyOnceFloor: "5s" } }, fit: 1, unmet: false, messageId: "meets" },
    { name: "long budgets: the batch route decides", profile: "latency: 1h\n", engine: { batch: fact("limited") }, fit: 0.75, messageId: "batch" },
    { name: "exactly-once wanted but not a must leaves the floor", profile: "exactlyOnce: true\n", engine: { latency: { floor: "10ms", typical: "100ms", exactlyOnceFloor: "5s" } }, fit: 1, messageId: "meets" },
  ],
  "throughput-scale": [
    { name: "small volume: full for any scaling", profile: "", engine: { throughput: { scaling: "instances" } }, fit: 1, messageId: "easy" },
    { name: "millions per second by hand: half", profile: "throughput: 2M/s\n", engine: { throughput: { scaling: "instances" } }, fit: 0.5, messageId: "scales" },
    { name: "peak decides the tier", profile: "throughput: {sustained: 1k/s, peak: 5M/s}\n", engine: { throughput: { scaling: "partitions" } }, fit: 0.75 },
    { name: "cluster engines keep full marks", profile: "throughput: 5M/s\n", engine: { throughput: { scaling: "cluster" } }, fit: 1 },
  ],
  "processing-kinds": [
    { name: "not applied without processing", profile: "", applies: false },
    { name: "all supported", profile: "processing: [sql, cep]\n", fit: 1, messageId: "all" },
    { name: "one limited: mean, and unmet (a must needs production-ready)", profile: "processing: [sql, cep]\n", engine: { processing: { cep: fact("limited") } }, fit: 0.75, unmet: true, messageId: "partial" },
    { name: "one only with own code", profile: "processing: [sql, cep]\n", engine: { processing: { cep: fact("own-code") } }, fit: 0.625, unmet: true, messageId: "partial" },
    { name: "configured counts as production-ready", profile: "processing: [sql]\n", engine: { processing: { sql: fact("configured") } }, fit: 0.9, unmet: false, messageId: "all" },
    { name: "one missing: unmet", profile: "processing: [sql, ml-training]\n", engine: { processing: { "ml-training": fact("none") } }, fit: 0.5, unmet: true, messageId: "missing" },
  ],
  "unit-of-work": [
    { name: "not applied for either", profile: "unit: either\n", applies: false },
    { name: "events on a micro-batch engine", profile: "unit: event\n", engine: { unit: { event: fact("limited") } }, fit: 0.5, unmet: true, messageId: "partial" },
    { name: "records", profile: "unit: record\n", fit: 1, messageId: "full" },
  ],
  "deployment-model": [
    { name: "not applied for either", profile: "", applies: false },
    { name: "library wanted, cluster engine", profile: "deployment: library\n", engine: { deployment: { library: fact("none") } }, fit: 0, unmet: true, messageId: "none" },
    { name: "service wanted and offered", profile: "deployment: service\n", fit: 1, unmet: false },
  ],
  "source-connectors": [
    { name: "not applied without sources", profile: "", applies: false },
    { name: "a missing source is unmet", profile: "sources: [kafka, http]\n", engine: { connectors: { http: { source: "none" } } }, unmet: true, messageId: "missing" },
    { name: "batch route applies to long budgets", profile: "latency: 2h\nsources: [database]\n", engine: { connectors: { database: { source: "limited", batchSource: "builtin" } } }, fit: 1, unmet: false },
    { name: "streaming route applies to short budgets", profile: "sources: [database]\n", engine: { connectors: { database: { source: "limited", batchSource: "builtin" } } }, fit: 0.5, unmet: true },
    { name: "only through another system: unmet", profile: "sources: [http]\n", engine: { connectors: { http: { source: "external", via: "kafka-connect" } }, operations: [{ id: "kafka-connect", kind: "connect", what: "a Kafka Connect cluster", burden: 2, note: "n", sources: [{ url: "https://example.org/c", version: "1" }] }] }, fit: 0.4, unmet: true, messageId: "partial" },
  ],
  "sink-connectors": [
    { name: "reads the sink side only", profile: "sinks: [search]\n", engine: { connectors: { search: { source: "none", sink: "builtin" } } }, fit: 1, unmet: false },
    { name: "a missing sink is unmet", profile: "sinks: [search]\n", engine: { connectors: { search: { source: "builtin", sink: "none" } } }, unmet: true },
    { name: "table formats count, but never disqualify", profile: "sinks: [object-store]\n", engine: { connectors: { "object-store": { tables: { route: "none", note: "n", sources: [{ url: "https://example.org/t", version: "1" }] } } } }, fit: 0.5, unmet: false, messageId: "partial" },
  ],
  "job-language": [
    { name: "one of the languages suffices", profile: "languages: [python, java]\n", engine: { languages: { python: fact("none") } }, fit: 1, unmet: false },
    { name: "none of them: unmet", profile: "languages: [python, go]\n", engine: { languages: { python: fact("none"), go: fact("none") } }, fit: 0, unmet: true, messageId: "none" },
  ],
  "event-time": [
    { name: "not applied when false", profile: "eventTime: false\n", applies: false },
    { name: "no watermarks: unmet", profile: "eventTime: true\n", engine: { eventTime: fact("none") }, unmet: true },
  ],
  "exactly-once": [
    { name: "not applied when false", profile: "", applies: false },
    { name: "the weakest sink decides", profile: "exactlyOnce: true\nsinks: [kafka, http]\n", engine: { exactlyOnce: { route: "builtin", sinks: { http: "none" } } }, fit: 0, unmet: true, messageId: "none" },
    { name: "no sinks: the overall route", profile: "exactlyOnce: true\n", engine: { exactlyOnce: { route: "limited" } }, fit: 0.5, unmet: true },
    { name: "exactly-once only above the budget: halved and unmet", profile: "latency: 10ms\nexactlyOnce: true\n", engine: { latency: { floor: "1ms", typical: "5ms", exactlyOnceFloor: "100ms" } }, fit: 0.5, unmet: true, messageId: "slow" },
    { name: "exactly-once floor within the budget", profile: "latency: 1s\nexactlyOnce: true\n", engine: { latency: { floor: "1ms", typical: "5ms", exactlyOnceFloor: "100ms" } }, fit: 1, unmet: false, messageId: "full" },
  ],
  "state-size": [
    { name: "not applied for none", profile: "state: none\n", applies: false },
    { name: "large state on a heap-only engine: unmet", profile: "state: large\n", engine: { state: { large: fact("none") } }, unmet: true },
  ],
  "batch-backfill": [
    { name: "not applied when false", profile: "", applies: false },
    { name: "replay-only backfills: limited, so unmet", profile: "batch: true\n", engine: { batch: fact("limited") }, fit: 0.5, unmet: true, messageId: "partial" },
  ],
  "managed-cloud": [
    { name: "not applied for any", profile: "cloud: any\n", applies: false },
    { name: "no offering on the cloud: unmet", profile: "cloud: azure\n", engine: { managed: { azure: fact("none") } }, unmet: true, messageId: "none" },
    { name: "self-run", profile: "cloud: none\n", fit: 1, messageId: "self-full" },
  ],
  "open-source-license": [
    { name: "not applied for any", profile: "license: any\n", applies: false },
    { name: "BSL is not OSI: unmet", profile: "license: open-source\n", engine: { license: { spdx: "BUSL-1.1", osi: false } }, fit: 0, unmet: true, messageId: "not-osi" },
    { name: "Apache-2.0 is OSI", profile: "license: open-source\n", fit: 1, messageId: "osi" },
  ],
  portability: [
    { name: "not applied when false", profile: "", applies: false },
    { name: "engine-specific code: unmet", profile: "portable: true\n", engine: { portability: fact("none") }, fit: 0, unmet: true, messageId: "none" },
    { name: "runs on several runners", profile: "portable: true\n", fit: 1, unmet: false, messageId: "full" },
  ],
  "running-cost": [
    { name: "nothing to run: full", profile: "", fit: 1, unmet: false, messageId: "nothing" },
    { name: "a cluster to operate: half", profile: "", engine: { operations: [op("processing-cluster", "cluster", 2)] }, fit: 0.5, unmet: false, messageId: "adds" },
    { name: "a cluster is what a service profile asks for", profile: "deployment: service\n", engine: { operations: [op("processing-cluster", "cluster", 2)] }, fit: 1, messageId: "nothing" },
    { name: "a managed offering on the profile's cloud runs the cluster", profile: "cloud: aws\n", engine: { operations: [op("runner-cluster", "runner", 2)] }, fit: 1, messageId: "nothing" },
    { name: "a vendor offering does not take the cluster away", profile: "cloud: aws\n", engine: { operations: [op("runner-cluster", "runner", 2)], managed: { aws: fact("third-party") } }, fit: 0.5, messageId: "adds" },
    { name: "a Connect cluster counts when an endpoint needs it", profile: "sinks: [http]\n", engine: { operations: [op("kafka-connect", "connect", 2)], connectors: { http: { sink: "external", via: "kafka-connect" } } }, fit: 0.5, messageId: "adds" },
    { name: "and not when no endpoint does", profile: "sinks: [kafka]\n", engine: { operations: [op("kafka-connect", "connect", 2)], connectors: { http: { sink: "external", via: "kafka-connect" } } }, fit: 1, messageId: "nothing" },
    { name: "a broker the engine needs counts when the profile's endpoints are elsewhere", profile: "sources: [http]\nsinks: [database]\n", engine: { operations: [{ ...op("kafka-cluster", "broker", 2), endpoint: "kafka" }] }, fit: 0.5, messageId: "adds" },
    { name: "and not when the profile names it", profile: "sources: [kafka]\nsinks: [database]\n", engine: { operations: [{ ...op("kafka-cluster", "broker", 2), endpoint: "kafka" }] }, fit: 1, messageId: "nothing" },
    { name: "a licence key always counts", profile: "deployment: service\ncloud: gcp\n", engine: { operations: [op("licence-key", "licence", 1)] }, fit: 2 / 3, messageId: "adds" },
    { name: "a cluster the team already runs costs nothing", profile: "platforms: [flink]\n", engine: { operations: [{ ...op("processing-cluster", "cluster", 2), platforms: ["flink"] }] }, fit: 1, messageId: "nothing" },
    { name: "a platform the team runs that is not this one does not", profile: "platforms: [spark]\n", engine: { operations: [{ ...op("processing-cluster", "cluster", 2), platforms: ["flink"] }] }, fit: 0.5, messageId: "adds" },
    { name: "an engine that cannot serve lookups adds a serving database", profile: "serving: lookup\n", engine: { serving: { lookup: fact("none"), sql: fact("none") } }, fit: 2 / 3.5, messageId: "adds" },
    { name: "and one that serves them does not", profile: "serving: lookup\n", engine: { serving: { lookup: fact("configured"), sql: fact("none") } }, fit: 1, messageId: "nothing" },
  ],
  serving: [
    { name: "not applied when results are read from sinks", profile: "", applies: false },
    { name: "lookups served by the engine", profile: "serving: lookup\n", engine: { serving: { lookup: fact("configured"), sql: fact("none") } }, fit: 0.9, unmet: false, messageId: "full" },
    { name: "SQL over the results answers lookups too", profile: "serving: lookup\n", engine: { serving: { lookup: fact("none"), sql: fact("builtin") } }, fit: 1, unmet: false, messageId: "full" },
    { name: "a deprecated lookup is limited: unmet", profile: "serving: lookup\n", engine: { serving: { lookup: fact("limited"), sql: fact("none") } }, fit: 0.5, unmet: true, messageId: "partial" },
    { name: "no SQL serving", profile: "serving: sql\n", engine: { serving: { lookup: fact("builtin"), sql: fact("none") } }, fit: 0, unmet: true, messageId: "none" },
  ],
  consistency: [
    { name: "not applied for eventual consistency", profile: "", applies: false },
    { name: "consistent reads", profile: "consistency: consistent\n", engine: { consistency: fact("builtin") }, fit: 1, unmet: false, messageId: "full" },
    { name: "only through one path: limited", profile: "consistency: consistent\n", engine: { consistency: fact("limited") }, fit: 0.5, unmet: true, messageId: "partial" },
    { name: "eventual: none", profile: "consistency: consistent\n", engine: { consistency: fact("none") }, fit: 0, unmet: true, messageId: "none" },
  ],
  "stateful-operations": [
    { name: "not applied without operations", profile: "", applies: false },
    { name: "every operation has an operator", profile: "operations: [join, window]\n", fit: 1, unmet: false, messageId: "all" },
    { name: "a join built by hand is own code: unmet", profile: "operations: [join, window]\n", engine: { operators: { join: fact("own-code") } } as never, fit: (0.25 + 1) / 2, unmet: true, messageId: "partial" },
    { name: "no join operator", profile: "operations: [join]\n", engine: { operators: { join: fact("none") } } as never, fit: 0, unmet: true, messageId: "missing" },
  ],
  maintenance: [
    { name: "active with a recent release", profile: "", fit: 1, unmet: false, messageId: "active" },
    { name: "active, but no release in twelve months", profile: "", engine: { released: "2025-06-01", asOf: "2026-11-01" }, fit: 0.5, unmet: true, messageId: "stale" },
    { name: "the newest release of any line counts", profile: "", engine: { released: "2025-06-01", asOf: "2026-11-01", maintenance: { lastRelease: { version: "2.0.0", date: "2026-10-01" } } }, fit: 1, messageId: "active" },
    { name: "maintenance only", profile: "", engine: { maintenance: { status: "maintenance" } }, fit: 0.25, unmet: true, messageId: "maintenance" },
    { name: "dormant", profile: "", engine: { maintenance: { status: "dormant" } }, fit: 0, unmet: true, messageId: "dormant" },
  ],
};

const rtm = { name: "Low-latency mode", when: { sources: ["kafka"], operations: ["aggregate"] }, floor: "10ms", typical: "50ms", note: "mode", sources: [{ url: "https://example.org/mode", version: "1" }] };
const vendorOnly = { name: "Vendor build", when: { distribution: "Vendor Runtime" }, route: "builtin", note: "vendor", sources: [{ url: "https://example.org/vendor", version: "1" }] };

describe("facts that hold only under conditions", () => {
  const latency = ruleById("latency-budget")!;
  const engine = makeEngine("x", { latency: { floor: "100ms", typical: "1s", variants: [rtm] } } as never);
  it("a low-latency mode holds when the profile meets its conditions", () => {
    const v = latency.evaluate(profileFrom("version: 1\nlatency: 50ms\nthroughput: 1k/s\nsources: [kafka]\noperations: [aggregate]\n"), engine, ctx);
    expect(v.messageId).toBe("meets");
    expect(v.unmet).toBe(false);
    expect(v.args.mode).toContain("Low-latency mode");
  });
  it("and not for a source outside them: the reason names the mode and the source", () => {
    const v = latency.evaluate(profileFrom("version: 1\nlatency: 50ms\nthroughput: 1k/s\nsources: [pulsar]\n"), engine, ctx);
    expect(v.messageId).toBe("below");
    expect(v.unmet).toBe(true);
    expect(v.args.condition).toMatch(/Low-latency mode.*pulsar/);
    expect(v.sources.map((s) => s.url)).toContain("https://example.org/mode");
  });
  it("a source's own delivery delay comes off the budget (rules.yaml latency.sourceDelay)", () => {
    const plain = makeEngine("x", { latency: { floor: "10ms", typical: "50ms" } });
    const fast = latency.evaluate(profileFrom("version: 1\nlatency: 100ms\nthroughput: 1k/s\nsources: [kafka]\n"), plain, ctx);
    const kinesis = latency.evaluate(profileFrom("version: 1\nlatency: 100ms\nthroughput: 1k/s\nsources: [kinesis]\n"), plain, ctx);
    expect(fast.messageId).toBe("meets");
    expect(kinesis.messageId).toBe("tuned");
    expect(String(kinesis.args.left)).toContain("left after 70ms for kinesis");
    expect(kinesis.sources.map((s) => s.url)).toContain("https://docs.aws.amazon.com/streams/latest/dev/building-consumers.html");
  });
  it("nor for an operation it does not run", () => {
    const v = latency.evaluate(profileFrom("version: 1\nlatency: 50ms\nthroughput: 1k/s\nsources: [kafka]\noperations: [join]\n"), engine, ctx);
    expect(v.unmet).toBe(true);
    expect(v.args.condition).toContain("join");
  });
  it("a capability only in a vendor's distribution holds where the team runs the engine (platforms), named", () => {
    const e = makeEngine("x", { connectors: { kinesis: { source: "third-party", variants: [{ name: vendorOnly.name, when: vendorOnly.when, note: vendorOnly.note, sources: vendorOnly.sources, source: "builtin" }] } } } as never);
    const rule = ruleById("source-connectors")!;
    const runs = rule.evaluate(profileFrom("version: 1\nlatency: 1s\nthroughput: 1k/s\nsources: [kinesis]\nplatforms: [x]\n"), e, ctx);
    expect(runs.unmet).toBe(false);
    expect(String(runs.args.condition)).toContain("Vendor Runtime");
    // or names the vendor
    expect(rule.evaluate(profileFrom("version: 1\nlatency: 1s\nthroughput: 1k/s\nsources: [kinesis]\nplatforms: [vendor]\n"), e, ctx).unmet).toBe(false);
    // a team that does not run it is not assumed to buy it
    const not = rule.evaluate(profileFrom("version: 1\nlatency: 1s\nthroughput: 1k/s\nsources: [kinesis]\n"), e, ctx);
    expect(not.unmet).toBe(true);
    expect(String(not.args.condition)).toContain("platforms do not name");
  });
  it("and never meets license: open-source", () => {
    const e = makeEngine("x", { connectors: { kinesis: { source: "third-party", variants: [{ name: vendorOnly.name, when: vendorOnly.when, note: vendorOnly.note, sources: vendorOnly.sources, source: "builtin" }] } } } as never);
    const rule = ruleById("source-connectors")!;
    const osi = rule.evaluate(profileFrom("version: 1\nlatency: 1s\nthroughput: 1k/s\nsources: [kinesis]\nlicense: open-source\n"), e, ctx);
    expect(osi.unmet).toBe(true);
    expect(String(osi.args.condition)).toContain("not under license: open-source");
  });
  it("fact variants work for single-fact rules too (exactly-once only without some sinks)", () => {
    const e = makeEngine("x", { eventTime: { route: "limited", variants: [{ ...vendorOnly }] } } as never);
    const rule = ruleById("event-time")!;
    expect(rule.evaluate(profileFrom("version: 1\nlatency: 1s\nthroughput: 1k/s\neventTime: true\nplatforms: [x]\n"), e, ctx).fit).toBe(1);
    expect(rule.evaluate(profileFrom("version: 1\nlatency: 1s\nthroughput: 1k/s\neventTime: true\nlicense: open-source\nplatforms: [x]\n"), e, ctx).fit).toBe(0.5);
  });
});

describe("every rule has a case table", () => {
  it("covers every registered rule", () => {
    expect(Object.keys(table).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});

for (const [id, cases] of Object.entries(table)) {
  describe(id, () => {
    const rule = ruleById(id)!;
    it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => check(rule, c));
  });
}

describe("rule keys with conditions on the budget", () => {
  // A condition reads the budget only through latencyBelow, so rules key it by
  // which of the catalogue's thresholds it reaches: budgets on one side of a
  // threshold share verdicts, and a budget across one is judged again.
  const perRecordUnder1s = makeEngine("fast", {
    unit: { record: { ...fact("none"), variants: [{ name: "fast mode", when: { latencyBelow: "1s" }, route: "builtin", note: "n", sources: [{ url: "https://example.org/v", version: "1" }] }] } },
  } as Parameters<typeof makeEngine>[1]);
  const catalog = catalogOf([makeEngine("plain"), perRecordUnder1s]);
  const shared = ruleContext(catalog);
  const at = (latency: string) => profileFrom(`version: 1\nlatency: ${latency}\nthroughput: 20k/s\nunit: record\nsources: [kafka]\nsinks: [kafka]\noperations: [aggregate]\n`);
  const budgets = ["5ms", "200ms", "999ms", "1s", "3s", "40m"].map(at);
  it("keeps each rule's key a function of what decides its verdict", () => {
    for (const rule of RULES) {
      for (const p of budgets) {
        for (const q of budgets) {
          if (!rule.applies(p) || !rule.applies(q) || rule.key(p, shared) !== rule.key(q, shared)) continue;
          for (const e of catalog.engines) {
            const a = rule.evaluate(p, e, shared);
            const b = rule.evaluate(q, e, shared);
            expect([rule.id, e.id, p.latency.text, q.latency.text, a.fit, a.unmet]).toEqual([rule.id, e.id, p.latency.text, q.latency.text, b.fit, b.unmet]);
          }
        }
      }
    }
  });
  it("a shared verdict cache judges like a fresh evaluation, for engines with conditional facts and without", () => {
    const cache = new VerdictCache(catalog);
    const variants = [...budgets, profileFrom("version: 1\nlatency: 200ms\nthroughput: 20k/s\nunit: record\nsources: [kinesis]\n")];
    for (const p of [...variants, ...variants]) {
      for (const rule of RULES) {
        if (!rule.applies(p)) continue;
        const row = cache.verdicts(rule, p).map((v) => [v.fit, v.unmet]);
        expect([rule.id, p.latency.text, row]).toEqual([rule.id, p.latency.text, catalog.engines.map((e) => [rule.evaluate(p, e, shared).fit, rule.evaluate(p, e, shared).unmet])]);
      }
    }
  });
  it("gives a rule the same key for budgets on one side of every threshold, another across one", () => {
    const unit = ruleById("unit-of-work")!;
    const fast = catalog.engines.find((e) => e.id === "fast")!;
    expect(unit.key(at("5ms"), shared)).toBe(unit.key(at("999ms"), shared));
    expect(unit.key(at("1s"), shared)).toBe(unit.key(at("40m"), shared));
    expect(unit.key(at("999ms"), shared)).not.toBe(unit.key(at("1s"), shared));
    expect([unit.evaluate(at("999ms"), fast, shared).fit, unit.evaluate(at("1s"), fast, shared).fit]).toEqual([1, 0]);
  });
});

describe("rule keys", () => {
  // Sensitivity analysis memoises verdicts by rule.key(profile): two profiles
  // with equal keys must get equal verdicts from every engine.
  const profiles = [
    "latency: 10ms\nthroughput: 20k/s\n",
    "latency: 10ms\nthroughput: 20k/s\nexactlyOnce: true\nsinks: [kafka, database]\npriorities: {exactlyOnce: must}\n",
    "latency: 20m\nthroughput: {sustained: 1k/s, peak: 2M/s}\nsources: [database, kafka]\nsinks: [database]\n",
    "latency: 2s\nthroughput: 2M/s\nprocessing: [sql, cep]\nunit: event\ndeployment: library\nlanguages: [python]\neventTime: true\nstate: large\nbatch: true\ncloud: gcp\nlicense: open-source\n",
    "latency: 2s\nthroughput: 2M/s\nprocessing: [sql, cep]\nunit: event\ndeployment: library\nlanguages: [python]\neventTime: true\nstate: large\nbatch: true\ncloud: gcp\nlicense: open-source\nname: same inputs, other name\n",
  ].map((t) => profileFrom(`version: 1\n${t}`));
  const engines = [makeEngine("a"), makeEngine("b", { latency: { floor: "100ms", typical: "1s", exactlyOnceFloor: "5s" }, connectors: { database: { source: "limited", batchSource: "builtin" } }, exactlyOnce: { route: "builtin", sinks: { database: "none" } } })];
  // Sensitivity analysis weighs the rules once for every latency budget it tries.
  it.each(RULES.map((r) => [r.id, r] as const))("%s: whether it applies does not depend on the latency budget", (_, rule) => {
    for (const p of profiles) {
      for (const ms of [0.001, 1, 10, 500, 60_000, 3_600_000]) expect(rule.applies({ ...p, latency: { text: `${ms}ms`, ms } })).toBe(rule.applies(p));
    }
  });
  it.each(RULES.map((r) => [r.id, r] as const))("%s: equal keys give equal verdicts", (_, rule) => {
    for (const p of profiles) {
      for (const q of profiles) {
        if (!rule.applies(p) || !rule.applies(q) || rule.key(p, ctx) !== rule.key(q, ctx)) continue;
        for (const e of engines) {
          const a = rule.evaluate(p, e, ctx);
          const b = rule.evaluate(q, e, ctx);
          expect([a.fit, a.unmet]).toEqual([b.fit, b.unmet]);
        }
      }
    }
  });
});
