// `advise mcp` (#17) through the SDK's own client: over an in-memory transport
// against the server built from source (every tool with good and hostile
// input, compared with the CLI's JSON), and over stdio against the built CLI
// started the way an MCP client starts it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { shippedCatalog } from "../src/catalog/shipped.js";
import { realRoot } from "../src/io/within.js";
import { callTool, createMcpServer } from "../src/mcp/server.js";
import type { Tool } from "../src/mcp/tools.js";
import { advise, CLI, CLI_ROOT } from "./cli-helpers.js";

type Result = Awaited<ReturnType<Client["callTool"]>>;
const text = (r: Result) => (r.content as { type: string; text: string }[])[0]!.text;
const profiles = readdirSync(join(CLI_ROOT, "profiles")).filter((f) => f.endsWith(".yaml")).sort();
const CORPUS = join(CLI_ROOT, "test", "corpus");
const corpusExpected = parse(readFileSync(join(CORPUS, "expected.yaml"), "utf8")) as Record<string, string>;
const corpus = Object.keys(corpusExpected).filter((f) => corpusExpected[f] !== "ok").sort();
const FIELDS = "version, name, description, latency, throughput, processing, unit, deployment, sources, sinks, languages, eventTime, exactlyOnce, state, batch, cloud, license, portable, serving, consistency, operations, platforms, priorities";
const ENGINE_IDS = "akka-streams, beam, flink, kafka-streams, spark";
/** what the engines tool (like `advise engines`) knows: the five and the extended catalogue */
const ALL_ENGINE_IDS = "akka-streams, arroyo, beam, bytewax, flink, kafka-streams, ksqldb, materialize, pekko-streams, risingwave, spark";

/** A client connected to a server built from source, for the folder `root`; it has listed the tools, so it checks every structured result against its output schema. */
async function connect(root = CLI_ROOT, log: string[] = []): Promise<Client> {
  const server = createMcpServer({ catalog: await shippedCatalog(), root: realRoot(root), packageRoot: CLI_ROOT, version: "test", log: (l) => log.push(l) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "advise-test", version: "1.0.0" });
  await client.connect(clientSide);
  await client.listTools();
  return client;
}

function expectToolError(r: Result, message: string | RegExp) {
  expect(r.isError).toBe(true);
  expect(r.structuredContent).toBeUndefined();
  expect(text(r)).not.toMatch(/^\s+at /m);
  if (typeof message === "string") expect(text(r)).toBe(message);
  else expect(text(r)).toMatch(message);
}

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `advise-mcp-${name}-`));

