// The launcher's V8 code cache. The one in dist/ is made by the build, for the build's Node;
// another Node rejects it, and then the launcher keeps a cache of that Node's own in the
// user's cache folder, never in the package's folder (node_modules may be read-only, shared
// between Node versions, or checked by an integrity tool).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_ROOT as ROOT } from "./cli-helpers.js";

const work = mkdtempSync(join(tmpdir(), "advise-launcher-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the code cache on another Node", () => {
  it("is written to the user's cache folder, and the package's folder is left as it was", () => {
    const dist = join(work, "node_modules", "stream-advisor", "dist");
    cpSync(join(ROOT, "dist"), dist, { recursive: true });
    // bytes V8 rejects, as it rejects a cache made by another Node version
    const foreign = Buffer.from("not a cache for this Node".repeat(40));
    writeFileSync(join(dist, "advise-bundle.cache"), foreign);
    const before = readdirSync(dist).sort();
    const cache = join(work, "cache");
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, [join(dist, "advise.cjs"), "--version"], { encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: cache, ADVISE_WRITE_CODE_CACHE: undefined } });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(readdirSync(dist).sort()).toEqual(before);
    expect(readFileSync(join(dist, "advise-bundle.cache"))).toEqual(foreign);
    const own = readdirSync(join(cache, "stream-advisor"));
    expect(own).toHaveLength(1);
    expect(own[0]).toMatch(new RegExp(`^advise-bundle-${process.version.replace(/\./g, "\\.")}-${process.arch}-\\d+-\\d+\\.cache$`));
  });
  it("is not written at all when there is no user cache folder", () => {
    const dist = join(work, "b", "node_modules", "stream-advisor", "dist");
    cpSync(join(ROOT, "dist"), dist, { recursive: true });
    rmSync(join(dist, "advise-bundle.cache"));
    const r = spawnSync(process.execPath, [join(dist, "advise.cjs"), "--version"], { encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: "", HOME: "", ADVISE_WRITE_CODE_CACHE: undefined } });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dist, "advise-bundle.cache"))).toBe(false);
  });
});
