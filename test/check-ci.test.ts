// advise check in CI: SARIF fingerprints that survive moved lines, a baseline
// to adopt the check on a repository with failing decisions, --changed-since
// with a real git repository, and acknowledged decisions as GitHub notices.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, CLI_ROOT, TODAY_ENV } from "./cli-helpers.js";

const PROFILE = join(CLI_ROOT, "test", "fixtures", "adr", "profiles", "card-authorization.yaml");

function run(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  return spawnSync(process.execPath, [CLI, "check", ...args], {
    cwd,
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: "1", GITHUB_STEP_SUMMARY: undefined, ...TODAY_ENV, ...env },
  });
}

const adr = (chosen: string, extra = "", before = "") => `---\nstatus: accepted\n${before}stream-advisor:\n  profile: ../../profiles/card.yaml\n  chosen: ${chosen}\n${extra}---\n# Use ${chosen}\n`;

/** A repository (with .git) whose ADRs: 0001 passes, 0002 is warned (another engine ranks first within the margin), 0003 fails (disqualified). */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "advise-check-ci-"));
  mkdirSync(join(dir, ".git"));
  mkdirSync(join(dir, "docs", "decisions"), { recursive: true });
  mkdirSync(join(dir, "profiles"));
  copyFileSync(PROFILE, join(dir, "profiles", "card.yaml"));
  writeFileSync(join(dir, "docs", "decisions", "0001-akka.md"), adr("akka-streams"));
  writeFileSync(join(dir, "docs", "decisions", "0002-kafka.md"), adr("kafka-streams"));
  writeFileSync(join(dir, "docs", "decisions", "0003-flink.md"), adr("flink"));
  return dir;
}

type SarifResult = { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; baselineState?: string };
const sarifResults = (text: string): SarifResult[] => JSON.parse(text).runs[0].results;
const byFile = (results: SarifResult[]) => Object.fromEntries(results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r]));

describe("SARIF partialFingerprints", () => {
  it("stay the same when the decision's line moves and other lines change, and differ across files", () => {
    const dir = project();
    const first = byFile(sarifResults(run(["--format", "sarif"], dir).stdout));
    // the same decisions, with lines added above the block and the title edited
    writeFileSync(join(dir, "docs", "decisions", "0002-kafka.md"), adr("kafka-streams", "", "date: 2026-10-01\ndecision-makers: [payments]\nconsulted: [platform]\n").replace("# Use", "# We use"));
    const second = byFile(sarifResults(run(["--format", "sarif"], dir).stdout));
    const moved = "docs/decisions/0002-kafka.md";
    expect(second[moved]!.locations[0]!.physicalLocation.region.startLine).toBe(first[moved]!.locations[0]!.physicalLocation.region.startLine + 3);
    expect(second[moved]!.partialFingerprints).toEqual(first[moved]!.partialFingerprints);
    expect(Object.keys(first[moved]!.partialFingerprints)).toEqual(["streamAdvisorFinding/v1"]);
    // the same chosen engine and check in another file is another finding
    writeFileSync(join(dir, "docs", "decisions", "0004-kafka-again.md"), adr("kafka-streams"));
    const third = byFile(sarifResults(run(["--format", "sarif"], dir).stdout));
    expect(third["docs/decisions/0004-kafka-again.md"]!.partialFingerprints).not.toEqual(third[moved]!.partialFingerprints);
    // every result carries one, and no two results share one
    const all = Object.values(third).map((r) => JSON.stringify(r.partialFingerprints));
    expect(new Set(all).size).toBe(all.length);
  });

  it("is the same from a subfolder and in the JSON report's fingerprint", () => {
    const dir = project();
    const fromRoot = byFile(sarifResults(run(["--format", "sarif"], dir).stdout));
    const fromSub = byFile(sarifResults(run(["--format", "sarif", "."], join(dir, "docs", "decisions")).stdout));
    expect(fromSub["docs/decisions/0003-flink.md"]!.partialFingerprints).toEqual(fromRoot["docs/decisions/0003-flink.md"]!.partialFingerprints);
    const json = JSON.parse(run(["--format", "json"], dir).stdout);
    const flink = json.adrs.find((a: { file: string }) => a.file.endsWith("0003-flink.md")).decisions[0];
    expect(fromRoot["docs/decisions/0003-flink.md"]!.partialFingerprints["streamAdvisorFinding/v1"]).toBe(flink.fingerprint);
  });
});