describe("advise mcp: the tools (SDK client, in-memory transport)", () => {
  let client: Client;
  const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args });
  beforeAll(async () => {
    client = await connect();
  });
  afterAll(async () => client.close());

  it("lists five tools, each with a JSON Schema for its input and its output, all read-only", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["advise", "validate_profile", "check_adrs", "engines", "explain"]);
    for (const t of tools) {
      expect(t.inputSchema.type).toBe("object");
      expect(t.inputSchema.additionalProperties).toBe(false);
      expect(t.outputSchema?.type).toBe("object");
      expect(t.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, openWorldHint: false });
      expect(t.description!.length).toBeGreaterThan(100);
    }
    const adviseTool = tools.find((t) => t.name === "advise")!;
    const props = adviseTool.inputSchema.properties as Record<string, { enum?: string[]; anyOf?: { type: string; properties?: Record<string, unknown> }[] }>;
    expect(props.why_not!.enum).toEqual(ENGINE_IDS.split(", "));
    // the profile argument carries the profile's own schema, so an assistant can draft one from it
    expect(props.profile!.anyOf!.map((s) => s.type)).toEqual(["string", "object"]);
    expect(Object.keys(props.profile!.anyOf![1]!.properties!).join(", ")).toBe(FIELDS);
  });

  it("serves the profile's JSON Schema and every shipped example profile as resources", async () => {
    const { resources } = await client.listResources();
    // (the catalogue's engines and rules follow: test/mcp-interview.test.ts)
    expect(resources.map((r) => r.uri).filter((u) => !/^stream-advisor:\/\/(engines|rules)\//.test(u))).toEqual(["stream-advisor://schema/profile-v1.json", ...profiles.map((p) => `stream-advisor://profiles/${p}`)]);
    const schema = await client.readResource({ uri: "stream-advisor://schema/profile-v1.json" });
    expect(schema.contents[0]).toMatchObject({ mimeType: "application/schema+json", text: readFileSync(join(CLI_ROOT, "schema", "profile.schema.json"), "utf8") });
    for (const p of profiles) {
      const r = await client.readResource({ uri: `stream-advisor://profiles/${p}` });
      expect(r.contents[0]).toMatchObject({ mimeType: "application/yaml", text: readFileSync(join(CLI_ROOT, "profiles", p), "utf8") });
    }
    await expect(client.readResource({ uri: "stream-advisor://profiles/../../etc/passwd" })).rejects.toThrow(/-32002.*unknown resource/);
  });

  it.each(profiles)("advise on profiles/%s is `advise PROFILE --format json`, byte for byte", async (p) => {
    const cli = advise([`profiles/${p}`, "--format", "json"]);
    expect(cli.status).toBe(0);
    const r = await call("advise", { path: `profiles/${p}` });
    expect(r.isError).toBeFalsy();
    expect(text(r)).toBe(cli.stdout);
    expect(`${JSON.stringify(r.structuredContent, null, 2)}\n`).toBe(cli.stdout);
  });

  it("a profile given as YAML text or as an object gets the result `advise -` gives for that text", async () => {
    const yaml = readFileSync(join(CLI_ROOT, "profiles", "fraud-scoring.yaml"), "utf8");
    const cli = advise(["-", "--format", "json"], {}, yaml);
    expect(cli.status).toBe(0);
    const asText = await call("advise", { profile: yaml, file: "<stdin>" });
    expect(text(asText)).toBe(cli.stdout);
    const asObject = await call("advise", { profile: parse(yaml), file: "<stdin>" });
    expect(asObject.structuredContent).toEqual(JSON.parse(cli.stdout));
    const unnamed = (await call("advise", { profile: yaml })).structuredContent as { profile: { file: string } };
    expect(unnamed.profile.file).toBe("<profile>");
  });

  it("why_not is --why-not", async () => {
    const cli = advise(["profiles/card-authorization.yaml", "--why-not", "flink", "--format", "json"]);
    const r = await call("advise", { path: "profiles/card-authorization.yaml", why_not: "flink" });
    expect(text(r)).toBe(cli.stdout);
    expect((r.structuredContent as { whyNot: { engine: string } }).whyNot.engine).toBe("flink");
    expectToolError(await call("advise", { path: "profiles/card-authorization.yaml", why_not: "flnk" }), `advise: why_not: unknown engine 'flnk' (did you mean 'flink'?); expected one of ${ENGINE_IDS}`);
  });

  it("engines ranks only the engines named, each scored as in the full ranking", async () => {
    type R = { catalog: { engines: string[] }; ranking: { engine: string; score: number }[]; recommendation: { kind: string; engine: string } };
    const full = JSON.parse(advise(["profiles/iot-telemetry.yaml", "--format", "json"]).stdout) as R;
    expect(full.recommendation.engine).toBe("flink");
    const result = (await call("advise", { path: "profiles/iot-telemetry.yaml", engines: ["spark", "beam"] })).structuredContent as R;
    expect(result.catalog.engines).toEqual(["beam", "spark"]);
    expect(result.ranking.map((x) => [x.engine, x.score])).toEqual(full.ranking.filter((x) => x.engine === "spark" || x.engine === "beam").map((x) => [x.engine, x.score]));
    expect(result.recommendation).toMatchObject({ kind: "engine", engine: "spark" });
    expectToolError(await call("advise", { path: "profiles/card-authorization.yaml", engines: ["flnk"] }), `advise: engines: unknown engine 'flnk' (did you mean 'flink'?); expected core, extended, or comma-separated engine ids (${ALL_ENGINE_IDS})`);
    expectToolError(await call("advise", { path: "profiles/card-authorization.yaml", engines: ["flink", "flink"] }), "advise: engines: 'flink' is listed twice; expected each engine once");
    expectToolError(await call("advise", { path: "profiles/card-authorization.yaml", engines: [] }), `advise: engines: no engines named; expected core, extended, or comma-separated engine ids (${ALL_ENGINE_IDS})`);
  });

  it("validate_profile: ok with the profile as read for every shipped profile", async () => {
    for (const p of profiles) {
      const r = await call("validate_profile", { path: `profiles/${p}` });
      const cli = JSON.parse(advise([`profiles/${p}`, "--format", "json"]).stdout) as { profile: unknown };
      expect(r.structuredContent).toEqual({ ok: true, file: `profiles/${p}`, problems: [], profile: cli.profile });
    }
  });

  it("validate_profile: every problem of a draft, with line, column, message, expected and a did-you-mean", async () => {
    const r = await call("validate_profile", { profile: "version: 1\nlatncy: 10ms\nthroughput: 20k\ndeployment: libary\n", file: "draft.yaml" });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toEqual({
      ok: false,
      file: "draft.yaml",
      problems: [
        { line: 2, column: 1, message: "unknown key 'latncy'", expected: `one of ${FIELDS}`, suggestion: "latency", text: `draft.yaml:2:1: unknown key 'latncy' (did you mean 'latency'?); expected one of ${FIELDS}` },
        { line: 3, column: 13, message: "'20k' is not a valid throughput: a rate needs a period, such as /s or /min", suggestion: "20k/s", expected: "a rate such as 500/s, 20k/s, 1.5M/s, 3M/min or 1B/day", text: "draft.yaml:3:13: '20k' is not a valid throughput: a rate needs a period, such as /s or /min (did you mean '20k/s'?); expected a rate such as 500/s, 20k/s, 1.5M/s, 3M/min or 1B/day" },
        { line: 4, column: 13, message: "'libary' is not a valid deployment", expected: "one of library, service, either", suggestion: "library", text: "draft.yaml:4:13: 'libary' is not a valid deployment (did you mean 'library'?); expected one of library, service, either" },
      ],
    });
    // the same messages `advise -` prints for the same text
    const cli = advise(["-"], {}, "version: 1\nlatncy: 10ms\nthroughput: 20k\ndeployment: libary\n");
    expect(cli.stderr.replaceAll("<stdin>", "draft.yaml")).toBe(`${(r.structuredContent as { problems: { text: string }[] }).problems.map((p) => p.text).join("\n")}\n`);
  });

  it("validate_profile on an object: the YAML it was read as, which the positions refer to", async () => {
    const r = await call("validate_profile", { profile: { version: 1, latency: "10ms", throughput: "20k/s", deployment: "libary" } });
    const v = r.structuredContent as { ok: boolean; yaml: string; problems: { line: number; column: number; text: string }[] };
    expect(v.ok).toBe(false);
    expect(v.yaml).toBe("version: 1\nlatency: 10ms\nthroughput: 20k/s\ndeployment: libary\n");
    expect(v.problems.map((p) => p.text)).toEqual(["<profile>:4:13: 'libary' is not a valid deployment (did you mean 'library'?); expected one of library, service, either"]);
    const fixed = await call("validate_profile", { profile: { version: 1, latency: "10ms", throughput: "20k/s", deployment: "library" } });
    expect(fixed.structuredContent).toMatchObject({ ok: true, problems: [], yaml: "version: 1\nlatency: 10ms\nthroughput: 20k/s\ndeployment: library\n", profile: { deployment: "library", unit: "either" } });
  });

  it.each(corpus)("test/corpus/%s: advise is a tool error with the CLI's exact message, validate_profile lists the same", async (f) => {
    const path = `test/corpus/${f}`;
    const want = corpusExpected[f]!.trimEnd();
    expectToolError(await call("advise", { path }), want);
    const v = (await call("validate_profile", { path })).structuredContent as { ok: boolean; problems: { text: string }[] };
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.text).join("\n")).toBe(want);
    // the same text handed over in the call (a string cannot hold Latin-1 or UTF-16 bytes, so those files are left out)
    if (f !== "latin1.yaml" && f !== "utf16.yaml") expectToolError(await call("advise", { profile: readFileSync(join(CORPUS, f), "utf8"), file: path }), want);
  });

  describe("hostile profiles", () => {
    it("malformed YAML", async () => {
      expectToolError(await call("advise", { profile: "version: 1\nlatency: [10ms\nthroughput: 1k/s\n" }), /^<profile>:\d+:\d+: .+; expected /);
      expectToolError(await call("advise", { profile: "version: 1\n\tlatency: 10ms\n" }), /^<profile>:2:1: /);
    });

    it("__proto__ and constructor keys are unknown keys, and nothing is polluted", async () => {
      const unknown = (line: number, key: string) => `<profile>:${line}:1: unknown key '${key}'; expected one of ${FIELDS}`;
      expectToolError(await call("advise", { profile: "version: 1\n__proto__: {polluted: true}\nlatency: 10ms\nthroughput: 1k/s\n" }), unknown(2, "__proto__"));
      // JSON.parse makes __proto__ an own key, as a client's JSON-RPC message does
      expectToolError(await call("advise", { profile: JSON.parse('{"version": 1, "latency": "10ms", "throughput": "1k/s", "__proto__": {"polluted": true}}') }), unknown(4, "__proto__"));
      expectToolError(await call("advise", { profile: { version: 1, latency: "10ms", throughput: "1k/s", constructor: { prototype: { polluted: true } } } }), unknown(4, "constructor"));
      const v = (await call("validate_profile", { profile: JSON.parse('{"version": 1, "latency": "10ms", "throughput": "1k/s", "priorities": {"__proto__": {"polluted": true}}}') })).structuredContent as { problems: { message: string }[] };
      expect(v.problems.map((p) => p.message)).toEqual(["unknown key '__proto__' in priorities"]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty("polluted");
    });

    it("an alias bomb is refused at the first alias", async () => {
      const bomb = `version: 1\nlatency: 10ms\nthroughput: 1k/s\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
      expectToolError(await call("advise", { profile: bomb }), "<profile>:5:8: aliases expand too much (more than 100 expansions); expected plain values without alias chains");
    });

    it("nesting 100,000 deep, as YAML text and as an object, is refused before anything recurses", async () => {
      expectToolError(await call("advise", { profile: `version: 1\nx: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n` }), "<profile>:2:68: nesting is deeper than 64 levels; expected a shallow YAML mapping");
      const deep = JSON.parse(`{"version": 1, "x": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
      expectToolError(await call("advise", { profile: deep }), "<profile>: nesting is deeper than 64 levels; expected a shallow mapping");
      const v = (await call("validate_profile", { profile: deep })).structuredContent as { ok: boolean; problems: { text: string }[] };
      expect(v).toMatchObject({ ok: false, problems: [{ text: "<profile>: nesting is deeper than 64 levels; expected a shallow mapping" }] });
    });

    it("the size limit of a file holds for text and objects", async () => {
      const big = `version: 1\nname: "${"x".repeat(2 * 1024 * 1024)}"\n`;
      expectToolError(await call("advise", { profile: big }), "<profile>: text is too large (more than 1048576 bytes); expected at most 1048576 bytes (1024 KiB)");
      const justOver = `version: 1\nname: "${"é".repeat(600 * 1024)}"\n`; // under the limit in characters, over it in UTF-8 bytes
      expectToolError(await call("advise", { profile: justOver }), `<profile>: text is too large (${Buffer.byteLength(justOver)} bytes); expected at most 1048576 bytes (1024 KiB)`);
      expectToolError(await call("advise", { profile: { version: 1, name: "x".repeat(2 * 1024 * 1024) } }), "<profile>: the profile is too large (more than 1048576 bytes as JSON); expected at most 1048576 bytes (1024 KiB)");
    });

    it("a NUL byte, a list, a number, nothing", async () => {
      expectToolError(await call("advise", { profile: "version: 1\n\0" }), "<profile>:2:1: this is a binary file (it contains a NUL byte); expected a UTF-8 YAML text file");
      expectToolError(await call("advise", { profile: [1, 2] }), "<profile>:1:1: the profile is a list; expected a mapping of profile fields, such as `latency: 10ms`");
      expectToolError(await call("advise", { profile: 5 }), "<profile>:1:1: the profile is a number; expected a mapping of profile fields, such as `latency: 10ms`");
      expectToolError(await call("advise", { profile: "" }), /^<profile>:1:1: the profile is empty; /);
      expectToolError(await call("advise", { profile: null }), /^<profile>:1:1: the profile is empty; /);
    });
  });

  describe("bad arguments are tool errors that say what the tool takes", () => {
    it.each([
      ["advise", {}, "advise: give the profile as 'profile' (YAML text or an object) or as 'path' (a profile file in the working folder)"],
      ["advise", { profile: "version: 1", path: "profiles/card-authorization.yaml" }, "advise: give either 'profile' or 'path', not both"],
      ["advise", { path: "profiles/card-authorization.yaml", whyNot: "flink" }, "advise: unknown argument 'whyNot' (did you mean 'why_not'?); expected one of profile, path, file, engines, why_not"],
      ["advise", { path: "profiles/card-authorization.yaml", why_not: 5 }, "advise: 'why_not' must be non-empty text, not a number"],
      ["advise", { path: "profiles/card-authorization.yaml", engines: 5 }, "advise: 'engines' must be core, extended, or engine ids (comma-separated text or a list), not a number"],
      ["advise", { path: "profiles/card-authorization.yaml", file: "x.yaml" }, "advise: 'file' names a profile given as 'profile'; a file given as 'path' is named by its path"],
      ["advise", { path: "" }, "advise: 'path' must be non-empty text, not empty text"],
      ["validate_profile", { profil: "version: 1" }, "validate_profile: unknown argument 'profil' (did you mean 'profile'?); expected one of profile, path, file"],
      ["check_adrs", { paths: "docs/decisions" }, "check_adrs: 'paths' must be a list of non-empty texts, not text"],
      ["engines", { id: "flnk" }, `unknown engine 'flnk' (did you mean 'flink'?); expected one of ${ALL_ENGINE_IDS}`],
      ["explain", { rule: "latency" }, /^unknown rule 'latency' \(did you mean 'latency-budget'\?\); expected one of latency-budget, /],
      ["explain", { rule: 7 }, "explain: 'rule' must be non-empty text, not a number"],
    ] as [string, Record<string, unknown>, string | RegExp][])("%s %j", async (tool, args, message) => {
      expectToolError(await call(tool, args), message);
    });

    it("an unknown tool is a protocol error", async () => {
      await expect(call("advice", {})).rejects.toThrow(/-32602.*unknown tool 'advice' \(did you mean 'advise'\?\)/);
    });

    it("the lookup errors are the CLI's messages", async () => {
      for (const [args, tool, a] of [
        [["engines", "flnk"], "engines", { id: "flnk" }],
        [["explain", "latncy-budget"], "explain", { rule: "latncy-budget" }],
      ] as const) {
        const cli = advise([...args]);
        expect(cli.status).toBe(2);
        expect(`advise: ${text(await call(tool, a))}\n(run \`advise ${args[0]} --help\` for usage)\n`).toBe(cli.stderr);
      }
    });
  });

  it("engines and explain are `advise engines` and `advise explain` with --format json", async () => {
    expect(text(await call("engines", {}))).toBe(advise(["engines", "--format", "json"]).stdout);
    expect(text(await call("engines", { id: "flink" }))).toBe(advise(["engines", "flink", "--format", "json"]).stdout);
    const flink = (await call("engines", { id: "flink" })).structuredContent as { latency: { sources: { url: string; version: string }[] } };
    expect(flink.latency.sources[0]!.url).toMatch(/^https:\/\//);
    const all = (await call("explain", {})).structuredContent as { rules: unknown[] };
    expect(all).toEqual(JSON.parse(advise(["explain", "--format", "json"]).stdout));
    expect(text(await call("explain", { rule: "latency-budget" }))).toBe(advise(["explain", "latency-budget", "--format", "json"]).stdout);
  });

  it("check_adrs is `advise check --format json`, for named paths and for the default folders", async () => {
    const named = await call("check_adrs", { paths: ["test/fixtures/adr"] });
    const cli = advise(["check", "--format", "json", "test/fixtures/adr"]);
    expect(cli.status).toBe(2); // the fixtures include broken ADRs, reported in the result
    expect(named.isError).toBeFalsy();
    expect(text(named)).toBe(cli.stdout);
    expect(text(await call("check_adrs", {}))).toBe(advise(["check", "--format", "json"]).stdout);
  });

  it("an internal error is a tool error that says it is a bug, with the stack only in the log with --debug", async () => {
    const boom: Tool = { ...({} as Tool), name: "boom", run: async () => { throw new TypeError("x is not a function"); } };
    const ctx = { root: CLI_ROOT, catalog: await shippedCatalog(), packageRoot: CLI_ROOT };
    const log: string[] = [];
    const quiet = await callTool(boom, {}, ctx, { debug: false, log: (l) => log.push(l) });
    expect(quiet).toEqual({ isError: true, content: [{ type: "text", text: "internal error: x is not a function. This is a bug in stream-advisor, not in the input; run `advise mcp --debug` for the stack trace on stderr and report it." }] });
    expect(log).toEqual([]);
    await callTool(boom, {}, ctx, { debug: true, log: (l) => log.push(l) });
    expect(log[0]).toMatch(/^TypeError: x is not a function\n\s+at /);
  });
});

describe("advise mcp: nothing outside the folder it was started in is read", () => {
  const outside = tmp("outside");
  writeFileSync(join(outside, "secret.yaml"), "version: 1\nlatency: 10ms\nthroughput: 1k/s\n");
  writeFileSync(join(outside, "0001-secret.md"), "---\nstream-advisor:\n  profile: secret.yaml\n  chosen: flink\n---\n# Secret\n");
  const root = tmp("root");
  mkdirSync(join(root, "docs", "decisions"), { recursive: true });
  writeFileSync(join(root, "docs", "decisions", "0001-uses-outside.md"), `---\nstream-advisor:\n  profile: ../../../${outside.split("/").pop()}/secret.yaml\n  chosen: flink\n---\n# Uses a profile outside\n`);
  symlinkSync(join(outside, "0001-secret.md"), join(root, "docs", "decisions", "0002-link.md"));
  symlinkSync(join(outside, "secret.yaml"), join(root, "link.yaml"));
  symlinkSync(outside, join(root, "linked-folder"));
  const where = `is outside the folder advise works in (${realRoot(root)}); expected a path inside that folder`;
  let client: Client;
  const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args });
  beforeAll(async () => {
    client = await connect(root);
  });
  afterAll(async () => client.close());

  it.each([["../secret.yaml"], [join(outside, "secret.yaml")], ["link.yaml"], ["linked-folder/secret.yaml"], ["/etc/passwd"]])("advise and validate_profile refuse %s", async (path) => {
    expectToolError(await call("advise", { path }), `${path}: ${where}`);
    const v = (await call("validate_profile", { path })).structuredContent as { ok: boolean; problems: { text: string }[] };
    expect(v).toMatchObject({ ok: false, problems: [{ text: `${path}: ${where}` }] });
  });

  it.each([[".."], ["/"], [outside], ["linked-folder"], ["docs/../../"]])("check_adrs refuses the path %s", async (path) => {
    expectToolError(await call("check_adrs", { paths: [path] }), `${path}: ${where}`);
  });

  it("an ADR's profile outside the folder and a symlinked ADR leading outside are reported, not read", async () => {
    const r = await call("check_adrs", {});
    const report = r.structuredContent as { exitCode: number; adrs: { file: string; outcome: string; diagnostics: { message: string }[]; decisions: { diagnostics: { message: string }[] }[] }[] };
    expect(report.exitCode).toBe(2);
    expect(report.adrs.map((a) => [a.file, a.outcome])).toEqual([
      ["docs/decisions/0001-uses-outside.md", "invalid"],
      ["docs/decisions/0002-link.md", "invalid"],
    ]);
    expect(report.adrs[0]!.decisions[0]!.diagnostics[0]!.message).toMatch(/^the profile '.*secret\.yaml' \(.*secret\.yaml\) is outside the repository; nothing outside it is read/);
    expect(report.adrs[1]!.diagnostics[0]!.message).toMatch(/^is outside the folder advise works in/);
  });

  it("an .adr-dir naming a folder outside is reported, an absolute one refused", async () => {
    const other = tmp("adr-dir");
    writeFileSync(join(other, ".adr-dir"), `${outside}\n`);
    const c = await connect(other);
    const report = (await c.callTool({ name: "check_adrs", arguments: {} })).structuredContent as { adrs: { file: string; diagnostics: { message: string }[] }[] };
    expect(report.adrs).toHaveLength(1);
    expect(report.adrs[0]!.file).toBe(".adr-dir");
    expect(report.adrs[0]!.diagnostics[0]!.message).toBe(`names an absolute path ('${outside}')`);
    writeFileSync(join(other, ".adr-dir"), `${relative(other, outside)}\n`);
    const again = (await c.callTool({ name: "check_adrs", arguments: {} })).structuredContent as { adrs: { file: string; diagnostics: { message: string }[] }[] };
    expect(again.adrs[0]!.diagnostics[0]!.message).toMatch(new RegExp(`^names the folder '.*', which is outside the folder advise works in \\(${realRoot(other).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\)$`));
    rmSync(join(other, ".adr-dir"));
    symlinkSync("/proc/self/environ", join(other, ".adr-dir"));
    const linked = JSON.stringify((await c.callTool({ name: "check_adrs", arguments: {} })).structuredContent);
    expect(linked).toContain("is a symbolic link");
    expect(linked).not.toContain("PATH=");
    await c.close();
  });
});

