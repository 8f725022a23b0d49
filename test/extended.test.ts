// The extended catalogue from the command line: --engines (and `engines:` in
// .advise.yaml), `advise engines` listing both sets, and the beyond line when
// the five answer `none` or only a weak fit (docs/result.md#beyond).
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEngineDir } from "../src/catalog/load.js";
import { rulesDir } from "../src/catalog/shipped.js";
import { beyond } from "../src/engine/beyond.js";
import { evaluate } from "../src/engine/evaluate.js";
import { rank } from "../src/engine/score.js";
import { advise } from "./cli-helpers.js";
import { extendedCatalog, profileFrom, shippedCatalog } from "./helpers.js";

const EXTENDED = loadEngineDir(join(rulesDir(), "extended")).map((e) => e.id);
const CORE = shippedCatalog().engines.map((e) => e.id);
const tmp = () => mkdtempSync(join(tmpdir(), "advise-ext-"));
const json = (r: { stdout: string }) => JSON.parse(r.stdout);

// The five answer `none` (Akka is BSL, the others cannot promise 5 ms); Pekko (Apache-2.0) meets every must.
const NONE_PEKKO = "version: 1\nlatency: 5ms\nthroughput: 20k/s\ndeployment: library\nlicense: open-source\npriorities: {license: must, latency: must}\n";
// The five's best scores under 65 (a Go library for SQL over HTTP, OSI only); Pekko and Bytewax score higher.
const WEAK = "version: 1\nlatency: 20ms\nthroughput: 5k/s\ndeployment: library\nlanguages: [go]\nprocessing: [sql]\nsources: [http]\nlicense: open-source\n";
// `none` among the five and among the extended engines too: nobody offers a Go library with large state and OSI licence.
const NONE_EVERYWHERE = "version: 1\nlatency: 20ms\nthroughput: 5k/s\ndeployment: library\nlanguages: [go]\nstate: large\nlicense: open-source\npriorities: {languages: must, deployment: must, license: must}\n";

describe("the extended catalogue", () => {
  it("holds at least Pekko, ksqlDB, RisingWave and Materialize, and repeats no core id", () => {
    expect(EXTENDED).toEqual(expect.arrayContaining(["pekko-streams", "ksqldb", "risingwave", "materialize"]));
    for (const id of EXTENDED) expect(CORE).not.toContain(id);
  });

  // (that no own source cites a newer version than a descriptor describes is checked for
  // every descriptor, these included, in test/catalog.test.ts)
  it("states licences exactly: the non-OSI ones by their own names, with ownSources for the version check", () => {
    for (const e of extendedCatalog().engines.filter((x) => EXTENDED.includes(x.id))) {
      if (!e.license.osi) expect(e.license.spdx, e.id).toMatch(/^(BUSL-1\.1|LicenseRef-Confluent-Community-1\.0)$/);
      expect(e.ownSources?.length, e.id).toBeGreaterThan(0);
    }
  });

  it("says where a project stopped or changed hands", () => {
    const byId = Object.fromEntries(extendedCatalog().engines.map((e) => [e.id, e]));
    expect(byId.ksqldb!.maintenance.status).toBe("maintenance");
    expect(byId.bytewax!.maintenance.note).toMatch(/no longer commercially viable|community-maintained/);
    expect(byId.arroyo!.maintenance.note).toMatch(/Cloudflare/);
  });
});

