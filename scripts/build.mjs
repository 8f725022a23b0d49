// Builds dist/: compiles the YAML catalogue (validated once, here) into the
// bundle, and bundles the CLI into one entry file plus lazily loaded chunks.
import { build } from "esbuild";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const requireShim = "import{createRequire as __createRequire}from'node:module';const require=__createRequire(import.meta.url);";

// 1. The catalogue, through the same loader and schema the tool uses at run time.
const tmp = join(root, "dist", ".build");
mkdirSync(tmp, { recursive: true });
await build({
  entryPoints: [join(root, "src/catalog/compile.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: join(tmp, "compile.mjs"),
  banner: { js: requireShim },
  logLevel: "warning",
});
const { compileCatalog } = await import(pathToFileURL(join(tmp, "compile.mjs")).href);
let catalog;
try {
  catalog = compileCatalog(join(root, "rules"));
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
rmSync(tmp, { recursive: true, force: true });
writeFileSync(join(root, "dist", "catalog.json"), `${JSON.stringify(catalog, null, 2)}\n`);

// 2. The CLI.
rmSync(join(root, "dist", "chunks"), { recursive: true, force: true });
await build({
  entryPoints: { advise: join(root, "src/cli.ts") },
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outdir: join(root, "dist"),
  chunkNames: "chunks/[name]-[hash]",
  banner: { js: requireShim },
  define: {
    __STREAM_ADVISOR_CATALOG__: JSON.stringify(catalog),
    __STREAM_ADVISOR_VERSION__: JSON.stringify(pkg.version),
  },
  minify: false,
  legalComments: "none",
  logLevel: "warning",
});
console.error(`built dist/advise.js (catalogue: ${catalog.engines.map((e) => e.id).join(", ")})`);
