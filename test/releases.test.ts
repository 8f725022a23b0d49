// The release check (npm run catalog:releases): every shipped descriptor says where its releases
// are published, the registries' answers are read right (pre-releases, drafts, yanked files and
// other tag shapes skipped), and the script, pointed at a local server that answers in each
// registry's own format, reports every engine behind (exit 1), none behind (exit 0), or, pointed
// at a closed port, one line naming the registries it could not reach (exit 2). No test here
// touches the network.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadEngineDir } from "../src/catalog/load.js";
import { behindBy, githubReleases, mavenVersions, newestOf, onLine, pypiReleases } from "../src/catalog/releases.js";
import { engineSchema, type Engine } from "../src/catalog/schema.js";
import { CLI_ROOT } from "./cli-helpers.js";

const SHIPPED: Engine[] = [...loadEngineDir(join(CLI_ROOT, "rules", "engines")), ...loadEngineDir(join(CLI_ROOT, "rules", "extended"))];

describe("where releases are published", () => {
  it("is named by every shipped descriptor, core and extended", () => {
    expect(SHIPPED.length).toBeGreaterThanOrEqual(11);
    for (const e of SHIPPED) expect(e.releases?.length, `${e.id}: releases`).toBeGreaterThan(0);
  });

  it("is optional in a user catalogue, and checked where given", () => {
    const { releases: _r, ...bare } = SHIPPED.find((e) => e.id === "flink")!;
    expect(engineSchema.safeParse(bare).success).toBe(true);
    const bad = (releases: unknown) => engineSchema.safeParse({ ...bare, releases }).success;
    expect(bad([{ maven: "org.apache.flink:flink-streaming-java" }])).toBe(true);
    expect(bad([{ maven: "flink-streaming-java" }])).toBe(false); // no groupId
    expect(bad([{ maven: "a:b", pypi: "b" }])).toBe(false); // two registries in one entry
    expect(bad([{ github: "https://github.com/apache/flink" }])).toBe(false); // a URL, not owner/name
    expect(bad([{ pypi: "bytewax", tag: "v{version}" }])).toBe(false); // tag only beside github
    expect(bad([])).toBe(false);
  });
});

