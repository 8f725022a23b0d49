// The README's GitHub Actions workflow and the shipped pre-commit hooks work as written:
// the workflow parses, uses current action majors with the permissions upload-sarif needs,
// and its `advise` steps run (on a copy of this repository's own decision records) and
// produce what the next step reads; each pre-commit hook's entry runs on changed files.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { advise, CLI, CLI_ROOT, sarifValidator, TODAY_ENV } from "./cli-helpers.js";

const readme = readFileSync(join(CLI_ROOT, "README.md"), "utf8");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

/** The workflow YAML the README tells readers to save as .github/workflows/decisions.yml. */
function readmeWorkflow(): { permissions: Record<string, string>; on: unknown; jobs: Record<string, { "runs-on": string; steps: Step[] }> } {
  const at = readme.indexOf("`.github/workflows/decisions.yml`");
  expect(at).toBeGreaterThan(0);
  const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at))!;
  return parse(block[1]!);
}

/** A checkout of this repository's decision records: .git, docs/ and profiles/. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), "advise-workflow-"));
  mkdirSync(join(dir, ".git"));
  cpSync(join(CLI_ROOT, "docs"), join(dir, "docs"), { recursive: true });
  cpSync(join(CLI_ROOT, "profiles"), join(dir, "profiles"), { recursive: true });
  return dir;
}

/** Runs a workflow `run:` line or a hook entry as the shell would, with `npx advise`/`advise` as the built CLI. */
function runLine(line: string, cwd: string, extra: string[] = []) {
  const words = line.trim().split(/\s+/);
  const start = words[0] === "npx" ? 1 : 0;
  expect(words[start]).toBe("advise");
  return spawnSync(process.execPath, [CLI, ...words.slice(start + 1), ...extra], { cwd, encoding: "utf8", timeout: 20_000, env: { ...process.env, NO_COLOR: "1", GITHUB_STEP_SUMMARY: undefined, ...TODAY_ENV } });
}


describe("the README's GitHub Actions workflow", () => {
  const wf = readmeWorkflow();
  const steps = Object.values(wf.jobs)[0]!.steps;
  const uses = (prefix: string) => steps.find((s) => s.uses?.startsWith(prefix));

  it("uses the current action majors and Node 26, the current LTS", () => {
    expect(uses("actions/checkout@")?.uses).toBe("actions/checkout@v7");
    expect(uses("actions/setup-node@")?.uses).toBe("actions/setup-node@v7");
    expect(uses("actions/setup-node@")?.with?.["node-version"]).toBe(26);
    expect(uses("github/codeql-action/upload-sarif@")?.uses).toBe("github/codeql-action/upload-sarif@v4");
  });

  it("asks for the permissions upload-sarif needs, and no write access to the code", () => {
    expect(wf.permissions).toMatchObject({ contents: "read", "security-events": "write" });
    expect(Object.entries(wf.permissions).filter(([k, v]) => v === "write" && k !== "security-events")).toEqual([]);
  });

  it("its advise steps run: the SARIF step writes the valid file the upload step reads; the fork fallback annotates", () => {
    const advising = steps.filter((s) => s.run?.includes("advise check"));
    expect(advising).toHaveLength(2);
    const upload = uses("github/codeql-action/upload-sarif@")!;
    const sarifFile = String(upload.with?.sarif_file);
    expect(upload.if).toContain("always()");
    for (const step of advising) {
      const dir = checkout();
      const r = runLine(step.run!, dir);
      expect(r.status, `${step.run}\n${r.stdout}${r.stderr}`).toBe(0);
      if (step.run!.includes("--format sarif")) {
        expect(step.run).toContain(`--output-file ${sarifFile}`);
        expect(existsSync(join(dir, sarifFile))).toBe(true);
        const validate = sarifValidator();
        const log = JSON.parse(readFileSync(join(dir, sarifFile), "utf8"));
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
        expect(log.runs[0].properties.summary.checked).toBeGreaterThan(0);
        expect(step.if).toContain("!github.event.pull_request.head.repo.fork");
      } else {
        expect(step.run).toContain("--format github");
        expect(step.if).toContain("github.event.pull_request.head.repo.fork");
        expect(r.stdout).toMatch(/^\d+ checked, \d+ passed, 0 warned, 0 failed, \d+ skipped\n$/m);
      }
    }
  });

  it("the README says what the upload needs: Advanced Security on private repositories, and no SARIF from forks", () => {
    expect(readme).toContain("on private and internal ones it needs\nGitHub Advanced Security");
    expect(readme).toMatch(/pull request from a fork runs with a read-only token and cannot upload SARIF/);
  });
});

describe("the pre-commit hooks (.pre-commit-hooks.yaml)", () => {
  const hooks = parse(readFileSync(join(CLI_ROOT, ".pre-commit-hooks.yaml"), "utf8")) as { id: string; entry: string; language: string; files?: string; pass_filenames?: boolean; types?: string[] }[];
  const hook = (id: string) => hooks.find((h) => h.id === id)!;

  it("advise-check picks ADR files only, and passes on any set of changed ones", () => {
    const h = hook("advise-check");
    expect(h.language).toBe("node");
    const files = new RegExp(h.files!);
    expect(files.test("docs/decisions/0002-x.md")).toBe(true);
    expect(files.test("services/api/doc/adr/0001-x.md")).toBe(true);
    expect(files.test("README.md")).toBe(false);
    const dir = checkout();
    // changed: a passing ADR, and ADR 0001 of this repository (superseded)
    const changed = ["docs/decisions/0002-use-akka-streams-for-card-authorization.md", "docs/decisions/0001-use-kafka-streams-for-card-authorization.md"];
    const r = runLine(h.entry, dir, changed);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("PASS  docs/decisions/0002-use-akka-streams-for-card-authorization.md");
    // a change to a Markdown file without a block is nothing to check, and fine in a hook
    mkdirSync(join(dir, "docs", "adr"));
    cpSync(join(CLI_ROOT, "test", "fixtures", "adr", "nygard", "0001-record-architecture-decisions.md"), join(dir, "docs", "adr", "0001-record.md"));
    expect(runLine(h.entry, dir, ["docs/adr/0001-record.md"]).status).toBe(0);
  });

  it("advise-check-all checks every ADR, without file names", () => {
    const h = hook("advise-check-all");
    expect(h.pass_filenames).toBe(false);
    expect(new RegExp(h.files!).test("profiles/card-authorization.yaml")).toBe(true);
    const r = runLine(h.entry, checkout());
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("docs/decisions/0004-use-flink-for-cdc-to-search.md");
  });
});

describe("advise check --help", () => {
  it("teaches the pipeline options with examples", () => {
    const r = advise(["check", "--help"]);
    expect(r.status).toBe(0);
    for (const flag of ["--output-file <file>", "--max-warnings <n>", "--allow-empty", "--allow-outside", "--today <date>"]) expect(r.stdout).toContain(flag);
    for (const example of ["advise check --format sarif --output-file advise.sarif", "advise check --max-warnings 0", "advise check --allow-empty", "advise check --today 2027-07-01", "acknowledge:"]) expect(r.stdout).toContain(example);
  });
});
