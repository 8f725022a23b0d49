// The hostile-input corpus: every file gets exit 2, a located message on
// stderr, nothing on stdout, no stack trace. Expected messages are exact.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { TODAY_ENV } from "./cli-helpers.js";

const CLI = join(__dirname, "..", "dist", "advise.cjs");
const CORPUS = join(__dirname, "corpus");
const expected = parse(readFileSync(join(CORPUS, "expected.yaml"), "utf8")) as Record<string, string>;

function run(args: string[], input?: string) {
  // the timeout is a hang guard (a hostile file must never hang the tool), not a speed test
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", input, timeout: 20_000, env: { ...process.env, NO_COLOR: "1", ...TODAY_ENV } });
}

function expectLocatedFailure(r: ReturnType<typeof run>) {
  expect(r.error).toBeUndefined();
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe("hostile files in test/corpus", () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith(".yaml") && f !== "expected.yaml").sort();
  it("has an expectation for every file and a file for every expectation", () => {
    expect(Object.keys(expected).sort()).toEqual(files);
  });
  it.each(files)("%s", (f) => {
    const r = run([`test/corpus/${f}`]);
    if (expected[f] === "ok") {
      expect(r.status).toBe(0);
      return;
    }
    expectLocatedFailure(r);
    expect(r.stderr.trimEnd()).toBe(expected[f]!.trimEnd());
  });
});

describe("generated hostile inputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "advise-hostile-"));
  const write = (name: string, data: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  it("a 30 MB file is refused by size without being parsed", () => {
    const content = `version: 1\nname: "${"x".repeat(30 * 1024 * 1024)}"\n`;
    const p = write("big.yaml", content);
    const r = run([p]);
    expectLocatedFailure(r);
    expect(r.stderr).toBe(`${p}: file is too large (${Buffer.byteLength(content)} bytes); expected at most 1048576 bytes (1024 KiB)\n`);
  });

  it("flow nesting 100,000 levels deep is refused before parsing", () => {
    const p = write("deep-flow.yaml", `version: 1\nx: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
    const r = run([p]);
    expectLocatedFailure(r);
    expect(r.stderr).toBe(`${p}:2:68: nesting is deeper than 64 levels; expected a shallow YAML mapping\n`);
  });

  it("block nesting deeper than the limit is refused", () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n");
    const p = write("deep-block.yaml", `${lines} 1\n`);
    const r = run([p]);
    expectLocatedFailure(r);
    expect(r.stderr).toMatch(/^.*deep-block\.yaml:\d+:\d+: nesting is deeper than 64 levels; expected a shallow YAML mapping\n$/);
  });

  it("deep block nesting (1,300 nested '- ') gets the nesting limit, not a stack overflow", () => {
    const p = write("deep-seq.yaml", `version: 1\nlatency: 10ms\nthroughput: 20k/s\nname:\n${Array.from({ length: 1299 }, (_, i) => `${" ".repeat(i + 1)}- \n`).join("")}`);
    const r = run([p]);
    expectLocatedFailure(r);
    expect(r.stderr).toBe(`${p}:68:65: nesting is deeper than 64 levels; expected a shallow YAML mapping\n`);
    const q = write("deep-inline.yaml", `version: 1\nlatency: 10ms\nthroughput: 20k/s\nname:\n  ${"- ".repeat(5000)}x\n`);
    const s = run([q]);
    expectLocatedFailure(s);
    expect(s.stderr).toMatch(/deep-inline\.yaml:5:\d+: nesting is deeper than 64 levels; expected a shallow YAML mapping\n$/);
  });

  it("40,000 keys are refused by their count before parsing (the parse grew with the square of the keys)", () => {
    const p = write("many-keys.yaml", `version: 1\nlatency: 10ms\nthroughput: 20k/s\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: 1\n`).join("")}`);
    const r = run([p]);
    expectLocatedFailure(r);
    expect(r.stderr).toBe(`${p}:10001:6: holds more than 10000 keys and list items; expected a profile, ADR block or catalogue file of ordinary size\n`);
  });

  it("a flow list of 100,000 items is refused by its count", () => {
    const p = write("many-items.yaml", `version: 1\nlatency: 10ms\nthroughput: 20k/s\nsources: [${Array.from({ length: 100_000 }, () => "k").join(",")}]\n`);
    const r = run([p]);
    expectLocatedFailure(r);
    expect(r.stderr).toMatch(/many-items\.yaml:4:\d+: holds more than 10000 keys and list items/);
  });

  it("a binary file is named as such, with the position of the first NUL", () => {
    const p = write("binary.yaml", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x0a, 0x41, 0x00, 0x01]));
    const r = run([p]);
    expectLocatedFailure(r);
    expect(r.stderr).toBe(`${p}:2:2: this is a binary file (it contains a NUL byte); expected a UTF-8 YAML text file\n`);
  });

  it("a directory", () => {
    const r = run([dir]);
    expectLocatedFailure(r);
    expect(r.stderr).toBe(`${dir}: is a directory; expected a YAML file\n`);
  });

  it("a missing file", () => {
    const r = run([join(dir, "nope.yaml")]);
    expectLocatedFailure(r);
    expect(r.stderr).toBe(`${join(dir, "nope.yaml")}: no such file\n`);
  });

  it.skipIf(process.getuid?.() === 0)("an unreadable file", () => {
    const p = write("secret.yaml", "version: 1\n");
    chmodSync(p, 0o000);
    const r = run([p]);
    expectLocatedFailure(r);
    expect(r.stderr).toBe(`${p}: permission denied (the file is not readable)\n`);
  });

  it("empty standard input", () => {
    const r = run(["-"], "");
    expectLocatedFailure(r);
    expect(r.stderr).toBe("<stdin>: standard input is empty; expected a profile piped in, e.g. `advise - < profile.yaml`\n");
  });

  it("a typo on standard input is located as <stdin>:line:col", () => {
    const r = run(["-"], "version: 1\nlatncy: 10ms\nthroughput: 1k/s\n");
    expectLocatedFailure(r);
    expect(r.stderr).toMatch(/^<stdin>:2:1: unknown key 'latncy' \(did you mean 'latency'\?\)/);
  });
});