describe("advise mcp over stdio, started as an MCP client starts it (the built CLI)", () => {
  // a project folder with decision records and the profiles they name
  const work = tmp("work");
  cpSync(join(CLI_ROOT, "docs", "decisions"), join(work, "docs", "decisions"), { recursive: true });
  cpSync(join(CLI_ROOT, "profiles"), join(work, "profiles"), { recursive: true });
  let client: Client;
  let transport: StdioClientTransport;
  const stderr: string[] = [];
  const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args });
  beforeAll(async () => {
    transport = new StdioClientTransport({ command: process.execPath, args: [CLI, "mcp"], cwd: work, stderr: "pipe", env: { ...(process.env as Record<string, string>), NO_COLOR: "1" } });
    transport.stderr?.on("data", (d: Buffer) => stderr.push(d.toString()));
    client = new Client({ name: "advise-test", version: "1.0.0" });
    await client.connect(transport);
  });
  afterAll(async () => client.close());

  it("lists the tools and resources and names itself", async () => {
    expect(client.getServerVersion()).toMatchObject({ name: "stream-advisor", version: JSON.parse(readFileSync(join(CLI_ROOT, "package.json"), "utf8")).version });
    expect(client.getInstructions()).toMatch(/validate_profile/);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["advise", "validate_profile", "check_adrs", "engines", "explain"]);
    const first = await client.listResources();
    expect(first.resources.slice(0, 1 + profiles.length).map((r) => r.uri)).toEqual(["stream-advisor://schema/profile-v1.json", ...profiles.map((p) => `stream-advisor://profiles/${p}`)]);
    expect(first.nextCursor).toBeDefined();
    expect((await client.listPrompts()).prompts.map((p) => p.name)).toEqual(["build_profile"]);
  });

  it("drafts a profile, validates it, fixes it, and gets the CLI's ranking for it", async () => {
    const draft = "version: 1\nname: Payments fraud\nlatency: 50ms\nthroughput: {sustained: 5k/s, peak: 50k/s}\nprocesing: [ml-scoring]\ndeployment: libary\n";
    const first = (await call("validate_profile", { profile: draft, file: "fraud.yaml" })).structuredContent as { ok: boolean; problems: { line: number; column: number; suggestion?: string }[] };
    expect(first.ok).toBe(false);
    expect(first.problems.map((p) => [p.line, p.column, p.suggestion])).toEqual([
      [5, 1, "processing"],
      [6, 13, "library"],
    ]);
    const fixed = draft.replace("procesing", "processing").replace("libary", "library");
    expect((await call("validate_profile", { profile: fixed, file: "fraud.yaml" })).structuredContent).toMatchObject({ ok: true, problems: [] });
    const r = await call("advise", { profile: fixed, file: "<stdin>" });
    const cli = advise(["-", "--format", "json"], {}, fixed, work);
    expect(cli.status).toBe(0);
    expect(r.structuredContent).toEqual(JSON.parse(cli.stdout));
    expect(text(r)).toBe(cli.stdout);
  });

  it("gets the CLI's result for a profile file, and located errors for a broken one", async () => {
    const r = await call("advise", { path: "profiles/card-authorization.yaml" });
    expect(text(r)).toBe(advise(["profiles/card-authorization.yaml", "--format", "json"], {}, undefined, work).stdout);
    const broken = "version: 1\nlatency: 10ms\nthroughput: 1k/s\nstate: smal\n";
    const cli = advise(["-"], {}, broken, work);
    expect(cli.status).toBe(2);
    expectToolError(await call("advise", { profile: broken, file: "<stdin>" }), cli.stderr.trimEnd());
    expect(cli.stderr).toBe("<stdin>:4:8: 'smal' is not a valid state (did you mean 'small'?); expected one of none, small, large\n");
  });

  it("hostile input over the wire: __proto__, deep objects, paths outside; the server carries on", async () => {
    expectToolError(await call("advise", { profile: JSON.parse('{"version": 1, "latency": "10ms", "throughput": "1k/s", "__proto__": {"polluted": true}}') }), `<profile>:4:1: unknown key '__proto__'; expected one of ${FIELDS}`);
    const deep = JSON.parse(`{"version": 1, "x": ${"[".repeat(1000)}${"]".repeat(1000)}}`);
    expectToolError(await call("advise", { profile: deep }), "<profile>: nesting is deeper than 64 levels; expected a shallow mapping");
    expectToolError(await call("check_adrs", { paths: ["../.."] }), `../..: is outside the folder advise works in (${realRoot(work)}); expected a path inside that folder`);
    expect((await call("engines", {})).isError).toBeFalsy();
  });

  it("checks the folder's decision records as `advise check --format json` does there", async () => {
    const r = await call("check_adrs", {});
    const cli = advise(["check", "--format", "json"], {}, undefined, work);
    expect(text(r)).toBe(cli.stdout);
    expect((r.structuredContent as { summary: { checked: number } }).summary.checked).toBe(4);
  });

  it("writes no stack trace and nothing unasked on stderr", () => {
    expect(stderr.join("")).toBe("");
  });
});

