// `advise check` in a real pipeline: locations from the repository root whatever folder it
// runs in, profiles kept inside the repository, never green by accident (nothing checked,
// too many warnings), every problem of a broken ADR at once and once per stream, the
// stale-catalogue note, acknowledgements with an expiry date, --output-file, globs.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, CLI_ROOT, sarifValidator } from "./cli-helpers.js";

const PROFILE = join(CLI_ROOT, "test", "fixtures", "adr", "profiles", "card-authorization.yaml");

const validateSarif = sarifValidator();

/** advise check in `cwd`, colour off, no step summary, today fixed unless the test says otherwise. */
function check(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  return spawnSync(process.execPath, [CLI, "check", ...args], {
    cwd,
    encoding: "utf8",
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: "1", GITHUB_STEP_SUMMARY: undefined, SOURCE_DATE_EPOCH: "1796083200" /* 2026-12-01 */, ADVISE_NOW: undefined, ...env },
  });
}

/** Human output with its wrapping undone, for phrases that may break across lines. */
const flat = (s: string) => s.replace(/\s+/g, " ");

const madr = (profile: string, chosen: string, extra = "") => `---\nstatus: accepted\nstream-advisor:\n  profile: ${profile}\n  chosen: ${chosen}\n${extra}---\n# ADR\n`;

/**
 * A repository: `.git`, profiles/card-authorization.yaml, and docs/decisions with a
 * passing (akka-streams), a failing (spark) and a warned (kafka-streams, margin 20) decision.
 */
function repo(gitFile = false): string {
  const dir = mkdtempSync(join(tmpdir(), "advise-pipeline-"));
  if (gitFile) writeFileSync(join(dir, ".git"), "gitdir: /elsewhere/.git/worktrees/x\n");
  else mkdirSync(join(dir, ".git"));
  mkdirSync(join(dir, "profiles"));
  mkdirSync(join(dir, "docs", "decisions"), { recursive: true });
  mkdirSync(join(dir, "src", "deep"), { recursive: true });
  copyFileSync(PROFILE, join(dir, "profiles", "card-authorization.yaml"));
  const p = "../../profiles/card-authorization.yaml";
  writeFileSync(join(dir, "docs", "decisions", "0001-akka.md"), madr(p, "akka-streams"));
  writeFileSync(join(dir, "docs", "decisions", "0002-spark.md"), madr(p, "spark"));
  writeFileSync(join(dir, "docs", "decisions", "0003-kafka.md"), madr(p, "kafka-streams", "  margin: 20\n"));
  return dir;
}

const uris = (sarif: string) => (JSON.parse(sarif).runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } } }[] }[]).map((r) => r.locations[0]!.physicalLocation.artifactLocation);

