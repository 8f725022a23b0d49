// npm run docs: regenerate docs/rules.md, docs/engines.md, schema/*.schema.json and
// the README's output samples from the code and the catalogue.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogDir, loadEngineDir } from "../src/catalog/load.js";
import { mkdirSync } from "node:fs";
import { profileJsonSchemaText } from "../src/commands/schema.js";
import { CONTRACTS, type ContractFile, contractJsonSchemaText } from "../src/contract/json-schema.js";
import { enginesMarkdown, extendedEnginesMarkdown, rulesMarkdown } from "../src/docs/generate.js";

const root = process.argv[2] ?? ".";
const catalog = loadCatalogDir(join(root, "rules"));
writeFileSync(join(root, "docs", "rules.md"), rulesMarkdown(catalog, { ...catalog, engines: [...catalog.engines, ...loadEngineDir(join(root, "rules", "extended"))] }));
writeFileSync(join(root, "docs", "engines.md"), enginesMarkdown(catalog));
writeFileSync(join(root, "docs", "extended-engines.md"), extendedEnginesMarkdown(loadEngineDir(join(root, "rules", "extended"))));
// The README's output sample: the report for the card-authorization profile, as the built CLI prints it when piped
// (its golden file, test/golden/card-authorization.txt, is the same run).
const sample = spawnSync(process.execPath, [join(root, "dist", "advise.cjs"), "profiles/card-authorization.yaml"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, COLUMNS: "100" } });
if (sample.status !== 0) throw new Error("README.md: the output sample could not be made (build first: npm run build)");
const table = sample.stdout;
const shown = table.slice(0, table.indexOf("\nReasons")).trimEnd();
const readme = readFileSync(join(root, "README.md"), "utf8");
const start = readme.indexOf("```text\nCard authorization");
const end = readme.indexOf("\n...\n```", start);
if (start === -1 || end === -1) throw new Error("README.md: the output sample block was not found");
writeFileSync(join(root, "README.md"), `${readme.slice(0, start)}\`\`\`text\n${shown}${readme.slice(end)}`);

// The README's `advise check` sample: what the built CLI prints for the failing MADR fixture.
const fixture = "test/fixtures/adr/madr/0002-use-kafka-streams-for-card-authorization.md";
const check = spawnSync(process.execPath, [join(root, "dist", "advise.cjs"), "check", fixture], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, COLUMNS: undefined } });
const readme2 = readFileSync(join(root, "README.md"), "utf8");
const head = `$ npx advise check ${fixture}\n`;
const from = readme2.indexOf(head);
const to = readme2.indexOf("$ echo $?\n1\n", from);
if (check.status !== 1 || from === -1 || to === -1) throw new Error("README.md: the advise check sample could not be refreshed (build first: npm run build)");
writeFileSync(join(root, "README.md"), readme2.slice(0, from + head.length) + check.stdout + readme2.slice(to));

mkdirSync(join(root, "schema"), { recursive: true });
writeFileSync(join(root, "schema", "profile.schema.json"), profileJsonSchemaText());
for (const file of Object.keys(CONTRACTS) as ContractFile[]) writeFileSync(join(root, "schema", file), contractJsonSchemaText(file));
console.error(`wrote docs/rules.md, docs/engines.md, docs/extended-engines.md, schema/profile.schema.json, schema/${Object.keys(CONTRACTS).join(", schema/")} and the README's output samples`);
