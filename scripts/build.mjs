// Builds dist/: compiles the YAML catalogue (validated once, here) into the
// bundle, bundles the CLI into one file (advise-bundle.cjs), copies the
// launcher that runs it (advise.cjs), and warms V8's code cache for it.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
const { compileCatalog, compileExtended } = await import(pathToFileURL(join(tmp, "compile.mjs")).href);
let catalog;
let extended;
try {
  catalog = compileCatalog(join(root, "rules"));
  extended = compileExtended(join(root, "rules", "extended"), catalog.engines.map((e) => e.id));
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
rmSync(tmp, { recursive: true, force: true });
writeFileSync(join(root, "dist", "catalog.json"), `${JSON.stringify(catalog, null, 2)}\n`);
// The extended catalogue: in the CLI's bundle (see below), and beside it for
// the MCP bundle's engines tool.
writeFileSync(join(root, "dist", "extended.json"), JSON.stringify(extended));

const WRAP_START = "(function (exports, require, module, __filename, __dirname) {";
const WRAP_END = "\n});";

// 2. The CLI: one CommonJS bundle (modules the command does not need are
// bundled but never initialised: esbuild turns dynamic imports into lazy
// initialisers), started by a small launcher that uses V8's code cache.
rmSync(join(root, "dist", "chunks"), { recursive: true, force: true });
for (const old of ["advise.js", "advise-bundle.cache"]) rmSync(join(root, "dist", old), { force: true });
// Node built-ins that a dependency requires at load time but uses only on
// paths `advise` never takes (commander's executable subcommands spawn
// processes): load them on first use instead, which keeps net, dgram and
// the stream stack out of every start-up.
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    // Only modules required as CommonJS (a Proxy has no own keys for esbuild's ESM interop to copy).
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.namespace === "lazy" ? undefined : { path: args.path.replace(/^node:/, ""), namespace: "lazy" }));
    b.onLoad({ filter: /.*/, namespace: "lazy" }, (args) => ({
      contents: `let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require("node:${args.path}"))[k] });`,
      loader: "js",
    }));
  },
};
// cli-table3 truncates the whole content of a cell to 10 columns for a debug
// log line on every line it draws, even with debugging off; with multi-line
// cells that costs tens of milliseconds (an O(n^2) loop). The log line only
// needs a prefix, so cut it cheaply. The build fails if the code changes.
const cheapTableDebug = {
  name: "cheap-table-debug",
  setup(b) {
    b.onLoad({ filter: /cli-table3[\\/]src[\\/]cell\.js$/ }, async (args) => {
      const text = readFileSync(args.path, "utf8");
      const slow = "let content = utils.truncate(this.content, 10, this.truncate);";
      if (!text.includes(slow)) throw new Error("cli-table3's cell.js changed: review the cheap-table-debug patch in scripts/build.mjs");
      return { contents: text.replace(slow, "let content = String(this.content).slice(0, 10);"), loader: "js" };
    });
  },
};
// string-width (under cli-table3) measures every line of every cell with a
// large emoji regex, which V8 must compile on first use. Printable ASCII is one
// column per character and never matches that regex, so answer it directly.
const asciiStringWidth = {
  name: "ascii-string-width",
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const text = readFileSync(args.path, "utf8");
      const entry = "const stringWidth = string => {\n";
      if (!text.includes(entry) || !text.includes("string.replace(emojiRegex(), '  ')")) throw new Error("string-width's index.js changed: review the ascii-string-width patch in scripts/build.mjs");
      return { contents: text.replace(entry, `${entry}\tif (typeof string === 'string' && /^[\\x20-\\x7e]*$/.test(string)) return string.length;\n`), loader: "js" };
    });
  },
};
// src/tool.ts reads the package's name and links from package.json: bundle only
// those fields, not the scripts and the dependency lists.
const packageFields = {
  name: "package-fields",
  setup(b) {
    b.onLoad({ filter: /[\\/]package\.json$/ }, (args) => {
      if (args.path !== join(root, "package.json")) return undefined;
      const { name, version, homepage, repository, bugs } = pkg;
      return { contents: JSON.stringify({ name, version, homepage, repository, bugs }), loader: "json" };
    });
  },
};
await build({
  entryPoints: [join(root, "src/cli.ts")],
  plugins: [lazyBuiltins, cheapTableDebug, asciiStringWidth, packageFields],
  // yaml's ES module build (its "default" export, the same code as the CommonJS
  // one but for logging warnings with console.warn, which profiles never reach:
  // warnings are errors here): esbuild can hoist and tree-shake it, which starts
  // faster than 60 CommonJS wrappers. The golden tests run this bundle.
  alias: { yaml: join(root, "node_modules", "yaml", "browser", "dist", "index.js") },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  outfile: join(root, "dist", "advise-bundle.cjs"),
  define: {
    // a JSON string: V8 parses JSON faster than it builds a large object literal
    __STREAM_ADVISOR_CATALOG_JSON__: JSON.stringify(JSON.stringify(catalog)),
    __STREAM_ADVISOR_VERSION__: JSON.stringify(pkg.version),
    // the extended catalogue too: every default run may look beyond the five
    __STREAM_ADVISOR_EXTENDED_JSON__: JSON.stringify(JSON.stringify(extended)),
    "import.meta.url": "undefined",
  },
  minify: process.env.ADVISE_NO_MINIFY !== "1",
  keepNames: false,
  legalComments: "none",
  // The bundle is one function expression the launcher calls with CommonJS's
  // arguments: V8 compiles the file's text as it is read, with no copy to wrap it.
  banner: { js: WRAP_START },
  footer: { js: WRAP_END },
  logLevel: "error",
});
// The launcher runs the bundle as a vm.Script, which has no loader for import():
// every module must be bundled or required (import node: built-ins statically).
const bundleText = readFileSync(join(root, "dist", "advise-bundle.cjs"), "utf8");
if (/\bimport\(/.test(bundleText)) {
  console.error("the bundle contains a dynamic import(), which the launcher cannot run: import node: built-ins statically");
  process.exit(1);
}
// The launcher reads the bundle as latin1, V8's cheapest string (one byte per
// character, no decoding): that is exact only while every byte is ASCII.
// esbuild escapes strings but copies regex literals as written.
const nonAscii = /[^\x00-\x7f]/.exec(bundleText);
if (nonAscii) {
  console.error(`the bundle holds a non-ASCII character near "${bundleText.slice(Math.max(0, nonAscii.index - 40), nonAscii.index + 10)}": write it as a \\u escape in the source`);
  process.exit(1);
}
if (!bundleText.startsWith(`${WRAP_START}\n"use strict";`) || !bundleText.trimEnd().endsWith(WRAP_END.trim())) {
  console.error("the bundle is not wrapped as one function expression (a #! line in src/cli.ts, or a changed banner?): the launcher calls it as one");
  process.exit(1);
}
// 3. `advise mcp`: the MCP server and the SDK in a bundle of their own, which
// the CLI requires only for that command (the SDK is several times the size
// of the rest of the CLI: in the main bundle every run would read it).
await build({
  entryPoints: [join(root, "src/mcp/server.ts")],
  alias: { yaml: join(root, "node_modules", "yaml", "browser", "dist", "index.js") },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  outfile: join(root, "dist", "advise-mcp.cjs"),
  // the engines tool lists the extended catalogue too, from dist/extended.json beside this bundle
  define: { __STREAM_ADVISOR_VERSION__: JSON.stringify(pkg.version), __STREAM_ADVISOR_EXTENDED_FILE__: JSON.stringify("extended.json"), "import.meta.url": "undefined" },
  minify: process.env.ADVISE_NO_MINIFY !== "1",
  legalComments: "none",
  logLevel: "error",
});
if (/modelcontextprotocol|StdioServerTransport|jsonrpc/.test(bundleText)) {
  console.error("the main bundle mentions the MCP SDK: it must be loaded only by `advise mcp`, from dist/advise-mcp.cjs");
  process.exit(1);
}
copyFileSync(join(root, "scripts", "launcher.cjs"), join(root, "dist", "advise.cjs"));
chmodSync(join(root, "dist", "advise.cjs"), 0o755);

// 4. Warm the code cache with the most common run (a table for a shipped profile),
// then, in the same process, with the paths the extended catalogue adds: ranking it,
// the beyond line when the five answer none, and a user catalogue served from its
// cache (compiled first, by a run of its own, into a cache folder of the build's own).
const warmDir = mkdtempSync(join(tmpdir(), "advise-build-"));
const noneProfile = join(warmDir, "none.yaml");
writeFileSync(noneProfile, "version: 1\nlatency: 5ms\nthroughput: 20k/s\ndeployment: library\nlicense: open-source\npriorities: {license: must, latency: must}\n");
const warmEnv = { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: warmDir };
const card = join(root, "profiles", "card-authorization.yaml");
const userCatalog = ["--catalog", join(root, "examples", "catalog")];
spawnSync(process.execPath, [join(root, "dist", "advise.cjs"), card, ...userCatalog], { env: warmEnv, stdio: "ignore" });
const warm = spawnSync(process.execPath, [join(root, "dist", "advise.cjs"), card], {
  env: { ...warmEnv, ADVISE_WRITE_CODE_CACHE: "1", ADVISE_WARM_RUNS: JSON.stringify([[card, "--engines", "extended"], [noneProfile], [card, ...userCatalog]]) },
  stdio: ["ignore", "ignore", "inherit"],
});
rmSync(warmDir, { recursive: true, force: true });
if (warm.status !== 0) {
  console.error("the built CLI failed on profiles/card-authorization.yaml");
  process.exit(1);
}
console.error(`built dist/advise.cjs (catalogue: ${catalog.engines.map((e) => e.id).join(", ")}; extended: ${extended.map((e) => e.id).join(", ") || "none"})`);
