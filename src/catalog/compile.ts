// Build step: load and validate the YAML catalogues once, for embedding in the bundle
// (the five core engines) and for dist/extended.json (the extended catalogue).
import { InputError, formatDiagnostic } from "../diagnostics.js";
import { loadCatalogDir, loadEngineDir } from "./load.js";

function compiled<T>(what: string, load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (e instanceof InputError) throw new Error(`the ${what} is invalid:\n${e.diagnostics.map(formatDiagnostic).join("\n")}`);
    throw e;
  }
}

export function compileCatalog(dir: string) {
  return compiled("catalogue", () => loadCatalogDir(dir));
}

/** The extended catalogue (rules/extended/); its ids must not repeat a core engine's. */
export function compileExtended(dir: string, coreIds: string[]) {
  const engines = compiled("extended catalogue", () => loadEngineDir(dir));
  const clash = engines.filter((e) => coreIds.includes(e.id)).map((e) => e.id);
  if (clash.length) throw new Error(`the extended catalogue repeats core engine ids: ${clash.join(", ")}`);
  return engines;
}