describe("reading the registries' answers", () => {
  it("takes the highest plain release from Maven metadata, skipping previews, milestones and RCs", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<metadata><groupId>org.apache.pekko</groupId><artifactId>pekko-stream_2.13</artifactId><versioning><latest>2.1.0-M1</latest><release>1.7.2</release><versions><version>1.7.1</version><version>2.0.0</version><version>1.7.2</version><version>2.1.0-M1</version><version>2.1.0-RC1</version><version>2.1.0-preview1</version></versions><lastUpdated>20261201000000</lastUpdated></versioning></metadata>`;
    expect(newestOf(mavenVersions(xml).map((version) => ({ version })))?.version).toBe("2.0.0");
  });

  it("dates PyPI releases by their first upload and skips yanked and pre-releases", () => {
    const rel = pypiReleases({
      info: { name: "bytewax", version: "0.22.0rc1" },
      releases: {
        "0.21.1": [{ upload_time_iso_8601: "2024-11-25T18:00:00.000000Z", yanked: false }, { upload_time_iso_8601: "2024-11-25T17:00:00.000000Z", yanked: false }],
        "0.21.2": [{ upload_time_iso_8601: "2025-01-01T00:00:00.000000Z", yanked: true }],
        "0.22.0rc1": [{ upload_time_iso_8601: "2025-02-01T00:00:00.000000Z", yanked: false }],
        "0.3.0": [],
      },
    });
    expect(newestOf(rel)).toEqual({ version: "0.21.1", date: "2024-11-25" });
  });

  it("reads GitHub releases by tag shape, skipping drafts and pre-releases", () => {
    const answer = [
      { tag_name: "v3.1.0-rc.1", prerelease: true, draft: false, published_at: "2026-09-10T00:00:00Z" },
      { tag_name: "v3.2.0", prerelease: false, draft: true, published_at: null },
      { tag_name: "v3.0.5", prerelease: false, draft: false, published_at: "2026-10-12T08:00:00Z" },
      { tag_name: "v3.0.4", prerelease: false, draft: false, published_at: "2026-09-01T08:00:00Z" },
    ];
    expect(newestOf(githubReleases(answer))).toEqual({ version: "3.0.5", date: "2026-10-12" });
    const ksql = [
      { tag_name: "v7.9.0", prerelease: false, draft: false, published_at: "2026-01-01T00:00:00Z" },
      { tag_name: "v0.29.0-ksqldb", prerelease: false, draft: false, published_at: "2023-06-22T00:00:00Z" },
    ];
    expect(newestOf(githubReleases(ksql, "v{version}-ksqldb"))?.version).toBe("0.29.0");
  });

  it("keeps to a release line where a location names one", () => {
    expect(onLine("0.29.0", "0")).toBe(true);
    expect(onLine("8.3.1", "0")).toBe(false);
    expect(onLine("1.7.2", "1.7")).toBe(true);
    expect(onLine("1.10.0", "1.1")).toBe(false);
    expect(onLine("2.0.0", undefined)).toBe(true);
    expect(SHIPPED.find((e) => e.id === "ksqldb")?.releases).toEqual([{ github: "confluentinc/ksql", line: "0" }]);
  });

  it("says how far behind a descriptor is", () => {
    expect(behindBy("4.2.0", "4.2.0")).toBe("none");
    expect(behindBy("4.2.0", "4.2.1")).toBe("patch");
    expect(behindBy("4.2.0", "4.3.0")).toBe("minor");
    expect(behindBy("4.2.0", "5.0.0")).toBe("major");
    expect(behindBy("2.10.23", "2.8.8")).toBe("ahead");
    expect(behindBy("26.51.0", "26.52.0")).toBe("minor");
  });
});

// ---- the script against a local server answering as the registries do ----

type Scenario = "newer" | "current";

/** The version a scenario's registries publish for a descriptor: the same, or one minor release newer. */
function published(e: Engine, scenario: Scenario): string {
  const [major = 0, minor = 0] = e.version.split(".").map(Number);
  return scenario === "current" ? e.version : `${major}.${minor + 1}.0`;
}

/** Answers shaped like the registries' own (trimmed recordings of maven-metadata.xml, PyPI's JSON API, GitHub's releases API). */
function answer(url: URL, scenario: Scenario): { status: number; type?: string; body?: string; headers?: Record<string, string> } {
  for (const e of SHIPPED) {
    for (const loc of e.releases ?? []) {
      const v = published(e, scenario);
      if (loc.maven) {
        const [g, a] = loc.maven.split(":") as [string, string];
        const dir = `/maven/${g.replace(/\./g, "/")}/${a}`;
        // Akka's own releases left Maven Central after 2.8: it keeps answering with the old line
        const versions = loc.maven.startsWith("com.typesafe.akka:") ? ["2.8.5", "2.8.8"] : ["1.0.0", `${v}-preview1`, v, "99.0.0-M1", "99.0.0-RC1"];
        if (url.pathname === `${dir}/maven-metadata.xml`) {
          return { status: 200, type: "text/xml", body: `<?xml version="1.0" encoding="UTF-8"?>\n<metadata>\n  <groupId>${g}</groupId>\n  <artifactId>${a}</artifactId>\n  <versioning>\n    <latest>99.0.0-RC1</latest>\n    <release>99.0.0-RC1</release>\n    <versions>\n${versions.map((x) => `      <version>${x}</version>`).join("\n")}\n    </versions>\n    <lastUpdated>20261201101010</lastUpdated>\n  </versioning>\n</metadata>\n` };
        }
        if (url.pathname.startsWith(`${dir}/`) && url.pathname.endsWith(".pom")) return { status: 200, headers: { "Last-Modified": "Tue, 01 Dec 2026 10:10:10 GMT" } };
      }
      if (loc.pypi && url.pathname === `/pypi/${loc.pypi}/json`) {
        const file = (t: string) => ({ filename: `${loc.pypi}-x.whl`, packagetype: "bdist_wheel", upload_time: t.slice(0, 19), upload_time_iso_8601: t, yanked: false });
        return { status: 200, type: "application/json", body: JSON.stringify({ info: { name: loc.pypi, version: v }, releases: { "0.1.0": [file("2022-01-01T00:00:00.000000Z")], [v]: [file("2026-11-30T12:00:00.000000Z")], "99.0.0rc1": [file("2026-12-01T00:00:00.000000Z")] } }) };
      }
      if (loc.github && url.pathname === `/github/repos/${loc.github}/releases`) {
        const tag = (loc.tag ?? "v{version}").replace("{version}", v);
        const rel = (tag_name: string, extra: object) => ({ url: `https://api.github.com/repos/${loc.github}/releases/1`, tag_name, name: tag_name, draft: false, prerelease: false, published_at: "2026-11-26T09:00:00Z", ...extra });
        // a repository whose other tags are not the engine's releases (Confluent Platform's in confluentinc/ksql): its line keeps them out
        // ... and crowd the first page, so that the engine's own releases are on the second
        if (loc.line !== undefined && url.searchParams.get("page") === "1") {
          return { status: 200, type: "application/json", body: JSON.stringify(Array.from({ length: 100 }, (_, i) => rel(`v${Number(loc.line) + 8}.${i}.0`, {}))) };
        }
        const other = loc.line === undefined ? [] : [rel(`v${Number(loc.line) + 8}.3.1`, {})];
        return { status: 200, type: "application/json", body: JSON.stringify([rel("v99.0.0-rc.1", { prerelease: true }), rel("v98.0.0", { draft: true, published_at: null }), ...other, rel(tag, {}), rel("v0.0.1", {})]) };
      }
    }
  }
  return { status: 404, type: "application/json", body: '{"message":"Not Found"}' };
}