describe("beyond: the line when the five fall short", () => {
  it("appears when the answer among the five is none and an extended engine meets every must", () => {
    const p = profileFrom(NONE_PEKKO);
    const r = evaluate(p, shippedCatalog(), { sensitivity: false });
    expect(r.recommendation.kind).toBe("none");
    const b = beyond(p, shippedCatalog(), extendedCatalog(), r, "advise - --engines extended");
    expect(b?.reason).toBe("none");
    expect(b?.engines[0]?.engine).toBe("pekko-streams");
    // the same scorer on the widened catalogue: its rank and score are rank()'s
    const wide = rank(p, extendedCatalog());
    const i = wide.findIndex((s) => s.engine.id === "pekko-streams");
    expect(b?.engines[0]).toEqual({ engine: "pekko-streams", name: "Apache Pekko Streams", score: wide[i]!.score, rank: i + 1, maintenance: expect.objectContaining({ status: "active" }) });
    expect(b?.summary).toMatch(/^Outside the five, Apache Pekko Streams \(score \d+, 1st of \d+\) meets every must: `advise - --engines extended`$/);
  });

  it("appears when the top pick is a weak fit and extended engines score higher", () => {
    const p = profileFrom(`${WEAK}priorities: {languages: high, license: high}\n`);
    // a catalogue whose weak-fit threshold sits above this pick's score
    const cat = { ...shippedCatalog(), config: { ...shippedCatalog().config, beyond: { weakFitBelow: 80 } } };
    const r = evaluate(p, cat, { sensitivity: false });
    const top = r.ranking.find((x) => x.engine === r.recommendation.engine)!;
    expect(top.score).toBeLessThan(80);
    const b = beyond(p, cat, { ...extendedCatalog(), config: cat.config }, r, "advise x --engines extended");
    expect(b?.reason).toBe("weak-fit");
    expect(b?.weakFitBelow).toBe(80);
    for (const e of b!.engines) expect(e.score).toBeGreaterThan(top.score);
    expect(b?.summary).toContain(`${top.name} scores only ${top.score} (under 80); outside the five, `);
  });

  it("custom stays custom with the extended engines: a library in another language is no candidate the budget rules out", () => {
    const text = "version: 1\nlatency: 5ms\nthroughput: 50k/s\nexactlyOnce: true\ndeployment: library\nlanguages: [java]\nsources: [kafka]\nsinks: [kafka]\npriorities: {latency: must, exactlyOnce: must}\n";
    const p = profileFrom(text);
    expect(evaluate(p, shippedCatalog(), { sensitivity: false }).recommendation.kind).toBe("custom");
    expect(evaluate(p, extendedCatalog(), { sensitivity: false }).recommendation.kind).toBe("custom");
  });

  it("appears whenever an extended engine ranks above the pick, even a good one", () => {
    const p = profileFrom("version: 1\nlatency: 10ms\nthroughput: 20k/s\ndeployment: library\nlanguages: [java]\n");
    const r = evaluate(p, shippedCatalog(), { sensitivity: false });
    const b = beyond(p, shippedCatalog(), extendedCatalog(), r, "x");
    const top = r.ranking[0]!;
    expect(top.score).toBeGreaterThanOrEqual(65);
    expect(b?.reason).toBe("outranked");
    for (const e of b!.engines) expect(e.score).toBeGreaterThanOrEqual(top.score);
    expect(b?.summary).toMatch(new RegExp(`^Outside the five, .*, ahead of ${top.name} \\(${top.score}\\)`));
  });

  it("does not appear when no extended engine ranks above the pick, for custom code, or when no extended engine meets every must", () => {
    for (const text of ["version: 1\nlatency: 2s\nthroughput: 2M/s\nstate: large\neventTime: true\nexactlyOnce: true\ncloud: aws\nsources: [kafka]\nsinks: [files]\n", "version: 1\nlatency: 100us\nthroughput: 1k/s\n", NONE_EVERYWHERE]) {
      const p = profileFrom(text);
      const r = evaluate(p, shippedCatalog(), { sensitivity: false });
      expect(beyond(p, shippedCatalog(), extendedCatalog(), r, "x"), text).toBeUndefined();
    }
  });

  it("the CLI prints it under the summary, in every format, and the JSON carries it", () => {
    const t = advise(["-"], {}, NONE_PEKKO);
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/\n {2}Outside the five, Apache Pekko Streams \(score \d+, 1st of \d+\) meets every must:\n {4}advise - --engines extended\n/);
    const j = json(advise(["-", "--format", "json"], {}, NONE_PEKKO));
    expect(j.beyond).toMatchObject({ reason: "none", command: "advise - --engines extended", engines: [{ engine: "pekko-streams", rank: 1 }] });
    expect(advise(["-", "--format", "markdown"], {}, NONE_PEKKO).stdout).toContain("**Beyond the five.** Outside the five, Apache Pekko Streams");
    // and the command it names ranks them all
    const all = json(advise(["-", "--format", "json", "--engines", "extended"], {}, NONE_PEKKO));
    expect(all.recommendation.engine).toBe("pekko-streams");
    expect(all.beyond).toBeUndefined();
  });

  it("shows a hostile profile path in the command it suggests as escapes, never raw", () => {
    const dir = tmp();
    const file = join(dir, "p\u001b[31m.yaml");
    writeFileSync(file, NONE_PEKKO);
    for (const format of ["table", "markdown"]) {
      const r = advise([file, "--format", format]);
      expect(r.stdout, format).toContain("--engines extended");
      expect(r.stdout, format).not.toContain("\u001b");
      expect(r.stdout, format).toContain("\\x1b[31m.yaml");
    }
  });

  it("speaks up for a shipped profile where an extended engine ranks above the pick, and not where none does", () => {
    const j = json(advise(["profiles/card-authorization.yaml", "--format", "json"]));
    // Apache Pekko Streams: the Apache-2.0 fork of Akka, with no licence key to run
    expect(j.beyond).toMatchObject({ reason: "outranked", engines: [{ engine: "pekko-streams", rank: 1 }] });
    expect(j.catalog).toEqual({ asOf: j.catalog.asOf, engines: CORE });
    expect(json(advise(["profiles/iot-telemetry.yaml", "--format", "json"])).beyond).toBeUndefined();
  });

  it("names the user's --catalog in the command it suggests, and a user's descriptor of an extended id joins the default set", () => {
    const dir = tmp();
    copyFileSync(join(rulesDir(), "engines", "flink.yaml"), join(dir, "flink.yaml"));
    const j = json(advise(["-", "--format", "json", "--catalog", dir], {}, NONE_PEKKO));
    expect(j.beyond.command).toBe(`advise - --engines extended --catalog ${dir}`);
    // examples/catalog describes Pekko's 1.7 line: it is ranked by default, so it is no longer "beyond"
    const k = json(advise(["-", "--format", "json", "--catalog", "examples/catalog"], {}, NONE_PEKKO));
    expect(k.recommendation.engine).toBe("pekko-streams");
    expect(k.beyond).toBeUndefined();
  });
});

