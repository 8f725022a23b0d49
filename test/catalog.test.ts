// The shipped catalogue: complete, sourced, dated, and compiled faithfully into the bundle.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogDir } from "../src/catalog/load.js";
import { rulesDir } from "../src/catalog/shipped.js";
import { InputError } from "../src/diagnostics.js";
import { loadEngineFile } from "../src/catalog/load.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";

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
      expect(d.some((x) => x.message === "unknown key 'sumary'" && x.suggestion === "summary" && x.line === 7 && x.col === 1)).toBe(true);
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
