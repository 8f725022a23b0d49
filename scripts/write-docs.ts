// npm run docs: regenerate docs/rules.md, docs/engines.md, schema/profile.schema.json and
// the README's output sample from the code and the catalogue.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogDir } from "../src/catalog/load.js";
import { mkdirSync } from "node:fs";
import { profileJsonSchemaText } from "../src/commands/schema.js";
import { enginesMarkdown, rulesMarkdown } from "../src/docs/generate.js";
import { evaluate } from "../src/engine/evaluate.js";
import { formatTable } from "../src/format/table.js";
import { PLAIN } from "../src/format/types.js";
import { readSource } from "../src/io/read.js";
import { parseYaml } from "../src/io/yaml.js";
import { loadProfile } from "../src/profile/load.js";

const root = process.argv[2] ?? ".";
const catalog = loadCatalogDir(join(root, "rules"));
writeFileSync(join(root, "docs", "rules.md"), rulesMarkdown(catalog));
writeFileSync(join(root, "docs", "engines.md"), enginesMarkdown(catalog));
// The README's output sample: the table for the card-authorization profile, as the CLI prints it when piped.
const profile = loadProfile(parseYaml(readSource(join(root, "profiles", "card-authorization.yaml"))));
const table = formatTable(evaluate({ ...profile, file: "profiles/card-authorization.yaml" }, catalog), { style: PLAIN, width: 100 });
const shown = table.slice(0, table.indexOf("\nReasons")).trimEnd();
const readme = readFileSync(join(root, "README.md"), "utf8");
const start = readme.indexOf("```text\nCard authorization");
const end = readme.indexOf("\n...\n```", start);
if (start === -1 || end === -1) throw new Error("README.md: the output sample block was not found");
writeFileSync(join(root, "README.md"), `${readme.slice(0, start)}\`\`\`text\n${shown}${readme.slice(end)}`);

mkdirSync(join(root, "schema"), { recursive: true });
writeFileSync(join(root, "schema", "profile.schema.json"), profileJsonSchemaText());
console.error("wrote docs/rules.md, docs/engines.md and schema/profile.schema.json");
