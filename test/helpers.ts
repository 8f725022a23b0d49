// Test helpers: profiles from inline YAML, engines built from a full-marks template.
import { loadCatalogDir, loadEngineDir, type Catalog } from "../src/catalog/load.js";
import type { Engine, Route } from "../src/catalog/schema.js";
import { engineSchema } from "../src/catalog/schema.js";
import { parseYaml } from "../src/io/yaml.js";
import { loadProfile, type Profile } from "../src/profile/load.js";
import { CONNECTOR_KINDS, LANGUAGES, OPERATIONS, PROCESSING_KINDS } from "../src/profile/fields.js";
import { rulesDir } from "../src/catalog/shipped.js";
import { join } from "node:path";

let shipped: Catalog | undefined;
export function shippedCatalog(): Catalog {
  shipped ??= loadCatalogDir(rulesDir());
  return shipped;
}

let wide: Catalog | undefined;
/** The five and the shipped extended catalogue (what --engines extended ranks). */
export function extendedCatalog(): Catalog {
  if (!wide) {
    const c = shippedCatalog();
    const extra = loadEngineDir(join(rulesDir(), "extended"));
    wide = { ...c, engines: [...c.engines, ...extra].sort((a, b) => a.id.localeCompare(b.id)), extended: extra.map((e) => e.id).sort() };
  }
  return wide;
}

export function profileFrom(yamlText: string, file = "test.yaml"): Profile {
  return loadProfile(parseYaml({ file, text: yamlText }));
}

const src = [{ url: "https://example.org/fact", version: "1.0" }];
const fact = (route: Route = "builtin") => ({ route, note: `note (${route})`, sources: src });

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** An engine that supports everything fully, with overrides; validated by the real schema. */
export function makeEngine(id: string, overrides: DeepPartial<Engine> = {}): Engine {
  const base = {
    id,
    name: id,
    version: "1.0",
    released: "2026-01-01",
    asOf: "2026-11-01",
    homepage: "https://example.org/",
    summary: "test engine",
    latency: { floor: "10ms", typical: "100ms", note: "n", sources: src },
    throughput: { scaling: "cluster", note: "n", sources: src },
    processing: Object.fromEntries(PROCESSING_KINDS.map((k) => [k, fact()])),
    unit: { event: fact(), record: fact() },
    deployment: { library: fact(), service: fact() },
    connectors: Object.fromEntries(CONNECTOR_KINDS.map((k) => [k, { source: "builtin", sink: "builtin", note: "n", sources: src }])),
    languages: Object.fromEntries(LANGUAGES.map((k) => [k, fact()])),
    eventTime: fact(),
    exactlyOnce: { route: "builtin", note: "n", sources: src },
    state: { small: fact(), large: fact() },
    batch: fact(),
    portability: fact(),
    operations: [],
    managed: { self: fact(), aws: fact(), gcp: fact(), azure: fact() },
    license: { spdx: "Apache-2.0", osi: true, note: "n", sources: src },
    maintenance: { status: "active", note: "n", sources: src },
    operators: Object.fromEntries(OPERATIONS.map((k) => [k, fact()])),
    seedCorrections: [],
  };
  return engineSchema.parse(merge(base, overrides));
}

function merge(a: unknown, b: unknown): unknown {
  if (b === undefined) return a;
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = merge(out[k], v);
    return out;
  }
  return b;
}

export function catalogOf(engines: Engine[]): Catalog {
  const c = shippedCatalog();
  return { ...c, engines: [...engines].sort((a, b) => a.id.localeCompare(b.id)), userFiles: {} };
}

export { fact };