describe("--engines", () => {
  it("extended ranks the five and the extended catalogue; the JSON says which came from it", () => {
    const j = json(advise(["profiles/card-authorization.yaml", "--format", "json", "--engines", "extended"]));
    expect(j.catalog.engines).toEqual([...CORE, ...EXTENDED].sort());
    expect(j.catalog.extended).toEqual(EXTENDED);
    expect(j.catalog.selection).toEqual(["extended"]);
    expect(j.ranking).toHaveLength(CORE.length + EXTENDED.length);
  });

  it("a,b,c ranks exactly those, from either set", () => {
    const j = json(advise(["profiles/card-authorization.yaml", "--format", "json", "--engines", "flink, pekko-streams,kafka-streams"]));
    expect(j.catalog.engines).toEqual(["flink", "kafka-streams", "pekko-streams"]);
    expect(j.catalog.extended).toEqual(["pekko-streams"]);
  });

  it("core is the default set", () => {
    const a = advise(["profiles/card-authorization.yaml", "--format", "json"]);
    const b = json(advise(["profiles/card-authorization.yaml", "--format", "json", "--engines", "core"]));
    expect(b.ranking).toEqual(json(a).ranking);
  });

  it("an unknown id is a usage error with a did-you-mean, exit 2", () => {
    const r = advise(["profiles/card-authorization.yaml", "--engines", "flnk,pekko"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--engines: unknown engine 'flnk' (did you mean 'flink'?)");
    expect(r.stderr).toContain("--engines: unknown engine 'pekko' (did you mean 'pekko-streams'?)");
    expect(r.stderr).toContain("expected core, extended, or comma-separated engine ids");
    expect(r.stdout).toBe("");
  });

  it("--why-not an extended engine says how to rank it", () => {
    const r = advise(["profiles/card-authorization.yaml", "--why-not", "pekko-streams"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--why-not: 'pekko-streams' is in the extended catalogue, which this run does not rank; add --engines extended");
    const ok = advise(["profiles/card-authorization.yaml", "--why-not", "pekko-streams", "--engines", "extended", "--format", "json"]);
    expect(json(ok).whyNot.engine).toBe("pekko-streams");
  });

  it("`engines:` in .advise.yaml selects too, and an unknown id there is a located error", () => {
    const dir = tmp();
    writeFileSync(join(dir, ".advise.yaml"), "engines: extended\n");
    writeFileSync(join(dir, "p.yaml"), "version: 1\nlatency: 1s\nthroughput: 1k/s\n");
    const j = json(advise(["p.yaml", "--format", "json"], {}, undefined, dir));
    expect(j.catalog.engines).toEqual([...CORE, ...EXTENDED].sort());
    // the flag wins over the config
    expect(json(advise(["p.yaml", "--format", "json", "--engines", "core"], {}, undefined, dir)).catalog.engines).toEqual(CORE);
    writeFileSync(join(dir, ".advise.yaml"), "# engines to rank\nengines: [flink, risingwve]\n");
    const bad = advise(["p.yaml"], {}, undefined, dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/\.advise\.yaml:2:10: engines: unknown engine 'risingwve' \(did you mean 'risingwave'\?\); expected core, extended/);
  });

  it("advise check judges ADRs against the same selection", () => {
    const dir = tmp();
    mkdirSync(join(dir, "docs", "decisions"), { recursive: true });
    writeFileSync(join(dir, "docs", "decisions", "0001-pekko.md"), "# 1. Use Pekko\n\n## Status\n\nAccepted\n\n```yaml stream-advisor\nprofile:\n  version: 1\n  latency: 5ms\n  throughput: 20k/s\n  deployment: library\n  license: open-source\n  priorities: {license: must}\nchosen: pekko-streams\n```\n");
    expect(advise(["check"], {}, undefined, dir).status).toBe(1); // not among the five
    const r = advise(["check", "--engines", "extended"], {}, undefined, dir);
    expect(r.stdout).toContain("1 passed");
    expect(r.status).toBe(0);
  });
});

describe("advise engines", () => {
  it("lists both sets, marked", () => {
    const j = json(advise(["engines", "--format", "json"]));
    expect(j.engines.map((e: { id: string }) => e.id)).toEqual([...CORE, ...EXTENDED].sort());
    for (const e of j.engines) expect(e.set).toBe(CORE.includes(e.id) ? "core" : "extended");
    const t = advise(["engines"]).stdout;
    expect(t).toMatch(/^risingwave\s+RisingWave\s+3\.0\.5\s+2026-10-12\s+.*Apache-2\.0\s+extended\s+service$/m);
    expect(t).toMatch(/^flink\s+Apache Flink\s+\S+\s+.*Apache-2\.0\s+core\s+service$/m);
    expect(t).toContain("extended ones with --engines extended");
  });

  it("prints an extended descriptor, saying where it comes from", () => {
    const r = advise(["engines", "materialize"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("extended catalogue (rank it with --engines extended)");
    expect(r.stdout).toContain("BUSL-1.1 (not OSI-approved)");
  });
});
