// The catalogue that ships with the tool. The build compiles rules/*.yaml
// into the bundle (validated once, at build time); from source (tests,
// development) it is loaded and validated from the YAML on first use.

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Catalog } from "./load.js";

declare const __STREAM_ADVISOR_CATALOG_JSON__: string | undefined;

let cached: Catalog | undefined;

/** The folder holding the shipped YAML catalogue (rules/). */
export function rulesDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "rules");
}

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

/**
 * The catalogue a command uses: the shipped one, plus a user catalogue from
 * --catalog or, failing that, the nearest config file's `catalog:`. Every
 * command resolves it here, so `advise` and `advise check` always agree.
 */
export async function catalogFor(dir: string | undefined): Promise<Catalog> {
  const base = await shippedCatalog();
  if (dir === undefined) {
    const { findConfig } = await import("../config.js");
    dir = findConfig()?.catalog;
  }
  if (!dir) return base;
  const { withUserCatalog } = await import("./load.js");
  return withUserCatalog(base, dir);
}