describe("--baseline and --write-baseline", () => {
  it("adopts the check on failing records, then fails on a new failure and reports stale entries", () => {
    const dir = project();
    expect(run([], dir).status).toBe(1);
    // adopt: record today's findings; that run passes
    const write = run(["--write-baseline", "advise-baseline.json"], dir);
    expect(write.status).toBe(0);
    expect(write.stderr).toContain("wrote the baseline advise-baseline.json: 2 findings");
    const baseline = JSON.parse(readFileSync(join(dir, "advise-baseline.json"), "utf8"));
    expect(baseline.schema).toBe("stream-advisor/check-baseline@1");
    expect(baseline.findings.map((f: { file: string; chosen: string }) => `${f.file} ${f.chosen}`)).toEqual(["docs/decisions/0002-kafka.md kafka-streams", "docs/decisions/0003-flink.md flink"]);

    // with the baseline, the old failures are counted and do not fail the run
    const old = run(["--baseline", "advise-baseline.json"], dir);
    expect(old.status).toBe(0);
    expect(old.stdout).toContain("2 baselined");
    expect(old.stdout).toMatch(/WARN .*0002-kafka\.md.*\(baselined\)/);
    expect(old.stdout).toMatch(/FAIL .*0003-flink\.md.*\(baselined\)/);
    // JUnit: a skipped case, not a failure
    const junit = run(["--baseline", "advise-baseline.json", "--format", "junit"], dir).stdout;
    expect(junit).toMatch(/<skipped message="baselined: Apache Flink \(flink\) is disqualified/);
    expect(junit).not.toContain("<failure");
    const json = JSON.parse(run(["--baseline", "advise-baseline.json", "--format", "json"], dir).stdout);
    expect(json.summary.baselined).toBe(2);
    expect(json.exitCode).toBe(0);

    // a new failure fails, the old ones still do not
    writeFileSync(join(dir, "docs", "decisions", "0005-flink-again.md"), adr("flink"));
    const fresh = run(["--baseline", "advise-baseline.json", "--format", "json"], dir);
    expect(fresh.status).toBe(1);
    const report = JSON.parse(fresh.stdout);
    const decisions = report.adrs.flatMap((a: { file: string; decisions: { outcome: string; baselined?: boolean }[] }) => a.decisions.map((d) => `${a.file} ${d.outcome}${d.baselined ? " baselined" : ""}`));
    expect(decisions).toContain("docs/decisions/0005-flink-again.md failed");
    expect(decisions).toContain("docs/decisions/0003-flink.md failed baselined");
    // SARIF says which results are new
    const sarif = byFile(sarifResults(run(["--baseline", "advise-baseline.json", "--format", "sarif"], dir).stdout));
    expect(sarif["docs/decisions/0005-flink-again.md"]!.baselineState).toBe("new");
    expect(sarif["docs/decisions/0003-flink.md"]!.baselineState).toBe("unchanged");

    // fixing a baselined decision leaves a stale entry: reported, not failing
    writeFileSync(join(dir, "docs", "decisions", "0005-flink-again.md"), adr("akka-streams"));
    writeFileSync(join(dir, "docs", "decisions", "0002-kafka.md"), adr("akka-streams"));
    const stale = run(["--baseline", "advise-baseline.json"], dir);
    expect(stale.status).toBe(0);
    expect(stale.stdout).toContain("1 entry of the baseline advise-baseline.json no longer matches a finding");
    expect(stale.stdout).toContain("docs/decisions/0002-kafka.md (chosen: kafka-streams, better-engine-within-margin)");
    expect(JSON.parse(run(["--baseline", "advise-baseline.json", "--format", "json"], dir).stdout).baseline.stale).toHaveLength(1);
  });

  it("a baseline that is not one is exit 2 with a located message; the two options together are a usage error", () => {
    const dir = project();
    writeFileSync(join(dir, "b.json"), '{"schema": "something-else", "findings": []}');
    const r = run(["--baseline", "b.json"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("b.json:1:1: has schema \"something-else\"");
    const missing = run(["--baseline", "nope.json"], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nope.json");
    const both = run(["--baseline", "b.json", "--write-baseline", "c.json"], dir);
    expect(both.status).toBe(2);
    expect(existsSync(join(dir, "c.json"))).toBe(false);
  });
});

describe("--changed-since", () => {
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com", GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout;
  };
  function repo(): string {
    const dir = mkdtempSync(join(tmpdir(), "advise-changed-"));
    git(dir, "init", "-q", "-b", "main");
    mkdirSync(join(dir, "docs", "decisions"), { recursive: true });
    mkdirSync(join(dir, "profiles"));
    copyFileSync(PROFILE, join(dir, "profiles", "card.yaml"));
    copyFileSync(PROFILE, join(dir, "profiles", "other.yaml"));
    writeFileSync(join(dir, "docs", "decisions", "0001-akka.md"), adr("akka-streams"));
    writeFileSync(join(dir, "docs", "decisions", "0002-flink.md"), adr("flink"));
    writeFileSync(join(dir, "docs", "decisions", "0003-other.md"), adr("akka-streams").replace("card.yaml", "other.yaml"));
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "base");
    git(dir, "checkout", "-q", "-b", "topic");
    return dir;
  }
  const files = (stdout: string) => (JSON.parse(stdout).adrs as { file: string }[]).map((a) => a.file);

  it("checks the ADRs changed since the ref and the ADRs whose profile changed, nothing else", () => {
    const dir = repo();
    // nothing changed: nothing to check, and that is fine
    const none = run(["--changed-since", "main", "--format", "json"], dir);
    expect(none.status).toBe(0);
    expect(files(none.stdout)).toEqual([]);
    expect(none.stderr).toContain("no ADR or ADR profile changed since main");

    // an edited ADR (committed on the branch) and a new one (not yet committed)
    writeFileSync(join(dir, "docs", "decisions", "0001-akka.md"), `${adr("akka-streams")}\nMore context.\n`);
    git(dir, "commit", "-q", "-am", "edit 0001");
    writeFileSync(join(dir, "docs", "decisions", "0004-new.md"), adr("akka-streams"));
    expect(files(run(["--changed-since", "main", "--format", "json"], dir).stdout)).toEqual(["docs/decisions/0001-akka.md", "docs/decisions/0004-new.md"]);

    // a changed profile brings in the ADRs that use it, and only those
    writeFileSync(join(dir, "profiles", "other.yaml"), `${readFileSync(PROFILE, "utf8")}\n# reviewed\n`);
    expect(files(run(["--changed-since", "main", "--format", "json"], dir).stdout)).toEqual(["docs/decisions/0001-akka.md", "docs/decisions/0003-other.md", "docs/decisions/0004-new.md"]);
    // the failing 0002 was not changed: the run passes
    expect(run(["--changed-since", "main"], dir).status).toBe(0);
    expect(run([], dir).status).toBe(1);
  });

  it("compares from the merge base: what the base branch gained since is not the pull request's", () => {
    const dir = repo();
    git(dir, "checkout", "-q", "main");
    writeFileSync(join(dir, "docs", "decisions", "0002-flink.md"), `${adr("flink")}\nEdited on main.\n`);
    git(dir, "commit", "-q", "-am", "main moves on");
    git(dir, "checkout", "-q", "topic");
    expect(files(run(["--changed-since", "main", "--format", "json"], dir).stdout)).toEqual([]);
  });

  it("an unknown ref, or no git repository, is a usage error (exit 2)", () => {
    const dir = repo();
    const r = run(["--changed-since", "no-such-branch"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("git knows no commit 'no-such-branch'");
    const flag = run(["--changed-since=--output=x"], dir);
    expect(flag.status).toBe(2);
    expect(existsSync(join(dir, "x"))).toBe(false);
  });
});

describe("--format github: acknowledged decisions", () => {
  it("are ::notice annotations with the until date and the reason", () => {
    const dir = project();
    // kafka-streams within a wide margin is warned; acknowledged until a date in the future
    writeFileSync(join(dir, "docs", "decisions", "0002-kafka.md"), adr("kafka-streams", "  margin: 40\n  acknowledge:\n    - {rule: better-engine-within-margin, reason: we already run Kafka, until: 2027-06-30}\n"));
    const r = run(["--format", "github", "docs/decisions/0002-kafka.md"], dir);
    expect(r.status).toBe(0);
    const notice = r.stdout.split("\n").find((l) => l.startsWith("::notice file=docs/decisions/0002-kafka.md"));
    expect(notice).toBeDefined();
    expect(notice).toContain("acknowledged until 2027-06-30");
    expect(notice).toContain("we already run Kafka");
  });
});
