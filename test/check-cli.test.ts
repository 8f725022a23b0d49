// Scenario tests of `advise check` over the built CLI: every fixture ADR's verdict
// and position (test/fixtures/adr/expected.yaml), every exit code, the project's own
// docs/decisions, decisions that flip when the catalogue or the profile changes,
// hostile ADR files, and the time for 1,000 ADRs.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { advise, CLI, CLI_ROOT } from "./cli-helpers.js";

const FIXTURES = join(CLI_ROOT, "test", "fixtures", "adr");
const expected = parse(readFileSync(join(FIXTURES, "expected.yaml"), "utf8")) as Record<string, { outcome: string; skip?: string; decisions?: string[]; diagnostics?: string[] }>;

interface Json {
  schema: string;
  summary: { checked: number; passed: number; acknowledged: number; warned: number; failed: number; skipped: number; invalid: number };
  exitCode: number;
  adrs: {
    file: string;
    outcome: string;
    skipReason?: string;
    status?: string;
    decisions: { line: number; col: number; outcome: string; check: string; chosen?: string; message: string; suggestion?: string; deciding: { rule: string; value: string; at?: { file: string; line: number }; evidence: { url: string }[] }[]; diagnostics: Diag[] }[];
    diagnostics: Diag[];
  }[];
}
interface Diag {
  file: string;
  line?: number;
  col?: number;
  message: string;
  expected?: string;
  suggestion?: string;
}

const text = (d: Diag) =>
  `${d.line !== undefined ? `${d.file}:${d.line}:${d.col ?? 1}` : d.file}: ${d.message}${d.suggestion !== undefined ? ` (did you mean '${d.suggestion}'?)` : ""}${d.expected !== undefined ? `; expected ${d.expected}` : ""}`;

function json(args: string[], env: Record<string, string | undefined> = {}, cwd = CLI_ROOT) {
  const r = advise(["check", "--format", "json", ...args], env, undefined, cwd);
  return { r, report: JSON.parse(r.stdout) as Json };
}

const tmp = () => mkdtempSync(join(tmpdir(), "advise-check-"));

