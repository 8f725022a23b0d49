// advise mcp, driven by the official SDK client: the interview prompt, the
// catalogue and rule resources with pagination, tool annotations, and the
// advise tool answering exactly what `advise PROFILE --format json` answers
// (the same engines selection, `beyond` included).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { beforeAll, describe, expect, it } from "vitest";
import { extendedEngines, shippedCatalog } from "../src/catalog/shipped.js";
import { realRoot } from "../src/io/within.js";
import { dimensions, page } from "../src/mcp/prompts.js";
import { createMcpServer } from "../src/mcp/server.js";
import { advise, CLI_ROOT } from "./cli-helpers.js";

// no engine of the five meets both musts; Apache Pekko Streams does (test/extended.test.ts)
const NONE_PEKKO = "version: 1\nlatency: 5ms\nthroughput: 20k/s\ndeployment: library\nlicense: open-source\npriorities: {license: must, latency: must}\n";

async function connect(root: string): Promise<Client> {
  const server = createMcpServer({ catalog: await shippedCatalog(), extended: await extendedEngines(), root: realRoot(root), packageRoot: CLI_ROOT, version: "test", log: () => {} });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "advise-test", version: "1.0.0" });
  await client.connect(clientSide);
  await client.listTools();
  return client;
}

const text = (r: Record<string, unknown>) => (r.content as { type: string; text: string }[])[0]!.text;

describe("advise mcp: the interview, resources and the advise tool", () => {
  let client: Client;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "advise-mcp-interview-"));
    writeFileSync(join(dir, "pekko.yaml"), NONE_PEKKO);
    client = await connect(dir);
  });

  it("lists the interview prompt and gets it: one question per dimension, in order, with allowed values, then validate_profile, then advise", async () => {
    expect(client.getServerCapabilities()?.prompts).toBeDefined();
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(["build_profile"]);
    expect(prompts[0]!.arguments?.map((a) => a.name)).toEqual(["workload", "file"]);
    const got = await client.getPrompt({ name: "build_profile", arguments: { workload: "card payments, 10ms", file: "profiles/payments.yaml" } });
    const body = (got.messages[0]!.content as { text: string }).text;
    expect(got.messages[0]!.role).toBe("user");
    expect(body).toContain("card payments, 10ms");
    // each dimension once, numbered in the schema's order, with its allowed values
    const dims = dimensions();
    expect(dims.map((d) => d.field).slice(0, 4)).toEqual(["name", "latency", "throughput", "processing"]);
    let last = -1;
    for (const [i, d] of dims.entries()) {
      const at = body.indexOf(`\n${i + 1}. ${d.field}: `);
      expect(at, d.field).toBeGreaterThan(last);
      last = at;
    }
    expect(body).toContain("deployment: library: embedded in your services; service: a cluster jobs are submitted to; either (default). Allowed: one of library, service, either.");
    expect(body).toContain("Allowed: any of sql, dataflow, etl, ml-training, ml-scoring, cep (a list; none is fine)");
    expect(body).toMatch(/priorities: .*must, high, normal, low/);
    expect(body.indexOf("validate_profile")).toBeLessThan(body.indexOf("call the tool advise"));
    expect(body).toContain("file 'profiles/payments.yaml'");
    // an unknown prompt is invalid params, not a crash
    await expect(client.getPrompt({ name: "nope" })).rejects.toThrow(/unknown prompt 'nope'/);
  });

  it("serves every engine (the five and the extended catalogue) and every rule's docs as resources, in pages", async () => {
    const all: { uri: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await client.listResources(cursor ? { cursor } : {});
      all.push(...r.resources);
      cursor = r.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(pages).toBeGreaterThan(1);
    const uris = all.map((r) => r.uri);
    expect(new Set(uris).size).toBe(uris.length);
    for (const id of ["flink", "kafka-streams", "risingwave", "pekko-streams"]) expect(uris).toContain(`stream-advisor://engines/${id}`);
    expect(uris).toContain("stream-advisor://rules/latency-budget");
    expect(uris).toContain("stream-advisor://schema/profile-v1.json");
    const engine = await client.readResource({ uri: "stream-advisor://engines/risingwave" });
    const json = JSON.parse((engine.contents[0] as { text: string }).text);
    expect(json.id).toBe("risingwave");
    expect(json.set).toBe("extended");
    const rule = await client.readResource({ uri: "stream-advisor://rules/latency-budget" });
    expect((rule.contents[0] as { text: string }).text).toContain("latency");
    await expect(client.listResources({ cursor: "bm90LWEtY3Vyc29y" })).rejects.toThrow(/invalid cursor/);
  });

  it("pages: each entry once, in order, and a cursor past the end is refused", () => {
    const xs = Array.from({ length: 45 }, (_, i) => i);
    const first = page(xs, undefined);
    const second = page(xs, first.nextCursor);
    const third = page(xs, second.nextCursor);
    expect([...first.items, ...second.items, ...third.items]).toEqual(xs);
    expect(third.nextCursor).toBeUndefined();
    expect(() => page(xs, Buffer.from("o:99").toString("base64url"))).toThrow(/invalid cursor/);
  });

  it("annotates every tool as read-only and closed-world", async () => {
    const { tools } = await client.listTools();
    for (const t of tools) expect(t.annotations, t.name).toMatchObject({ readOnlyHint: true, openWorldHint: false });
  });

  it("advise returns the CLI's JSON document, beyond included", async () => {
    const r = await client.callTool({ name: "advise", arguments: { path: "pekko.yaml" } });
    expect(r.isError).toBeFalsy();
    const cli = advise(["pekko.yaml", "--format", "json"], {}, undefined, dir);
    expect(cli.status).toBe(0);
    const expected = JSON.parse(cli.stdout);
    expect(expected.beyond?.engines[0]?.engine).toBe("pekko-streams");
    const got = JSON.parse(text(r));
    expect({ ...got, tool: expected.tool }).toEqual(expected);
    expect(got.tool.name).toBe("stream-advisor");
  });

  it("takes the CLI's engines selection: extended, extended ids, and comma-separated text", async () => {
    for (const [engines, cliEngines] of [
      ["extended", "extended"],
      [["flink", "risingwave"], "flink,risingwave"],
      ["core,pekko-streams", "core,pekko-streams"],
    ] as const) {
      const r = await client.callTool({ name: "advise", arguments: { path: "pekko.yaml", engines } });
      expect(r.isError, JSON.stringify(engines)).toBeFalsy();
      const cli = JSON.parse(advise(["pekko.yaml", "--format", "json", "--engines", cliEngines], {}, undefined, dir).stdout);
      // (compared as JSON, as it travels: the in-memory transport passes -0 through unserialised)
      expect({ ...JSON.parse(text(r)), tool: cli.tool }).toEqual(cli);
    }
    const bad = await client.callTool({ name: "advise", arguments: { path: "pekko.yaml", engines: ["risingwav"] } });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toContain("unknown engine 'risingwav' (did you mean 'risingwave'?)");
    const whyNot = await client.callTool({ name: "advise", arguments: { path: "pekko.yaml", why_not: "risingwave" } });
    expect(whyNot.isError).toBe(true);
    expect(text(whyNot)).toContain('add engines: "extended"');
  });
});
