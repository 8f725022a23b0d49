// npm run docs: regenerate docs/rules.md, docs/engines.md and schema/profile.schema.json from the code and the catalogue.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogDir } from "../src/catalog/load.js";
import { mkdirSync } from "node:fs";
import { profileJsonSchemaText } from "../src/commands/schema.js";
import { enginesMarkdown, rulesMarkdown } from "../src/docs/generate.js";

const root = process.argv[2] ?? ".";
const catalog = loadCatalogDir(join(root, "rules"));
writeFileSync(join(root, "docs", "rules.md"), rulesMarkdown(catalog));
writeFileSync(join(root, "docs", "engines.md"), enginesMarkdown(catalog));
mkdirSync(join(root, "schema"), { recursive: true });
writeFileSync(join(root, "schema", "profile.schema.json"), profileJsonSchemaText());
console.error("wrote docs/rules.md, docs/engines.md and schema/profile.schema.json");