describe("advise check on the fixture ADRs", () => {
  const { r, report } = json(["test/fixtures/adr"]);

  it("reads every fixture and has an expectation for each", () => {
    expect(report.adrs.map((a) => a.file.replace("test/fixtures/adr/", "")).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))("%s", (name) => {
    const adr = report.adrs.find((a) => a.file === `test/fixtures/adr/${name}`)!;
    const want = expected[name]!;
    expect(adr.outcome).toBe(want.outcome);
    expect(adr.skipReason).toBe(want.skip);
    expect(adr.decisions.map((d) => `${d.line}:${d.col} ${d.outcome} ${d.check}${d.chosen ? ` ${d.chosen}` : ""}`)).toEqual(want.decisions ?? []);
    expect([...adr.diagnostics, ...adr.decisions.flatMap((d) => d.diagnostics)].map(text)).toEqual(want.diagnostics ?? []);
  });

  it("exits 2 because some ADRs are broken, and still reports every other ADR", () => {
    expect(r.status).toBe(2);
    expect(report.exitCode).toBe(2);
    expect(report.summary).toEqual({ checked: 25, passed: 4, acknowledged: 0, warned: 1, failed: 5, skipped: 4, invalid: 11 });
    expect(report.adrs.filter((a) => a.outcome === "passed")).toHaveLength(4);
  });

  it("repeats every problem on stderr, located, without a stack trace", () => {
    for (const a of report.adrs) for (const d of [...a.diagnostics, ...a.decisions.flatMap((x) => x.diagnostics)]) expect(r.stderr).toContain(text(d));
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("names the deciding rule, the user's value with its position, and a source", () => {
    const failed = report.adrs.find((a) => a.file.endsWith("madr/0002-use-kafka-streams-for-card-authorization.md"))!.decisions[0]!;
    expect(failed.deciding[0]).toMatchObject({ rule: "latency-budget", value: "10ms", at: { file: "test/fixtures/adr/profiles/card-authorization.yaml", line: 11 } });
    expect(failed.deciding[0]!.evidence[0]!.url).toMatch(/^https:\/\//);
    expect(failed.message).toContain("latency-budget");
    expect(failed.message).toContain("your latency: 10ms (must) at test/fixtures/adr/profiles/card-authorization.yaml:11:10");
    expect(failed.message).toMatch(/source: https:\/\//);

    const disq = report.adrs.find((a) => a.file.endsWith("madr/0004-use-flink-for-card-authorization.md"))!.decisions[0]!;
    expect(disq.message).toContain("disqualified by deployment-model");
    expect(disq.deciding[0]).toMatchObject({ rule: "deployment-model", value: "library", at: { line: 17 } });

    const unknown = report.adrs.find((a) => a.file.endsWith("madr/0005-misspelt-engine.md"))!.decisions[0]!;
    expect(unknown.suggestion).toBe("kafka-streams");
    expect(unknown.message).toContain("did you mean 'kafka-streams'?");
  });

  it("reads the status from front matter, a ## Status section, or a Status: line", () => {
    const status = (f: string) => report.adrs.find((a) => a.file.endsWith(f))!.status;
    expect(status("madr/0006-superseded.md")).toBe("superseded");
    expect(status("madr/0004-use-flink-for-card-authorization.md")).toBe("proposed");
    expect(status("nygard/0003-use-spark-for-card-authorization.md")).toBe("proposed");
    expect(status("nygard/0004-use-akka-streams-for-budget-pacing.md")).toBe("superseded");
    expect(status("nygard/0005-log4brains-style.md")).toBe("accepted");
  });
});

describe("exit codes", () => {
  it("0 when every decision passes (warnings included)", () => {
    const r = advise(["check", "test/fixtures/adr/madr/0001-use-akka-streams-for-card-authorization.md", "test/fixtures/adr/madr/0003-kafka-streams-within-a-wider-margin.md"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^PASS {2}/m);
    expect(r.stdout).toMatch(/^WARN {2}/m);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("2 checked, 1 passed, 1 warned, 0 failed, 0 skipped");
  });

  it("1 when a decision fails and nothing is broken", () => {
    const r = advise(["check", "test/fixtures/adr/madr", "test/fixtures/adr/nygard"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("14 checked, 4 passed, 1 warned, 5 failed, 4 skipped");
  });

  it("2 when an ADR or its profile is unreadable or invalid, even beside a failure", () => {
    const r = advise(["check", "test/fixtures/adr/madr/0002-use-kafka-streams-for-card-authorization.md", "test/fixtures/adr/broken/missing-profile.md"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^FAIL {2}/m);
    expect(r.stdout).toMatch(/^ERROR /m);
  });

  it("2 for a path that does not exist, reported in place", () => {
    const r = advise(["check", "docs/no-such-adr.md", "test/fixtures/adr/madr/0001-use-akka-streams-for-card-authorization.md"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("docs/no-such-adr.md: no such file or folder");
    expect(r.stdout).toMatch(/^PASS {2}/m);
  });

  it("2 for a bad --format, an unknown option or a broken --catalog; 0 for --help", () => {
    expect(advise(["check", "--format", "xml"]).status).toBe(2);
    expect(advise(["check", "--bogus"]).status).toBe(2);
    const cat = tmp();
    writeFileSync(join(cat, "flink.yaml"), "id: flink\nname: 3\n");
    const bad = advise(["check", "--catalog", cat, "docs/decisions"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/flink\.yaml:\d+:\d+: /);
    const help = advise(["check", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--format <name>");
    expect(help.stdout).toContain("Exit codes: 0 all passed, 1 a decision failed (or more were warned than --max-warnings),\n2 an ADR or profile is unreadable or invalid, or nothing was checked.");
  });

  it("the main command's own options still work beside the check command", () => {
    const r = advise(["profiles/card-authorization.yaml", "--format", "json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).schema).toBe("stream-advisor/result@1");
  });
});

describe("the project's own decision records (docs/decisions)", () => {
  it("pass with the shipped catalogue: `advise check` with no arguments finds them", () => {
    const r = advise(["check"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("docs/decisions/0002-use-akka-streams-for-card-authorization.md");
    expect(r.stdout).toMatch(/^SKIP {2}docs\/decisions\/0001-use-kafka-streams-for-card-authorization\.md {2}status: superseded$/m);
  });

  it("hold both styles: MADR front matter and a Nygard fenced block", () => {
    const { report } = json(["docs/decisions"]);
    const styles = new Set(report.adrs.map((a) => (a as { style?: string }).style));
    expect(styles).toEqual(new Set(["madr", "nygard"]));
    expect(report.summary.failed + report.summary.invalid + report.summary.warned).toBe(0);
  });
});

describe("default folders", () => {
  it("reads the folder named in .adr-dir (adr-tools), and doc/adr", () => {
    const dir = tmp();
    mkdirSync(join(dir, "architecture", "decisions"), { recursive: true });
    mkdirSync(join(dir, "doc", "adr"), { recursive: true });
    mkdirSync(join(dir, "profiles"));
    copyFileSync(join(FIXTURES, "profiles", "card-authorization.yaml"), join(dir, "profiles", "card-authorization.yaml"));
    writeFileSync(join(dir, ".adr-dir"), "architecture/decisions\n");
    const adr = (chosen: string) => `---\nstream-advisor:\n  profile: ../../profiles/card-authorization.yaml\n  chosen: ${chosen}\n---\n# x\n`;
    writeFileSync(join(dir, "architecture", "decisions", "0001-a.md"), adr("akka-streams"));
    writeFileSync(join(dir, "doc", "adr", "0001-b.md"), adr("spark"));
    const r = advise(["check"], {}, undefined, dir);
    expect(r.stdout).toContain("PASS  architecture/decisions/0001-a.md:4:11");
    expect(r.stdout).toContain("FAIL  doc/adr/0001-b.md:4:11");
    expect(r.status).toBe(1);
  });

  it("exits 2 with a usage message when there is no ADR folder at all", () => {
    const r = advise(["check"], {}, undefined, tmp());
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(".: no ADR folder found (looked for .adr-dir, doc/adr, docs/adr and docs/decisions); expected ADR files or folders as arguments, e.g. `advise check docs/decisions`\n");
    expect(r.stdout).toBe("");
  });
});

describe("decisions that flip", () => {
  function project() {
    const dir = tmp();
    mkdirSync(join(dir, "docs", "decisions"), { recursive: true });
    cpSync(join(FIXTURES, "profiles"), join(dir, "profiles"), { recursive: true });
    writeFileSync(join(dir, "docs", "decisions", "0001-akka.md"), "---\nstatus: accepted\nstream-advisor:\n  profile: ../../profiles/card-authorization.yaml\n  chosen: akka-streams\n---\n# Use Akka Streams\n");
    return dir;
  }

  it("when the catalogue changes: an engine override that cannot run as a library disqualifies the choice", () => {
    const dir = project();
    expect(advise(["check"], {}, undefined, dir).status).toBe(0);
    const cat = join(dir, "catalog");
    mkdirSync(cat);
    const akka = parse(readFileSync(join(CLI_ROOT, "rules", "engines", "akka-streams.yaml"), "utf8"));
    akka.deployment.library.route = "none";
    writeFileSync(join(cat, "akka-streams.yaml"), stringify(akka));
    const r = advise(["check", "--catalog", "catalog", "--format", "json"], {}, undefined, dir);
    expect(r.status).toBe(1);
    const d = (JSON.parse(r.stdout) as Json).adrs[0]!.decisions[0]!;
    expect(d.check).toBe("chosen-engine-disqualified");
    expect(d.deciding.map((x) => x.rule)).toEqual(["deployment-model"]);
  });

  it("when the catalogue is named by the project's config file, as for `advise PROFILE`", () => {
    const dir = project();
    const cat = join(dir, "catalog");
    mkdirSync(cat);
    const akka = parse(readFileSync(join(CLI_ROOT, "rules", "engines", "akka-streams.yaml"), "utf8"));
    akka.deployment.library.route = "none";
    writeFileSync(join(cat, "akka-streams.yaml"), stringify(akka));
    writeFileSync(join(dir, ".advise.yaml"), "catalog: catalog\n");
    expect(advise(["check"], {}, undefined, dir).status).toBe(1);
  });

  it("when the profile changes: a budget made a must against a service-only need", () => {
    const dir = project();
    const file = join(dir, "profiles", "card-authorization.yaml");
    const r0 = advise(["check"], {}, undefined, dir);
    expect(r0.status).toBe(0);
    writeFileSync(file, readFileSync(file, "utf8").replace("deployment: library", "deployment: service"));
    const r1 = advise(["check"], {}, undefined, dir);
    expect(r1.status).toBe(1);
    expect(r1.stdout).toContain("FAIL  docs/decisions/0001-akka.md:5:11  chosen: akka-streams");
    expect(r1.stdout).toContain("your deployment: service (must) at profiles/card-authorization.yaml:17:13");
  });

  it("when the margin changes: the same gap fails at 5 and warns at 20", () => {
    const dir = project();
    const adr = join(dir, "docs", "decisions", "0002-kafka.md");
    writeFileSync(adr, "---\nstream-advisor:\n  profile: ../../profiles/card-authorization.yaml\n  chosen: kafka-streams\n  margin: 5\n---\n");
    expect(advise(["check", "docs/decisions/0002-kafka.md"], {}, undefined, dir).status).toBe(1);
    writeFileSync(adr, "---\nstream-advisor:\n  profile: ../../profiles/card-authorization.yaml\n  chosen: kafka-streams\n  margin: 20\n---\n");
    const r = advise(["check", "docs/decisions/0002-kafka.md"], {}, undefined, dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^WARN {2}docs\/decisions\/0002-kafka\.md:4:11/m);
  });
});

describe("a block with values of the wrong kind", () => {
  it("names each, located, with what was expected", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.md"), "---\nstream-advisor:\n  profile: 42\n  chosen: 42\n  margin: ten\n---\n");
    writeFileSync(join(dir, "b.md"), "---\nstream-advisor: flink\n---\n");
    const { r, report } = json(["a.md", "b.md"], {}, dir);
    expect(r.status).toBe(2);
    expect(report.adrs.flatMap((a) => a.decisions.flatMap((d) => d.diagnostics)).map(text)).toEqual([
      "a.md:3:12: 42 is not a valid profile; expected a profile file path relative to the ADR, or an inline profile mapping",
      "a.md:4:11: 42 is not a valid chosen; expected an engine id, such as kafka-streams",
      "a.md:5:11: 'ten' is not a valid margin; expected a number of points, such as 10",
      "b.md:2:1: the stream-advisor block is 'flink'; expected a mapping with `profile` and `chosen` (and optionally `margin` and `acknowledge`)",
    ]);
  });
});

describe("hostile ADR files", () => {
  it("a binary, a non-UTF-8 and an oversized ADR are reported in place; the others still count", () => {
    const dir = tmp();
    writeFileSync(join(dir, "binary.md"), Buffer.from("---\nstatus: x\0\n---\n"));
    writeFileSync(join(dir, "latin1.md"), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    writeFileSync(join(dir, "big.md"), `# ${"x".repeat(2 * 1024 * 1024)}\n`);
    copyFileSync(join(FIXTURES, "nygard", "0001-record-architecture-decisions.md"), join(dir, "ok.md"));
    const { r, report } = json([dir]);
    expect(r.status).toBe(2);
    const by = (f: string) => report.adrs.find((a) => a.file.endsWith(f))!;
    expect(text(by("binary.md").diagnostics[0]!)).toMatch(/binary\.md:2:10: this is a binary file \(it contains a NUL byte\)/);
    expect(text(by("latin1.md").diagnostics[0]!)).toMatch(/latin1\.md:1:\d+: the text is not valid UTF-8/);
    expect(text(by("big.md").diagnostics[0]!)).toMatch(/big\.md: file is too large/);
    expect(by("ok.md").outcome).toBe("skipped");
  });

  it("an alias bomb and 100,000 nested brackets in front matter are refused, located", () => {
    const dir = tmp();
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 6 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    writeFileSync(join(dir, "bomb.md"), `---\n${bomb}\nstream-advisor: {profile: x.yaml, chosen: flink}\n---\n`);
    writeFileSync(join(dir, "deep.md"), `---\nx: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n---\n`);
    const { r, report } = json([dir]);
    expect(r.status).toBe(2);
    expect(report.adrs.map((a) => text(a.diagnostics[0]!))).toEqual([
      expect.stringMatching(/bomb\.md:\d+:\d+: aliases expand too much/),
      expect.stringMatching(/deep\.md:2:\d+: nesting is deeper than 64 levels/),
    ]);
  });

  it("CRLF line ends and a BOM keep positions right", () => {
    const dir = tmp();
    mkdirSync(join(dir, "profiles"));
    copyFileSync(join(FIXTURES, "profiles", "card-authorization.yaml"), join(dir, "profiles", "p.yaml"));
    writeFileSync(join(dir, "crlf.md"), "\uFEFF# 1. X\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\n```yaml stream-advisor\r\nprofile: profiles/p.yaml\r\nchosen: spark\r\n```\r\n");
    const { report } = json(["crlf.md"], {}, dir);
    expect(report.adrs[0]!.decisions[0]).toMatchObject({ line: 9, col: 9, check: "chosen-engine-disqualified" });
  });
});

describe("scale", () => {
  // How fast is measured by `npm run bench`, not here: a test asserts what, never how fast.
  it("checks 1,000 ADRs (both styles, shared profiles) and reports every one", () => {
    const dir = tmp();
    mkdirSync(join(dir, "docs", "decisions"), { recursive: true });
    cpSync(join(CLI_ROOT, "profiles"), join(dir, "profiles"), { recursive: true });
    const profiles = ["card-authorization", "ad-budget-pacing", "cdc-to-search", "fraud-scoring", "iot-telemetry"];
    const engines = ["akka-streams", "kafka-streams", "flink", "spark", "beam"];
    for (let i = 0; i < 1000; i++) {
      const p = `../../profiles/${profiles[i % profiles.length]}.yaml`;
      const e = engines[(i * 7) % engines.length];
      const body =
        i % 2
          ? `---\nstatus: accepted\nstream-advisor:\n  profile: ${p}\n  chosen: ${e}\n---\n# ADR ${i}\n`
          : `# ${i}. ADR\n\n## Status\n\nAccepted\n\n\`\`\`yaml stream-advisor\nprofile: ${p}\nchosen: ${e}\n\`\`\`\n`;
      writeFileSync(join(dir, "docs", "decisions", `${String(i).padStart(4, "0")}.md`), body);
    }
    const r = spawnSync(process.execPath, [CLI, "check", "--format", "sarif"], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).runs[0].properties.summary.checked).toBe(1000);
  });
});

describe("the README", () => {
  it("quotes the real output of a failing decision", () => {
    const readme = readFileSync(join(CLI_ROOT, "README.md"), "utf8");
    const file = "test/fixtures/adr/madr/0002-use-kafka-streams-for-card-authorization.md";
    const r = advise(["check", file]);
    expect(r.status).toBe(1);
    expect(readme).toContain(`$ npx advise check ${file}\n${r.stdout}$ echo $?\n1\n`);
  });
});
