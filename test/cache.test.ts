// The compiled user catalogue cache (src/catalog/cache.ts): a hit only for the
// same bytes at the same path under the same tool version; everything else is
// read and validated again, and reported exactly as without a cache.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheDir, cacheFileFor, loadUserEngines, MAX_CACHE_BYTES, stateDir } from "../src/catalog/cache.js";
import { InputError } from "../src/diagnostics.js";
import { loadEngineFile } from "../src/catalog/load.js";
import { rulesDir } from "../src/catalog/shipped.js";
import { advise, CLI_ROOT } from "./cli-helpers.js";

const tmp = (p = "advise-cache-") => mkdtempSync(join(tmpdir(), p));
const SRC = ["ksqldb", "pekko-streams", "risingwave"].map((id) => join(rulesDir(), "extended", `${id}.yaml`));

function setup() {
  const dir = tmp("advise-usercat-");
  for (const f of SRC) copyFileSync(f, join(dir, f.split("/").pop()!));
  const env = { XDG_CACHE_HOME: tmp(), XDG_STATE_HOME: tmp() };
  return { dir, env, load: (version = "1.0.0") => loadUserEngines(dir, { version, env }) };
}

async function problems(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`);
    throw e;
  }
  return [];
}

describe("user catalogue cache", () => {
  it("compiles once, then serves every unchanged file from the cache", async () => {
    const { load, env, dir } = setup();
    const first = await load();
    expect([first.hits, first.misses]).toEqual([0, 3]);
    expect(first.cacheFile).toBe(cacheFileFor(dir, env));
    expect(existsSync(first.cacheFile!)).toBe(true);
    // the content key is the text itself, kept in the same file as the descriptors (one rename publishes both)
    const cached = JSON.parse(readFileSync(first.cacheFile!, "utf8")) as { entries: Record<string, { text: string }> };
    expect(Object.values(cached.entries).map((e) => e.text)).toEqual(SRC.map((f) => readFileSync(f, "utf8")));
    const second = await load();
    expect([second.hits, second.misses]).toEqual([3, 0]);
    expect(second.engines).toEqual(first.engines);
    // the cached descriptor is the validated one
    expect(second.engines.map((e) => e.engine)).toEqual(SRC.map((f) => loadEngineFile(f)));
  });

  it("an edited file is read again (and only that one)", async () => {
    const { load, dir } = setup();
    await load();
    const f = join(dir, "ksqldb.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("name: ksqlDB", "name: ksqlDB (ours)"));
    const r = await load();
    expect([r.hits, r.misses]).toEqual([2, 1]);
    expect(r.engines.find((e) => e.engine.id === "ksqldb")!.engine.name).toBe("ksqlDB (ours)");
    expect((await load()).hits).toBe(3);
  });

  it("a renamed file is validated again under its new name (the id must match it)", async () => {
    const { load, dir } = setup();
    await load();
    renameSync(join(dir, "ksqldb.yaml"), join(dir, "ksql.yaml"));
    const errs = await problems(load());
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/ksql\.yaml:\d+:5 id 'ksqldb' does not match the file name 'ksql\.yaml'$/);
    // exactly what the loader says without any cache
    expect(await problems(Promise.resolve().then(() => loadEngineFile(join(dir, "ksql.yaml"))))).toEqual(errs);
  });

  it("a deleted file's engine disappears, and its entry leaves the cache", async () => {
    const { load, dir } = setup();
    const first = await load();
    rmSync(join(dir, "risingwave.yaml"));
    const r = await load();
    expect(r.engines.map((e) => e.engine.id)).toEqual(["ksqldb", "pekko-streams"]);
    expect([r.hits, r.misses]).toEqual([2, 0]);
    expect(Object.keys(JSON.parse(readFileSync(first.cacheFile!, "utf8")).entries)).toHaveLength(2);
  });

  it("a new tool version ignores every entry", async () => {
    const { load } = setup();
    await load("1.0.0");
    expect((await load("1.0.1")).misses).toBe(3);
    expect((await load("1.0.1")).hits).toBe(3);
  });

  it("a broken file is reported exactly as without a cache, even after a cached run; fixed, it is served again", async () => {
    const { load, dir, env } = setup();
    await load();
    const f = join(dir, "pekko-streams.yaml");
    const good = readFileSync(f, "utf8");
    writeFileSync(f, good.replace(/^homepage:/m, "homepge:"));
    const errs = await problems(load());
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/pekko-streams\.yaml:\d+:1 unknown key 'homepge'/);
    const cold = await problems(loadUserEngines(dir, { version: "1.0.0", env: { XDG_CACHE_HOME: tmp(), XDG_STATE_HOME: tmp() } }));
    expect(cold).toEqual(errs);
    writeFileSync(f, good);
    expect((await load()).hits).toBe(3);
    void env;
  });

  it("an unreadable or corrupt cache only costs speed", async () => {
    const { load } = setup();
    const first = await load();
    writeFileSync(first.cacheFile!, "{not json");
    const r = await load();
    expect([r.hits, r.misses]).toEqual([0, 3]);
    expect((await load()).hits).toBe(3);
    // text that no longer matches the file is a miss, never a wrong hit
    writeFileSync(first.cacheFile!, readFileSync(first.cacheFile!, "utf8").replace("name: ksqlDB", "name: KSQLDB"));
    const torn = await load();
    expect([torn.hits, torn.misses]).toEqual([2, 1]);
  });

  it("a tampered descriptor is never used: the advice does not depend on the cache (security review)", async () => {
    const { load } = setup();
    const first = await load();
    const file = first.cacheFile!;
    const pristine = readFileSync(file, "utf8");
    type Cached = { entries: Record<string, { text: string; engine: string; mac: string }> };
    const tamper = (edit: (e: Record<string, any>) => void) => {
      const c = JSON.parse(pristine) as Cached;
      const entry = Object.values(c.entries).find((e) => JSON.parse(e.engine).id === "pekko-streams")!;
      const engine = JSON.parse(entry.engine);
      edit(engine);
      entry.engine = JSON.stringify(engine);
      writeFileSync(file, JSON.stringify(c));
    };
    const edits: ((e: Record<string, any>) => void)[] = [
      (e) => Object.assign(e.latency, { floor: "garbage" }),
      (e) => delete e.latency,
      (e) => (e.latency.floor = null),
      (e) => (e.processing = { __proto__: { x: 1 } }),
      (e) => (e.processing.sql.sources = [{ url: "javascript:alert(1)", version: "1" }]),
      (e) => (e.latency.floor = "1h"), // valid alone, but above the typical latency
      (e) => (e.id = "spark"),
      (e) => (e.extra = "not in the schema"),
      // still valid descriptors, and each would change the advice: only the MAC tells them from the compiled one
      (e) => Object.assign(e.latency, { floor: "1ms", typical: "2ms" }),
      (e) => (e.processing.sql.route = e.processing.sql.route === "builtin" ? "none" : "builtin"),
      (e) => (e.throughput.scaling = e.throughput.scaling === "cluster" ? "partitions" : "cluster"),
    ];
    for (const edit of edits) {
      tamper(edit);
      const r = await load();
      expect([r.hits, r.misses]).toEqual([2, 1]);
      expect(r.engines.map((x) => x.engine)).toEqual(first.engines.map((x) => x.engine));
    }
    // the rebuilt cache is whole again
    expect((await load()).hits).toBe(3);
    // a MAC copied from another entry, or one made with another key, does not verify either
    const c = JSON.parse(pristine) as Cached;
    const [a, b] = Object.values(c.entries);
    a!.mac = b!.mac;
    writeFileSync(file, JSON.stringify(c));
    expect((await load()).misses).toBe(1);
  });

  it("signs entries with a key of its own, kept apart from the cache folder (0600), made anew when missing", async () => {
    const { load, env } = setup();
    const first = await load();
    const key = join(env.XDG_STATE_HOME, "stream-advisor", "cache-key");
    expect(lstatSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key).length).toBe(32);
    expect(readdirSync(join(env.XDG_CACHE_HOME, "stream-advisor"))).not.toContain("cache-key");
    expect((await load()).hits).toBe(3);
    // a cache restored with another key (or a new key) is compiled again, never trusted
    rmSync(key);
    const again = await load();
    expect([again.hits, again.misses]).toEqual([0, 3]);
    expect(again.engines).toEqual(first.engines);
    expect((await load()).hits).toBe(3);
  });

  it("a cache file over the size cap, a folder or a FIFO in its place only costs speed", async () => {
    const { load } = setup();
    const first = await load();
    writeFileSync(first.cacheFile!, Buffer.alloc(0));
    truncateSync(first.cacheFile!, MAX_CACHE_BYTES + 1);
    expect((await load()).misses).toBe(3);
    rmSync(first.cacheFile!);
    execFileSync("mkfifo", [first.cacheFile!]);
    expect((await load()).misses).toBe(3); // never waits for a writer; the FIFO is replaced by the new cache
    expect((await load()).hits).toBe(3);
  });

  it("a planted file or symbolic link at any temporary name is never written through", async () => {
    const { load, dir } = setup();
    const first = await load();
    const victim = join(tmp(), "victim");
    writeFileSync(victim, "ORIGINAL");
    // the old predictable names, and a link at the cache's own .src name of the previous format
    for (const name of [`${first.cacheFile!.replace(/\.json$/, ".src")}.${process.pid}.tmp`, `${first.cacheFile}.${process.pid}.tmp`]) symlinkSync(victim, name);
    writeFileSync(join(dir, "pekko-streams.yaml"), `${readFileSync(join(dir, "pekko-streams.yaml"), "utf8")}\n`);
    const r = await load();
    expect(r.misses).toBe(1);
    expect(readFileSync(victim, "utf8")).toBe("ORIGINAL");
    expect(lstatSync(first.cacheFile!).isFile()).toBe(true);
    expect((await load()).hits).toBe(3);
  });

  it("lives in $XDG_CACHE_HOME/stream-advisor, else ~/.cache/stream-advisor (a relative XDG path is ignored, as the spec says)", () => {
    expect(cacheDir({ XDG_CACHE_HOME: "/x/cache" })).toBe("/x/cache/stream-advisor");
    expect(cacheDir({ XDG_CACHE_HOME: "rel", HOME: "/home/u" })).toBe("/home/u/.cache/stream-advisor");
    expect(cacheDir({ HOME: "/home/u" })).toBe("/home/u/.cache/stream-advisor");
    expect([stateDir({ XDG_STATE_HOME: "/x/state" }), stateDir({ XDG_STATE_HOME: "rel", HOME: "/home/u" })]).toEqual(["/x/state/stream-advisor", "/home/u/.local/state/stream-advisor"]);
  });
});

describe("user catalogue cache, from the command line", () => {
  it("the second run uses the cache and gives the same output; a broken file after that is reported as today", () => {
    const cache = tmp();
    const dir = tmp("advise-usercat-");
    copyFileSync(join(CLI_ROOT, "examples", "catalog", "pekko-streams.yaml"), join(dir, "pekko-streams.yaml"));
    const args = ["profiles/card-authorization.yaml", "--catalog", dir, "--format", "json"];
    const a = advise(args, { XDG_CACHE_HOME: cache });
    expect(a.status).toBe(0);
    expect(readdirSync(join(cache, "stream-advisor")).filter((f) => f.startsWith("catalog-")).sort()).toEqual([expect.stringMatching(/^catalog-[0-9a-f]{16}\.json$/)]);
    const b = advise(args, { XDG_CACHE_HOME: cache });
    expect(b.stdout).toBe(a.stdout);
    const f = join(dir, "pekko-streams.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace(/^(\s+)route: builtin/m, "$1route: builtn"));
    const warm = advise(args, { XDG_CACHE_HOME: cache });
    const cold = advise(args, { XDG_CACHE_HOME: tmp() });
    expect(warm.status).toBe(2);
    expect(warm.stderr).toBe(cold.stderr);
    expect(warm.stderr).toMatch(/pekko-streams\.yaml:\d+:\d+: 'builtn' is not a valid .*route \(did you mean 'builtin'\?\)/);
  });
});
