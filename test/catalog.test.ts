// The shipped catalogue: complete, sourced, dated, and compiled faithfully into the bundle.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogDir, loadEngineDir } from "../src/catalog/load.js";
import { rulesDir } from "../src/catalog/shipped.js";
import { InputError } from "../src/diagnostics.js";
import { loadEngineFile } from "../src/catalog/load.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { catalogReport, isNewer, newerOwnSources, versionNumbers } from "../src/catalog/report.js";
import { makeEngine, shippedCatalog } from "./helpers.js";

const CLI_ROOT_FOR_CATALOG = join(__dirname, "..");

const catalog = loadCatalogDir(rulesDir());

/** Every {url, version} source object anywhere in a descriptor. */
function allSources(node: unknown, path = ""): { path: string; url: string; version: string }[] {
  if (Array.isArray(node)) return node.flatMap((x, i) => allSources(x, `${path}[${i}]`));
  if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (typeof o.url === "string" && "version" in o) return [{ path, url: o.url, version: String(o.version) }];
    return Object.entries(o).flatMap(([k, v]) => allSources(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** Every object that carries a route or a note (a fact) must carry sources. */
function factsWithoutSources(node: unknown, path = ""): string[] {
  if (Array.isArray(node)) return node.flatMap((x, i) => factsWithoutSources(x, `${path}[${i}]`));
  if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    const own = ("note" in o || "route" in o) && !(Array.isArray(o.sources) && o.sources.length > 0) ? [path] : [];
    return [...own, ...Object.entries(o).filter(([k]) => k !== "sources").flatMap(([k, v]) => factsWithoutSources(v, path ? `${path}.${k}` : k))];
  }
  return [];
}

describe("the shipped catalogue", () => {
  it("describes the five core engines", () => {
    expect(catalog.engines.map((e) => e.id)).toEqual(["akka-streams", "beam", "flink", "kafka-streams", "spark"]);
  });

  it.each(catalog.engines.map((e) => [e.id, e] as const))("%s: every fact has a source with a version or date", (_, e) => {
    expect(factsWithoutSources(e)).toEqual([]);
    const sources = allSources(e);
    expect(sources.length).toBeGreaterThan(30);
    for (const s of sources) {
      expect(s.url, s.path).toMatch(/^https:\/\/[^\s]+$/);
      expect(s.version.trim().length, s.path).toBeGreaterThan(0);
    }
  });

  it.each(catalog.engines.map((e) => [e.id, e] as const))("%s: names its version, release date and as-of date, and records where the talk is out of date", (_, e) => {
    expect(e.version).toMatch(/\d/);
    expect(e.released).toMatch(/^\d{4}-\d{2}/);
    expect(e.asOf).toMatch(/^\d{4}-\d{2}/);
    expect(e.seedCorrections.length).toBeGreaterThan(0);
  });

  const everyShipped = [...catalog.engines, ...loadEngineDir(join(rulesDir(), "extended"))];
  it.each(everyShipped.map((e) => [e.id, e] as const))("%s: describes serving, consistency, operators and its last release", (_, e) => {
    expect(e.serving, "serving").toBeDefined();
    expect(e.consistency, "consistency").toBeDefined();
    expect(e.operators, "operators").toBeDefined();
    expect(Object.keys(e.operators ?? {}).sort()).toEqual(["aggregate", "dedupe", "enrich", "join", "window"]);
    expect(e.maintenance.lastRelease, "maintenance.lastRelease").toBeDefined();
    expect(e.maintenance.lastRelease!.date).toMatch(/^\d{4}-\d{2}/);
    // the newest release of any line is never older than the line described
    expect(e.maintenance.lastRelease!.date >= e.released).toBe(true);
  });

  it.each(everyShipped.map((e) => [e.id, e] as const))("%s: every running cost but a licence names the platforms that already cover it", (_, e) => {
    for (const op of e.operations) {
      if (op.kind === "licence") expect(op.platforms, op.id).toBeUndefined();
      else expect(op.platforms?.length, op.id).toBeGreaterThan(0);
    }
  });

  it("is compiled into the bundle unchanged (dist/catalog.json is what the CLI embeds)", () => {
    const compiled = JSON.parse(readFileSync(join(__dirname, "..", "dist", "catalog.json"), "utf8"));
    expect(compiled).toEqual(JSON.parse(JSON.stringify(catalog)));
  });
});

describe("catalogue validation", () => {
  const dir = mkdtempSync(join(tmpdir(), "advise-cat-"));
  const flink = readFileSync(join(rulesDir(), "engines", "flink.yaml"), "utf8");

  it("rejects an unknown key with a located did-you-mean", () => {
    const p = join(dir, "flink.yaml");
    writeFileSync(p, flink.replace(/^summary:/m, "sumary:"));
    try {
      loadEngineFile(p);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const d = (e as InputError).diagnostics;
      expect(d.some((x) => x.message === "unknown key 'sumary'" && x.suggestion === "summary" && x.line === flink.split("\n").findIndex((l) => l.startsWith("summary:")) + 1 && x.col === 1)).toBe(true);
    }
  });

  it("rejects a fact without a source", () => {
    const p = join(dir, "flink.yaml");
    writeFileSync(p, flink.replace(/(eventTime:\n(?:.*\n)*?)\s+sources:\n(\s+- url: .*\n\s+version: .*\n)+/, "$1"));
    expect(() => loadEngineFile(p)).toThrow(/missing required field 'eventTime.sources'/);
  });

  it("rejects an id that does not match the file name", () => {
    const p = join(dir, "flonk.yaml");
    writeFileSync(p, flink);
    expect(() => loadEngineFile(p)).toThrow(/id 'flink' does not match the file name 'flonk.yaml'/);
  });
});

describe("versions that cannot silently go stale", () => {
  // the user-catalogue example and the shipped extended catalogue are held to the same rule
  const examples = [loadEngineFile(join(CLI_ROOT_FOR_CATALOG, "examples", "catalog", "pekko-streams.yaml")), ...loadEngineDir(join(rulesDir(), "extended"))];
  it.each([...shippedCatalog().engines, ...examples].map((e) => [e.id, e] as const))("%s: no source of its own cites a newer version than the release it describes, unless its note says why", (_, e) => {
    expect(newerOwnSources(e)).toEqual([]);
    expect(e.released <= e.asOf, "released after the facts were checked").toBe(true);
  });

  it("catches a descriptor that cites its own newer docs (as the Kafka one did: 4.4 docs while describing 4.3.1)", () => {
    const e = makeEngine("kafka-like", { version: "4.3.1", homepage: "https://kafka.apache.org/", processing: { sql: { route: "none", note: "n", sources: [{ url: "https://kafka.apache.org/44/streams/", version: "4.4" }] } } });
    expect(newerOwnSources(e)).toEqual([{ path: "processing.sql", url: "https://kafka.apache.org/44/streams/", version: "4.4" }]);
    // a note saying why lets it stand; another project's newer version is not the engine's own
    const noted = makeEngine("kafka-like", { version: "4.3.1", homepage: "https://kafka.apache.org/", processing: { sql: { route: "none", note: "n", sources: [{ url: "https://kafka.apache.org/44/streams/", version: "4.4", note: "release candidate docs" }] } } });
    expect(newerOwnSources(noted)).toEqual([]);
    const other = makeEngine("x", { version: "2.3.0", homepage: "https://flink.apache.org/", connectors: { kafka: { note: "n", sources: [{ url: "https://github.com/apache/flink-connector-kafka", version: "5.0.0" }] } } });
    expect(newerOwnSources(other)).toEqual([]);
  });

  it.each([
    ["4.4", "4.3.1", true],
    ["2.3", "2.3.0", false],
    ["4.1.0 (2026-07)", "4.0.0", true],
    ["2.10", "2.10.23", false],
    ["3.0.0", "2.77.0", true],
  ] as const)("%s is newer than %s: %s", (a, b, want) => {
    expect(isNewer(versionNumbers(a)!, versionNumbers(b)!)).toBe(want);
  });

  it.each(["4.x", "2026-11", "4.x docs, 2026-11", "latest"])("%s is not a version number to compare", (v) => {
    expect(versionNumbers(v)).toBeUndefined();
  });
});

describe("npm run catalog:report", () => {
  const report = catalogReport(shippedCatalog(), { engine: "kafka-streams", version: "4.5.0" });
  it("lists facts by the date they were last checked and sources by version", () => {
    expect(report).toContain("## Kafka Streams (kafka-streams): describes 4.4.0");
    expect(report).toMatch(/Facts by last check, oldest first:\n {2}2026-11-25 \(\d+\): /);
    expect(report).toMatch(/ {2}2026-12-02 \(\d+\): .*connectors\.search/);
    expect(report).toMatch(/ {2}4\.4 \(\d+\): \*https:\/\/github\.com\/apache\/kafka\//);
  });
  it("names the facts an upstream release would touch, and only that engine", () => {
    expect(report).toMatch(/A Kafka Streams 4\.5\.0 release would touch \d+ of \d+ facts/);
    expect(report).toContain("  - processing.dataflow (checked 2026-11-25)");
    expect(report).not.toContain("Apache Flink");
  });
});
