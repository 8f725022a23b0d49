import { loadCatalogDir } from "./src/catalog/load.js";
import { InputError, formatDiagnostic } from "./src/diagnostics.js";
try { const c = loadCatalogDir("/work/main/rules"); console.log(c.engines.map(e => `${e.id} ${e.version} floor=${e.latency.floor} typ=${e.latency.typical} eo=${e.latency.exactlyOnceFloor}`)); }
catch (e) { if (e instanceof InputError) console.log(e.diagnostics.map(formatDiagnostic).join("\n")); else throw e; }
