// The published package: what `npm pack` puts in the tarball, and that the
// tarball installs and runs with nothing but Node (offline, from an empty npm
// cache: the bundle inlines every dependency, so it may declare none), and
// runs advise, advise check, advise init --from and advise schema from there.
import { spawnSync } from "node:child_process";
import { builtinModules } from "node:module";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ROOT as ROOT } from "./cli-helpers.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let work: string;
let tarball: string;
let packed: { files: { path: string }[] };
let installed: string;

function sh(cmd: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  return spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1", ...env } });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "advise-pack-"));
  // dist/ is built by `npm test` before the tests run; --ignore-scripts packs it as it is (prepack would rebuild it).
  const pack = sh(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  packed = JSON.parse(pack.stdout)[0];
  tarball = join(work, (packed as unknown as { filename: string }).filename);
  installed = join(work, "app");
  mkdirSync(installed);
  // --offline with an empty cache and an unreachable registry: anything the package needed from npm would fail the install.
  const cache = join(work, "empty-cache");
  const inst = sh(npm, ["install", "--offline", "--no-audit", "--no-fund", "--cache", cache, "--registry", "http://127.0.0.1:9/", tarball], installed);
  if (inst.status !== 0) throw new Error(`npm install of the tarball failed: ${inst.stderr}`);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const advise = (args: string[], env: Record<string, string | undefined> = {}) => sh(process.execPath, [join(installed, "node_modules", ".bin", "advise"), ...args], installed, env);

describe("the package manifest", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  it("declares no runtime dependencies (the bundle inlines them)", () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
  });
  it("has no script that runs when the package is installed (prepare, preinstall, install, postinstall)", () => {
    for (const s of ["prepare", "preinstall", "install", "postinstall"]) expect(pkg.scripts?.[s]).toBeUndefined();
  });
  it("builds before packing, and after `npm ci` in this repository (the `dependencies` script runs only for the root project)", () => {
    expect(pkg.scripts.prepack).toBe("node scripts/build.mjs");
    expect(pkg.scripts.dependencies).toBe("node scripts/build.mjs");
  });
  it("says Apache-2.0 and ships the licence text", () => {
    expect(pkg.license).toBe("Apache-2.0");
    const text = readFileSync(join(ROOT, "LICENSE"), "utf8");
    expect(text).toContain("Apache License\n                           Version 2.0, January 2004");
    expect(text).toContain("END OF TERMS AND CONDITIONS");
  });
});

describe("the bundles", () => {
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const required = (file: string) => [...readFileSync(join(ROOT, "dist", file), "latin1").matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]!);
  it("the CLI requires nothing but Node built-ins", () => {
    const names = required("advise-bundle.cjs");
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((r) => !builtins.has(r))).toEqual([]);
  });
  it("advise mcp's requires nothing else either, but for ajv's code-generation strings", () => {
    // ajv keeps `require("ajv/dist/runtime/...")` as text for standalone code it can write; it never runs it
    // (the MCP test below runs the server from an install that has no ajv)
    const others = [...new Set(required("advise-mcp.cjs").filter((r) => !builtins.has(r)))];
    expect(others.filter((r) => !/^ajv\/dist\/runtime\/\w+$|^ajv-formats\/dist\/formats$/.test(r))).toEqual([]);
  });
});

describe("npm pack", () => {
  it("ships the CLI, the licence, the catalogue, schemas, profiles, docs and examples, and no sources or tests", () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const f of ["LICENSE", "README.md", "package.json", "dist/advise.cjs", "dist/advise-bundle.cjs", "dist/advise-mcp.cjs", "dist/extended.json", "schema/profile.schema.json", "rules/rules.yaml", "profiles/card-authorization.yaml", "docs/result.md", "examples/catalog/pekko-streams.yaml"]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(src|test|scripts|\.ci)\//.test(f) || f === "package-lock.json")).toEqual([]);
  });
  it("installs offline into an empty folder with nothing but itself", () => {
    expect(readdirSync(join(installed, "node_modules")).filter((d) => !d.startsWith("."))).toEqual(["stream-advisor"]);
  });
  it("runs `advise` from there: a shipped profile, --version", () => {
    const v = advise(["--version"]);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    const r = advise([join("node_modules", "stream-advisor", "profiles", "card-authorization.yaml")]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Akka Streams fits best");
  });
  it("runs `advise check` on the shipped decision records", () => {
    const r = advise(["check", join("node_modules", "stream-advisor", "docs", "decisions")]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\d+ checked, \d+ passed/);
  });
  it("runs `advise mcp`: a client's handshake, the tool list and a tool call", () => {
    const messages = [
      { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "package-test", version: "1" } } },
      { jsonrpc: "2.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", id: 2, method: "tools/list" },
      { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "explain", arguments: { rule: "latency-budget" } } },
    ];
    const r = spawnSync(process.execPath, [join(installed, "node_modules", ".bin", "advise"), "mcp"], { cwd: installed, encoding: "utf8", timeout: 60_000, input: `${messages.map((m) => JSON.stringify(m)).join("\n")}\n` });
    expect(r.status).toBe(0);
    const replies = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(replies.map((x) => x.id)).toEqual([1, 2, 3]);
    expect(replies[0].result.serverInfo.name).toBe("stream-advisor");
    expect(replies[1].result.tools.map((t: { name: string }) => t.name)).toContain("advise");
    expect(replies[2].result.isError ?? false).toBe(false);
    expect(JSON.stringify(replies[2].result)).toContain("latency-budget");
  });
  it("runs `advise init --from` and advises on the copy", () => {
    const list = advise(["init", "--from"]);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain("card-authorization");
    const r = advise(["init", "--from", "card-authorization", "mine.yaml"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("wrote mine.yaml");
    // the copy points its editor schema at the installed package's file
    expect(readFileSync(join(installed, "mine.yaml"), "utf8")).toContain("$schema=node_modules/stream-advisor/schema/profile.schema.json");
    const a = advise(["mine.yaml", "--format", "json"]);
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout).recommendation.engine).toBe("akka-streams");
  });
  it("runs every example of `advise --help` in an empty project, in order", () => {
    const project = join(work, "examples-project");
    mkdirSync(project);
    const bin = join(installed, "node_modules", ".bin");
    const examples = (help: string) =>
      help
        .slice(help.indexOf("Examples:\n") + "Examples:\n".length)
        .split("\n\n")[0]!
        .split("\n")
        .map((l) => /^ {2}(\S.*?)(?: {2,}|$)/.exec(l)?.[1])
        .filter((c): c is string => c !== undefined && /^(advise|cat) /.test(c));
    const main = examples(advise(["--help"], { COLUMNS: "200" }).stdout);
    expect(main[0]).toBe("advise init --from card-authorization");
    expect(main.length).toBeGreaterThanOrEqual(7);
    for (const command of main) {
      // advise mcp serves until its input ends: give it none
      const r = spawnSync("sh", ["-c", command], { cwd: project, input: "", encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1", PATH: `${bin}:${process.env.PATH}` } });
      expect(r.status, `${command}: ${r.stderr}`).toBe(0);
    }
  });
  it("a missing profile named like a shipped example says how to copy it", () => {
    const r = advise(["profiles/card-authorization.yaml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("profiles/card-authorization.yaml: no such file; it names a shipped example: copy it here with advise init --from card-authorization");
  });
  it("runs `advise schema`", () => {
    const r = advise(["schema"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe("stream-advisor profile, version 1");
  });
});