describe("bad command lines", () => {
  it.each([
    [["--fromat", "json", "profiles/card-authorization.yaml"], /unknown option '--fromat'\n\(Did you mean --format\?\)/],
    [["profiles/card-authorization.yaml", "--format", "xml"], /argument 'xml' is invalid. Allowed choices are table, json, markdown/],
    [[], /missing PROFILE/],
    [["a.yaml", "b.yaml"], /^a\.yaml: no such file\nb\.yaml: no such file\n$/], // several profiles: each missing one located
  ])("advise %j", (args, message) => {
    const r = run(args);
    expectLocatedFailure(r);
    expect(r.stderr).toMatch(message);
  });
});

describe("hostile input through advise check", () => {
  const dir = mkdtempSync(join(tmpdir(), "advise-hostile-adr-"));
  const adr = (name: string, data: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const cases: [string, string | Buffer, RegExp][] = [
    ["alias-bomb.md", `---\nstream-advisor:\n  profile: {version: 1, latency: 10ms, throughput: 1k/s}\n  chosen: flink\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n`, /alias-bomb\.md:6:8: aliases expand too much/],
    ["deep.md", `---\nstream-advisor: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n---\n`, /deep\.md:2:81: nesting is deeper than 64 levels/],
    ["binary.md", Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00]), /binary\.md:2:1: this is a binary file/],
    ["proto.md", `---\nstream-advisor:\n  profile: {version: 1, latency: 10ms, throughput: 1k/s, __proto__: {polluted: true}}\n  chosen: flink\n---\n`, /proto\.md:3:58: unknown key '__proto__'/],
    ["typo.md", `---\nstream-advisor:\n  profile: {version: 1, latency: 10ms, throughput: 1k/s}\n  chosen: flink\n  marign: 5\n---\n`, /typo\.md:5:3: unknown key 'marign' \(did you mean 'margin'\?\)/],
    ["broken.md", `---\nstream-advisor: [\n---\n`, /broken\.md:\d+:\d+: /],
    ["latin1.md", Buffer.from("---\nstream-advisor: caf\xe9\n---\n", "latin1"), /latin1\.md:2:20: the text is not valid UTF-8/],
    ["tag.md", `---\nstream-advisor:\n  profile: !!js/function "f"\n  chosen: flink\n---\n`, /tag\.md:3:12: unsupported tag/],
  ];
  // with a machine format on stdout, problems go to stderr (the human format shows them in place)
  it.each(cases)("%s: exit 2, a located message on stderr, no stack trace", (name, data, message) => {
    const r = run(["check", "--format", "json", adr(name, data)]);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const files = readdirSync(CORPUS).filter((f) => f.endsWith(".yaml") && f !== "expected.yaml" && expected[f] !== "ok").sort();
  it.each(files)("an ADR whose profile is test/corpus/%s gets the same located message, exit 2", (f) => {
    const p = adr(`uses-${f}.md`, `---\nstream-advisor:\n  profile: ${join(CORPUS, f)}\n  chosen: flink\n---\n`);
    const r = run(["check", "--format", "json", p]);
    expect(r.status).toBe(2);
    // the same message for the profile file, whatever form its path takes
    for (const line of expected[f]!.trimEnd().split("\n")) expect(r.stderr).toContain(line.slice(line.indexOf(f)));
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("an internal error", () => {
  it("says so plainly, points to --debug, exits 2, and prints the stack only with --debug", async () => {
    const { report } = await import("../src/main.js");
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => (chunks.push(String(s)), true));
    try {
      expect(report(new TypeError("boom"), false)).toBe(2);
      expect(chunks.join("")).toBe("advise: internal error: boom\nThis is a bug in stream-advisor, not in your input. Run again with --debug for the stack trace and report it at https://github.com/stream-advisor/stream-advisor/issues\n");
      chunks.length = 0;
      expect(report(new TypeError("boom"), true)).toBe(2);
      expect(chunks.join("")).toMatch(/^advise: internal error: boom\nTypeError: boom\n\s+at /);
    } finally {
      spy.mockRestore();
    }
  });
});

// Injection: ADRs and profiles in test/corpus/adr and test/corpus/inject-*.yaml carry workflow
// commands on lines of their own (`::error`, `::add-mask::`, `::stop-commands::`), ANSI and OSC
// escapes, C1 controls, NUL, CR, bidi overrides and raw HTML. Whatever the format, no line of
// stdout or stderr may start with `::` (after any whitespace, as GitHub's runner reads it) unless
// `--format github` wrote it as one of its own annotations, and no control character is emitted.
describe("injection through ADRs and profiles", () => {
  const ADRS = "test/corpus/adr";
  /** Characters no output may contain (newline aside): C0, DEL, C1, line separators, bidi overrides. */
  const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  /** A line GitHub's runner would take as a workflow command: `::` after leading whitespace (.NET TrimStart). */
  const commandLines = (text: string) => text.split("\n").filter((l) => /^\s*::/.test(l));
  const env = { NO_COLOR: "1", GITHUB_STEP_SUMMARY: undefined, ...TODAY_ENV };
  const check = (args: string[]) => spawnSync(process.execPath, [CLI, "check", ADRS, ...args], { encoding: "utf8", timeout: 20_000, env: { ...process.env, ...env } });

  function expectInert(r: ReturnType<typeof run>) {
    expect(r.error).toBeUndefined();
    expect(r.stderr).not.toMatch(/^\s+at /m);
    for (const text of [r.stdout, r.stderr]) {
      expect(commandLines(text)).toEqual([]);
      expect(text).not.toMatch(CONTROL);
    }
  }

  it.each(["human", "json", "sarif", "junit"])("advise check --format %s: no workflow command, no control character", (format) => {
    const r = check(["--format", format]);
    expect(r.status).toBe(2);
    expectInert(r);
    // the hostile text is there, shown: the reader sees what the ADR says
    if (format !== "json") expect(r.stdout).toContain("\\n::add-mask::hunter2");
  });

  it("advise check --format github: the only command lines are its own annotations", () => {
    const r = check(["--format", "github"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toMatch(CONTROL);
    const commands = commandLines(r.stdout);
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands) {
      // parsed the way the runner parses `::name key=value,...::message`
      const m = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      expect(["error", "warning", "notice"]).toContain(m![1]);
      for (const prop of (m![2] ?? "").trim().split(",").filter(Boolean)) expect(prop, line).toMatch(/^(file|line|col|title)=/);
    }
    // every annotation is located in an ADR of the corpus, so none came from the hostile text
    for (const line of commands) expect(line).toMatch(/^::(error|warning) file=test\/corpus\/adr\/000\d-[a-z-]+\.md,line=\d+,col=\d+,title=/);
    // the Markdown summary printed after the annotations (GitHub renders it) holds no raw HTML
    const summary = r.stdout.split("\n").filter((l) => !l.startsWith("::")).join("\n");
    expect(summary).toContain("&lt;script&gt;");
    expect(summary).not.toMatch(/<(script|img|b)\b/i);
  });

  it("keeps the raw values in JSON, where they are data, escaped by JSON itself", () => {
    const r = check(["--format", "json"]);
    const report = JSON.parse(r.stdout);
    const d = report.adrs.find((a: { file: string }) => a.file.endsWith("0001-chosen-with-workflow-commands.md")).decisions[0];
    expect(d.chosen).toBe("kafka-streams\n::error file=README.md,line=1::pwned\n::add-mask::hunter2\n::stop-commands::deadbeef\n::warning::after stop-commands");
  });

  it.each([
    ["inject-name.yaml", "table"],
    ["inject-name.yaml", "markdown"],
    ["inject-name.yaml", "json"],
    ["inject-name-start.yaml", "table"],
    ["inject-name-start.yaml", "markdown"],
  ])("advise test/corpus/%s --format %s: the profile name is shown, never obeyed", (file, format) => {
    const r = run([`test/corpus/${file}`, "--format", format]);
    expect(r.status).toBe(0);
    expectInert(r);
    if (format === "markdown") {
      expect(r.stdout).not.toMatch(/<(script|img)\b/i);
      expect(r.stdout).not.toMatch(/(?<!\\)\]\(javascript:/);
    }
  });

  it("a user catalogue whose engine name carries them: advise PROFILE and advise engines show it inert", () => {
    const cat = mkdtempSync(join(tmpdir(), "advise-inject-cat-"));
    const pekko = readFileSync(join(__dirname, "..", "examples", "catalog", "pekko-streams.yaml"), "utf8");
    writeFileSync(join(cat, "pekko-streams.yaml"), pekko.replace(/^name: .*$/m, 'name: "Pekko\\n::error::from a catalogue\\e[31m <script>x</script>"'));
    for (const args of [["profiles/card-authorization.yaml"], ["profiles/card-authorization.yaml", "--format", "markdown"], ["engines"], ["engines", "pekko-streams"]]) {
      const r = run([...args, "--catalog", cat]);
      expect(r.status).toBe(0);
      expectInert(r);
      // shown: `\n` (in Markdown `\\n`, which renders as `\n`)
      expect(r.stdout).toMatch(/Pekko\\{1,2}n::error::from a catalogue/);
    }
    expect(run(["profiles/card-authorization.yaml", "--format", "markdown", "--catalog", cat]).stdout).not.toContain("<script>");
  });

  it("a profile whose keys and values carry escapes: located messages, inert", () => {
    const r = run(["test/corpus/inject-key.yaml"]);
    expect(r.status).toBe(2);
    expectInert(r);
  });

  it("a file name with a newline and a workflow command is shown escaped, located, in every format", () => {
    const dir = mkdtempSync(join(tmpdir(), "advise-inject-name-"));
    writeFileSync(join(dir, "p.yaml"), "version: 1\nlatency: 10ms\nthroughput: 1k/s\n");
    writeFileSync(join(dir, "evil\n::error::name\u001b[31m.md"), "---\nstream-advisor: {profile: p.yaml, chosen: spark, margin: 0}\n---\n");
    for (const format of ["human", "json", "sarif", "junit"]) {
      const r = spawnSync(process.execPath, [CLI, "check", ".", "--format", format], { cwd: dir, encoding: "utf8", timeout: 20_000, env: { ...process.env, ...env } });
      expect(r.status).toBe(1);
      expectInert(r);
    }
    const gh = spawnSync(process.execPath, [CLI, "check", ".", "--format", "github"], { cwd: dir, encoding: "utf8", timeout: 20_000, env: { ...process.env, ...env } });
    expect(commandLines(gh.stdout)).toHaveLength(1);
    expect(gh.stdout).toContain("evil\\n%3A%3Aerror%3A%3Aname\\x1b[31m.md");
  });
});
