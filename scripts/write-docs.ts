// npm run docs: regenerate docs/rules.md and docs/engines.md from the code and the catalogue.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogDir } from "../src/catalog/load.js";
import { enginesMarkdown, rulesMarkdown } from "../src/docs/generate.js";

const root = process.argv[2] ?? ".";
const catalog = loadCatalogDir(join(root, "rules"));
writeFileSync(join(root, "docs", "rules.md"), rulesMarkdown(catalog));
writeFileSync(join(root, "docs", "engines.md"), enginesMarkdown(catalog));
console.error("wrote docs/rules.md and docs/engines.md");