describe("locations from the repository root", () => {
  it("SARIF, GitHub and JUnit name the same root-relative files from the root and from a subfolder", () => {
    const dir = repo();
    const fromRoot = { sarif: check(["docs/decisions", "--format", "sarif"], dir), github: check(["docs/decisions", "--format", "github"], dir), junit: check(["docs/decisions", "--format", "junit"], dir) };
    const sub = join(dir, "src", "deep");
    const fromSub = { sarif: check(["../../docs/decisions", "--format", "sarif"], sub), github: check(["../../docs/decisions", "--format", "github"], sub), junit: check(["../../docs/decisions", "--format", "junit"], sub) };
    for (const r of [...Object.values(fromRoot), ...Object.values(fromSub)]) expect(r.status).toBe(1);
    expect(fromSub.sarif.stdout).toBe(fromRoot.sarif.stdout);
    expect(fromSub.github.stdout).toBe(fromRoot.github.stdout);
    expect(fromSub.junit.stdout).toBe(fromRoot.junit.stdout);
    // one URI style: relative to %SRCROOT%
    expect(uris(fromRoot.sarif.stdout)).toEqual([
      { uri: "docs/decisions/0002-spark.md", uriBaseId: "%SRCROOT%" },
      { uri: "docs/decisions/0003-kafka.md", uriBaseId: "%SRCROOT%" },
    ]);
    const related = JSON.parse(fromSub.sarif.stdout).runs[0].results[1].relatedLocations[0].physicalLocation.artifactLocation;
    expect(related).toEqual({ uri: "profiles/card-authorization.yaml", uriBaseId: "%SRCROOT%" });
    expect(validateSarif(JSON.parse(fromSub.sarif.stdout)), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(fromSub.github.stdout).toContain("::error file=docs/decisions/0002-spark.md,line=5,col=11,");
    expect(fromSub.github.stdout).toContain("::warning file=docs/decisions/0003-kafka.md,line=5,col=11,");
    expect(fromSub.github.stdout).toContain("your latency: 10ms (must) at profiles/card-authorization.yaml:11:10");
    expect(fromSub.junit.stdout).toContain('<testsuite name="docs/decisions/0002-spark.md" package="docs/decisions"');
  });

  it("the human and JSON reports stay relative to the working folder, for a terminal", () => {
    const dir = repo();
    const r = check(["../../docs/decisions/0002-spark.md"], join(dir, "src", "deep"));
    expect(r.stdout).toContain("FAIL  ../../docs/decisions/0002-spark.md:5:11  chosen: spark");
    expect(r.stdout).toContain("at ../../profiles/card-authorization.yaml:17:13");
    const j = JSON.parse(check(["../../docs/decisions/0002-spark.md", "--format", "json"], join(dir, "src", "deep")).stdout);
    expect(j.adrs[0].file).toBe("../../docs/decisions/0002-spark.md");
    expect(j.adrs[0].decisions[0].profileFile).toBe("../../profiles/card-authorization.yaml");
  });

  it("with no arguments, a subfolder finds the ADR folders of the repository above it", () => {
    const dir = repo();
    const r = check(["--format", "sarif"], join(dir, "src", "deep"));
    expect(r.status).toBe(1);
    expect(uris(r.stdout).map((u) => u.uri)).toEqual(["docs/decisions/0002-spark.md", "docs/decisions/0003-kafka.md"]);
    expect(check([], join(dir, "src", "deep")).stdout).toContain("PASS  ../../docs/decisions/0001-akka.md:5:11");
  });

  it("a .git file (a worktree or submodule) marks the root as well", () => {
    const dir = repo(true);
    const r = check(["../../docs/decisions/0002-spark.md", "--format", "github"], join(dir, "src", "deep"));
    expect(r.stdout).toMatch(/^::error file=docs\/decisions\/0002-spark\.md,line=5,col=11,/m);
  });

  it("outside any repository, the working folder is the root", () => {
    const dir = repo();
    // a project folder without .git, inside a temporary folder without one either
    const plain = mkdtempSync(join(tmpdir(), "advise-norepo-"));
    mkdirSync(join(plain, "adr"));
    mkdirSync(join(plain, "profiles"));
    copyFileSync(PROFILE, join(plain, "profiles", "p.yaml"));
    writeFileSync(join(plain, "adr", "1.md"), madr("../profiles/p.yaml", "spark"));
    expect(existsSync(join(dir, ".git"))).toBe(true);
    const r = check(["adr", "--format", "sarif"], plain);
    expect(uris(r.stdout)).toEqual([{ uri: "adr/1.md", uriBaseId: "%SRCROOT%" }]);
  });
});

describe("profiles stay in the repository", () => {
  function outsideRepo() {
    const dir = repo();
    const outside = mkdtempSync(join(tmpdir(), "advise-outside-"));
    // if anything outside were read, its own problem would be reported instead
    writeFileSync(join(outside, "p.yaml"), "version: 1\nlatncy: 10ms\n");
    return { dir, outside };
  }

  it.each([
    ["a .. path", (o: string) => `../../../${o.split("/").at(-1)}/p.yaml`],
    ["an absolute path", (o: string) => join(o, "p.yaml")],
  ])("%s that resolves outside the root is an error at the profile: value, and nothing outside is read", (_, path) => {
    const { dir, outside } = outsideRepo();
    writeFileSync(join(dir, "docs", "decisions", "0009-outside.md"), madr(path(outside), "akka-streams"));
    const r = check(["docs/decisions/0009-outside.md", "--format", "json"], dir);
    expect(r.status).toBe(2);
    const d = JSON.parse(r.stdout).adrs[0].decisions[0];
    expect(d.outcome).toBe("invalid");
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0]).toMatchObject({ file: "docs/decisions/0009-outside.md", line: 4, col: 12 });
    expect(d.diagnostics[0].message).toMatch(/is outside the repository; nothing outside it is read$/);
    expect(d.diagnostics[0].expected).toContain("--allow-outside");
    expect(r.stderr).not.toContain("latncy");
    // --allow-outside reads it: now its own problem shows
    const allowed = check(["docs/decisions/0009-outside.md", "--allow-outside"], dir);
    expect(allowed.status).toBe(2);
    expect(allowed.stdout).toContain("unknown key 'latncy'");
  });

  it("a symbolic link inside the repository that leads outside is refused too (file or folder)", () => {
    const { dir, outside } = outsideRepo();
    symlinkSync(join(outside, "p.yaml"), join(dir, "profiles", "link.yaml"));
    symlinkSync(outside, join(dir, "profiles", "linked-dir"));
    writeFileSync(join(dir, "docs", "decisions", "0010-link.md"), madr("../../profiles/link.yaml", "akka-streams"));
    writeFileSync(join(dir, "docs", "decisions", "0011-dir.md"), madr("../../profiles/linked-dir/p.yaml", "akka-streams"));
    const r = check(["docs/decisions/0010-link.md", "docs/decisions/0011-dir.md", "--format", "github"], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error file=docs\/decisions\/0010-link\.md,line=4,col=12,.*leads outside the repository through a symbolic link/m);
    expect(r.stdout).toMatch(/^::error file=docs\/decisions\/0011-dir\.md,line=4,col=12,.*leads outside the repository through a symbolic link/m);
    expect(r.stdout).not.toContain("latncy");
  });

  it("a symbolic link that stays inside the repository is fine", () => {
    const dir = repo();
    symlinkSync(join(dir, "profiles", "card-authorization.yaml"), join(dir, "profiles", "alias.yaml"));
    writeFileSync(join(dir, "docs", "decisions", "0012-alias.md"), madr("../../profiles/alias.yaml", "akka-streams"));
    expect(check(["docs/decisions/0012-alias.md"], dir).status).toBe(0);
  });
});

