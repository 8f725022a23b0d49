// The catalogue that ships with the tool. The build compiles rules/*.yaml
// (the five core engines) and rules/extended/*.yaml (the extended catalogue)
// into the bundle as JSON text, both validated once, at build time; the
// extended one is parsed only when a run asks for it (the MCP bundle reads it
// from dist/extended.json). From source (tests, development) both are loaded
// and validated from the YAML on first use.

import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type Diagnostic, InputError } from "../diagnostics.js";
import { compareText, visible } from "../text.js";
import type { Catalog } from "./load.js";
import type { Engine } from "./schema.js";

declare const __STREAM_ADVISOR_CATALOG_JSON__: string | undefined;
/** set by the build: the extended catalogue as JSON text, in the CLI's bundle */
declare const __STREAM_ADVISOR_EXTENDED_JSON__: string | undefined;
/** set by the build: the extended catalogue is compiled into dist/extended.json, beside the bundle */
declare const __STREAM_ADVISOR_EXTENDED_FILE__: string | undefined;
declare const __dirname: string | undefined;

let cached: Catalog | undefined;
let extendedCache: Engine[] | undefined;

/** The folder holding the shipped YAML catalogue (rules/). */
export function rulesDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "rules");
}

/** The five core engines and the rule settings. */
export async function shippedCatalog(): Promise<Catalog> {
  if (cached) return cached;
  if (typeof __STREAM_ADVISOR_CATALOG_JSON__ !== "undefined") {
    cached = JSON.parse(__STREAM_ADVISOR_CATALOG_JSON__) as Catalog;
  } else {
    const { loadCatalogDir } = await import("./load.js");
    cached = loadCatalogDir(rulesDir());
  }
  return cached;
}

/** The shipped extended catalogue (rules/extended/), sorted by id; read on first use only. */
export async function extendedEngines(): Promise<Engine[]> {
  if (extendedCache) return extendedCache;
  if (typeof __STREAM_ADVISOR_EXTENDED_JSON__ !== "undefined") {
    extendedCache = JSON.parse(__STREAM_ADVISOR_EXTENDED_JSON__) as Engine[];
  } else if (typeof __STREAM_ADVISOR_EXTENDED_FILE__ !== "undefined" && typeof __dirname === "string") {
    extendedCache = JSON.parse(readFileSync(join(__dirname, __STREAM_ADVISOR_EXTENDED_FILE__), "utf8")) as Engine[];
  } else {
    const { loadEngineDir } = await import("./load.js");
    extendedCache = loadEngineDir(join(rulesDir(), "extended"));
  }
  return extendedCache;
}

/** Where a selection came from, for its error messages: the --engines flag, or a config file's `engines:` key. */
export type SelectionOrigin = { flag: string } | { at: Diagnostic };

export interface CatalogRequest {
  /** --catalog DIR */
  catalog?: string;
  /** --engines: `core`, `extended`, or comma-separated engine ids */
  engines?: string;
  /** --allow-outside-catalog: follow the config file's `catalog:` wherever it leads */
  allowOutsideCatalog?: boolean;
  /** advise mcp: the folder served; the config file is looked for only there, and its `catalog:` must lead inside it */
  root?: string;
}

/**
 * The catalogue a command uses: the five core engines, plus a user catalogue
 * from --catalog or, failing that, the nearest config file's `catalog:`,
 * narrowed or widened by --engines or, failing that, the config's `engines:`.
 * Every command resolves it here, so `advise` and `advise check` always agree.
 */
export async function catalogFor(request: CatalogRequest | string | undefined = {}): Promise<Catalog> {
  const req: CatalogRequest = typeof request === "string" ? { catalog: request } : (request ?? {});
  const base = await shippedCatalog();
  let dir = req.catalog;
  let engines: string | string[] | undefined = req.engines;
  let origin: SelectionOrigin = { flag: "--engines" };
  if (dir === undefined || engines === undefined) {
    const { findConfig } = await import("../config.js");
    const config = findConfig(process.cwd(), req.root);
    if (dir === undefined && config?.catalog !== undefined) {
      if (!req.allowOutsideCatalog) await confineConfigCatalog(config as Required<Pick<typeof config, "file" | "catalog" | "catalogAt" | "catalogWritten">>, req.root);
      dir = config.catalog;
    }
    if (engines === undefined && config?.engines) {
      engines = config.engines.value;
      origin = { at: config.engines.at };
    }
  }
  const withUser = dir ? await withUserCatalogCached(base, dir) : base;
  if (engines === undefined) return withUser;
  const { selectEngines } = await import("./select.js");
  return selectEngines(withUser, engines, origin, await needsExtended(withUser, engines));
}

