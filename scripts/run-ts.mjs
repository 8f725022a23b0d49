// Runs a TypeScript script from this repo: bundles it with esbuild into a temporary file and imports it.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
// inside the repo, so that the bundle's package imports resolve from node_modules
const cache = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".cache");
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "advise-run-"));
const out = join(dir, "script.mjs");
await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: out,
  packages: "external",
  logLevel: "warning",
});
process.argv = [process.argv[0], out, ...args];
try {
  await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