describe("every problem of a broken ADR at once, each printed once per stream", () => {
  it("reports the block's keys, margin, acknowledgements and inline profile together", () => {
    const dir = repo();
    writeFileSync(
      join(dir, "docs", "decisions", "0020-broken.md"),
      "---\nstream-advisor:\n  chosn: flink\n  margin: 500\n  acknowledge: [{rule: chosen-engine-outscored, reason: x, until: 2027-01-01}]\n  profile: {version: 1, latency: fast, throughput: 1k/s, deployment: libary}\n---\n",
    );
    const r = check(["docs/decisions/0020-broken.md", "--format", "json"], dir);
    expect(r.status).toBe(2);
    const texts = r.stderr.trimEnd().split("\n");
    expect(texts).toEqual([
      // (the missing `chosen` is the typo `chosn`: reported once, as the typo)
      "docs/decisions/0020-broken.md:3:3: unknown key 'chosn' (did you mean 'chosen'?); expected one of profile, chosen, margin, acknowledge",
      "docs/decisions/0020-broken.md:4:11: margin 500 is out of range; expected a number of points from 0 to 100",
      "docs/decisions/0020-broken.md:5:24: 'chosen-engine-outscored' cannot be acknowledged: it fails the decision; expected one of better-engine-within-margin; a failing decision is fixed by choosing again, superseding the ADR or widening `margin`",
      "docs/decisions/0020-broken.md:6:34: 'fast' is not a valid latency; expected a duration with a unit, such as 500us, 10ms, 2s, 5m or 1h",
      "docs/decisions/0020-broken.md:6:70: 'libary' is not a valid deployment (did you mean 'library'?); expected one of library, service, either",
    ]);
  });

  it("a block's own problems and its profile file's are reported together", () => {
    const dir = repo();
    writeFileSync(join(dir, "profiles", "bad.yaml"), "version: 1\nlatency: 10ms\nthroughput: 1k/s\nunit: evnt\n");
    writeFileSync(join(dir, "docs", "decisions", "0021-both.md"), madr("../../profiles/bad.yaml", "flink", "  marign: 5\n"));
    const r = check(["docs/decisions/0021-both.md"], dir);
    expect(r.stdout).toContain("docs/decisions/0021-both.md:6:3: unknown key 'marign' (did you mean 'margin'?)");
    expect(r.stdout).toContain("profiles/bad.yaml:4:7: 'evnt' is not a valid unit (did you mean 'event'?)");
  });

  it("human shows problems in place and nothing on stderr; json/sarif/junit put each on stderr once; github annotates each once", () => {
    const dir = repo();
    writeFileSync(join(dir, "profiles", "bad.yaml"), "version: 1\nlatency: 10ms\nthroughput: 1k/s\nunit: evnt\n");
    // two ADRs share the broken profile: one problem
    writeFileSync(join(dir, "docs", "decisions", "0022-a.md"), madr("../../profiles/bad.yaml", "flink"));
    writeFileSync(join(dir, "docs", "decisions", "0023-b.md"), madr("../../profiles/bad.yaml", "spark"));
    const problem = "profiles/bad.yaml:4:7: 'evnt' is not a valid unit";
    const occurrences = (s: string, x: string) => s.split(x).length - 1;
    const human = check(["docs/decisions"], dir);
    expect(human.stderr).toBe("");
    expect(occurrences(human.stdout, problem)).toBe(1);
    expect(human.stdout).toContain("profiles/bad.yaml:4:7: the same problem as above");
    for (const format of ["json", "sarif", "junit"]) {
      const r = check(["docs/decisions", "--format", format], dir);
      expect(occurrences(r.stderr, problem)).toBe(1);
    }
    const gh = check(["docs/decisions", "--format", "github"], dir);
    expect(gh.stderr).toBe("");
    expect(gh.stdout.split("\n").filter((l) => l.startsWith("::error file=profiles/bad.yaml,line=4,col=7,"))).toHaveLength(1);
    const sarif = JSON.parse(check(["docs/decisions", "--format", "sarif"], dir).stdout);
    expect(sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === "invalid-adr")).toHaveLength(1);
  });
});

