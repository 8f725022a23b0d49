// npm run catalog:releases [-- ENGINE...] [-- --catalog DIR] [-- --format text|json|markdown]:
// asks where each descriptor's releases are published for the newest release, and says how far
// behind each descriptor is (docs/catalog-format.md#refreshing-a-descriptor). Exit 1 when any is a
// minor or major release behind, 0 when none is, 2 when a registry cannot be reached or the
// catalogue cannot be read. Base URLs: ADVISE_MAVEN_URL, ADVISE_PYPI_URL, ADVISE_GITHUB_API_URL;
// GITHUB_TOKEN, when set, authenticates the GitHub calls.
import { join } from "node:path";
import { formatDiagnostic, InputError } from "../src/diagnostics.js";
import { loadEngineDir, loadEngineFile } from "../src/catalog/load.js";
import { engineFiles } from "../src/catalog/files.js";
import { checkReleases, formatReleasesJson, formatReleasesMarkdown, formatReleasesText, isStale, Unreachable } from "../src/catalog/releases.js";
import type { Engine } from "../src/catalog/schema.js";

const FORMATS = ["text", "json", "markdown"] as const;

function fail(message: string): never {
  process.stderr.write(`catalog:releases: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let dir: string | undefined;
  let format: (typeof FORMATS)[number] = "text";
  const ids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--catalog" || a === "--format") {
      const v = args[++i];
      if (v === undefined) fail(`${a} needs a value`);
      if (a === "--catalog") dir = v;
      else if ((FORMATS as readonly string[]).includes(v)) format = v as (typeof FORMATS)[number];
      else fail(`unknown format '${v}'; expected one of ${FORMATS.join(", ")}`);
    } else if (a.startsWith("-")) fail(`unknown option '${a}'; expected --catalog DIR, --format ${FORMATS.join("|")} or engine ids`);
    else ids.push(a);
  }
  let engines: Engine[];
  try {
    engines = dir === undefined ? [...loadEngineDir(join("rules", "engines")), ...loadEngineDir(join("rules", "extended"))] : engineFiles(dir).map(loadEngineFile);
  } catch (e) {
    if (e instanceof InputError) fail(e.diagnostics.map(formatDiagnostic).join("; "));
    throw e;
  }
  engines.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (ids.length) {
    const unknown = ids.filter((id) => !engines.some((e) => e.id === id));
    if (unknown.length) fail(`no engine '${unknown[0]}' in ${dir ?? "rules/engines or rules/extended"}; expected one of ${engines.map((e) => e.id).join(", ")}`);
    engines = engines.filter((e) => ids.includes(e.id));
  }
  const rows = await checkReleases(engines);
  process.stdout.write(format === "json" ? formatReleasesJson(rows) : format === "markdown" ? formatReleasesMarkdown(rows) : formatReleasesText(rows));
  return rows.some(isStale) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof Unreachable) fail(e.message);
    fail(`the check failed: ${(e as Error)?.message?.split("\n")[0] ?? String(e)}`);
  },
);
