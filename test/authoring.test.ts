// Writing profiles and extending the catalogue: init, schema, user catalogues, config files, staleness.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ask, DEFAULTS, renderProfile } from "../src/commands/init.js";
import { profileJsonSchema, profileJsonSchemaText } from "../src/commands/schema.js";
import { parseYaml } from "../src/io/yaml.js";
import { loadProfile } from "../src/profile/load.js";
import { spawn, spawnSync } from "node:child_process";
import { advise, CLI, CLI_ROOT } from "./cli-helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "advise-auth-"));

describe("advise schema", () => {
  it("the shipped schema/profile.schema.json is what the validator generates (run `npm run docs`)", () => {
    expect(readFileSync(join(CLI_ROOT, "schema", "profile.schema.json"), "utf8")).toBe(profileJsonSchemaText());
  });
  it("prints it", () => {
    const r = advise(["schema"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(profileJsonSchema());
  });
  const validate = new Ajv({ strict: false, allErrors: true }).compile(profileJsonSchema());
  const profiles = readdirSync(join(CLI_ROOT, "profiles")).filter((f) => f.endsWith(".yaml"));
  it.each(profiles)("profiles/%s validates against the JSON Schema and the zod schema, and names the schema", (f) => {
    const text = readFileSync(join(CLI_ROOT, "profiles", f), "utf8");
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(() => loadProfile(parseYaml({ file: f, text }))).not.toThrow();
    expect(text).toContain("# yaml-language-server: $schema=../schema/profile.schema.json");
  });
  it("rejects what zod rejects: unknown keys, bad units, bad enums", () => {
    for (const bad of [{ version: 1, latncy: "10ms", throughput: "1k/s" }, { version: 1, latency: "10 msec", throughput: "1k/s" }, { version: 1, latency: "10ms", throughput: "1k/s", unit: "events" }]) {
      expect(validate(bad)).toBe(false);
    }
  });
});

describe("advise init", () => {
  it("without a terminal, asks nothing, writes a valid commented profile from flags", () => {
    const dir = tmp();
    const r = advise(["init", "--latency", "10ms", "--throughput", "20k/s", "--deployment", "library", "--languages", "java,scala", "--exactly-once", "yes"], {}, undefined, dir);
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, "profile.yaml"), "utf8");
    const p = loadProfile(parseYaml({ file: "profile.yaml", text }));
    expect(p).toMatchObject({ latency: { text: "10ms" }, deployment: "library", languages: ["java", "scala"], exactlyOnce: true });
    expect(text).toMatch(/# yaml-language-server: \$schema=.*schema\/profile\.schema\.json/);
    expect(advise(["profile.yaml"], {}, undefined, dir).status).toBe(0);
  });
  it("never overwrites without --force", () => {
    const dir = tmp();
    writeFileSync(join(dir, "profile.yaml"), "keep me\n");
    const r = advise(["init"], {}, undefined, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("profile.yaml already exists; use --force");
    expect(readFileSync(join(dir, "profile.yaml"), "utf8")).toBe("keep me\n");
    expect(advise(["init", "--force"], {}, undefined, dir).status).toBe(0);
    expect(readFileSync(join(dir, "profile.yaml"), "utf8")).toContain("version: 1");
  });
  it("- prints to standard output", () => {
    const r = advise(["init", "-", "--latency", "2s"]);
    expect(r.status).toBe(0);
    expect(loadProfile(parseYaml({ file: "-", text: r.stdout })).latency.text).toBe("2s");
  });
  it("takes --serving, --consistency, --operations and --platforms (engine ids from the shipped catalogues)", () => {
    const r = advise(["init", "-", "--serving", "lookup", "--consistency", "consistent", "--operations", "join,dedupe", "--platforms", "kafka,kubernetes,spark,risingwave"]);
    expect(r.status, r.stderr).toBe(0);
    const p = loadProfile(parseYaml({ file: "-", text: r.stdout }));
    expect(p).toMatchObject({ serving: "lookup", consistency: "consistent", operations: ["join", "dedupe"], platforms: ["kafka", "kubernetes", "spark", "risingwave"] });
    expect(r.stdout).toMatch(/^serving: lookup +# /m);
  });
  it("--platforms takes a vendor the catalogue names (databricks) and an engine of the team's own catalogue, as the profile does", () => {
    const r = advise(["init", "-", "--platforms", "databricks,spark,in-house-router"]);
    expect(r.status, r.stderr).toBe(0);
    expect(loadProfile(parseYaml({ file: "-", text: r.stdout })).platforms).toEqual(["databricks", "spark", "in-house-router"]);
  });
  it("without those flags writes their defaults, which change no advice", () => {
    const r = advise(["init", "-", "--latency", "2s"]);
    const p = loadProfile(parseYaml({ file: "-", text: r.stdout }));
    expect(p).toMatchObject({ serving: "none", consistency: "eventual", operations: [], platforms: [] });
  });
  it.each([
    ["--serving", "lokup", "did you mean 'lookup'?"],
    ["--consistency", "strong", "expected one of eventual, consistent"],
    ["--operations", "joins", "(did you mean 'join'?)"],
    ["--platforms", "kafka,flnk", "(did you mean 'flink'?)"],
    ["--platforms", "kubernets", "(did you mean 'kubernetes'?)"],
  ])("%s %s is a usage error with the prompts' did-you-mean", (flag, value, message) => {
    const r = advise(["init", "-", flag, value]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${flag} "${value}": `);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });
  it("a bad flag value is a usage error", () => {
    const r = advise(["init", "-", "--latency", "10"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--latency "10": expected a duration with a unit');
  });
  it("on a terminal, asks in the seed's order, re-asks on a bad answer, keeps defaults on Enter", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let transcript = "";
    // 19 questions, one asked twice; after exactly-once, Enter keeps the defaults
    const answers = ["Fraud scoring", "ten", "25ms", "50k/s", "ml-scoring dataflow", "event", "library", "", "", "", "", "yes", "", "", "", "", "", "", "", ""];
    output.on("data", (d) => {
      transcript += String(d);
      // answer each prompt as a person would: after it is shown
      if (String(d).endsWith("] ") || String(d).endsWith("]  ")) setImmediate(() => input.write(`${answers.shift() ?? ""}\n`));
    });
    const done = ask(DEFAULTS, input, output);
    const got = await done;
    expect(got).toMatchObject({ name: "Fraud scoring", latency: "25ms", throughput: "50k/s", processing: ["ml-scoring", "dataflow"], unit: "event", deployment: "library", exactlyOnce: true, state: "none" });
    const order = ["latency budget", "Events per unit", "Kinds of processing", "Events (each message", "A library inside"].map((q) => transcript.indexOf(q));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(transcript).toContain("expected a duration with a unit");
    expect(() => loadProfile(parseYaml({ file: "x", text: renderProfile(got, "schema.json") }))).not.toThrow();
  });
});

describe("advise init on a terminal", () => {
  /** Runs ask() with scripted answers, each given once its prompt is shown; returns the answers and the transcript. */
  async function session(answers: string[], width = 100) {
    const input = new PassThrough();
    const output = new PassThrough();
    let transcript = "";
    output.on("data", (d) => {
      transcript += String(d);
      if (String(d).endsWith("] ")) setImmediate(() => input.write(`${answers.shift() ?? ""}\n`));
    });
    const got = await ask(DEFAULTS, input, output, width);
    return { got, transcript };
  }
  it("offers the validator's did-you-mean for a duration or a rate", async () => {
    const { got, transcript } = await session(["Payments", "10 msec", "10ms", "20k", "20k/s"]);
    expect(transcript).toContain("did you mean '10ms'?");
    expect(transcript).toContain("did you mean '20k/s'?");
    expect(got).toMatchObject({ latency: "10ms", throughput: "20k/s" });
  });
  it("asks last which requirements are musts, and writes them under priorities", async () => {
    const answers = ["Payments", "10ms", "20k/s", ...Array(16).fill(""), "latency deployment"];
    const { got, transcript } = await session(answers);
    expect(transcript).toContain("Which requirements must an engine meet");
    expect(got.musts).toEqual(["latency", "deployment"]);
    const p = loadProfile(parseYaml({ file: "x", text: renderProfile(got, "schema.json") }));
    expect(p.priorities).toMatchObject({ latency: "must", deployment: "must" });
  });
  it("asks how results are read, consistency, operations and platforms after the licence, with did-you-mean", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let transcript = "";
    const answers = ["Live views", "1s", "5k/s", ...Array(12).fill(""), "sequel", "sql", "consistant", "consistent", "join agregate", "join aggregate", "kafak flnk", "kafka flink", ""];
    output.on("data", (d) => {
      transcript += String(d);
      if (String(d).endsWith("] ")) setImmediate(() => input.write(`${answers.shift() ?? ""}\n`));
    });
    const got = await ask(DEFAULTS, input, output, 100);
    expect(got).toMatchObject({ serving: "sql", consistency: "consistent", operations: ["join", "aggregate"], platforms: ["kafka", "flink"] });
    expect(transcript).toContain("did you mean 'consistent'?");
    expect(transcript).toContain("(did you mean 'aggregate'?)");
    expect(transcript).toContain("(did you mean 'kafka', 'flink'?)");
    const order = ["Licence requirement", "How do applications read", "half-applied results", "Stateful operations", "already run in production", "Which requirements must"].map((q) => transcript.indexOf(q));
    expect(order.every((i) => i >= 0), transcript).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const p = loadProfile(parseYaml({ file: "x", text: renderProfile(got, "schema.json") }));
    expect(p).toMatchObject({ serving: "sql", consistency: "consistent", operations: ["join", "aggregate"], platforms: ["kafka", "flink"] });
  });
  it("wraps its prompts and messages at the terminal's width", async () => {
    const { transcript } = await session(["Payments", "10 msec", "10ms", "20k"], 60);
    // (the answers are not echoed here, so a prompt's end and the next prompt share a line)
    const lines = transcript.split(/\n|(?<=\] ) */);
    expect(lines.filter((l) => l.length > 60), transcript).toEqual([]);
    expect(lines.some((l) => /^(as|such)\b/.test(l) || l.startsWith("  "))).toBe(true);
  });
  it("init - points $schema at the schema's https $id, never at this machine's path", () => {
    const r = advise(["init", "-", "--latency", "2s"]);
    expect(r.stdout).toContain("# yaml-language-server: $schema=https://raw.githubusercontent.com/stream-advisor/stream-advisor/main/schema/profile.schema.json");
    expect(r.stdout).not.toContain(CLI_ROOT);
  });
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript)("Ctrl-C at a prompt: 'cancelled; nothing was written', exit 130", async () => {
    const dir = tmp();
    const child = spawn("script", ["-qec", `stty rows 24 cols 80; '${process.execPath}' '${CLI}' init; echo "rc=$?"`, "/dev/null"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    let stage = 0;
    child.stdout.on("data", (d) => {
      out += String(d);
      if (stage === 0 && out.includes("[My streaming workload]")) (stage = 1), child.stdin.write("Payments\r");
      else if (stage === 1 && out.includes("latency budget")) (stage = 2), child.stdin.write("\x03");
    });
    await new Promise((resolve) => child.on("close", resolve));
    expect(out).toContain("advise: init: cancelled; nothing was written");
    expect(out).toContain("rc=130");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("user catalogues", () => {
  it("--catalog adds engines from data only, and reports mark them", () => {
    const r = advise(["profiles/card-authorization.yaml", "--catalog", "examples/catalog", "--format", "json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.catalog.engines).toEqual(["akka-streams", "beam", "flink", "kafka-streams", "pekko-streams", "spark"]);
    const pekko = j.ranking.find((e: { engine: string }) => e.engine === "pekko-streams");
    expect(pekko.catalogFile).toBe("examples/catalog/pekko-streams.yaml");
    expect(pekko.disqualified).toBe(false);
  });
  it("an open-source must ranks Pekko above Akka", () => {
    const r = advise(["-", "--catalog", "examples/catalog", "--format", "json"], {}, "version: 1\nlatency: 5ms\nthroughput: 20k/s\ndeployment: library\nlicense: open-source\npriorities: {license: must}\n");
    const j = JSON.parse(r.stdout);
    expect(j.recommendation.engine).toBe("pekko-streams");
    expect(j.ranking.find((e: { engine: string }) => e.engine === "akka-streams").disqualifiedBy).toContain("open-source-license");
  });
  it("a broken catalogue file gets located errors with a did-you-mean, exit 2", () => {
    const dir = tmp();
    const text = readFileSync(join(CLI_ROOT, "examples", "catalog", "pekko-streams.yaml"), "utf8").replace(/^homepage:/m, "homepge:").replace(/^(\s+)route: builtin/m, "$1route: builtn");
    writeFileSync(join(dir, "pekko-streams.yaml"), text);
    const r = advise(["profiles/card-authorization.yaml", "--catalog", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`pekko-streams\\.yaml:\\d+:1: unknown key 'homepge' \\(did you mean 'homepage'\\?\\)`));
    expect(r.stderr).toMatch(/pekko-streams\.yaml:\d+:\d+: 'builtn' is not a valid .*route \(did you mean 'builtin'\?\); expected one of builtin, configured, limited, preview, external, third-party, own-code, none/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
  it("a project config file names the catalogue; found from a subfolder", () => {
    const dir = tmp();
    mkdirSync(join(dir, "engines"));
    copyFileSync(join(CLI_ROOT, "examples", "catalog", "pekko-streams.yaml"), join(dir, "engines", "pekko-streams.yaml"));
    writeFileSync(join(dir, ".advise.yaml"), "catalog: engines\n");
    mkdirSync(join(dir, "sub"));
    const r = advise(["engines", "--format", "json"], {}, undefined, join(dir, "sub"));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).engines.map((e: { id: string }) => e.id)).toContain("pekko-streams");
  });
  it("a config file with an unknown key is a located error", () => {
    const dir = tmp();
    writeFileSync(join(dir, ".advise.yaml"), "catalogue: engines\n");
    const r = advise(["engines"], {}, undefined, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(".advise.yaml:1:1: unknown key 'catalogue' (did you mean 'catalog'?)");
  });
});

describe("staleness", () => {
  it("says so in one line on stderr when the catalogue is more than 12 months old, and still answers", () => {
    const r = advise(["profiles/card-authorization.yaml"], { ADVISE_NOW: "2028-06-01T00:00:00Z" });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^note: the engine catalogue is as of 2026-11, 19 months ago; .*\n$/);
  });
  it("is quiet when it is recent", () => {
    expect(advise(["profiles/card-authorization.yaml"], { ADVISE_NOW: "2027-03-01T00:00:00Z" }).stderr).toBe("");
  });
});