function serve(scenario: Scenario): Promise<{ server: Server; base: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(`${req.method} ${url.pathname} ${req.headers.authorization ?? ""}`);
    const a = answer(url, scenario);
    res.writeHead(a.status, { ...(a.type ? { "Content-Type": a.type } : {}), ...a.headers });
    res.end(req.method === "HEAD" ? undefined : a.body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests })));
}

function run(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(CLI_ROOT, "scripts", "run-ts.mjs"), join("scripts", "catalog-releases.ts"), ...args], { cwd: CLI_ROOT, timeout: 60_000, env: { ...process.env, GITHUB_TOKEN: undefined, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

const pointAt = (base: string) => ({ ADVISE_MAVEN_URL: `${base}/maven`, ADVISE_PYPI_URL: `${base}/pypi`, ADVISE_GITHUB_API_URL: `${base}/github` });

describe("npm run catalog:releases", () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it("reports every engine behind when every registry has a newer release, and exits 1", async () => {
    const { server, base, requests } = await serve("newer");
    servers.push(server);
    const r = await run(["--format", "json"], { ...pointAt(base), GITHUB_TOKEN: "test-token-123" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { engines: { id: string; described: string; newest: string; behind: string; date: string | null }[]; behind: string[] };
    expect(out.engines.map((e) => e.id).sort()).toEqual(SHIPPED.map((e) => e.id).sort());
    for (const e of out.engines) {
      const d = SHIPPED.find((s) => s.id === e.id)!;
      expect(e, e.id).toMatchObject({ described: d.version, newest: published(d, "newer"), behind: "minor" });
      expect(e.date, e.id).toMatch(/^2026-1[12]-\d\d$/);
    }
    expect(out.behind.sort()).toEqual(SHIPPED.map((e) => e.id).sort());
    // the token goes to GitHub only, and only as a header
    expect(requests.filter((q) => q.includes("test-token-123")).every((q) => q.startsWith("GET /github/"))).toBe(true);
    expect(requests.some((q) => q.includes("test-token-123"))).toBe(true);
    // a page crowded with other tags is followed by the next
    expect(requests.filter((q) => q.startsWith("GET /github/repos/confluentinc/ksql/releases")).length).toBe(2);

    // a mirror's credentials in a base URL go in a Basic header, never in the request line
    const text = await run([], pointAt(base.replace("http://", "http://mirror:pw@")));
    expect(text.code).toBe(1);
    expect(requests.some((q) => q.startsWith("GET /maven/") && q.endsWith(`Basic ${Buffer.from("mirror:pw").toString("base64")}`))).toBe(true);
    expect(text.stdout).toMatch(/^engine\s+described\s+newest\s+released\s+behind\s+from$/m);
    expect(text.stdout).toContain(`${SHIPPED.length} of ${SHIPPED.length} descriptors are a minor or major release behind`);
  }, 120_000);

  it("reports none behind when every descriptor describes the newest release, and exits 0", async () => {
    const { server, base } = await serve("current");
    servers.push(server);
    const r = await run([], pointAt(base));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No descriptor is a minor or major release behind.");
    const akka = SHIPPED.find((e) => e.id === "akka-streams")!;
    expect(r.stdout).toMatch(new RegExp(`^akka-streams\\s+${akka.version.replace(/\./g, "\\.")}\\s+${akka.version.replace(/\./g, "\\.")}\\s+2026-11-26\\s+none\\s+GitHub releases akka/akka-core$`, "m"));
    const md = await run(["--format", "markdown", "bytewax"], pointAt(base));
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("| bytewax |");
  }, 120_000);

  it("exits 2 with one line naming the registries when nothing answers", async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const r = await run([], pointAt(`http://user:secret@127.0.0.1:${closed}`));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^catalog:releases: cannot reach /);
    for (const name of ["Maven Central", "PyPI", "GitHub releases"]) expect(r.stderr).toContain(name);
    expect(r.stderr).not.toMatch(/secret|\bat .*\.(m?js|ts):\d+/);
  }, 120_000);

  it("exits 2 on a bad option, with the options it takes", async () => {
    const r = await run(["--format", "xml"], pointAt("http://127.0.0.1:1"));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("catalog:releases: unknown format 'xml'; expected one of text, json, markdown\n");
  }, 60_000);
});

describe("the scheduled release-check workflow", () => {
  const wf = parse(readFileSync(join(CLI_ROOT, ".github", "workflows", "catalog-releases.yml"), "utf8")) as {
    on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
    permissions: Record<string, string>;
    jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] }>;
  };
  const steps = Object.values(wf.jobs)[0]!.steps;

  it("runs weekly and on demand, on current action majors and Node 24", () => {
    expect(wf.on.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \* \* [0-6]$/);
    expect("workflow_dispatch" in wf.on).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith("actions/checkout@"))?.uses).toBe("actions/checkout@v7");
    const node = steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(node?.uses).toBe("actions/setup-node@v7");
    expect(node?.with?.["node-version"]).toBe(24);
    expect(wf.permissions).toEqual({ contents: "read", issues: "write" });
  });

  it("runs the check and opens or updates one issue with what is behind", () => {
    const all = steps.map((s) => s.run ?? "").join("\n");
    expect(all).toContain("npm run --silent catalog:releases -- --format markdown");
    expect(all).toMatch(/gh issue edit/);
    expect(all).toMatch(/gh issue create/);
  });
});

beforeAll(() => {
  // the script reads the shipped catalogue relative to the repository root
  expect(readFileSync(join(CLI_ROOT, "package.json"), "utf8")).toContain('"catalog:releases"');
});