/**
 * A config file is part of the repository, so a hostile one could point the
 * catalogue at any folder and have its YAML read and quoted: its `catalog:`
 * must lead inside the repository (a config file above the repository: inside
 * the folder holding it; advise mcp: inside the folder served), symbolic
 * links followed. --catalog DIR, or --allow-outside-catalog, is the user's word.
 */
async function confineConfigCatalog(config: { file: string; catalog: string; catalogAt: Diagnostic; catalogWritten: string }, root: string | undefined): Promise<void> {
  const { isInside, realRoot, realTarget } = await import("../io/within.js");
  const { findRepoRoot } = await import("../check/reader.js");
  const repo = realRoot(findRepoRoot(process.cwd()));
  const home = realRoot(dirname(config.file));
  const limit = root !== undefined ? realRoot(root) : isInside(repo, home) ? repo : home;
  if (isInside(limit, realTarget(limit, config.catalog))) return;
  const written = config.catalogWritten.length > 60 ? `${config.catalogWritten.slice(0, 60)}…` : config.catalogWritten;
  const where = root !== undefined ? `the folder advise works in (${limit})` : limit === repo ? `the repository (${limit})` : `the folder of the config file (${limit})`;
  throw new InputError([
    {
      ...config.catalogAt,
      message: `catalog: '${visible(written)}' leads outside ${where}; nothing outside it is read`,
      expected: root !== undefined ? "a catalogue folder inside that folder, or --catalog DIR when starting advise mcp" : "a catalogue folder inside it, or the folder given as --catalog DIR (or --allow-outside-catalog to follow this config file)",
    },
  ]);
}

/** The extended engines a selection needs: none when it names only engines already in the catalogue. */
async function needsExtended(catalog: Catalog, spec: string | string[]): Promise<Engine[]> {
  const ids = new Set(catalog.engines.map((e) => e.id));
  const tokens = Array.isArray(spec) ? spec : spec.split(",");
  return tokens.some((t) => t.trim() !== "core" && !ids.has(t.trim())) ? extendedEngines() : [];
}

/** A user catalogue on top of a base, through the compiled-catalogue cache (src/catalog/cache.ts). */
async function withUserCatalogCached(base: Catalog, dir: string): Promise<Catalog> {
  const { loadUserEngines } = await import("./cache.js");
  const { toolVersion } = await import("../version.js");
  const { engines } = await loadUserEngines(dir, { version: toolVersion() });
  const byId = new Map(base.engines.map((e) => [e.id, e]));
  const userFiles = { ...base.userFiles };
  for (const { file, engine } of engines) {
    byId.set(engine.id, engine);
    // relative to the working folder, as a user would type it (and the same on every machine)
    userFiles[engine.id] = relative(process.cwd(), file) || file;
  }
  return { ...base, engines: [...byId.values()].sort((a, b) => compareText(a.id, b.id)), userFiles };
}

/**
 * The catalogue widened by every extended engine it does not already hold
 * (a user catalogue's descriptor of the same id wins): what
 * `--engines extended` ranks, and what `beyond` looks at.
 */
export async function widened(catalog: Catalog): Promise<Catalog> {
  // once per catalogue: the profiles of a run share it (and the verdicts scored on it)
  let wide = widenedOf.get(catalog);
  if (!wide) widenedOf.set(catalog, (wide = await widen(catalog)));
  return wide;
}

const widenedOf = new WeakMap<Catalog, Catalog>();

async function widen(catalog: Catalog): Promise<Catalog> {
  const have = new Set(catalog.engines.map((e) => e.id));
  const extra = (await extendedEngines()).filter((e) => !have.has(e.id));
  const engines = [...catalog.engines, ...extra].sort((a, b) => compareText(a.id, b.id));
  return { ...catalog, engines, extended: [...(catalog.extended ?? []), ...extra.map((e) => e.id)].sort(compareText) };
}