describe("advise mcp as a process", () => {
  const rpc = (messages: (object | string)[], args: string[] = []) =>
    spawnSync(process.execPath, [CLI, "mcp", ...args], {
      cwd: CLI_ROOT,
      encoding: "utf8",
      timeout: 20_000,
      input: `${messages.map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join("\n")}\n`,
      env: { ...process.env, NO_COLOR: "1" },
    });
  const init = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } };

  it("answers every request it was sent, survives a line that is not JSON, and exits 0 when its input ends", () => {
    const r = rpc([
      init,
      { jsonrpc: "2.0", method: "notifications/initialized" },
      "{this is not json",
      { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "advise", arguments: { path: "profiles/card-authorization.yaml" } } },
      { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "validate_profile", arguments: { profile: "version: 1\nlatency: [" } } },
    ]);
    expect(r.status).toBe(0);
    // replies may come in any order (JSON-RPC matches them by id)
    const all = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: number | null; error?: { code: number }; result?: { isError?: boolean; structuredContent?: { ok?: boolean } } });
    // the line that is not JSON gets a parse error (-32700) with id null, as JSON-RPC specifies
    expect(all.filter((m) => m.id === null).map((m) => m.error?.code)).toEqual([-32700]);
    const replies = all.filter((m) => m.id !== null).sort((a, b) => a.id! - b.id!);
    expect(replies.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(replies[1]!.result!.isError).toBeUndefined();
    expect(replies[2]!.result!.structuredContent!.ok).toBe(false);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("a folder that does not exist is a usage error, exit 2", () => {
    const r = rpc([], ["--root", "/no/such/folder"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("advise: --root: '/no/such/folder' is not a folder\n(run `advise mcp --help` for usage)\n");
  });

  it("a broken --catalog is a located error before serving, exit 2", () => {
    const dir = tmp("catalog");
    writeFileSync(join(dir, "flink.yaml"), "id: flink\nname: [\n");
    const r = rpc([init], ["--catalog", dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/flink\.yaml:\d+:\d+: /);
  });

  it("--help lists it with an example; the main bundle does not contain the SDK", () => {
    const help = advise(["--help"]).stdout;
    expect(help).toMatch(/^ {2}mcp \[options\] +serve advise, validate_profile/m);
    expect(help).toMatch(/ {2}advise mcp +serve the tools to an AI assistant/);
    expect(advise(["mcp", "--help"]).stdout).toContain('"args": ["advise", "mcp", "--root", "/path/to/repo"]');
    expect(readFileSync(join(CLI_ROOT, "dist", "advise-bundle.cjs"), "latin1")).not.toMatch(/modelcontextprotocol|StdioServerTransport/);
  });
});

describe("the README's example exchange", () => {
  const readme = readFileSync(join(CLI_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("An example exchange"), readme.indexOf("## Exit codes"));
  const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
  it("is what the server answers", async () => {
    expect(blocks).toHaveLength(3);
    const request = JSON.parse(blocks[0]!) as { params: { name: string; arguments: { profile: string; file: string } } };
    const client = await connect();
    const checked = await client.callTool(request.params);
    expect(`${JSON.stringify(checked.structuredContent, null, 2)}\n`).toBe(blocks[1]);
    const fixed = request.params.arguments.profile.replace("procesing", "processing").replace("libary", "library");
    const advised = await client.callTool({ name: "advise", arguments: { ...request.params.arguments, profile: fixed } });
    expect(`${JSON.stringify((advised.structuredContent as { recommendation: unknown }).recommendation, null, 2)}\n`).toBe(blocks[2]);
    const error = /`(\{"content":.*"isError":true\})`/.exec(section)![1]!;
    expect(JSON.stringify(await client.callTool({ name: "advise", arguments: { profile: "version: 1\nlatency: 10ms\nthroughput: 1k/s\nstate: smal\n" } }))).toBe(error);
    await client.close();
  });
});
