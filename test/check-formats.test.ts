// The machine formats of `advise check`, held to their consumers' contracts:
// SARIF against the official OASIS 2.1.0 schema (errata 01, JSON Schema
// draft-04, vendored in test/fixtures), JUnit against the Apache Ant and the
// Jenkins xUnit JUnit schemas (libxml2's validator, as xmllint-wasm), GitHub
// workflow commands against GitHub's escaping rules and its 10-annotation cap.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { annotation, escapeData, escapeProperty, formatGithub } from "../src/check/github.js";
import { formatJunit, xmlAttr, xmlText } from "../src/check/junit.js";
import { artifact, formatSarif } from "../src/check/sarif.js";
import { CHECK_IDS, type CheckReport } from "../src/check/types.js";
import { advise, CLI, CLI_ROOT, TODAY_ENV } from "./cli-helpers.js";

const FIXTURES = join(CLI_ROOT, "test", "fixtures");
const require = createRequire(import.meta.url);
const tmp = () => mkdtempSync(join(tmpdir(), "advise-check-fmt-"));

// ajv's packages are CommonJS with a `default` export; take the class either way.
type Validator = ((data: unknown) => boolean) & { errors?: unknown };
function sarifValidator(): Validator {
  const unwrap = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
  const Ajv04 = unwrap<new (o: object) => { compile(s: object): Validator }>(require("ajv-draft-04"));
  const addFormats = unwrap<(a: unknown) => void>(require("ajv-formats"));
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(FIXTURES, "sarif-schema-2.1.0.json"), "utf8")));
}
const validateSarif = sarifValidator();

/**
 * Problems with a JUnit report under the Jenkins xUnit schema (as it is) and the
 * Apache Ant schema. Ant's XSD (2011) has no attributes on <testsuites>, so the
 * aggregate counts every current consumer reads there are taken off for it, and
 * it requires a timestamp, which a deterministic report has only from
 * SOURCE_DATE_EPOCH: pass `antTimestamp: false` for a report made without one.
 */
async function junitProblems(xml: string, { antTimestamp = true } = {}): Promise<string[]> {
  const problems: string[] = [];
  const ant = xml.replace(/<testsuites [^>]*>/, "<testsuites>");
  for (const [xsd, text] of [["junit-ant.xsd", ant], ["junit-jenkins.xsd", xml]] as const) {
    const r = await validateXML({ xml: [{ fileName: "report.xml", contents: text }], schema: [{ fileName: xsd, contents: readFileSync(join(FIXTURES, xsd), "utf8") }] });
    for (const e of r.errors) {
      if (xsd === "junit-ant.xsd" && !antTimestamp && /attribute 'timestamp' is required but missing/.test(e.rawMessage)) continue;
      problems.push(`${xsd}: ${e.rawMessage}`);
    }
  }
  return problems;
}

/** A project whose ADRs and titles hold every character the formats must escape. */
function nastyProject(): string {
  const dir = tmp();
  mkdirSync(join(dir, "docs", "decisions", "a, b: c"), { recursive: true });
  mkdirSync(join(dir, "profiles"));
  copyFileSync(join(FIXTURES, "adr", "profiles", "card-authorization.yaml"), join(dir, "profiles", "p.yaml"));
  const adr = (chosen: string, title: string) => `---\nstatus: accepted\ntitle: "${title}"\nstream-advisor:\n  profile: ../../../profiles/p.yaml\n  chosen: ${chosen}\n---\n`;
  writeFileSync(join(dir, "docs", "decisions", "a, b: c", "100% <&> \"q\" #1.md"), adr("kafka-streams", "Tags <b> & \\\"quotes\\\" 100% \\u001b[31m, then: more"));
  writeFileSync(join(dir, "docs", "decisions", "a, b: c", "ünïcødé.md"), adr("kafka-stream]]>", "Ends with ]]> and \\r\\n"));
  writeFileSync(join(dir, "docs", "decisions", "a, b: c", "broken.md"), "---\nstream-advisor: {profile: '\n---\n");
  return dir;
}

function run(args: string[], cwd = CLI_ROOT, env: Record<string, string | undefined> = {}) {
  return spawnSync(process.execPath, [CLI, "check", ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: "1", GITHUB_STEP_SUMMARY: undefined, ...TODAY_ENV, ...env },
  });
}

