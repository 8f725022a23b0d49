#!/usr/bin/env node
// The `advise` command. It runs the bundled CLI (advise-bundle.cjs) through
// V8's code cache (advise-bundle.cache), so that a run does not spend its time
// compiling JavaScript: the cache is made at build time and remade here when
// it is missing or V8 rejects it (another Node version). Failing to write it
// (a read-only install) costs nothing but speed.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
// Not node:module (for Module.wrap and createRequire): it pulls in the ES module
// loader and source maps, which Node compiles from scratch on every start. The
// bundle requires only Node built-ins, so this file's own require serves it.

const file = path.join(__dirname, "advise-bundle.cjs");
const cacheFile = path.join(__dirname, "advise-bundle.cache");
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// latin1: the build guarantees the bundle is ASCII, and a one-byte string needs no decoding
const source = fs.readFileSync(file, "latin1");
// The build wraps the bundle in a function expression taking CommonJS's arguments.
const script = new vm.Script(source, { filename: file, cachedData });
// several profile files, or a glob: a run over many profiles (see below)
const args = process.argv.slice(2);
const many = args.filter((a) => /\.ya?ml$/i.test(a)).length > 1 || args.some((a) => /[*?[]/.test(a));
// (a cache made under the changed flag below would not match the next run's)
if (!many && (cachedData === undefined || script.cachedDataRejected || process.env.ADVISE_WRITE_CODE_CACHE === "1")) {
  process.once("exit", () => {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // not writable: run without a cache
    }
  });
}
// V8 hands a function to its optimising compiler after a small budget of work
// (67,584 bytecode units by default). A run over many profiles crosses it in
// dozens of functions whose optimised code is compiled, thrown away on a new
// object shape and compiled again: on 2 cores that doubled the time of 100
// profiles. For such runs (several profile files, or a glob), fifteen times the
// budget keeps optimisation for the truly hot loops only. Set after the code
// cache is checked (the flag is part of what the cache must match; it applies
// to functions as they first run), and only then: node:v8 loads Node's stream
// stack, which a one-profile run is spared.
if (many) require("node:v8").setFlagsFromString("--interrupt-budget=1000000");
const mod = { exports: {}, filename: file, id: file };
script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, __dirname);
