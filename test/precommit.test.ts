// The pre-commit hooks (.pre-commit-hooks.yaml) install the way pre-commit's `node` language
// installs a hook repository: `npm pack` in the clone, then `npm install -g` of the path it
// reads from npm pack's standard output, stripped. npm 10 and later print a lifecycle banner
// ("> stream-advisor@0.1.0 prepack") on that same stream unless foreground-scripts is off,
// which made the path nonsense (ENOENT, exit 254). The repository's .npmrc turns it off.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CLI_ROOT as ROOT } from "./cli-helpers.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const work = mkdtempSync(join(tmpdir(), "advise-precommit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment without any npm_config_* a parent `npm test` passes down, so only .npmrc decides. */
function cleanEnv() {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_config_/i.test(k)) delete env[k];
  return env;
}

describe("pre-commit installs the hooks", () => {
  it("npm pack prints only the tarball's name, with a prepack script that prints (the repository's .npmrc)", () => {
    // The repository's own package.json and .npmrc, with a prepack that prints instead of building,
    // so the test does not rebuild dist/ under the other tests' feet.
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.scripts.prepack).toBeDefined();
    pkg.scripts = { prepack: "node -e \"console.log('building')\"" };
    pkg.files = ["hello.txt"];
    writeFileSync(join(work, "package.json"), JSON.stringify(pkg));
    writeFileSync(join(work, "hello.txt"), "hi\n");
    copyFileSync(join(ROOT, ".npmrc"), join(work, ".npmrc"));
    const r = spawnSync(npm, ["pack"], { cwd: work, encoding: "utf8", env: cleanEnv(), timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    // What pre-commit does with it: prefix.path(stdout.strip())
    const name = r.stdout.trim();
    expect(name).toBe(`${pkg.name}-${pkg.version}.tgz`);
    expect(existsSync(join(work, name))).toBe(true);
  });

  it("the repository's .npmrc turns foreground scripts off", () => {
    const npmrc = readFileSync(join(ROOT, ".npmrc"), "utf8");
    expect(npmrc).toMatch(/^foreground-scripts\s*=\s*false\s*$/m);
  });

  it("every hook runs the package's own bin, and the comments name only scripts that exist", () => {
    const text = readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    const hooks = parse(text) as { id: string; entry: string; language: string }[];
    expect(hooks.map((h) => h.id)).toEqual(["advise-check", "advise-check-all"]);
    for (const h of hooks) {
      expect(h.language).toBe("node");
      expect(Object.keys(pkg.bin)).toContain(h.entry.split(" ")[0]);
    }
    for (const [, script] of text.matchAll(/`(\w+)` script/g)) expect(Object.keys(pkg.scripts)).toContain(script);
  });
});