describe("--format sarif", () => {
  const r = run(["test/fixtures/adr", "--format", "sarif"]);
  const log = JSON.parse(r.stdout);

  it("is valid against the official SARIF 2.1.0 schema", () => {
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    expect(log.version).toBe("2.1.0");
    // and the validator does reject what the schema forbids
    expect(validateSarif({ ...log, version: "2.0.0" })).toBe(false);
    expect(validateSarif({ ...log, runs: [{ ...log.runs[0], results: [{ message: {} }] }] })).toBe(false);
  });

  it("has stable rule ids, described in tool.driver.rules with help URIs, and results that point at them", () => {
    const rules = log.runs[0].tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string } }[];
    expect(rules.map((x) => x.id)).toEqual(CHECK_IDS.filter((id) => id !== "chosen-engine-first"));
    for (const rule of rules) expect(rule.helpUri).toMatch(new RegExp(`^https://.*#${rule.id}$`));
    for (const res of log.runs[0].results) {
      expect(rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(["error", "warning"]).toContain(res.level);
    }
    const ids = new Set(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId));
    expect(ids).toEqual(new Set(["better-engine-within-margin", "chosen-engine-outscored", "chosen-engine-disqualified", "chosen-engine-unknown", "invalid-adr"]));
  });

  it("locates each failed decision on its chosen: line with a relative URI, and its profile value as a related location", () => {
    const res = log.runs[0].results.find((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      x.locations[0]!.physicalLocation.artifactLocation.uri.endsWith("0002-use-kafka-streams-for-card-authorization.md"),
    );
    expect(res.ruleId).toBe("chosen-engine-outscored");
    expect(res.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "test/fixtures/adr/madr/0002-use-kafka-streams-for-card-authorization.md", uriBaseId: "%SRCROOT%" },
      region: { startLine: 7, startColumn: 11 },
    });
    expect(res.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe("test/fixtures/adr/profiles/card-authorization.yaml");
    expect(res.relatedLocations[0].physicalLocation.region.startLine).toBe(11);
    expect(res.message.text).toContain("latency-budget");
  });

  it("reports no result for passing or skipped ADRs", () => {
    const uris = log.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris.some((u: string) => u.includes("0001-use-akka-streams"))).toBe(false);
    expect(uris.some((u: string) => u.includes("0006-superseded"))).toBe(false);
  });

  it("percent-encodes paths into valid URI references", () => {
    const dir = nastyProject();
    const out = run(["--format", "sarif"], dir);
    expect(out.status).toBe(2);
    const nasty = JSON.parse(out.stdout);
    expect(validateSarif(nasty), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    const uris = nasty.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain("docs/decisions/a%2C%20b%3A%20c/100%25%20%3C%26%3E%20%22q%22%20%231.md");
    expect(artifact("/abs/x y.md")).toEqual({ uri: "file:///abs/x%20y.md" });
  });
});

