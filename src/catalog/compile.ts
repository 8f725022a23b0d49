// Build step: load and validate the YAML catalogue once, for embedding in the bundle.
import { InputError, formatDiagnostic } from "../diagnostics.js";
import { loadCatalogDir } from "./load.js";

export function compileCatalog(dir: string) {
  try {
    return loadCatalogDir(dir);
  } catch (e) {
    if (e instanceof InputError) throw new Error(`the catalogue is invalid:\n${e.diagnostics.map(formatDiagnostic).join("\n")}`);
    throw e;
  }
}
