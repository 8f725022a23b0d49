#!/usr/bin/env node
// The `advise` command. It runs the bundled CLI (advise-bundle.cjs) through
// V8's code cache (advise-bundle.cache), so that a run does not spend its time
// compiling JavaScript: the cache is made at build time, for the Node that
// built it. On another Node version V8 rejects it; then a cache of that version's
// own is read from, or written to, the user's cache folder
// ($XDG_CACHE_HOME/stream-advisor, else ~/.cache/stream-advisor), never into the
// package's folder (node_modules). Failing to write it costs nothing but speed.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
// Not node:module (for Module.wrap and createRequire): it pulls in the ES module
// loader and source maps, which Node compiles from scratch on every start. The
// bundle requires only Node built-ins, so this file's own require serves it.

const file = path.join(__dirname, "advise-bundle.cjs");
const builtCache = path.join(__dirname, "advise-bundle.cache");
const readCache = (f) => {
  try {
    return fs.readFileSync(f);
  } catch {
    return undefined;
  }
};
/** This Node's own cache for this bundle, in the user's cache folder (the bundle's size and time in the name: an upgrade gets a new one). */
function userCacheFile() {
  try {
    const home = process.env.XDG_CACHE_HOME || (process.env.HOME ? path.join(process.env.HOME, ".cache") : "");
    if (!home) return undefined;
    const st = fs.statSync(file);
    const tag = `${process.version}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}`.replace(/[^\w.-]/g, "_");
    return path.join(home, "stream-advisor", `advise-bundle-${tag}.cache`);
  } catch {
    return undefined;
  }
}
// latin1: the build guarantees the bundle is ASCII, and a one-byte string needs no decoding
const source = fs.readFileSync(file, "latin1");
const building = process.env.ADVISE_WRITE_CODE_CACHE === "1";
let cacheFile = builtCache;
let cachedData = building ? undefined : readCache(builtCache);
// The build wraps the bundle in a function expression taking CommonJS's arguments.
let script = new vm.Script(source, { filename: file, cachedData });
if (!building && (cachedData === undefined || script.cachedDataRejected)) {
  // another Node than the build's (or no built cache): this Node's own, from the user's cache folder
  cacheFile = userCacheFile();
  const own = cacheFile && readCache(cacheFile);
  if (own) {
    const again = new vm.Script(source, { filename: file, cachedData: own });
    if (!again.cachedDataRejected) {
      script = again;
      cacheFile = undefined;
    }
  }
}
// several profile files, or a glob: a run over many profiles (see below); a
// cache made under the flag it changes would not match the next run's
const args = process.argv.slice(2);
const many = args.filter((a) => /\.ya?ml$/i.test(a)).length > 1 || args.some((a) => /[*?[]/.test(a));
if (cacheFile !== undefined && !many && (building || cachedData === undefined || script.cachedDataRejected)) {
  const target = cacheFile;
  process.once("exit", () => {
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, target);
    } catch {
      // not writable: run without a cache
    }
  });
}
// V8 hands a function to its optimising compiler after a small budget of work
// (67,584 bytecode units by default). A run over many profiles crosses it in
// dozens of functions whose optimised code is compiled, thrown away on a new
// object shape and compiled again: on 2 cores that doubled the time of 100
// profiles. For such runs, fifteen times the budget keeps optimisation for the
// truly hot loops only. Set after the code cache is checked (the flag is part
// of what the cache must match; it applies to functions as they first run), and
// only then: node:v8 loads Node's stream stack, which a one-profile run is spared.
if (many) require("node:v8").setFlagsFromString("--interrupt-budget=1000000");
const mod = { exports: {}, filename: file, id: file };
script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, __dirname);
