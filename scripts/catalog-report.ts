// npm run catalog:report [-- ENGINE@VERSION] [-- --catalog DIR]: the catalogue refresh checklist
// (docs/catalog-format.md#refreshing-a-descriptor).
import { loadCatalogDir } from "../src/catalog/load.js";
import { catalogReport } from "../src/catalog/report.js";

const args = process.argv.slice(2);
const at = args.indexOf("--catalog");
const dir = at >= 0 ? args[at + 1]! : "rules";
const release = args.find((a, i) => a.includes("@") && args[i - 1] !== "--catalog");
const catalog = loadCatalogDir(dir);
if (release) {
  const [engine, version] = release.split("@") as [string, string];
  if (!catalog.engines.some((e) => e.id === engine)) {
    process.stderr.write(`catalog:report: no engine '${engine}' in ${dir}; expected one of ${catalog.engines.map((e) => e.id).join(", ")}\n`);
    process.exit(2);
  }
  process.stdout.write(catalogReport(catalog, { engine, version }));
} else process.stdout.write(catalogReport(catalog));