describe("--format junit", () => {
  it("validates against the Ant and Jenkins JUnit schemas: one testsuite per ADR, one testcase per decision", async () => {
    const r = run(["test/fixtures/adr", "--format", "junit"], CLI_ROOT, { SOURCE_DATE_EPOCH: "1790000000" });
    expect(r.status).toBe(2);
    expect(await junitProblems(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('timestamp="2026-09-21T14:13:20"');
    // and the validator does reject what the schemas forbid
    expect(await junitProblems('<?xml version="1.0"?>\n<testsuites><testsuite name="x" tests="1"><testcase/></testsuite></testsuites>')).not.toEqual([]);
    expect(await junitProblems("<testsuites><testsuite name=a></testsuites>")).not.toEqual([]);
    const suites = r.stdout.match(/<testsuite /g)!.length;
    expect(suites).toBe(25);
    const two = /<testsuite name="test\/fixtures\/adr\/madr\/0008-two-decisions.md"[^>]*tests="2"/.test(r.stdout);
    expect(two).toBe(true);
    expect(r.stdout).toContain('<failure message="Kafka Streams (kafka-streams) scores 81');
    expect(r.stdout).toContain('type="chosen-engine-outscored"');
    expect(r.stdout).toMatch(/<skipped message="status is superseded"\/>/);
    expect(r.stdout).toMatch(/<error message="[^"]*" type="invalid-adr">/);
  });

  it("escapes every hostile character and stays valid", async () => {
    const dir = nastyProject();
    const r = run(["--format", "junit"], dir);
    expect(await junitProblems(r.stdout, { antTimestamp: false })).toEqual([]);
    expect(r.stdout).toContain('name="docs/decisions/a, b: c/100% &lt;&amp;&gt; &quot;q&quot; #1.md"');
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(r.stdout).toContain("]]&gt;");
  });

  it("is deterministic: no wall-clock timestamp, and the same bytes on every run", async () => {
    const a = run(["test/fixtures/adr", "--format", "junit"]).stdout;
    expect(a).not.toMatch(/timestamp=/);
    expect(run(["test/fixtures/adr", "--format", "junit"]).stdout).toBe(a);
    expect(await junitProblems(a, { antTimestamp: false })).toEqual([]);
  });

  it("<testsuites> carries the aggregate counts; a warned decision is told apart from a pass", () => {
    const r = run(["test/fixtures/adr/madr", "--format", "junit"]);
    // 8 ADRs: 9 testcases (one ADR holds two decisions), 3 failures, 0 errors
    expect(r.stdout).toMatch(/^<testsuites name="advise check" tests="9" failures="3" errors="0" time="0">$/m);
    const warned = /<testsuite name="test\/fixtures\/adr\/madr\/0003-kafka-streams-within-a-wider-margin.md"[\s\S]*?<\/testsuite>/.exec(r.stdout)![0];
    expect(warned).toContain('<property name="outcome" value="warned"/>');
    expect(warned).toContain('<property name="decision 6:11" value="warned (better-engine-within-margin)"/>');
    expect(warned).toMatch(/<system-out>WARN test\/fixtures\/adr\/madr\/0003-kafka-streams-within-a-wider-margin\.md:6:11 /);
    const passed = /<testsuite name="test\/fixtures\/adr\/madr\/0001-use-akka-streams-for-card-authorization.md"[\s\S]*?<\/testsuite>/.exec(r.stdout)![0];
    expect(passed).toContain('<property name="decision 7:11" value="passed (chosen-engine-first)"/>');
    expect(passed).toMatch(/<system-out>PASS /);
  });

  it("escapes text and attributes", () => {
    expect(xmlText("a < b && c > d ]]>")).toBe("a &lt; b &amp;&amp; c &gt; d ]]&gt;");
    expect(xmlAttr('say "hi"\n\tto\r<me>')).toBe("say &quot;hi&quot;&#10;&#9;to&#13;&lt;me&gt;");
    expect(xmlText("bell\u0007 esc\u001b lone\uD800 ok\uD83D\uDE00")).toBe("bell\uFFFD esc\uFFFD lone\uFFFD ok\uD83D\uDE00");
  });
});

describe("--format github", () => {
  it("escapes messages and properties the way GitHub's toolkit does", () => {
    expect(escapeData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeProperty("a, b: c 100%\n")).toBe("a%2C b%3A c 100%25%0A");
    expect(annotation({ level: "error", file: "docs/a, b: c.md", line: 3, col: 9, title: "T: x, y", message: "m\nn", adr: "", what: "" })).toBe(
      "::error file=docs/a%2C b%3A c.md,line=3,col=9,title=T%3A x%2C y::m%0An",
    );
  });

  it("annotates the chosen: line of each failed decision and warns for one within the margin", () => {
    const r = run(["test/fixtures/adr/madr", "--format", "github"]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines).toContain(
      lines.find((l) => l.startsWith("::error file=test/fixtures/adr/madr/0002-use-kafka-streams-for-card-authorization.md,line=7,col=11,title=advise check%3A decision for kafka-streams fails (chosen-engine-outscored)::")),
    );
    expect(lines.filter((l) => l.startsWith("::warning file=test/fixtures/adr/madr/0003-kafka-streams-within-a-wider-margin.md,line=6,col=11,"))).toHaveLength(1);
    for (const l of lines.filter((x) => x.startsWith("::"))) expect(l).toMatch(/^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[^,:]+::[^\r\n]+$/);
    expect(lines.at(-2)).toBe("8 checked, 3 passed, 1 warned, 3 failed, 1 skipped");
  });

  it("shows at most 10 error annotations; the rest go to the step summary", () => {
    const dir = tmp();
    mkdirSync(join(dir, "docs", "decisions"), { recursive: true });
    mkdirSync(join(dir, "profiles"));
    copyFileSync(join(FIXTURES, "adr", "profiles", "card-authorization.yaml"), join(dir, "profiles", "p.yaml"));
    for (let i = 0; i < 13; i++) writeFileSync(join(dir, "docs", "decisions", `${String(i).padStart(2, "0")}.md`), "---\nstream-advisor:\n  profile: ../../profiles/p.yaml\n  chosen: spark\n---\n");
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, "docs", "decisions", `w${String(i).padStart(2, "0")}.md`), "---\nstream-advisor:\n  profile: ../../profiles/p.yaml\n  chosen: kafka-streams\n  margin: 30\n---\n");

    const plain = run(["--format", "github"], dir);
    expect(plain.stdout.match(/^::error /gm)).toHaveLength(10);
    expect(plain.stdout.match(/^::warning /gm)).toHaveLength(10);
    expect(plain.stdout).toContain("5 findings are listed only here");
    expect(plain.stdout).toContain("| `docs/decisions/12.md:4:11` | failed (chosen: spark) |");

    const summary = join(dir, "summary.md");
    writeFileSync(summary, "earlier step\n");
    const r = run(["--format", "github"], dir, { GITHUB_STEP_SUMMARY: summary });
    expect(r.status).toBe(1);
    expect(r.stdout.split("\n").filter((l) => l && !l.startsWith("::"))).toEqual(["25 checked, 0 passed, 12 warned, 13 failed, 0 skipped"]);
    const md = readFileSync(summary, "utf8");
    expect(md.startsWith("earlier step\n### advise check: 25 checked, 0 passed, 12 warned, 13 failed, 0 skipped\n")).toBe(true);
    expect(md.match(/^\| `docs\/decisions\/\d+\.md/gm)).toHaveLength(13);
    expect(md.match(/^\| `docs\/decisions\/w\d+\.md/gm)).toHaveLength(12);
  });

  it("keeps table cells in one piece", () => {
    const report: CheckReport = {
      schema: "stream-advisor/check@1",
      tool: { name: "stream-advisor", version: "0.0.0-test" },
      catalog: { asOf: "2026-11", engines: [] },
      summary: { checked: 1, passed: 0, acknowledged: 0, warned: 0, failed: 0, skipped: 0, invalid: 1 },
      exitCode: 2,
      adrs: [{ file: "a|b.md", outcome: "invalid", decisions: [], diagnostics: [{ file: "a|b.md", line: 1, col: 1, message: "x | y\n<script>" }] }],
    };
    const text = formatGithub(report, { stepSummaryFile: false });
    // a line break in user text is shown as \n (an annotation is one line; a cell too)
    expect(text).toContain("| `a\\|b.md:1:1` | invalid | a\\|b.md:1:1: x \\| y\\\\n&lt;script&gt; |");
    expect(text).toContain("::error file=a|b.md,line=1,col=1,title=advise check%3A invalid ADR (invalid-adr)::a|b.md:1:1: x | y\\n<script>");
  });
});

