// Catalogue upkeep: which facts were checked when, which sources cite which
// version, and which facts an upstream release would touch. Read by
// `npm run catalog:report` (scripts/catalog-report.ts) and by the tests that
// keep descriptor versions from going stale.

import { compareText } from "../text.js";
import type { Catalog } from "./load.js";
import type { Engine, Source } from "./schema.js";

export interface FactRef {
  /** where the fact sits in the descriptor, e.g. connectors.database */
  path: string;
  /** when it was last checked: its own `checked`, else the descriptor's asOf */
  checked: string;
  sources: Source[];
}

/** Every sourced fact of a descriptor (every object with a `sources` list), in file order. */
export function factRefs(engine: Engine): FactRef[] {
  const out: FactRef[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, [...path.slice(0, -1), `${path[path.length - 1]}[${(x as { id?: string })?.id ?? i}]`]));
      return;
    }
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    // a condition (`when`) lists connector kinds under `sources`: only lists of {url, version} are a fact's sources
    if (Array.isArray(o.sources) && o.sources.every((x) => x && typeof x === "object")) out.push({ path: path.join("."), checked: typeof o.checked === "string" ? o.checked : engine.asOf, sources: o.sources as Source[] });
    for (const [k, v] of Object.entries(o)) if (k !== "sources" && v && typeof v === "object") walk(v, [...path, k]);
  };
  walk(engine, []);
  return out;
}

/** The leading dotted number of a version text ("4.1.0 (2026-07)" -> [4, 1, 0]); undefined for dates and "4.x". */
export function versionNumbers(text: string): number[] | undefined {
  if (/^\d{4}-\d{2}/.test(text)) return undefined;
  const m = /^v?(\d+(?:\.\d+)+)(?![.\dx])/.exec(text.trim());
  return m ? m[1]!.split(".").map(Number) : undefined;
}

/** Whether version a is newer than b, comparing as far as both go ("4.4" is newer than "4.3.1"; "2.3" is not newer than "2.3.0"). */
export function isNewer(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** The URL prefixes whose sources cite the engine's own version. */
export function ownPrefixes(engine: Engine): string[] {
  return engine.ownSources ?? [engine.homepage];
}

export function isOwnSource(engine: Engine, url: string): boolean {
  return ownPrefixes(engine).some((p) => url.startsWith(p));
}

/** Sources of the engine's own that cite a newer version than the descriptor describes, without a note saying why. */
export function newerOwnSources(engine: Engine): { path: string; url: string; version: string }[] {
  const described = versionNumbers(engine.version);
  if (!described) return [];
  const out: { path: string; url: string; version: string }[] = [];
  for (const f of factRefs(engine)) {
    for (const s of f.sources) {
      const v = versionNumbers(s.version);
      if (v && isOwnSource(engine, s.url) && isNewer(v, described) && !s.note) out.push({ path: f.path, url: s.url, version: s.version });
    }
  }
  return out;
}

/** The facts a release of the engine would touch: those that cite the engine's own versioned docs, release notes or source. */
export function factsTouchedByRelease(engine: Engine): FactRef[] {
  return factRefs(engine).filter((f) => f.sources.some((s) => isOwnSource(engine, s.url)));
}

/** The report `npm run catalog:report` prints: per engine, facts by last check, sources by version; with `release`, the facts it touches. */
export function catalogReport(catalog: Catalog, release?: { engine: string; version: string }): string {
  const lines: string[] = [`# Catalogue report (catalogue as of ${catalog.asOf}, ${catalog.engines.length} engines)`, ""];
  for (const e of catalog.engines) {
    if (release && release.engine !== e.id) continue;
    const facts = factRefs(e);
    lines.push(`## ${e.name} (${e.id}): describes ${e.version}, released ${e.released}; facts checked ${e.asOf}`, "");
    const stale = newerOwnSources(e);
    if (stale.length) lines.push(`Sources newer than ${e.version} (update the descriptor's version, or give the source a note):`, ...stale.map((s) => `  - ${s.path}: ${s.url} (${s.version})`), "");
    lines.push("Facts by last check, oldest first:");
    const byDate = groupBy(facts, (f) => f.checked);
    for (const d of [...byDate.keys()].sort(compareText)) lines.push(`  ${d} (${byDate.get(d)!.length}): ${byDate.get(d)!.map((f) => f.path).join(", ")}`);
    lines.push("", "Sources by version (own docs marked *):");
    const sources = facts.flatMap((f) => f.sources);
    const byVersion = groupBy(sources, (s) => s.version);
    for (const v of [...byVersion.keys()].sort(compareText)) {
      const urls = [...new Set(byVersion.get(v)!.map((s) => `${isOwnSource(e, s.url) ? "*" : ""}${s.url}`))];
      lines.push(`  ${v} (${byVersion.get(v)!.length}): ${urls.join(" ")}`);
    }
    if (release) {
      const touched = factsTouchedByRelease(e);
      lines.push("", `A ${e.name} ${release.version} release would touch ${touched.length} of ${facts.length} facts (they cite ${e.name}'s own docs, notes or source; re-check each, bump its sources' versions, then version, released and asOf):`);
      for (const f of touched) lines.push(`  - ${f.path} (checked ${f.checked})`);
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