describe("never green by accident", () => {
  it("exits 2 with a clear message when the paths hold no ADR with a stream-advisor block", () => {
    const dir = repo();
    mkdirSync(join(dir, "empty"));
    mkdirSync(join(dir, "notes"));
    writeFileSync(join(dir, "notes", "README.md"), "# Notes\n\nNo decision here.\n");
    const empty = check(["empty"], dir);
    expect(empty.status).toBe(2);
    expect(empty.stdout).toBe("");
    expect(empty.stderr).toMatch(/^advise check: no Markdown file in empty; nothing was checked\. .*--allow-empty/);
    const noBlock = check(["notes", "--format", "sarif"], dir);
    expect(noBlock.status).toBe(2);
    expect(noBlock.stdout).toBe("");
    expect(noBlock.stderr).toContain("the one Markdown file in notes has no stream-advisor block; nothing was checked");
    const gh = check(["notes", "--format", "github"], dir);
    expect(gh.status).toBe(2);
    expect(gh.stderr).toBe("");
    expect(gh.stdout).toMatch(/^::error title=advise check%3A nothing checked::the one Markdown file in notes has no stream-advisor block/);
    writeFileSync(join(dir, "notes", "TODO.md"), "# To do\n");
    expect(check(["notes"], dir).stderr).toContain("none of the 2 Markdown files in notes has a stream-advisor block; nothing was checked");
  });

  it("--allow-empty makes nothing to check a success", () => {
    const dir = repo();
    mkdirSync(join(dir, "empty"));
    const r = check(["empty", "--allow-empty"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("0 checked, 0 passed, 0 warned, 0 failed, 0 skipped\n");
  });

  it("a glob that matches nothing is a located problem, exit 2", () => {
    const dir = repo();
    const r = check(["docs/decisions/0001-akka.md", "docs/adr/*.md"], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("docs/adr/*.md: no file or folder matches this pattern");
  });

  it("ADRs whose only blocks are superseded still count as found: they are skipped, exit 0", () => {
    const dir = repo();
    mkdirSync(join(dir, "old"));
    writeFileSync(join(dir, "old", "1.md"), "---\nstatus: superseded\nstream-advisor: {profile: ../profiles/card-authorization.yaml, chosen: spark}\n---\n");
    expect(check(["old"], dir).status).toBe(0);
  });

  it("--max-warnings N fails (exit 1) on more than N warned decisions; acknowledged ones do not count", () => {
    const dir = repo();
    const warned = ["docs/decisions/0001-akka.md", "docs/decisions/0003-kafka.md"];
    expect(check(warned, dir).status).toBe(0);
    expect(check([...warned, "--max-warnings", "1"], dir).status).toBe(0);
    const over = check([...warned, "--max-warnings", "0"], dir);
    expect(over.status).toBe(1);
    expect(over.stdout).toContain("error: 1 warned decision, more than --max-warnings 0");
    const json = JSON.parse(check([...warned, "--max-warnings", "0", "--format", "json"], dir).stdout);
    expect(json.exitCode).toBe(1);
    expect(json.notices).toEqual([{ id: "too-many-warnings", level: "error", message: "1 warned decision, more than --max-warnings 0" }]);
    expect(check([...warned, "--max-warnings", "0", "--format", "github"], dir).stdout).toMatch(/^::error title=advise check%3A too-many-warnings::1 warned decision/m);
    // a failure still exits 1, an invalid ADR 2
    expect(check(["docs/decisions", "--max-warnings", "0"], dir).status).toBe(1);
    for (const bad of ["-2", "1.5", "x"]) expect(check([...warned, "--max-warnings", bad], dir).status).toBe(2);
    // -1: no limit, as in ESLint
    expect(check([...warned, "--max-warnings", "-1"], dir).status).toBe(0);
    // acknowledged: not a warning
    writeFileSync(join(dir, "docs", "decisions", "0003-kafka.md"), madr("../../profiles/card-authorization.yaml", "kafka-streams", "  margin: 20\n  acknowledge:\n    - {rule: better-engine-within-margin, reason: we run Kafka, until: 2027-06-30}\n"));
    expect(check([...warned, "--max-warnings", "0"], dir).status).toBe(0);
  });
});

describe("the stale-catalogue note", () => {
  const later = { SOURCE_DATE_EPOCH: "1893456000" }; // 2030-01-01, 38 months after the catalogue's 2026-11
  it("is in every check format when the catalogue is more than 12 months old, and only then", () => {
    const dir = repo();
    const args = ["docs/decisions/0001-akka.md"];
    const note = "the engine catalogue is as of 2026-11, 38 months ago";
    const human = check(args, dir, later);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain(`note: ${note}`);
    expect(human.stderr).toBe("");
    expect(check(args, dir, later).stdout).toBe(human.stdout);
    expect(check([...args, "--format", "github"], dir, later).stdout).toMatch(new RegExp(`^::notice title=advise check%3A catalogue-stale::${note}`, "m"));
    const sarif = JSON.parse(check([...args, "--format", "sarif"], dir, later).stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toEqual([{ level: "note", message: { text: expect.stringContaining(note) }, descriptor: { id: "catalogue-stale" } }]);
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    const json = check([...args, "--format", "json"], dir, later);
    expect(JSON.parse(json.stdout).notices).toEqual([{ id: "catalogue-stale", level: "note", message: expect.stringContaining(note) }]);
    expect(json.stderr).toContain(`note: ${note}`);
    // today (2026-12): no note
    const fresh = check([...args, "--format", "json"], dir);
    expect(JSON.parse(fresh.stdout).notices).toBeUndefined();
    expect(check(args, dir).stdout).not.toContain("note:");
  });
});

describe("acknowledging a warning in the ADR", () => {
  const ack = (until: string, rule = "better-engine-within-margin") => `  acknowledge:\n    - rule: ${rule}\n      reason: "We already run Kafka; revisit with the platform team"\n      until: ${until}\n`;
  function acked(until: string, rule?: string) {
    const dir = repo();
    writeFileSync(join(dir, "docs", "decisions", "0003-kafka.md"), madr("../../profiles/card-authorization.yaml", "kafka-streams", `  margin: 20\n${ack(until, rule)}`));
    return dir;
  }
  const file = "docs/decisions/0003-kafka.md";

  it("reports the decision as acknowledged, not warned, until the date (inclusive)", () => {
    const dir = acked("2027-06-30");
    const r = check([file], dir, { SOURCE_DATE_EPOCH: undefined });
    expect(r.status).toBe(0);
    expect(check([file, "--today", "2027-06-30"], dir).stdout).toMatch(/^ACK {3}docs\/decisions\/0003-kafka\.md:5:11 {2}chosen: kafka-streams$/m);
    const human = check([file], dir);
    expect(flat(human.stdout)).toContain("acknowledged until 2027-06-30 at docs/decisions/0003-kafka.md:10:14: We already run Kafka; revisit with the platform team");
    expect(human.stdout.trimEnd().split("\n").at(-1)).toBe("1 checked, 0 passed, 0 warned, 0 failed, 0 skipped, 1 acknowledged");
    const j = JSON.parse(check([file, "--format", "json"], dir).stdout);
    expect(j.summary).toMatchObject({ acknowledged: 1, warned: 0 });
    expect(j.adrs[0].outcome).toBe("acknowledged");
    expect(j.adrs[0].decisions[0]).toMatchObject({ outcome: "acknowledged", check: "better-engine-within-margin" });
    expect(j.adrs[0].decisions[0].acknowledgements).toEqual([{ rule: "better-engine-within-margin", reason: "We already run Kafka; revisit with the platform team", until: "2027-06-30", line: 10, col: 14, state: "applied" }]);
    // GitHub: no warning annotation, listed in the summary; SARIF: a result suppressed in source
    const gh = check([file, "--format", "github"], dir);
    expect(gh.stdout).not.toMatch(/^::warning/m);
    expect(gh.stdout).toContain("| acknowledged (chosen: kafka-streams) |");
    const sarif = JSON.parse(check([file, "--format", "sarif"], dir).stdout);
    expect(sarif.runs[0].results[0].suppressions).toEqual([
      { kind: "inSource", status: "accepted", justification: "We already run Kafka; revisit with the platform team (until 2027-06-30)", location: { physicalLocation: { artifactLocation: { uri: file, uriBaseId: "%SRCROOT%" }, region: { startLine: 10, startColumn: 14 } } } },
    ]);
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(check([file, "--format", "junit"], dir).stdout).toContain('<property name="decision 5:11" value="acknowledged (better-engine-within-margin)"/>');
  });

  it("once the date is past, warns again and reports the expired acknowledgement at its until: value", () => {
    const dir = acked("2026-11-30");
    const r = check([file], dir); // today: 2026-12-01
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^WARN {2}docs\/decisions\/0003-kafka\.md:5:11/m);
    expect(flat(r.stdout)).toContain("acknowledgement expired: docs/decisions/0003-kafka.md:10:14: better-engine-within-margin was acknowledged until 2026-11-30");
    const gh = check([file, "--format", "github"], dir);
    expect(gh.stdout).toMatch(/^::warning file=docs\/decisions\/0003-kafka\.md,line=10,col=14,title=advise check%3A acknowledgement expired \(acknowledgement-expired\)::/m);
    expect(gh.stdout).toMatch(/^::warning file=docs\/decisions\/0003-kafka\.md,line=5,col=11,/m);
    const sarif = JSON.parse(check([file, "--format", "sarif"], dir).stdout);
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(["better-engine-within-margin", "acknowledgement-expired"]);
    expect(validateSarif(sarif)).toBe(true);
    // and it counts as a warning again
    expect(check([file, "--max-warnings", "0"], dir).status).toBe(1);
    // the same ADR judged on an earlier day: acknowledged
    expect(check([file, "--today", "2026-11-30"], dir).stdout).toMatch(/^ACK /m);
  });

  it("an unknown check id, one that fails the decision, or a date that is not a date is an error at its place", () => {
    const typo = check([file, "--format", "json"], acked("2027-06-30", "better-engine-within-marign"));
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe("docs/decisions/0003-kafka.md:8:13: unknown check id 'better-engine-within-marign' (did you mean 'better-engine-within-margin'?); expected one of better-engine-within-margin (the checks that warn)\n");
    const failing = check([file], acked("2027-06-30", "chosen-engine-outscored"));
    expect(failing.status).toBe(2);
    expect(flat(failing.stdout)).toContain("docs/decisions/0003-kafka.md:8:13: 'chosen-engine-outscored' cannot be acknowledged");
    const date = check([file], acked("2027-02-30"));
    expect(date.status).toBe(2);
    expect(flat(date.stdout)).toContain("docs/decisions/0003-kafka.md:10:14: '2027-02-30' is not a date");
  });

  it("never turns a failure into a pass: a gap beyond the margin fails, acknowledged or not", () => {
    const dir = repo();
    writeFileSync(join(dir, "docs", "decisions", "0003-kafka.md"), madr("../../profiles/card-authorization.yaml", "kafka-streams", `  margin: 2\n${ack("2027-06-30")}`));
    const r = check([file], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^FAIL /m);
  });

  it("works in a Nygard fenced block too; a bad --today or SOURCE_DATE_EPOCH is a usage error", () => {
    const dir = repo();
    writeFileSync(join(dir, "docs", "decisions", "0004-nygard.md"), `# 4. Kafka\n\n## Status\n\nAccepted\n\n\`\`\`yaml stream-advisor\nprofile: ../../profiles/card-authorization.yaml\nchosen: kafka-streams\nmargin: 20\nacknowledge:\n  - {rule: better-engine-within-margin, reason: ok, until: 2027-01-31}\n\`\`\`\n`);
    expect(check(["docs/decisions/0004-nygard.md"], dir).stdout).toMatch(/^ACK {3}docs\/decisions\/0004-nygard\.md:9:9/m);
    expect(check(["docs/decisions/0004-nygard.md", "--today", "2027-02-01"], dir).stdout).toMatch(/^WARN /m);
    expect(check(["docs/decisions/0004-nygard.md"], dir, { SOURCE_DATE_EPOCH: "1801526400" }).stdout).toMatch(/^WARN /m); // 2027-02-01
    const bad = check(["docs/decisions/0004-nygard.md", "--today", "tomorrow"], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--today 'tomorrow' is not a date; expected YYYY-MM-DD");
    expect(check(["docs/decisions/0004-nygard.md"], dir, { SOURCE_DATE_EPOCH: "soon" }).status).toBe(2);
  });
});

describe("--output-file", () => {
  it("writes the report there for every format, stdout empty, and says so on stderr", () => {
    const dir = repo();
    for (const [format, name] of [["human", "r.txt"], ["json", "r.json"], ["github", "r.log"], ["sarif", "out/r.sarif"], ["junit", "out/deep/r.xml"]] as const) {
      const r = check(["docs/decisions", "--format", format, "--output-file", name], dir);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`advise check: wrote ${name}: 3 checked, 1 passed, 1 warned, 1 failed, 0 skipped\n`);
      expect(readFileSync(join(dir, name), "utf8")).toBe(check(["docs/decisions", "--format", format], dir).stdout);
    }
    expect(check(["docs/decisions", "-o", "short.json", "--format", "json"], dir).status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, "short.json"), "utf8")).schema).toBe("stream-advisor/check@1");
  });

  it("is atomic: a run that cannot write leaves no partial file, and a failed run keeps the previous report", () => {
    const dir = repo();
    mkdirSync(join(dir, "taken"));
    const r = check(["docs/decisions", "--format", "sarif", "--output-file", "taken"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("taken: is a directory");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // a good report, then a run that stops before writing (a bad --catalog): the good one stays
    expect(check(["docs/decisions", "--format", "sarif", "-o", "advise.sarif"], dir).status).toBe(1);
    const before = readFileSync(join(dir, "advise.sarif"), "utf8");
    expect(check(["docs/decisions", "--format", "sarif", "-o", "advise.sarif", "--catalog", "no-such-folder"], dir).status).toBe(2);
    expect(readFileSync(join(dir, "advise.sarif"), "utf8")).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("several paths and globs in one run", () => {
  it("expands quoted globs itself (*, **, ?, [..], {a,b}), dedupes, and keeps argument order", () => {
    const dir = repo();
    mkdirSync(join(dir, "services", "api", "docs", "adr"), { recursive: true });
    mkdirSync(join(dir, "services", "web", "docs", "adr"), { recursive: true });
    writeFileSync(join(dir, "services", "api", "docs", "adr", "0001-api.md"), madr("../../../../profiles/card-authorization.yaml", "akka-streams"));
    writeFileSync(join(dir, "services", "web", "docs", "adr", "0001-web.md"), madr("../../../../profiles/card-authorization.yaml", "spark"));
    const files = (args: string[]) => JSON.parse(check([...args, "--format", "json"], dir).stdout).adrs.map((a: { file: string }) => a.file);
    expect(files(["services/*/docs/adr/*.md"])).toEqual(["services/api/docs/adr/0001-api.md", "services/web/docs/adr/0001-web.md"]);
    expect(files(["services/*/docs/adr"])).toEqual(["services/api/docs/adr/0001-api.md", "services/web/docs/adr/0001-web.md"]);
    expect(files(["**/0001-*.md"])).toEqual(["docs/decisions/0001-akka.md", "services/api/docs/adr/0001-api.md", "services/web/docs/adr/0001-web.md"]);
    expect(files(["docs/decisions/000[13]-*.md", "docs/decisions/0001-akka.md"])).toEqual(["docs/decisions/0001-akka.md", "docs/decisions/0003-kafka.md"]);
    expect(files(["services/{web,api}/docs/adr/000?-*.md", "docs/decisions"])).toEqual([
      "services/api/docs/adr/0001-api.md",
      "services/web/docs/adr/0001-web.md",
      "docs/decisions/0001-akka.md",
      "docs/decisions/0002-spark.md",
      "docs/decisions/0003-kafka.md",
    ]);
    // from a subfolder, a glob is relative to it, and SARIF still names files from the root
    const sub = check(["../../services/*/docs/adr/*.md", "--format", "sarif"], join(dir, "src", "deep"));
    expect(uris(sub.stdout).map((u) => u.uri)).toEqual(["services/web/docs/adr/0001-web.md"]);
  });
});