describe("--format json", () => {
  it("is the documented stream-advisor/check@1 report, byte-identical across runs", () => {
    const a = run(["test/fixtures/adr", "--format", "json"]).stdout;
    const b = run(["test/fixtures/adr", "--format", "json"]).stdout;
    expect(a).toBe(b);
    const report = JSON.parse(a);
    expect(report.schema).toBe("stream-advisor/check@1");
    const doc = readFileSync(join(CLI_ROOT, "docs", "check.md"), "utf8");
    const keys = new Set<string>();
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, `${path}[]`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) {
        if (!/^(userFiles|args)$/.test(path.split(".").at(-1) ?? "")) keys.add(`${path}.${k}`.replace(/^\./, ""));
        walk(x, `${path}.${k}`);
      }
    };
    walk(report, "");
    // and a report with what the fixtures lack: acknowledgements (applied and expired) and notices
    const dir = tmp();
    mkdirSync(join(dir, "profiles"));
    copyFileSync(join(FIXTURES, "adr", "profiles", "card-authorization.yaml"), join(dir, "profiles", "p.yaml"));
    const ack = (until: string) => `---\nstream-advisor:\n  profile: profiles/p.yaml\n  chosen: kafka-streams\n  margin: 20\n  acknowledge: [{rule: better-engine-within-margin, reason: r, until: ${until}}]\n---\n`;
    writeFileSync(join(dir, "a.md"), ack("2031-01-01"));
    writeFileSync(join(dir, "b.md"), ack("2029-01-01"));
    const more = JSON.parse(run([".", "--format", "json", "--max-warnings", "0"], dir, { SOURCE_DATE_EPOCH: "1893456000" }).stdout);
    expect(more.notices.map((n: { id: string }) => n.id)).toEqual(["catalogue-stale", "too-many-warnings"]);
    expect(more.adrs.map((a: { decisions: { acknowledgements: { state: string }[] }[] }) => a.decisions[0]!.acknowledgements[0]!.state)).toEqual(["applied", "expired"]);
    walk(more, "");
    expect(keys).toContain("adrs[].decisions[].acknowledgements[].state");
    for (const k of keys) expect(doc, `docs/check.md documents ${k}`).toContain(`\`${k}\``);
  });
});

describe("--format human", () => {
  it("colours only on request", () => {
    const plain = advise(["check", "docs/decisions"]);
    expect(plain.stdout).not.toContain("\u001b[");
    const coloured = advise(["check", "docs/decisions", "--color"]);
    expect(coloured.stdout).toContain("\u001b[32mPASS \u001b[39m");
    expect(advise(["check", "docs/decisions", "--color", "--no-color"]).stdout).not.toContain("\u001b[");
  });
});

describe("pure formatters", () => {
  it("give the same text for the same report", () => {
    const report = JSON.parse(run(["test/fixtures/adr", "--format", "json"]).stdout) as CheckReport;
    const ctx = { version: "1.2.3", timestamp: "2026-11-25T12:00:00", hostname: "ci" };
    expect(formatSarif(report, ctx)).toBe(formatSarif(report, ctx));
    expect(formatJunit(report, ctx)).toBe(formatJunit(report, ctx));
    expect(formatJunit(report, ctx)).toContain('timestamp="2026-11-25T12:00:00" hostname="ci"');
  });
});
